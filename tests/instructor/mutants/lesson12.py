"""Lesson 12: the baseline, the capstone model, training it."""

import keras
from keras import layers

from mutants import mutant


@mutant("12.1", "no keras.Input, never built", words=("not built",))
def build_baseline_unbuilt():
    return keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])


@mutant("12.1", "no softmax", words=("softmax",))
def build_baseline_logits():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(64, activation="relu"), layers.Dense(10)])


@mutant("12.1", "reads 8x8 images", words=("(None, 64)",))
def build_baseline_grid():
    return keras.Sequential([keras.Input(shape=(8, 8)), layers.Flatten(), layers.Dense(64, activation="relu"),
                             layers.Dense(10, activation="softmax")])


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


@mutant("12.2", "an encoder per half", words=("same object",))
def build_capstone_two_encoders(width=32):
    return _capstone(width, shared=False)


@mutant("12.2", "no residual connection", words=("Add",))
def build_capstone_no_residual(width=32):
    return _capstone(width, residual=False)


@mutant("12.2", "a shape that is not a tuple", words=("shapes are tuples",))
def build_capstone_int_shape(width=32):
    left, right = keras.Input(shape=32, name="left"), keras.Input(shape=32, name="right")
    encoder = layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    top = layers.Add()([joined, layers.Dense(2 * width, activation="relu")(joined)])
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation="softmax", name="digit")(top),
                        "is_odd": layers.Dense(1, activation="sigmoid", name="is_odd")(top)})


LOSSES = {"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"}


def _halves(images):
    grid = images.reshape(-1, 8, 8)
    return {"left": grid[:, :, :4].reshape(-1, 32), "right": grid[:, :, 4:].reshape(-1, 32)}


@mutant("12.3", "forgets to compile", words=("compile",))
def train_capstone_uncompiled(model, images, labels):
    model.fit(_halves(images), {"digit": labels, "is_odd": labels % 2}, epochs=10, verbose=0)
    return model


@mutant("12.3", "Keras 2 lr=", words=("learning_rate=",))
def train_capstone_lr(model, images, labels):
    model.compile(optimizer=keras.optimizers.Adam(lr=1e-3), loss=LOSSES,
                  metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]})
    model.fit(_halves(images), {"digit": labels, "is_odd": labels % 2}, epochs=10, verbose=0)
    return model


@mutant("12.3", "feeds the whole images", words=("left",))
def train_capstone_unsplit(model, images, labels):
    model.compile(optimizer="adam", loss=LOSSES, metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]})
    model.fit(images, {"digit": labels, "is_odd": labels % 2}, epochs=10, verbose=0)
    return model


@mutant("12.2", "output layers not named after their keys", words=("after their keys",))
def build_capstone_unnamed_heads(width=32):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    top = layers.Add()([joined, layers.Dense(2 * width, activation="relu")(joined)])
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation="softmax")(top),
                        "is_odd": layers.Dense(1, activation="sigmoid")(top)})


@mutant("12.2", "residual block on one half, before the join", words=("one half", "Concatenate"))
def build_capstone_residual_per_half(width=32):
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


@mutant("12.2", "width ignored, encoder fixed at 32 units",
        hidden_only="the default width is 32, so only the grader's other width shows it")
def build_capstone_fixed_width(width=32):
    return _capstone(32)


@mutant("12.2", "encoder as wide as the join", words=("widths", "width"))
def build_capstone_wide_encoder(width=32):
    return _capstone(2 * width)


@mutant("12.3", "a metric that is not accuracy", words=("accuracy metric",))
def train_capstone_mae(model, images, labels):
    model.compile(optimizer="adam", loss=LOSSES, metrics={"digit": ["accuracy"], "is_odd": ["mae"]})
    keras.utils.set_random_seed(0)
    model.fit(_halves(images), {"digit": labels, "is_odd": labels % 2}, epochs=10, batch_size=32, verbose=0)
    return model


@mutant("12.3", "Keras's default batch size forgotten: batch_size=64", words=("steps", "batch_size=32"))
def train_capstone_batch64(model, images, labels):
    model.compile(optimizer="adam", loss=LOSSES, metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]})
    keras.utils.set_random_seed(0)
    model.fit(_halves(images), {"digit": labels, "is_odd": labels % 2}, epochs=10, batch_size=64, verbose=0)
    return model


@mutant("12.3", "trains on the notebook's own digits, not the arguments",
        hidden_only="the public labels are the notebook's labels; only the grader's other labelling shows it")
def train_capstone_own_data(model, images, labels):
    from course import data

    (x_train, y_train), _ = data.load_digits()
    model.compile(optimizer="adam", loss=LOSSES, metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]})
    keras.utils.set_random_seed(0)
    model.fit(_halves(x_train), {"digit": y_train, "is_odd": y_train % 2}, epochs=10, batch_size=32, verbose=0)
    return model


def _design(hidden=(32,), digit="softmax", is_odd="sigmoid"):
    left, right = keras.Input(shape=(32,), name="left"), keras.Input(shape=(32,), name="right")
    x = layers.Concatenate()([left, right])
    for units in hidden:
        x = layers.Dense(units, activation="relu")(x)
    return keras.Model({"left": left, "right": right},
                       {"digit": layers.Dense(10, activation=digit, name="digit")(x),
                        "is_odd": layers.Dense(1, activation=is_odd, name="is_odd")(x)})


@mutant("12.4", "no hidden layer: the heads read the pixels", words=("below the target", "is_odd accuracy"))
def design_capstone_linear():
    return _design(hidden=())


@mutant("12.4", "far too small: 4 hidden units", words=("below the target", "digit accuracy"))
def design_capstone_tiny():
    return _design(hidden=(4,))


@mutant("12.4", "a digit head without softmax", words=("softmax", "probabilities"))
def design_capstone_logits():
    return _design(digit=None)


@mutant("12.4", "softmax on the one-unit is_odd head", words=("sigmoid",))
def design_capstone_odd_softmax():
    return _design(is_odd="softmax")


@mutant("12.4", "far over the limit: 256 hidden units", words=("parameters", "6,000"))
def design_capstone_wide():
    return _design(hidden=(256,))


@mutant("12.4", "whole images in", words=("left", "right"))
def design_capstone_whole_images():
    pixels = keras.Input(shape=(64,), name="pixels")
    x = layers.Dense(32, activation="relu")(pixels)
    return keras.Model(pixels, {"digit": layers.Dense(10, activation="softmax", name="digit")(x),
                                "is_odd": layers.Dense(1, activation="sigmoid", name="is_odd")(x)})


@mutant("12.2", "outputs as a list", words=("dict",))
def build_capstone_list_outputs(width=32):
    model = _capstone(width)
    return keras.Model(model.inputs, [model.get_layer("digit").output, model.get_layer("is_odd").output])


@mutant("12.4", "outputs as a list", words=("dict",))
def design_capstone_list_outputs():
    model = _design()
    return keras.Model(model.inputs, [model.get_layer("digit").output, model.get_layer("is_odd").output])
