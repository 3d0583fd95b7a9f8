"""Lesson 10: cloning with a new activation, a head on a trained model, replacing a head."""

import keras
from keras import layers

from mutants import mutant


def _change(activation, all_layers=False):
    def change(layer):
        config = layer.get_config()
        if isinstance(layer, layers.Dense) and (all_layers or layer.name != "digit"):
            config["activation"] = activation
        return layer.__class__.from_config(config)
    return change


@mutant("10.1", "forgets to copy the weights", words=("set_weights",))
def with_activation_no_weights(model, activation):
    return keras.models.clone_model(model, clone_function=_change(activation))


@mutant("10.1", "changes the output layer too", words=("digit",))
def with_activation_all(model, activation):
    clone = keras.models.clone_model(model, clone_function=_change(activation, all_layers=True))
    clone.set_weights(model.get_weights())
    return clone


@mutant("10.1", "hard-codes tanh", hidden_only="another activation is a hidden grading case")
def with_activation_tanh(model, activation):
    clone = keras.models.clone_model(model, clone_function=_change("tanh"))
    clone.set_weights(model.get_weights())
    return clone


@mutant("10.2", "list outputs", words=("dict",))
def add_parity_head_list(model):
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(model.get_layer("hidden").output)
    return keras.Model(model.inputs[0], [model.outputs[0], is_odd])


@mutant("10.2", "head on the digit output", words=("hidden",))
def add_parity_head_on_digit(model):
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(model.outputs[0])
    return keras.Model(model.inputs[0], {"digit": model.outputs[0], "is_odd": is_odd})


@mutant("10.2", "rebuilds the hidden layer", words=("copy",))
def add_parity_head_rebuilt(model):
    pixels = keras.Input(shape=(64,))
    hidden = layers.Dense(16, activation="relu", name="hidden")(pixels)
    digit = layers.Dense(10, activation="softmax", name="digit")(hidden)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(hidden)
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})


@mutant("10.2", "Keras 2 model.input", hidden_only="works on the public functional model; the Sequential one is hidden")
def add_parity_head_keras2(model):
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(model.get_layer("hidden").output)
    return keras.Model(model.input, {"digit": model.output, "is_odd": is_odd})


@mutant("10.3", "adds without popping", words=("pop()",))
def replace_head_no_pop(model, classes):
    model.add(layers.Dense(classes, activation="softmax", name="head"))
    return model


@mutant("10.3", "Keras 2 model.layers.pop()", words=("pop()",))
def replace_head_list_pop(model, classes):
    model.layers.pop()
    model.add(layers.Dense(classes, activation="softmax", name="head"))
    return model


@mutant("10.3", "no softmax on the new head", words=("softmax",))
def replace_head_linear(model, classes):
    model.pop()
    model.add(layers.Dense(classes, name="head"))
    return model


@mutant("10.3", "hard-codes three classes", hidden_only="two classes are a hidden grading case")
def replace_head_three(model, classes):
    model.pop()
    model.add(layers.Dense(3, activation="softmax", name="head"))
    return model


@mutant("10.1", "changes the given model in place", words=("clone",),
        grading_blind="no saved file keeps object identity: only the notebook's check can see it")
def with_activation_in_place(model, activation):
    for layer in model.layers:
        if isinstance(layer, layers.Dense) and layer.name != "digit":
            layer.activation = keras.activations.get(activation)
    return model


@mutant("10.2", "clones the trained model first", words=("copy",),
        grading_blind="a clone with the trained weights predicts the same: only object identity tells")
def add_parity_head_cloned(model):
    clone = keras.models.clone_model(model)
    clone.set_weights(model.get_weights())
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(clone.get_layer("hidden").output)
    return keras.Model(clone.inputs[0], {"digit": clone.outputs[0], "is_odd": is_odd})


@mutant("10.3", "rebuilds the stack with fresh layers", words=("trained weights",))
def replace_head_rebuilt(model, classes):
    stack = [layers.Dense(layer.units, activation=layer.activation, name=layer.name) for layer in model.layers[:-1]]
    return keras.Sequential([keras.Input(shape=(64,)), *stack,
                             layers.Dense(classes, activation="softmax", name="head")])
