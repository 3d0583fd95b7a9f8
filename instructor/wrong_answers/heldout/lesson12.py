"""Held-out wrong answers for lesson 12 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("12.1", "sigmoid instead of softmax on the ten digits", '''
def build_baseline():
    return keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="sigmoid"),
    ])
'''),
    Wrong("12.1", "forgets the softmax: the output layer is linear", '''
def build_baseline():
    return keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(10),
    ])
'''),
    Wrong("12.1", "no keras.Input: the model is unbuilt", '''
def build_baseline():
    return keras.Sequential([
        layers.Dense(64, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ])
'''),
    Wrong("12.1", "a functional model instead of a Sequential", '''
def build_baseline():
    pixels = keras.Input(shape=(64,))
    hidden = layers.Dense(64, activation="relu")(pixels)
    digit = layers.Dense(10, activation="softmax")(hidden)
    return keras.Model(pixels, digit)
'''),
    Wrong("12.2", "a separate encoder for each half", '''
def build_capstone(width=32):
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoded_left = layers.Dense(width, activation="relu")(left)
    encoded_right = layers.Dense(width, activation="relu")(right)
    joined = layers.Concatenate()([encoded_left, encoded_right])
    block = layers.Dense(2 * width, activation="relu")(joined)
    residual = layers.Add()([joined, block])
    digit = layers.Dense(10, activation="softmax", name="digit")(residual)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(residual)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})
'''),
    Wrong("12.2", "block hard-coded at 64 units, which only fits width=32", '''
def build_capstone(width=32):
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    block = layers.Dense(64, activation="relu")(joined)
    residual = layers.Add()([joined, block])
    digit = layers.Dense(10, activation="softmax", name="digit")(residual)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(residual)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})
'''),
    Wrong("12.2", "inputs named top and bottom, as in the walkthrough", '''
def build_capstone(width=32):
    top = keras.Input(shape=(32,), name="top")
    bottom = keras.Input(shape=(32,), name="bottom")
    encoder = layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(top), encoder(bottom)])
    block = layers.Dense(2 * width, activation="relu")(joined)
    residual = layers.Add()([joined, block])
    digit = layers.Dense(10, activation="softmax", name="digit")(residual)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(residual)
    return keras.Model({"top": top, "bottom": bottom}, {"digit": digit, "is_odd": is_odd})
'''),
    Wrong("12.2", "no residual connection: the heads read the block directly", '''
def build_capstone(width=32):
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(width, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    block = layers.Dense(2 * width, activation="relu")(joined)
    digit = layers.Dense(10, activation="softmax", name="digit")(block)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(block)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})
'''),
    Wrong("12.3", "splits into top and bottom halves instead of left and right", '''
def train_capstone(model, images, labels):
    inputs = {"left": images[:, :32], "right": images[:, 32:]}
    model.compile(
        optimizer="adam",
        loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
        metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]},
    )
    keras.utils.set_random_seed(0)
    model.fit(inputs, {"digit": labels, "is_odd": (labels % 2).astype("float32")},
              epochs=10, batch_size=32, verbose=0)
    return model
'''),
    Wrong("12.3", "trains on the notebook's x_train and y_train instead of the arguments", '''
def train_capstone(model, images, labels):
    grid = x_train.reshape(-1, 8, 8)
    inputs = {"left": grid[:, :, :4].reshape(-1, 32), "right": grid[:, :, 4:].reshape(-1, 32)}
    model.compile(
        optimizer="adam",
        loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
        metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]},
    )
    keras.utils.set_random_seed(0)
    model.fit(inputs, {"digit": y_train, "is_odd": (y_train % 2).astype("float32")},
              epochs=10, batch_size=32, verbose=0)
    return model
'''),
    Wrong("12.3", "returns the History that fit returns", '''
def train_capstone(model, images, labels):
    grid = images.reshape(-1, 8, 8)
    inputs = {"left": grid[:, :, :4].reshape(-1, 32), "right": grid[:, :, 4:].reshape(-1, 32)}
    model.compile(
        optimizer="adam",
        loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
        metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]},
    )
    keras.utils.set_random_seed(0)
    return model.fit(inputs, {"digit": labels, "is_odd": (labels % 2).astype("float32")},
                     epochs=10, batch_size=32, verbose=0)
'''),
    Wrong("12.3", "left and right halves swapped", '''
def train_capstone(model, images, labels):
    grid = images.reshape(-1, 8, 8)
    inputs = {"right": grid[:, :, :4].reshape(-1, 32), "left": grid[:, :, 4:].reshape(-1, 32)}
    model.compile(
        optimizer="adam",
        loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
        metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]},
    )
    keras.utils.set_random_seed(0)
    model.fit(inputs, {"digit": labels, "is_odd": (labels % 2).astype("float32")},
              epochs=10, batch_size=32, verbose=0)
    return model
'''),
    Wrong("12.4", "the two outputs returned as a list, not a dict", '''
def design_capstone():
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(32, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    hidden = layers.Dense(32, activation="relu")(joined)
    digit = layers.Dense(10, activation="softmax", name="digit")(hidden)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(hidden)
    return keras.Model([left, right], [digit, is_odd])
'''),
    Wrong("12.4", "sigmoid on the ten digit units: the probabilities do not sum to 1", '''
def design_capstone():
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(32, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    hidden = layers.Dense(32, activation="relu")(joined)
    digit = layers.Dense(10, activation="sigmoid", name="digit")(hidden)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(hidden)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})
'''),
    Wrong("12.4", "a 64-unit shared encoder: 6,603 parameters, over the 6,000 limit", '''
def design_capstone():
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(64, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    hidden = layers.Dense(32, activation="relu")(joined)
    digit = layers.Dense(10, activation="softmax", name="digit")(hidden)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(hidden)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})
'''),
    Wrong("12.4", "a 2-unit bottleneck before the heads: too weak for 0.90", '''
def design_capstone():
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(32, activation="relu")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    hidden = layers.Dense(2, activation="relu")(joined)
    digit = layers.Dense(10, activation="softmax", name="digit")(hidden)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(hidden)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd})
'''),
]
