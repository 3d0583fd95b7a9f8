"""Lesson 01: counting parameters, a Sequential stack, its functional twin."""

import keras
from keras import layers

from mutants import mutant


@mutant("01.1", "forgets the bias", words=("bias",))
def dense_params(n_inputs, units):
    return n_inputs * units


@mutant("01.1", "one bias for the layer", words=("bias",))
def dense_params_one_bias(n_inputs, units):
    return n_inputs * units + 1


@mutant("01.1", "a bias per input", words=("bias",))
def dense_params_bias_per_input(n_inputs, units):
    return n_inputs * units + n_inputs


@mutant("01.2", "linear hidden layers", words=("relu", "activation"))
def build_stack_linear(hidden_sizes):
    model = keras.Sequential([keras.Input(shape=(64,))])
    for units in hidden_sizes:
        model.add(layers.Dense(units))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model


@mutant("01.2", "no softmax on the output", words=("softmax",))
def build_stack_no_softmax(hidden_sizes):
    model = keras.Sequential([keras.Input(shape=(64,))])
    for units in hidden_sizes:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(10, name="digit"))
    return model


@mutant("01.2", "no keras.Input, never built", words=("not built", "keras.Input"))
def build_stack_unbuilt(hidden_sizes):
    model = keras.Sequential()
    for units in hidden_sizes:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model


@mutant("01.2", "hard-codes the notebook's sizes", hidden_only="the public case is the notebook's (64, 32)")
def build_stack_hard_coded(hidden_sizes):
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(64, activation="relu"),
                             layers.Dense(32, activation="relu"), layers.Dense(10, activation="softmax")])


@mutant("01.2", "skips the last hidden size", words=("parameters",))
def build_stack_off_by_one(hidden_sizes):
    model = keras.Sequential([keras.Input(shape=(64,))])
    for units in hidden_sizes[:-1]:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model


@mutant("01.3", "calls every layer on inputs", words=("x = layer(x)", "inputs"))
def build_graph_not_chained(hidden_sizes):
    inputs = keras.Input(shape=(64,))
    for units in hidden_sizes:
        x = layers.Dense(units, activation="relu")(inputs)
    outputs = layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs)


@mutant("01.3", "linear hidden layers", words=("relu",))
def build_graph_linear(hidden_sizes):
    x = inputs = keras.Input(shape=(64,))
    for units in hidden_sizes:
        x = layers.Dense(units)(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax")(x))


@mutant("01.3", "returns a Sequential", words=("Sequential", "keras.Model(inputs, outputs)"))
def build_graph_sequential(hidden_sizes):
    model = keras.Sequential([keras.Input(shape=(64,))])
    for units in hidden_sizes:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(10, activation="softmax"))
    return model


@mutant("01.3", "hard-codes the notebook's sizes", hidden_only="the public case is the notebook's (64, 32)")
def build_graph_hard_coded(hidden_sizes):
    inputs = keras.Input(shape=(64,))
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dense(32, activation="relu")(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax")(x))
