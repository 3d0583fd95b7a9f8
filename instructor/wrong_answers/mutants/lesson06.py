"""Lesson 06: two heads, compiling them, reading a dict of predictions."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('06.1', 'list outputs where a dict is asked', '''
def digit_and_parity():
    pixels = keras.Input(shape=(64,))
    trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="softmax", name="digit")(trunk)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(trunk)
    return keras.Model(pixels, [digit, is_odd])
''', words=('dict',)),
    Wrong('06.1', 'a trunk per head', '''
def digit_and_parity():
    pixels = keras.Input(shape=(64,))
    digit = layers.Dense(10, activation="softmax", name="digit")(layers.Dense(64, activation="relu")(pixels))
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(layers.Dense(64, activation="relu")(pixels))
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})
''', words=('different layers', 'same trunk')),
    Wrong('06.1', 'swapped activations', '''
def digit_and_parity():
    pixels = keras.Input(shape=(64,))
    trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="sigmoid", name="digit")(trunk)
    is_odd = layers.Dense(1, activation="softmax", name="is_odd")(trunk)
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})
''', words=('softmax', 'sigmoid')),
    Wrong('06.1', 'unnamed output layers', '''
def digit_and_parity():
    pixels = keras.Input(shape=(64,))
    trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="softmax")(trunk)
    is_odd = layers.Dense(1, activation="sigmoid")(trunk)
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})
''', words=('name',)),
    Wrong('06.2', 'lists of losses and metrics', '''
def compile_digit_and_parity(model):
    model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", "binary_crossentropy"],
                  metrics=[["accuracy"], ["accuracy"]], loss_weights=[1.0, 0.5])
    return model
''', words=('dict',)),
    Wrong('06.2', 'Keras 2 lr=', '''
def compile_digit_and_parity(model):
    model.compile(optimizer=keras.optimizers.Adam(lr=0.001),
                  loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
                  metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]}, loss_weights={"digit": 1.0, "is_odd": 0.5})
    return model
''', words=('learning_rate=',)),
    Wrong('06.2', 'forgets to return the model', '''
def compile_digit_and_parity(model):
    model.compile(optimizer="adam", loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
                  metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]}, loss_weights={"digit": 1.0, "is_odd": 0.5})
''', words=('returns None',)),
    Wrong('06.2', 'one metric string for two heads', '''
def compile_digit_and_parity(model):
    model.compile(optimizer="adam", loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
                  metrics=["accuracy"], loss_weights={"digit": 1.0, "is_odd": 0.5})
    return model
''', words=('metrics',)),
    Wrong('06.3', 'indexes the dict like a list', '''
def odd_digits(model, x):
    return model.predict(x, verbose=0)[1][:, 0] > 0.5
''', words=('dict', 'name')),
    Wrong('06.3', 'keeps the column dimension', '''
def odd_digits(model, x):
    return model.predict(x, verbose=0)["is_odd"] > 0.5
''', words=('shape',)),
    Wrong('06.3', 'rounds to floats', '''
def odd_digits(model, x):
    return model.predict(x, verbose=0)["is_odd"][:, 0].round()
''', words=('booleans',)),
    Wrong('06.3', 'parity of the digit head', '''
def odd_digits(model, x):
    return model.predict(x, verbose=0)["digit"].argmax(axis=-1) % 2 == 1
''', words=('is_odd',)),
]
