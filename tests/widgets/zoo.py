"""Keras models of every shape the course draws, built fresh on each call (names fixed)."""

from __future__ import annotations

from typing import Callable

import keras
from keras import layers


def seq_mlp():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(32, activation="relu", name="hidden"),
                             layers.Dense(10, activation="softmax", name="digit")], name="seq_mlp")


def func_mlp():
    inputs = keras.Input(shape=(64,), name="pixels")
    x = layers.Dense(32, activation="relu", name="hidden")(inputs)
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="digit")(x), name="func_mlp")


def seq_cnn():
    return keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        layers.Conv2D(8, 3, activation="relu", padding="same", name="conv"),
        layers.MaxPooling2D(name="pool"),
        layers.Flatten(name="flatten"),
        layers.Dropout(0.2, name="dropout"),
        layers.Dense(10, activation="softmax", name="digit"),
    ], name="seq_cnn")


def wide_and_deep():
    wide = keras.Input(shape=(5,), name="wide")
    deep = keras.Input(shape=(6,), name="deep")
    hidden = layers.Dense(16, activation="relu", name="hidden_1")(deep)
    hidden = layers.Dense(16, activation="relu", name="hidden_2")(hidden)
    joined = layers.Concatenate(name="join")([wide, hidden])
    return keras.Model([wide, deep], layers.Dense(1, name="target")(joined), name="wide_and_deep")


def dict_io():
    title = keras.Input(shape=(10,), name="title")
    body = keras.Input(shape=(20,), name="body")
    x = layers.Concatenate(name="join")([title, body])
    x = layers.Dense(8, activation="relu", name="hidden")(x)
    priority = layers.Dense(1, activation="sigmoid", name="priority")(x)
    department = layers.Dense(3, activation="softmax", name="department")(x)
    return keras.Model({"title": title, "body": body}, {"priority": priority, "department": department},
                       name="dict_io")


def list_outputs():
    inputs = keras.Input(shape=(64,), name="pixels")
    x = layers.Dense(32, activation="relu", name="trunk")(inputs)
    digit = layers.Dense(10, activation="softmax", name="digit")(x)
    parity = layers.Dense(1, activation="sigmoid", name="is_odd")(x)
    return keras.Model(inputs, [digit, parity], name="list_outputs")


def shared_siamese():
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    encoder = layers.Dense(16, activation="relu", name="encoder")
    distance = layers.Subtract(name="difference")([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid", name="same")(distance),
                       name="shared_siamese")


def nested_siamese():
    encoder = keras.Sequential([keras.Input(shape=(64,)), layers.Dense(16, activation="relu", name="embed")],
                               name="encoder")
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    joined = layers.Concatenate(name="join")([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid", name="same")(joined),
                       name="nested_siamese")


def functional_in_sequential():
    inner_in = keras.Input(shape=(32,), name="inner_in")
    inner = keras.Model(inner_in, layers.Dense(16, activation="relu", name="inner_dense")(inner_in),
                        name="block")
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(32, name="first"), inner,
                             layers.Dense(10, name="head")], name="functional_in_sequential")


def residual_mlp():
    inputs = keras.Input(shape=(64,), name="pixels")
    x = layers.Dense(32, activation="relu", name="stem")(inputs)
    y = layers.Dense(32, activation="relu", name="block_1")(x)
    y = layers.Dense(32, name="block_2")(y)
    x = layers.Add(name="skip")([x, y])
    x = layers.Activation("relu", name="relu")(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="digit")(x), name="residual_mlp")


def residual_cnn():
    inputs = keras.Input(shape=(8, 8, 1), name="image")
    x = layers.Conv2D(8, 3, padding="same", activation="relu", name="conv_1")(inputs)
    y = layers.Conv2D(16, 3, padding="same", activation="relu", name="conv_2")(x)
    shortcut = layers.Conv2D(16, 1, name="projection")(x)
    x = layers.Add(name="skip")([shortcut, y])
    x = layers.GlobalAveragePooling2D(name="pool")(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="digit")(x), name="residual_cnn")


def ops_graph():
    inputs = keras.Input(shape=(8,), name="x")
    a = layers.Dense(8, name="dense_a")(inputs)
    b = keras.ops.relu(a)
    c = keras.ops.add(b, inputs)
    return keras.Model(inputs, layers.Dense(2, name="out")(c * 2.0), name="ops_graph")


def reused_across_models():
    """A layer shared with another model: only this model's calls may appear."""
    dense = layers.Dense(4, name="reused")
    other_in = keras.Input(shape=(4,), name="other_in")
    keras.Model(other_in, dense(other_in), name="other")
    inputs = keras.Input(shape=(4,), name="mine")
    return keras.Model(inputs, layers.Dense(1, name="out")(dense(dense(inputs))), name="reused_across_models")


def resnet50():
    return keras.applications.ResNet50(weights=None, input_shape=(224, 224, 3))


def mobilenet_v2():
    return keras.applications.MobileNetV2(weights=None, input_shape=(96, 96, 3))


def densenet121():
    return keras.applications.DenseNet121(weights=None, input_shape=(64, 64, 3))


class TwoLayers(keras.Model):
    def __init__(self):
        super().__init__(name="two_layers")
        self.hidden = layers.Dense(16, activation="relu", name="hidden")
        self.out = layers.Dense(3, name="out")

    def call(self, x):
        return self.out(self.hidden(x))


def subclassed_called():
    model = TwoLayers()
    model(keras.ops.zeros((1, 4)))
    return model


def unbuilt_sequential():
    return keras.Sequential([layers.Dense(32, activation="relu", name="hidden"), layers.Dense(10, name="digit")],
                            name="unbuilt")


SMALL: dict[str, Callable[[], keras.Model]] = {
    f.__name__: f for f in [
        seq_mlp, func_mlp, seq_cnn, wide_and_deep, dict_io, list_outputs, shared_siamese, nested_siamese,
        functional_in_sequential, residual_mlp, residual_cnn, ops_graph, reused_across_models,
    ]
}
APPLICATIONS: dict[str, Callable[[], keras.Model]] = {f.__name__: f for f in [resnet50, mobilenet_v2, densenet121]}
