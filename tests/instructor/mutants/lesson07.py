"""Lesson 07: a residual MLP, a convolutional block that projects when it must."""

import keras
from keras import layers

from mutants import mutant


@mutant("07.1", "adds the pixels instead of the stem", words=("incompatible shapes", "one shape"))
def residual_mlp_model_from_pixels(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width, activation="relu")(stem)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([pixels, block])))


@mutant("07.1", "block on the pixels, not on the stem", words=("chains",))
def residual_mlp_model_parallel(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width, activation="relu")(pixels)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([stem, block])))


@mutant("07.1", "linear block", words=("activation='relu'",))
def residual_mlp_model_linear(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width)(stem)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([stem, block])))


@mutant("07.1", "hard-codes the width", hidden_only="another width is a hidden grading case")
def residual_mlp_model_hard_coded(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(32, activation="relu")(pixels)
    block = layers.Dense(32, activation="relu")(stem)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([stem, block])))


@mutant("07.1", "compiles the model", words=("compiled",))
def residual_mlp_model_compiled(width):
    pixels = keras.Input(shape=(64,))
    stem = layers.Dense(width, activation="relu")(pixels)
    block = layers.Dense(width, activation="relu")(stem)
    model = keras.Model(pixels, layers.Dense(10, activation="softmax")(layers.Add()([stem, block])))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def _block(channels, filters, project, padding="same", last_relu=False, end_relu=None):
    maps = keras.Input(shape=(8, 8, channels))
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu")(maps)
    y = layers.Conv2D(filters, 3, padding=padding, activation="relu" if last_relu else None)(y)
    shortcut = layers.Conv2D(filters, 1)(maps) if project else maps
    added = layers.Add()([shortcut, y])
    end_relu = not last_relu if end_relu is None else end_relu
    return keras.Model(maps, layers.Activation("relu")(added) if end_relu else added)


@mutant("07.2", "always projects", words=("projection",))
def conv_block_model_always_projects(channels, filters):
    return _block(channels, filters, project=True)


@mutant("07.2", "never projects", words=("incompatible shapes", "1×1 Conv2D"))
def conv_block_model_never_projects(channels, filters):
    return _block(channels, filters, project=False)


@mutant("07.2", "relu inside the block, none after the sum", words=("relu",))
def conv_block_model_relu_before_add(channels, filters):
    return _block(channels, filters, project=channels != filters, last_relu=True)


@mutant("07.2", "valid padding", words=("incompatible shapes", "padding='same'"))
def conv_block_model_valid(channels, filters):
    return _block(channels, filters, project=channels != filters, padding="valid")


@mutant("07.2", "relu on both convolutions and after the sum", words=("second Conv2D", "expected none"))
def conv_block_model_relu_twice(channels, filters):
    return _block(channels, filters, project=channels != filters, last_relu=True, end_relu=True)
