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
