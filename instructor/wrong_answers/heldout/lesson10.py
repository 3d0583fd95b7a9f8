"""Held-out wrong answers for lesson 10 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("10.1", "clones but forgets to copy the trained weights", '''
def with_activation(model, activation):
    def change(layer):
        config = layer.get_config()
        if isinstance(layer, layers.Dense) and layer.name != "digit":
            config["activation"] = activation
        return layer.__class__.from_config(config)

    return keras.models.clone_model(model, clone_function=change)
'''),
    Wrong("10.1", "changes the output layer's activation too", '''
def with_activation(model, activation):
    def change(layer):
        config = layer.get_config()
        if isinstance(layer, layers.Dense):
            config["activation"] = activation
        return layer.__class__.from_config(config)

    clone = keras.models.clone_model(model, clone_function=change)
    clone.set_weights(model.get_weights())
    return clone
'''),
    Wrong("10.1", 'hard-codes the layer name "hidden" from the lesson', '''
def with_activation(model, activation):
    def change(layer):
        config = layer.get_config()
        if layer.name == "hidden":
            config["activation"] = activation
        return layer.__class__.from_config(config)

    clone = keras.models.clone_model(model, clone_function=change)
    clone.set_weights(model.get_weights())
    return clone
'''),
    Wrong("10.1", "changes the activations of the given model in place and returns it", '''
def with_activation(model, activation):
    for layer in model.layers:
        if isinstance(layer, layers.Dense) and layer.name != "digit":
            layer.activation = keras.activations.get(activation)
    return model
'''),
    Wrong("10.2", "the parity head reads the digit output instead of the hidden layer", '''
def add_parity_head(model):
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(model.outputs[0])
    return keras.Model(model.inputs[0], {"digit": model.outputs[0], "is_odd": is_odd})
'''),
    Wrong("10.2", "Keras 2 model.input and model.output", '''
def add_parity_head(model):
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(model.get_layer("hidden").output)
    return keras.Model(model.input, {"digit": model.output, "is_odd": is_odd})
'''),
    Wrong("10.2", "returns the two outputs as a list", '''
def add_parity_head(model):
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(model.get_layer("hidden").output)
    return keras.Model(model.inputs[0], [model.outputs[0], is_odd])
'''),
    Wrong("10.2", "works on a clone with copied weights, so nothing is shared", '''
def add_parity_head(model):
    copy = keras.models.clone_model(model)
    copy.set_weights(model.get_weights())
    inputs = keras.Input(shape=model.inputs[0].shape[1:])
    x = inputs
    outputs = {}
    for layer in copy.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue
        x = layer(x)
        if layer.name == "hidden":
            outputs["is_odd"] = layers.Dense(1, activation="sigmoid", name="is_odd")(x)
    outputs["digit"] = x
    return keras.Model(inputs, outputs)
'''),
    Wrong("10.3", "adds the new head without removing the old one", '''
def replace_head(model, classes):
    model.add(layers.Dense(classes, activation="softmax", name="head"))
    return model
'''),
    Wrong("10.3", "Keras 2 model.layers.pop(), which only pops a copy of the list", '''
def replace_head(model, classes):
    model.layers.pop()
    model.add(layers.Dense(classes, activation="softmax", name="head"))
    return model
'''),
    Wrong("10.3", "works on clone_model, which drops the trained weights", '''
def replace_head(model, classes):
    new = keras.models.clone_model(model)
    new.pop()
    new.add(layers.Dense(classes, activation="softmax", name="head"))
    return new
'''),
]
