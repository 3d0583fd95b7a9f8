"""Lesson 03: counting a convolution, feature extractors, converting without copying."""

import keras
from keras import layers

from mutants import mutant


@mutant("03.1", "forgets the bias", words=("bias",))
def conv2d_params_no_bias(kernel_size, in_channels, filters):
    return kernel_size * kernel_size * in_channels * filters


@mutant("03.1", "forgets the input channels", words=("in_channels",))
def conv2d_params_no_channels(kernel_size, in_channels, filters):
    return kernel_size * kernel_size * filters + filters


@mutant("03.1", "kernel size not squared", words=("kernel_size",))
def conv2d_params_not_squared(kernel_size, in_channels, filters):
    return kernel_size * in_channels * filters + filters


@mutant("03.2", "Keras 2 model.input on a Sequential", words=("model.inputs[0]",))
def feature_extractor_keras2(model, layer_name):
    return keras.Model(model.input, model.get_layer(layer_name).output)


@mutant("03.2", "the list model.inputs", words=("structure", "model.inputs[0]"))
def feature_extractor_list(model, layer_name):
    return keras.Model(model.inputs, model.get_layer(layer_name).output)


@mutant("03.2", "hard-codes the hidden layer", hidden_only="another layer name is a hidden grading case")
def feature_extractor_hard_coded(model, layer_name):
    return keras.Model(model.inputs[0], model.get_layer("hidden").output)


@mutant("03.2", "replays model.layers on a new Input: Sequential only", words=("functional model", "InputLayer"))
def feature_extractor_replay(model, layer_name):
    inputs = keras.Input(shape=(64,))
    x = inputs
    for layer in model.layers:
        x = layer(x)
        if layer.name == layer_name:
            break
    return keras.Model(inputs, x)


@mutant("03.3", "Keras 2 seq.input and seq.output", words=("model.inputs[0]",))
def to_functional_keras2(seq):
    return keras.Model(seq.input, seq.output)


@mutant("03.3", "rebuilds new layers", words=("copy", "seq.inputs[0]"))
def to_functional_rebuilt(seq):
    inputs = keras.Input(shape=(64,))
    hidden = layers.Dense(24, activation="relu", name="hidden")(inputs)
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="digit")(hidden))


@mutant("03.3", "clones the model and copies the weights", words=("copy", "seq.inputs[0]"),
        grading_blind="a saved file keeps the weights, not which layer objects the model uses")
def to_functional_cloned(seq):
    inputs = keras.Input(shape=(64,))
    hidden = layers.Dense(24, activation="relu", name="hidden")(inputs)
    model = keras.Model(inputs, layers.Dense(10, activation="softmax", name="digit")(hidden))
    model.set_weights(seq.get_weights())
    return model


@mutant("03.3", "the lists seq.inputs and seq.outputs", words=("structure",))
def to_functional_lists(seq):
    return keras.Model(seq.inputs, seq.outputs)


@mutant("03.3", "returns the Sequential itself", words=("Sequential",))
def to_functional_same(seq):
    return seq
