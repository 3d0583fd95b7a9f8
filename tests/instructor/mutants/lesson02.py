"""Lesson 02: building late, a CNN for flat pixels, reading shapes."""

import keras
from keras import layers

from mutants import mutant


@mutant("02.1", "never calls build", words=("not built",))
def build_late_unbuilt(n_features):
    return keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])


@mutant("02.1", "builds without the batch dimension", words=("None",))
def build_late_no_batch(n_features):
    model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
    model.build((n_features,))
    return model


@mutant("02.1", "hard-codes 30 features", hidden_only="the public case is the notebook's 30 features")
def build_late_hard_coded(n_features):
    model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
    model.build((None, 30))
    return model


@mutant("02.1", "one Dense layer only", words=("Dense(16) then Dense(1)",))
def build_late_one_layer(n_features):
    model = keras.Sequential([layers.Dense(1, activation="sigmoid")])
    model.build((None, n_features))
    return model


@mutant("02.1", "no activations", words=("relu", "sigmoid"))
def build_late_linear(n_features):
    model = keras.Sequential([layers.Dense(16), layers.Dense(1)])
    model.build((None, n_features))
    return model


@mutant("02.2", "no Reshape before Conv2D", words=("ndim",))
def digits_cnn_no_reshape():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Conv2D(8, 3, padding="same", activation="relu"),
                             layers.MaxPooling2D(), layers.Flatten(), layers.Dense(10, activation="softmax")])


@mutant("02.2", "valid padding", words=("parameters",))
def digits_cnn_valid_padding():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((8, 8, 1)),
                             layers.Conv2D(8, 3, activation="relu"), layers.MaxPooling2D(), layers.Flatten(),
                             layers.Dense(10, activation="softmax")])


@mutant("02.2", "forgets Flatten", words=("output shape",))
def digits_cnn_no_flatten():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((8, 8, 1)),
                             layers.Conv2D(8, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
                             layers.Dense(10, activation="softmax")])


@mutant("02.2", "no softmax on the output", words=("softmax",))
def digits_cnn_no_softmax():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((8, 8, 1)),
                             layers.Conv2D(8, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
                             layers.Flatten(), layers.Dense(10)])


@mutant("02.2", "reshapes to 4×16", words=("(8, 8, 1)",))
def digits_cnn_wrong_reshape():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((4, 16, 1)),
                             layers.Conv2D(8, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
                             layers.Flatten(), layers.Dense(10, activation="softmax")])


@mutant("02.2", "linear convolution", hidden_only="the convolution's settings are a hidden check")
def digits_cnn_linear_conv():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((8, 8, 1)), layers.Conv2D(8, 3, padding="same"),
                             layers.MaxPooling2D(), layers.Flatten(), layers.Dense(10, activation="softmax")])


@mutant("02.3", "Keras 2 layer.output_shape", words=("output_shape", "layer.output.shape"))
def layer_output_shapes_keras2(model):
    return [layer.output_shape for layer in model.layers]


@mutant("02.3", "skips the first layer as if it were the InputLayer", words=("expected",))
def layer_output_shapes_skip_first(model):
    return [tuple(layer.output.shape) for layer in model.layers[1:]]


@mutant("02.3", "hard-codes the notebook's shapes", hidden_only="another model is a hidden grading case")
def layer_output_shapes_hard_coded(model):
    return [(None, 8, 8, 1), (None, 6, 6, 4), (None, 3, 3, 4), (None, 36), (None, 3)]


@mutant("02.3", "lists instead of tuples", words=("tuple",),
        grading_blind="a saved answer is JSON, where tuples become lists")
def layer_output_shapes_lists(model):
    return [list(layer.output.shape) for layer in model.layers]
