"""Lesson 10: cloning with a new activation, a head on a trained model, replacing a head."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('10.1', 'forgets to copy the weights', '''
def _change(activation, all_layers=False):
    def change(layer):
        config = layer.get_config()
        if isinstance(layer, layers.Dense) and (all_layers or layer.name != "digit"):
            config["activation"] = activation
        return layer.__class__.from_config(config)
    return change


def with_activation(model, activation):
    return keras.models.clone_model(model, clone_function=_change(activation))
''', words=('copy', 'weights')),
    Wrong('10.1', 'changes the output layer too', '''
def _change(activation, all_layers=False):
    def change(layer):
        config = layer.get_config()
        if isinstance(layer, layers.Dense) and (all_layers or layer.name != "digit"):
            config["activation"] = activation
        return layer.__class__.from_config(config)
    return change


def with_activation(model, activation):
    clone = keras.models.clone_model(model, clone_function=_change(activation, all_layers=True))
    clone.set_weights(model.get_weights())
    return clone
''', words=('digit',)),
    Wrong('10.1', 'hard-codes tanh', '''
def _change(activation, all_layers=False):
    def change(layer):
        config = layer.get_config()
        if isinstance(layer, layers.Dense) and (all_layers or layer.name != "digit"):
            config["activation"] = activation
        return layer.__class__.from_config(config)
    return change


def with_activation(model, activation):
    clone = keras.models.clone_model(model, clone_function=_change("tanh"))
    clone.set_weights(model.get_weights())
    return clone
''', words=('activation argument',)),
    Wrong('10.2', 'list outputs', '''
def add_parity_head(model):
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(model.get_layer("hidden").output)
    return keras.Model(model.inputs[0], [model.outputs[0], is_odd])
''', words=('dict',)),
    Wrong('10.2', 'head on the digit output', '''
def add_parity_head(model):
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(model.outputs[0])
    return keras.Model(model.inputs[0], {"digit": model.outputs[0], "is_odd": is_odd})
''', words=('hidden',)),
    Wrong('10.2', 'rebuilds the hidden layer', '''
def add_parity_head(model):
    pixels = keras.Input(shape=(64,))
    hidden = layers.Dense(16, activation="relu", name="hidden")(pixels)
    digit = layers.Dense(10, activation="softmax", name="digit")(hidden)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(hidden)
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})
''', words=('copy',)),
    Wrong('10.2', 'Keras 2 model.input', '''
def add_parity_head(model):
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(model.get_layer("hidden").output)
    return keras.Model(model.input, {"digit": model.output, "is_odd": is_odd})
''', words=('model.inputs[0]',)),
    Wrong('10.3', 'adds without popping', '''
def replace_head(model, classes):
    model.add(layers.Dense(classes, activation="softmax", name="head"))
    return model
''', words=('pop()',)),
    Wrong('10.3', 'Keras 2 model.layers.pop()', '''
def replace_head(model, classes):
    model.layers.pop()
    model.add(layers.Dense(classes, activation="softmax", name="head"))
    return model
''', words=('pop()',)),
    Wrong('10.3', 'no softmax on the new head', '''
def replace_head(model, classes):
    model.pop()
    model.add(layers.Dense(classes, name="head"))
    return model
''', words=('softmax',)),
    Wrong('10.1', 'functional models only', '''
def with_activation(model, activation):
    x = pixels = keras.Input(shape=(64,), name="pixels")
    for layer in model.layers[1:]:
        config = layer.get_config()
        if layer.name != "digit":
            config["activation"] = activation
        x = layer.__class__.from_config(config)(x)
    clone = keras.Model(pixels, x)
    clone.set_weights(model.get_weights())
    return clone
''', words=('Dense layers',)),
    Wrong('10.2', 'hidden layer as the second layer', '''
def add_parity_head(model):
    hidden = model.layers[1].output
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(hidden)
    return keras.Model(model.inputs[0], {"digit": model.outputs[0], "is_odd": is_odd})
''', words=('hidden',)),
    Wrong('10.3', 'hard-codes three classes', '''
def replace_head(model, classes):
    model.pop()
    model.add(layers.Dense(3, activation="softmax", name="head"))
    return model
''', words=('classes argument',)),
    Wrong('10.1', 'changes the given model in place', '''
def with_activation(model, activation):
    for layer in model.layers:
        if isinstance(layer, layers.Dense) and layer.name != "digit":
            layer.activation = keras.activations.get(activation)
    return model
''', words=('clone',)),
    Wrong('10.2', 'clones the trained model first', '''
def add_parity_head(model):
    clone = keras.models.clone_model(model)
    clone.set_weights(model.get_weights())
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(clone.get_layer("hidden").output)
    return keras.Model(clone.inputs[0], {"digit": clone.outputs[0], "is_odd": is_odd})
''', words=('copy',)),
    Wrong('10.3', 'rebuilds the stack with fresh layers', '''
def replace_head(model, classes):
    stack = [layers.Dense(layer.units, activation=layer.activation, name=layer.name) for layer in model.layers[:-1]]
    return keras.Sequential([keras.Input(shape=(64,)), *stack,
                             layers.Dense(classes, activation="softmax", name="head")])
''', words=('trained weights',)),
]
