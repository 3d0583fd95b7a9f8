"""Held-out wrong answers for lesson 07 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("07.1", "Concatenate instead of Add", '''
def residual_mlp_model(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width, activation="relu")(stem)
    joined = layers.Concatenate()([stem, block])
    digit = layers.Dense(10, activation="softmax")(joined)
    return keras.Model(pixels, digit)
'''),
    Wrong("07.1", "output layer on the block, so the Add leads nowhere and drops out", '''
def residual_mlp_model(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width, activation="relu")(stem)
    added = layers.Add()([stem, block])
    digit = layers.Dense(10, activation="softmax")(block)
    return keras.Model(pixels, digit)
'''),
    Wrong("07.1", "second layer applied to the pixels, not to the stem", '''
def residual_mlp_model(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width, activation="relu")(pixels)
    added = layers.Add()([stem, block])
    digit = layers.Dense(10, activation="softmax")(added)
    return keras.Model(pixels, digit)
'''),
    Wrong("07.1", "hard-codes 64 units and ignores width", '''
def residual_mlp_model(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(64, activation="relu")(pixels)
    block = layers.Dense(64, activation="relu")(stem)
    added = layers.Add()([stem, block])
    digit = layers.Dense(10, activation="softmax")(added)
    return keras.Model(pixels, digit)
'''),
    Wrong("07.2", "always projects the shortcut, even when channels == filters", '''
def conv_block_model(channels, filters):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    shortcut = layers.Conv2D(filters, 1)(maps)
    added = layers.Add()([shortcut, y])
    return keras.Model(maps, layers.Activation("relu")(added))
'''),
    Wrong("07.2", "never projects the shortcut", '''
def conv_block_model(channels, filters):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    added = layers.Add()([maps, y])
    return keras.Model(maps, layers.Activation("relu")(added))
'''),
    Wrong("07.2", "relu on the second convolution and no Activation after the sum", '''
def conv_block_model(channels, filters):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(y)
    shortcut = maps
    if channels != filters:
        shortcut = layers.Conv2D(filters, 1)(maps)
    added = layers.Add()([shortcut, y])
    return keras.Model(maps, added)
'''),
    Wrong("07.2", "a 3x3 projection instead of 1x1", '''
def conv_block_model(channels, filters):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    shortcut = maps
    if channels != filters:
        shortcut = layers.Conv2D(filters, 3, padding="same")(maps)
    added = layers.Add()([shortcut, y])
    return keras.Model(maps, layers.Activation("relu")(added))
'''),
]
