"""Held-out wrong answers for lesson 03 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("03.1", "forgets the input channels", '''
def conv2d_params(kernel_size, in_channels, filters):
    return kernel_size * kernel_size * filters + filters
'''),
    Wrong("03.1", "kernel size not squared", '''
def conv2d_params(kernel_size, in_channels, filters):
    return kernel_size * in_channels * filters + filters
'''),
    Wrong("03.1", "one bias per input channel instead of per filter", '''
def conv2d_params(kernel_size, in_channels, filters):
    return kernel_size * kernel_size * in_channels * filters + in_channels
'''),
    Wrong("03.2", "Keras 2 model.input, which a Sequential does not have", '''
def feature_extractor(model, layer_name):
    return keras.Model(model.input, model.get_layer(layer_name).output)
'''),
    Wrong("03.2", "passes the list model.inputs (input-structure warning)", '''
def feature_extractor(model, layer_name):
    return keras.Model(model.inputs, model.get_layer(layer_name).output)
'''),
    Wrong("03.2", "the layer's input instead of its output", '''
def feature_extractor(model, layer_name):
    return keras.Model(model.inputs[0], model.get_layer(layer_name).input)
'''),
    Wrong("03.2", "calls the named layer alone on a fresh Input, skipping the layers before it", '''
def feature_extractor(model, layer_name):
    inputs = keras.Input(shape=model.inputs[0].shape[1:])
    outputs = model.get_layer(layer_name)(inputs)
    return keras.Model(inputs, outputs)
'''),
    Wrong("03.3", "passes the lists seq.inputs and seq.outputs (input-structure warning)", '''
def to_functional(seq):
    return keras.Model(seq.inputs, seq.outputs)
'''),
    Wrong("03.3", "Keras 2 seq.input and seq.output", '''
def to_functional(seq):
    return keras.Model(seq.input, seq.output)
'''),
    Wrong("03.3", "rebuilds the layers from their configs and copies the weights", '''
def to_functional(seq):
    inputs = keras.Input(shape=seq.inputs[0].shape[1:])
    x = inputs
    for layer in seq.layers:
        x = layer.__class__.from_config(layer.get_config())(x)
    model = keras.Model(inputs, x)
    model.set_weights(seq.get_weights())
    return model
'''),
    Wrong("03.3", "nests seq behind a hard-coded 64-pixel Input", '''
def to_functional(seq):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, seq(pixels))
'''),
]
