"""Held-out wrong answers for lesson 06 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("06.1", "returns the outputs as a list", '''
def digit_and_parity():
    pixels = keras.Input(shape=(64,))
    trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="softmax", name="digit")(trunk)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(trunk)
    return keras.Model(pixels, [digit, is_odd])
'''),
    Wrong("06.1", "a separate trunk for each head", '''
def digit_and_parity():
    pixels = keras.Input(shape=(64,))
    digit_trunk = layers.Dense(64, activation="relu")(pixels)
    odd_trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="softmax", name="digit")(digit_trunk)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(odd_trunk)
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})
'''),
    Wrong("06.1", "softmax on the one-unit parity head", '''
def digit_and_parity():
    pixels = keras.Input(shape=(64,))
    trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="softmax", name="digit")(trunk)
    is_odd = layers.Dense(1, activation="softmax", name="is_odd")(trunk)
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})
'''),
    Wrong("06.1", "the parity head reads the digit probabilities instead of the trunk", '''
def digit_and_parity():
    pixels = keras.Input(shape=(64,))
    trunk = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="softmax", name="digit")(trunk)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(digit)
    return keras.Model(pixels, {"digit": digit, "is_odd": is_odd})
'''),
    Wrong("06.2", "loss weights swapped between the heads", '''
def compile_digit_and_parity(model):
    model.compile(
        optimizer="adam",
        loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
        metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]},
        loss_weights={"digit": 0.5, "is_odd": 1.0},
    )
    return model
'''),
    Wrong("06.2", "forgets the loss weights", '''
def compile_digit_and_parity(model):
    model.compile(
        optimizer="adam",
        loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
        metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]},
    )
    return model
'''),
    Wrong("06.2", "categorical cross-entropy for integer digit labels", '''
def compile_digit_and_parity(model):
    model.compile(
        optimizer="adam",
        loss={"digit": "categorical_crossentropy", "is_odd": "binary_crossentropy"},
        metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]},
        loss_weights={"digit": 1.0, "is_odd": 0.5},
    )
    return model
'''),
    Wrong("06.3", "reads parity off the digit head instead of the parity head", '''
def odd_digits(model, x):
    digits = model.predict(x, verbose=0)["digit"].argmax(axis=1)
    return digits % 2 == 1
'''),
    Wrong("06.3", "keeps the column axis: shape (n, 1)", '''
def odd_digits(model, x):
    return model.predict(x, verbose=0)["is_odd"] > 0.5
'''),
    Wrong("06.3", "indexes the predictions by position, as for list outputs", '''
def odd_digits(model, x):
    return model.predict(x, verbose=0)[1][:, 0] > 0.5
'''),
]
