"""Lesson 01: counting parameters, a Sequential stack, its functional twin."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('01.1', 'forgets the bias', '''
def dense_params(n_inputs, units):
    return n_inputs * units
''', words=('bias',)),
    Wrong('01.1', 'one bias for the layer', '''
def dense_params(n_inputs, units):
    return n_inputs * units + 1
''', words=('bias',)),
    Wrong('01.1', 'a bias per input', '''
def dense_params(n_inputs, units):
    return n_inputs * units + n_inputs
''', words=('bias',)),
    Wrong('01.2', 'linear hidden layers', '''
def build_stack(hidden_sizes):
    model = keras.Sequential([keras.Input(shape=(64,))])
    for units in hidden_sizes:
        model.add(layers.Dense(units))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model
''', words=('relu', 'activation')),
    Wrong('01.2', 'no softmax on the output', '''
def build_stack(hidden_sizes):
    model = keras.Sequential([keras.Input(shape=(64,))])
    for units in hidden_sizes:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(10, name="digit"))
    return model
''', words=('softmax',)),
    Wrong('01.2', 'no keras.Input, never built', '''
def build_stack(hidden_sizes):
    model = keras.Sequential()
    for units in hidden_sizes:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model
''', words=('not built', 'keras.Input')),
    Wrong('01.2', "hard-codes the notebook's sizes", '''
def build_stack(hidden_sizes):
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(64, activation="relu"),
                             layers.Dense(32, activation="relu"), layers.Dense(10, activation="softmax")])
''', words=('hidden_sizes argument', '(16,)')),
    Wrong('01.2', 'skips the last hidden size', '''
def build_stack(hidden_sizes):
    model = keras.Sequential([keras.Input(shape=(64,))])
    for units in hidden_sizes[:-1]:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model
''', words=('parameters',)),
    Wrong('01.3', 'calls every layer on inputs', '''
def build_graph(hidden_sizes):
    inputs = keras.Input(shape=(64,))
    for units in hidden_sizes:
        x = layers.Dense(units, activation="relu")(inputs)
    outputs = layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs)
''', words=('x = layer(x)', 'inputs')),
    Wrong('01.3', 'linear hidden layers', '''
def build_graph(hidden_sizes):
    x = inputs = keras.Input(shape=(64,))
    for units in hidden_sizes:
        x = layers.Dense(units)(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax")(x))
''', words=('relu',)),
    Wrong('01.3', 'returns a Sequential', '''
def build_graph(hidden_sizes):
    model = keras.Sequential([keras.Input(shape=(64,))])
    for units in hidden_sizes:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(10, activation="softmax"))
    return model
''', words=('Sequential', 'keras.Model(inputs, outputs)')),
    Wrong('01.3', "hard-codes the notebook's sizes", '''
def build_graph(hidden_sizes):
    inputs = keras.Input(shape=(64,))
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dense(32, activation="relu")(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax")(x))
''', words=('hidden_sizes argument', '(16,)')),
]
