"""Lesson 06: two heads, compiling them, reading a dict of predictions."""

import keras
from keras import layers

from mutants import mutant


@mutant("06.1", "list outputs where a dict is asked", words=("dict",))
def digit_and_parity_list():
    pixels = keras.Input(shape=(64,))
    trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="softmax", name="digit")(trunk)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(trunk)
    return keras.Model(pixels, [digit, is_odd])


@mutant("06.1", "a trunk per head", words=("different layers", "same trunk"))
def digit_and_parity_two_trunks():
    pixels = keras.Input(shape=(64,))
    digit = layers.Dense(10, activation="softmax", name="digit")(layers.Dense(64, activation="relu")(pixels))
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(layers.Dense(64, activation="relu")(pixels))
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})


@mutant("06.1", "swapped activations", words=("softmax", "sigmoid"))
def digit_and_parity_swapped():
    pixels = keras.Input(shape=(64,))
    trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="sigmoid", name="digit")(trunk)
    is_odd = layers.Dense(1, activation="softmax", name="is_odd")(trunk)
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})


@mutant("06.1", "unnamed output layers", words=("name",))
def digit_and_parity_unnamed():
    pixels = keras.Input(shape=(64,))
    trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="softmax")(trunk)
    is_odd = layers.Dense(1, activation="sigmoid")(trunk)
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})


@mutant("06.2", "lists of losses and metrics", words=("dict",))
def compile_digit_and_parity_lists(model):
    model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", "binary_crossentropy"],
                  metrics=[["accuracy"], ["accuracy"]], loss_weights=[1.0, 0.5])
    return model


@mutant("06.2", "Keras 2 lr=", words=("learning_rate=",))
def compile_digit_and_parity_lr(model):
    model.compile(optimizer=keras.optimizers.Adam(lr=0.001),
                  loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
                  metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]}, loss_weights={"digit": 1.0, "is_odd": 0.5})
    return model


@mutant("06.2", "forgets to return the model", words=("returns None",))
def compile_digit_and_parity_no_return(model):
    model.compile(optimizer="adam", loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
                  metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]}, loss_weights={"digit": 1.0, "is_odd": 0.5})


@mutant("06.2", "one metric string for two heads", words=("metrics",))
def compile_digit_and_parity_one_metric(model):
    model.compile(optimizer="adam", loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
                  metrics=["accuracy"], loss_weights={"digit": 1.0, "is_odd": 0.5})
    return model


@mutant("06.3", "indexes the dict like a list", words=("KeyError",))
def odd_digits_list(model, x):
    return model.predict(x, verbose=0)[1][:, 0] > 0.5


@mutant("06.3", "keeps the column dimension", words=("shape",))
def odd_digits_column(model, x):
    return model.predict(x, verbose=0)["is_odd"] > 0.5


@mutant("06.3", "rounds to floats", words=("booleans",))
def odd_digits_floats(model, x):
    return model.predict(x, verbose=0)["is_odd"][:, 0].round()


@mutant("06.3", "parity of the digit head", words=("is_odd",))
def odd_digits_from_digit(model, x):
    return model.predict(x, verbose=0)["digit"].argmax(axis=-1) % 2 == 1
