"""Lesson 12: the baseline, the capstone model, training it."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('12.1', 'no keras.Input, never built', '''
def build_baseline():
    return keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
''', words=('not built',)),
    Wrong('12.1', 'no softmax', '''
def build_baseline():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(64, activation="relu"), layers.Dense(10)])
''', words=('softmax',)),
    Wrong('12.1', 'reads 8x8 images', '''
def build_baseline():
    return keras.Sequential([keras.Input(shape=(8, 8)), layers.Flatten(), layers.Dense(64, activation="relu"),
                             layers.Dense(10, activation="softmax")])
''', words=('(None, 64)',)),
    Wrong('12.2', 'an encoder per half', '''
def _capstone(width=32, shared=True, residual=True):
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    other = encoder if shared else layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), other(right)])
    block = layers.Dense(2 * width, activation="relu")(joined)
    top = layers.Add()([joined, block]) if residual else block
    digit = layers.Dense(10, activation="softmax", name="digit")(top)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(top)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})


def build_capstone(width=32):
    return _capstone(width, shared=False)
''', words=('same object',)),
    Wrong('12.2', 'no residual connection', '''
def _capstone(width=32, shared=True, residual=True):
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    other = encoder if shared else layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), other(right)])
    block = layers.Dense(2 * width, activation="relu")(joined)
    top = layers.Add()([joined, block]) if residual else block
    digit = layers.Dense(10, activation="softmax", name="digit")(top)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(top)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})


def build_capstone(width=32):
    return _capstone(width, residual=False)
''', words=('Add',)),
    Wrong('12.2', 'a shape that is not a tuple', '''
def build_capstone(width=32):
    left, right = keras.Input(shape=32, name="left"), keras.Input(shape=32, name="right")
    encoder = layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    top = layers.Add()([joined, layers.Dense(2 * width, activation="relu")(joined)])
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation="softmax", name="digit")(top),
                        "is_odd": layers.Dense(1, activation="sigmoid", name="is_odd")(top)})
''', words=('shapes are tuples',)),
    Wrong('12.3', 'forgets to compile', '''
def _halves(images):
    grid = images.reshape(-1, 8, 8)
    return {"left": grid[:, :, :4].reshape(-1, 32), "right": grid[:, :, 4:].reshape(-1, 32)}


def train_capstone(model, images, labels):
    model.fit(_halves(images), {"digit": labels, "is_odd": labels % 2}, epochs=10, verbose=0)
    return model
''', words=('compile',)),
    Wrong('12.3', 'Keras 2 lr=', '''
LOSSES = {"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"}


def _halves(images):
    grid = images.reshape(-1, 8, 8)
    return {"left": grid[:, :, :4].reshape(-1, 32), "right": grid[:, :, 4:].reshape(-1, 32)}


def train_capstone(model, images, labels):
    model.compile(optimizer=keras.optimizers.Adam(lr=1e-3), loss=LOSSES,
                  metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]})
    model.fit(_halves(images), {"digit": labels, "is_odd": labels % 2}, epochs=10, verbose=0)
    return model
''', words=('learning_rate=',)),
    Wrong('12.3', 'feeds the whole images', '''
LOSSES = {"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"}

def train_capstone(model, images, labels):
    model.compile(optimizer="adam", loss=LOSSES, metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]})
    model.fit(images, {"digit": labels, "is_odd": labels % 2}, epochs=10, verbose=0)
    return model
''', words=('left',)),
    Wrong('12.2', 'output layers not named after their keys', '''
def build_capstone(width=32):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    top = layers.Add()([joined, layers.Dense(2 * width, activation="relu")(joined)])
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation="softmax")(top),
                        "is_odd": layers.Dense(1, activation="sigmoid")(top)})
''', words=('after their keys',)),
    Wrong('12.2', 'residual block on one half, before the join', '''
def build_capstone(width=32):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    encoded_left = encoder(left)
    block = layers.Dense(width, activation="relu")(encoded_left)
    skipped = layers.Add()([encoded_left, block])
    joined = layers.Concatenate()([skipped, encoder(right)])
    top = layers.Dense(2 * width, activation="relu")(joined)
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation="softmax", name="digit")(top),
                        "is_odd": layers.Dense(1, activation="sigmoid", name="is_odd")(top)})
''', words=('one half', 'Concatenate')),
    Wrong('12.2', 'width ignored, encoder fixed at 32 units', '''
def _capstone(width=32, shared=True, residual=True):
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    other = encoder if shared else layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), other(right)])
    block = layers.Dense(2 * width, activation="relu")(joined)
    top = layers.Add()([joined, block]) if residual else block
    digit = layers.Dense(10, activation="softmax", name="digit")(top)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(top)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})


def build_capstone(width=32):
    return _capstone(32)
''', words=('build_capstone(16)', 'width')),
    Wrong('12.2', 'encoder as wide as the join', '''
def _capstone(width=32, shared=True, residual=True):
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    other = encoder if shared else layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), other(right)])
    block = layers.Dense(2 * width, activation="relu")(joined)
    top = layers.Add()([joined, block]) if residual else block
    digit = layers.Dense(10, activation="softmax", name="digit")(top)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(top)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})


def build_capstone(width=32):
    return _capstone(2 * width)
''', words=('widths', 'width')),
    Wrong('12.3', 'a metric that is not accuracy', '''
LOSSES = {"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"}


def _halves(images):
    grid = images.reshape(-1, 8, 8)
    return {"left": grid[:, :, :4].reshape(-1, 32), "right": grid[:, :, 4:].reshape(-1, 32)}


def train_capstone(model, images, labels):
    model.compile(optimizer="adam", loss=LOSSES, metrics={"digit": ["accuracy"], "is_odd": ["mae"]})
    keras.utils.set_random_seed(0)
    model.fit(_halves(images), {"digit": labels, "is_odd": labels % 2}, epochs=10, batch_size=32, verbose=0)
    return model
''', words=('accuracy metric',)),
    Wrong('12.3', "Keras's default batch size forgotten: batch_size=64", '''
LOSSES = {"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"}


def _halves(images):
    grid = images.reshape(-1, 8, 8)
    return {"left": grid[:, :, :4].reshape(-1, 32), "right": grid[:, :, 4:].reshape(-1, 32)}


def train_capstone(model, images, labels):
    model.compile(optimizer="adam", loss=LOSSES, metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]})
    keras.utils.set_random_seed(0)
    model.fit(_halves(images), {"digit": labels, "is_odd": labels % 2}, epochs=10, batch_size=64, verbose=0)
    return model
''', words=('steps', 'batch_size=32')),
    Wrong('12.3', "trains on the notebook's own digits, not the arguments", '''
LOSSES = {"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"}


def _halves(images):
    grid = images.reshape(-1, 8, 8)
    return {"left": grid[:, :, :4].reshape(-1, 32), "right": grid[:, :, 4:].reshape(-1, 32)}


def train_capstone(model, images, labels):
    from course import data

    (x_train, y_train), _ = data.load_digits()
    model.compile(optimizer="adam", loss=LOSSES, metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]})
    keras.utils.set_random_seed(0)
    model.fit(_halves(x_train), {"digit": y_train, "is_odd": y_train % 2}, epochs=10, batch_size=32, verbose=0)
    return model
''', hidden_only="the public labels are the notebook's labels; only the grader's other labelling shows it"),
    Wrong('12.4', 'no hidden layer: the heads read the pixels', '''
def _design(hidden=(32,), digit="softmax", is_odd="sigmoid"):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    x = layers.Concatenate()([left, right])
    for units in hidden:
        x = layers.Dense(units, activation="relu")(x)
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation=digit, name="digit")(x),
                        "is_odd": layers.Dense(1, activation=is_odd, name="is_odd")(x)})


def design_capstone():
    return _design(hidden=())
''', words=('below the target', 'is_odd accuracy')),
    Wrong('12.4', 'far too small: 4 hidden units', '''
def _design(hidden=(32,), digit="softmax", is_odd="sigmoid"):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    x = layers.Concatenate()([left, right])
    for units in hidden:
        x = layers.Dense(units, activation="relu")(x)
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation=digit, name="digit")(x),
                        "is_odd": layers.Dense(1, activation=is_odd, name="is_odd")(x)})


def design_capstone():
    return _design(hidden=(4,))
''', words=('below the target', 'digit accuracy')),
    Wrong('12.4', 'a digit head without softmax', '''
def _design(hidden=(32,), digit="softmax", is_odd="sigmoid"):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    x = layers.Concatenate()([left, right])
    for units in hidden:
        x = layers.Dense(units, activation="relu")(x)
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation=digit, name="digit")(x),
                        "is_odd": layers.Dense(1, activation=is_odd, name="is_odd")(x)})


def design_capstone():
    return _design(digit=None)
''', words=('softmax', 'probabilities')),
    Wrong('12.4', 'softmax on the one-unit is_odd head', '''
def _design(hidden=(32,), digit="softmax", is_odd="sigmoid"):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    x = layers.Concatenate()([left, right])
    for units in hidden:
        x = layers.Dense(units, activation="relu")(x)
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation=digit, name="digit")(x),
                        "is_odd": layers.Dense(1, activation=is_odd, name="is_odd")(x)})


def design_capstone():
    return _design(is_odd="softmax")
''', words=('sigmoid',)),
    Wrong('12.4', 'far over the limit: 256 hidden units', '''
def _design(hidden=(32,), digit="softmax", is_odd="sigmoid"):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    x = layers.Concatenate()([left, right])
    for units in hidden:
        x = layers.Dense(units, activation="relu")(x)
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation=digit, name="digit")(x),
                        "is_odd": layers.Dense(1, activation=is_odd, name="is_odd")(x)})


def design_capstone():
    return _design(hidden=(256,))
''', words=('parameters', '6,000')),
    Wrong('12.4', 'whole images in', '''
def design_capstone():
    pixels = keras.Input(shape=(64,), name="pixels")
    x = layers.Dense(32, activation="relu")(pixels)
    return keras.Model(pixels, {"digit": layers.Dense(10, activation="softmax", name="digit")(x),
                                "is_odd": layers.Dense(1, activation="sigmoid", name="is_odd")(x)})
''', words=('left', 'right')),
    Wrong('12.2', 'outputs as a list', '''
def _capstone(width=32, shared=True, residual=True):
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    other = encoder if shared else layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), other(right)])
    block = layers.Dense(2 * width, activation="relu")(joined)
    top = layers.Add()([joined, block]) if residual else block
    digit = layers.Dense(10, activation="softmax", name="digit")(top)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(top)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})


def build_capstone(width=32):
    model = _capstone(width)
    return keras.Model(model.inputs, [model.get_layer("digit").output, model.get_layer("is_odd").output])
''', words=('dict',)),
    Wrong('12.4', 'outputs as a list', '''
def _design(hidden=(32,), digit="softmax", is_odd="sigmoid"):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    x = layers.Concatenate()([left, right])
    for units in hidden:
        x = layers.Dense(units, activation="relu")(x)
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation=digit, name="digit")(x),
                        "is_odd": layers.Dense(1, activation=is_odd, name="is_odd")(x)})


def design_capstone():
    model = _design()
    return keras.Model(model.inputs, [model.get_layer("digit").output, model.get_layer("is_odd").output])
''', words=('dict',)),
]
