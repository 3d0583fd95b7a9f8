"""Held-out wrong answers for lesson 02 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("02.1", "build without the batch dimension", '''
def build_late(n_features):
    model = keras.Sequential([
        layers.Dense(16, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.build((n_features,))
    return model
'''),
    Wrong("02.1", "returns what build returns (None)", '''
def build_late(n_features):
    model = keras.Sequential([
        layers.Dense(16, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
    return model.build((None, n_features))
'''),
    Wrong("02.1", "softmax on the single binary unit", '''
def build_late(n_features):
    model = keras.Sequential([
        layers.Dense(16, activation="relu"),
        layers.Dense(1, activation="softmax"),
    ])
    model.build((None, n_features))
    return model
'''),
    Wrong("02.1", "builds by calling on one row of zeros instead of build()", '''
def build_late(n_features):
    model = keras.Sequential([
        layers.Dense(16, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
    model(np.zeros((1, n_features), dtype="float32"))
    return model
'''),
    Wrong("02.2", 'no padding="same": a 6x6 map instead of 8x8', '''
def digits_cnn():
    return keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Reshape((8, 8, 1)),
        layers.Conv2D(8, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(10, activation="softmax"),
    ])
'''),
    Wrong("02.2", "forgets Flatten: Dense works on the 4x4 map", '''
def digits_cnn():
    return keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Reshape((8, 8, 1)),
        layers.Conv2D(8, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Dense(10, activation="softmax"),
    ])
'''),
    Wrong("02.2", "Conv2D arguments swapped: 3 filters of size 8", '''
def digits_cnn():
    return keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Reshape((8, 8, 1)),
        layers.Conv2D(3, 8, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(10, activation="softmax"),
    ])
'''),
    Wrong("02.2", "reshapes to (8, 8) without the channel axis", '''
def digits_cnn():
    return keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Reshape((8, 8)),
        layers.Conv2D(8, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(10, activation="softmax"),
    ])
'''),
    Wrong("02.3", "Keras 2 layer.output_shape", '''
def layer_output_shapes(model):
    return [layer.output_shape for layer in model.layers]
'''),
    Wrong("02.3", "drops the batch dimension", '''
def layer_output_shapes(model):
    return [tuple(layer.output.shape[1:]) for layer in model.layers]
'''),
    Wrong("02.3", "skips model.layers[0], taking it for the input", '''
def layer_output_shapes(model):
    return [tuple(layer.output.shape) for layer in model.layers[1:]]
'''),
    Wrong("02.3", "input shapes instead of output shapes", '''
def layer_output_shapes(model):
    return [tuple(layer.input.shape) for layer in model.layers]
'''),
]
