"""Lesson 03: counting a convolution, feature extractors, converting without copying."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('03.1', 'forgets the bias', '''
def conv2d_params(kernel_size, in_channels, filters):
    return kernel_size * kernel_size * in_channels * filters
''', words=('bias',)),
    Wrong('03.1', 'forgets the input channels', '''
def conv2d_params(kernel_size, in_channels, filters):
    return kernel_size * kernel_size * filters + filters
''', words=('in_channels',)),
    Wrong('03.1', 'kernel size not squared', '''
def conv2d_params(kernel_size, in_channels, filters):
    return kernel_size * in_channels * filters + filters
''', words=('kernel_size',)),
    Wrong('03.2', 'Keras 2 model.input on a Sequential', '''
def feature_extractor(model, layer_name):
    return keras.Model(model.input, model.get_layer(layer_name).output)
''', words=('model.inputs[0]',)),
    Wrong('03.2', 'the list model.inputs', '''
def feature_extractor(model, layer_name):
    return keras.Model(model.inputs, model.get_layer(layer_name).output)
''', words=('structure', 'model.inputs[0]')),
    Wrong('03.2', 'hard-codes the hidden layer', '''
def feature_extractor(model, layer_name):
    return keras.Model(model.inputs[0], model.get_layer("hidden").output)
''', words=("'digit'", 'layer_name argument')),
    Wrong('03.2', 'replays model.layers on a new Input: Sequential only', '''
def feature_extractor(model, layer_name):
    inputs = keras.Input(shape=(64,))
    x = inputs
    for layer in model.layers:
        x = layer(x)
        if layer.name == layer_name:
            break
    return keras.Model(inputs, x)
''', words=('functional model', 'InputLayer')),
    Wrong('03.3', 'Keras 2 seq.input and seq.output', '''
def to_functional(seq):
    return keras.Model(seq.input, seq.output)
''', words=('model.inputs[0]',)),
    Wrong('03.3', 'rebuilds new layers', '''
def to_functional(seq):
    inputs = keras.Input(shape=(64,))
    hidden = layers.Dense(24, activation="relu", name="hidden")(inputs)
    return keras.Model(inputs, layers.Dense(10, activation="softmax", name="digit")(hidden))
''', words=('copy', 'seq.inputs[0]')),
    Wrong('03.3', 'clones the model and copies the weights', '''
def to_functional(seq):
    inputs = keras.Input(shape=(64,))
    hidden = layers.Dense(24, activation="relu", name="hidden")(inputs)
    model = keras.Model(inputs, layers.Dense(10, activation="softmax", name="digit")(hidden))
    model.set_weights(seq.get_weights())
    return model
''', words=('copy', 'seq.inputs[0]')),
    Wrong('03.3', 'the lists seq.inputs and seq.outputs', '''
def to_functional(seq):
    return keras.Model(seq.inputs, seq.outputs)
''', words=('structure',)),
    Wrong('03.3', 'calls the Sequential on a new Input: nests it as one layer', '''
def to_functional(seq):
    x = keras.Input(shape=(64,))
    return keras.Model(x, seq(x))
''', words=('nests', 'flat graph')),
    Wrong('03.3', 'returns the Sequential itself', '''
def to_functional(seq):
    return seq
''', words=('Sequential',)),
]
