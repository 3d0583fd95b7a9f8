"""Lesson 02: building late, a CNN for flat pixels, reading shapes."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('02.1', 'never calls build', '''
def build_late(n_features):
    return keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
''', words=('not built',)),
    Wrong('02.1', 'builds without the batch dimension', '''
def build_late(n_features):
    model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
    model.build((n_features,))
    return model
''', words=('batch dimension', 'None')),
    Wrong('02.1', 'hard-codes 30 features', '''
def build_late(n_features):
    model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
    model.build((None, 30))
    return model
''', hidden_only="the public case is the notebook's 30 features"),
    Wrong('02.1', 'one Dense layer only', '''
def build_late(n_features):
    model = keras.Sequential([layers.Dense(1, activation="sigmoid")])
    model.build((None, n_features))
    return model
''', words=('Dense(16) then Dense(1)',)),
    Wrong('02.1', 'no activations', '''
def build_late(n_features):
    model = keras.Sequential([layers.Dense(16), layers.Dense(1)])
    model.build((None, n_features))
    return model
''', words=('relu', 'sigmoid')),
    Wrong('02.2', 'no Reshape before Conv2D', '''
def digits_cnn():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Conv2D(8, 3, padding="same", activation="relu"),
                             layers.MaxPooling2D(), layers.Flatten(), layers.Dense(10, activation="softmax")])
''', words=('4 dimensions', 'reshape')),
    Wrong('02.2', 'valid padding', '''
def digits_cnn():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((8, 8, 1)),
                             layers.Conv2D(8, 3, activation="relu"), layers.MaxPooling2D(), layers.Flatten(),
                             layers.Dense(10, activation="softmax")])
''', words=('parameters',)),
    Wrong('02.2', 'forgets Flatten', '''
def digits_cnn():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((8, 8, 1)),
                             layers.Conv2D(8, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
                             layers.Dense(10, activation="softmax")])
''', words=('output shape',)),
    Wrong('02.2', 'no softmax on the output', '''
def digits_cnn():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((8, 8, 1)),
                             layers.Conv2D(8, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
                             layers.Flatten(), layers.Dense(10)])
''', words=('softmax',)),
    Wrong('02.2', 'reshapes to 4×16', '''
def digits_cnn():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((4, 16, 1)),
                             layers.Conv2D(8, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
                             layers.Flatten(), layers.Dense(10, activation="softmax")])
''', words=('(8, 8, 1)',)),
    Wrong('02.2', 'linear convolution', '''
def digits_cnn():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Reshape((8, 8, 1)), layers.Conv2D(8, 3, padding="same"),
                             layers.MaxPooling2D(), layers.Flatten(), layers.Dense(10, activation="softmax")])
''', hidden_only="the convolution's settings are a hidden check"),
    Wrong('02.3', 'Keras 2 layer.output_shape', '''
def layer_output_shapes(model):
    return [layer.output_shape for layer in model.layers]
''', words=('output_shape', 'layer.output.shape')),
    Wrong('02.3', 'skips the first layer as if it were the InputLayer', '''
def layer_output_shapes(model):
    return [tuple(layer.output.shape) for layer in model.layers[1:]]
''', words=('expected',)),
    Wrong('02.3', "hard-codes the notebook's shapes", '''
def layer_output_shapes(model):
    return [(None, 8, 8, 1), (None, 6, 6, 4), (None, 3, 3, 4), (None, 36), (None, 3)]
''', hidden_only='another model is a hidden grading case'),
    Wrong('02.3', 'lists instead of tuples', '''
def layer_output_shapes(model):
    return [list(layer.output.shape) for layer in model.layers]
''', words=('tuple',), grading_blind='a saved answer is JSON, where tuples become lists'),
]
