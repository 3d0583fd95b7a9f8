"""Lesson 07: a residual MLP, a convolutional block that projects when it must."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('07.1', 'adds the pixels instead of the stem', '''
def residual_mlp_model(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width, activation="relu")(stem)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([pixels, block])))
''', words=('one shape',)),
    Wrong('07.1', 'block on the pixels, not on the stem', '''
def residual_mlp_model(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width, activation="relu")(pixels)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([stem, block])))
''', words=('chains',)),
    Wrong('07.1', 'linear block', '''
def residual_mlp_model(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width)(stem)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([stem, block])))
''', words=("activation='relu'",)),
    Wrong('07.1', 'hard-codes the width', '''
def residual_mlp_model(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(32, activation="relu")(pixels)
    block = layers.Dense(32, activation="relu")(stem)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([stem, block])))
''', words=('residual_mlp_model(16)', 'width argument')),
    Wrong('07.1', 'compiles the model', '''
def residual_mlp_model(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width, activation="relu")(stem)
    model = keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([stem, block])))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
''', words=('compiled',)),
    Wrong('07.2', 'always projects', '''
def _block(channels, filters, project, padding="same", last_relu=False, end_relu=None):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu" if last_relu else None)(y)
    shortcut = layers.Conv2D(filters, 1)(maps) if project else maps
    added = layers.Add()([shortcut, y])
    end_relu = not last_relu if end_relu is None else end_relu
    return keras.Model(maps, layers.Activation("relu")(added) if end_relu else added)


def conv_block_model(channels, filters):
    return _block(channels, filters, project=True)
''', words=('projection',)),
    Wrong('07.2', 'never projects', '''
def _block(channels, filters, project, padding="same", last_relu=False, end_relu=None):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu" if last_relu else None)(y)
    shortcut = layers.Conv2D(filters, 1)(maps) if project else maps
    added = layers.Add()([shortcut, y])
    end_relu = not last_relu if end_relu is None else end_relu
    return keras.Model(maps, layers.Activation("relu")(added) if end_relu else added)


def conv_block_model(channels, filters):
    return _block(channels, filters, project=False)
''', words=('one shape', '1×1 Conv2D')),
    Wrong('07.2', 'relu inside the block, none after the sum', '''
def _block(channels, filters, project, padding="same", last_relu=False, end_relu=None):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu" if last_relu else None)(y)
    shortcut = layers.Conv2D(filters, 1)(maps) if project else maps
    added = layers.Add()([shortcut, y])
    end_relu = not last_relu if end_relu is None else end_relu
    return keras.Model(maps, layers.Activation("relu")(added) if end_relu else added)


def conv_block_model(channels, filters):
    return _block(channels, filters, project=channels != filters, last_relu=True)
''', words=('relu',)),
    Wrong('07.2', 'valid padding', '''
def _block(channels, filters, project, padding="same", last_relu=False, end_relu=None):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu" if last_relu else None)(y)
    shortcut = layers.Conv2D(filters, 1)(maps) if project else maps
    added = layers.Add()([shortcut, y])
    end_relu = not last_relu if end_relu is None else end_relu
    return keras.Model(maps, layers.Activation("relu")(added) if end_relu else added)


def conv_block_model(channels, filters):
    return _block(channels, filters, project=channels != filters, padding="valid")
''', words=('one shape', "padding='same'")),
    Wrong('07.2', 'relu on both convolutions and after the sum', '''
def _block(channels, filters, project, padding="same", last_relu=False, end_relu=None):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu" if last_relu else None)(y)
    shortcut = layers.Conv2D(filters, 1)(maps) if project else maps
    added = layers.Add()([shortcut, y])
    end_relu = not last_relu if end_relu is None else end_relu
    return keras.Model(maps, layers.Activation("relu")(added) if end_relu else added)


def conv_block_model(channels, filters):
    return _block(channels, filters, project=channels != filters, last_relu=True, end_relu=True)
''', words=('second Conv2D', 'expected none')),
]
