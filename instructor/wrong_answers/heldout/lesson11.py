"""Held-out wrong answers for lesson 11 (written from the exercise text, not from the checks).

Exercise 11.2 is left out: it is being redesigned.
"""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("11.1", "ignores skip: always adds", '''
def skip_mlp(skip):
    pixels = keras.Input(shape=(64,))
    h = layers.Dense(32, activation="relu", name="hidden")(pixels)
    extra = layers.Dense(32, activation="relu", name="extra")(h)
    h = layers.Add()([h, extra])
    probs = layers.Dense(10, activation="softmax", name="probs")(h)
    return keras.Model(pixels, probs)
'''),
    Wrong("11.1", "Concatenate instead of the + in call", '''
def skip_mlp(skip):
    pixels = keras.Input(shape=(64,))
    h = layers.Dense(32, activation="relu", name="hidden")(pixels)
    extra = layers.Dense(32, activation="relu", name="extra")(h)
    if skip:
        h = layers.Concatenate()([h, extra])
    else:
        h = extra
    probs = layers.Dense(10, activation="softmax", name="probs")(h)
    return keras.Model(pixels, probs)
'''),
    Wrong("11.1", "creates extra only inside the skip branch, so skip=False has no extra layer", '''
def skip_mlp(skip):
    pixels = keras.Input(shape=(64,))
    h = layers.Dense(32, activation="relu", name="hidden")(pixels)
    if skip:
        h = layers.Add()([h, layers.Dense(32, activation="relu", name="extra")(h)])
    probs = layers.Dense(10, activation="softmax", name="probs")(h)
    return keras.Model(pixels, probs)
'''),
    Wrong("11.1", "adds the pixels instead of the hidden output", '''
def skip_mlp(skip):
    pixels = keras.Input(shape=(64,))
    h = layers.Dense(32, activation="relu", name="hidden")(pixels)
    extra = layers.Dense(32, activation="relu", name="extra")(h)
    h = layers.Add()([pixels, extra]) if skip else extra
    probs = layers.Dense(10, activation="softmax", name="probs")(h)
    return keras.Model(pixels, probs)
'''),
    Wrong("11.3", "uses predict for the training mode, which always runs in inference", '''
def both_modes(encoder, x):
    class WithDropout(keras.Model):
        def __init__(self, encoder, **kwargs):
            super().__init__(**kwargs)
            self.encoder = encoder
            self.dropout = layers.Dropout(0.5)

        def call(self, x, training=False):
            return self.dropout(self.encoder(x), training=training)

    model = WithDropout(encoder)
    inference = keras.ops.convert_to_numpy(model(x, training=False))
    training = model.predict(x, verbose=0)
    return {"inference": inference, "training": training}
'''),
    Wrong("11.3", "the two keys swapped", '''
def both_modes(encoder, x):
    class WithDropout(keras.Model):
        def __init__(self, encoder, **kwargs):
            super().__init__(**kwargs)
            self.encoder = encoder
            self.dropout = layers.Dropout(0.5)

        def call(self, x, training=False):
            return self.dropout(self.encoder(x), training=training)

    model = WithDropout(encoder)
    return {"inference": keras.ops.convert_to_numpy(model(x, training=True)),
            "training": keras.ops.convert_to_numpy(model(x, training=False))}
'''),
    Wrong("11.3", "returns tensors, not NumPy arrays", '''
def both_modes(encoder, x):
    class WithDropout(keras.Model):
        def __init__(self, encoder, **kwargs):
            super().__init__(**kwargs)
            self.encoder = encoder
            self.dropout = layers.Dropout(0.5)

        def call(self, x, training=False):
            return self.dropout(self.encoder(x), training=training)

    model = WithDropout(encoder)
    return {"inference": model(x, training=False), "training": model(x, training=True)}
'''),
    Wrong("11.3", "applies the dropout to the input instead of the encoder's output", '''
def both_modes(encoder, x):
    class WithDropout(keras.Model):
        def __init__(self, encoder, **kwargs):
            super().__init__(**kwargs)
            self.encoder = encoder
            self.dropout = layers.Dropout(0.5)

        def call(self, x, training=False):
            return self.encoder(self.dropout(x, training=training))

    model = WithDropout(encoder)
    return {"inference": keras.ops.convert_to_numpy(model(x, training=False)),
            "training": keras.ops.convert_to_numpy(model(x, training=True))}
'''),
    Wrong("11.2", "a class of any kind means subclassing the model", '''
def choose(needs):
    needs = set(needs)
    custom = {"its own training-only computation", "a computation with its own weights that Keras lacks",
              "data-dependent Python control flow in the forward pass", "wiring that differs per sample"}
    if needs & custom:
        return ("subclassed model", "model")
    graph = {"several inputs", "several outputs", "a shared layer", "a skip connection"}
    return ("functional" if needs & graph else "Sequential", None)
'''),
    Wrong("11.2", "Sequential whenever there is one input: only several inputs make it functional", '''
def choose(needs):
    needs = set(needs)
    if "wiring that differs per sample" in needs:
        return ("subclassed model", "model")
    custom = {"its own training-only computation", "a computation with its own weights that Keras lacks",
              "data-dependent Python control flow in the forward pass"}
    model_api = "functional" if "several inputs" in needs else "Sequential"
    return (model_api, "layer" if needs & custom else None)
'''),
    Wrong("11.2", "decides on the first requirement of the tuple and ignores the rest", '''
def choose(needs):
    first = needs[0]
    if first == "wiring that differs per sample":
        return ("subclassed model", "model")
    if first in ("several inputs", "several outputs", "a shared layer", "a skip connection"):
        return ("functional", None)
    if first in ("its own training-only computation", "a computation with its own weights that Keras lacks",
                 "data-dependent Python control flow in the forward pass"):
        return ("Sequential", "layer")
    return ("Sequential", None)
'''),
    Wrong("11.2", "the categories in lower case: 'sequential'", '''
def choose(needs):
    needs = set(needs)
    if "wiring that differs per sample" in needs:
        return ("subclassed model", "model")
    graph = {"several inputs", "several outputs", "a shared layer", "a skip connection"}
    custom = {"its own training-only computation", "a computation with its own weights that Keras lacks",
              "data-dependent Python control flow in the forward pass"}
    model_api = "functional" if needs & graph else "sequential"
    return (model_api, "layer" if needs & custom else None)
'''),
]
