"""Held-out wrong answers for lesson 01 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("01.1", "forgets the biases", '''
def dense_params(n_inputs, units):
    return n_inputs * units
'''),
    Wrong("01.1", "one bias per input instead of per unit", '''
def dense_params(n_inputs, units):
    return n_inputs * units + n_inputs
'''),
    Wrong("01.1", "hard-codes the 10 biases of the digit layer", '''
def dense_params(n_inputs, units):
    return n_inputs * units + 10
'''),
    Wrong("01.2", "linear hidden layers (no ReLU)", '''
def build_stack(hidden_sizes):
    model = keras.Sequential(name="stack")
    model.add(keras.Input(shape=(64,)))
    for units in hidden_sizes:
        model.add(layers.Dense(units))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model
'''),
    Wrong("01.2", "off by one: the loop skips the first size", '''
def build_stack(hidden_sizes):
    model = keras.Sequential(name="stack")
    model.add(keras.Input(shape=(64,)))
    for i in range(1, len(hidden_sizes)):
        model.add(layers.Dense(hidden_sizes[i], activation="relu", name=f"hidden_{i}"))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model
'''),
    Wrong("01.2", "sigmoid instead of softmax on the 10-class output", '''
def build_stack(hidden_sizes):
    model = keras.Sequential(name="stack")
    model.add(keras.Input(shape=(64,)))
    for i, units in enumerate(hidden_sizes):
        model.add(layers.Dense(units, activation="relu", name=f"hidden_{i}"))
    model.add(layers.Dense(10, activation="sigmoid", name="digit"))
    return model
'''),
    Wrong("01.3", "calls every hidden layer on the input, so only the last one stays connected", '''
def build_graph(hidden_sizes):
    inputs = keras.Input(shape=(64,))
    x = inputs
    for units in hidden_sizes:
        x = layers.Dense(units, activation="relu")(inputs)
    outputs = layers.Dense(10, activation="softmax", name="digit")(x)
    return keras.Model(inputs, outputs)
'''),
    Wrong("01.3", "returns the Sequential stack from 1.2 instead of a functional model", '''
def build_graph(hidden_sizes):
    return build_stack(hidden_sizes)
'''),
    Wrong("01.3", "off by one: drops the last hidden size", '''
def build_graph(hidden_sizes):
    inputs = keras.Input(shape=(64,), name="pixels")
    x = inputs
    for units in hidden_sizes[:-1]:
        x = layers.Dense(units, activation="relu")(x)
    outputs = layers.Dense(10, activation="softmax", name="digit")(x)
    return keras.Model(inputs, outputs, name="graph")
'''),
]
