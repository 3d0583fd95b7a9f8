"""Held-out wrong answers for lesson 08 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("08.1", "the positive may be the anchor itself", '''
def make_triplets(y, n, seed):
    rng = np.random.default_rng(seed)
    anchor = rng.integers(len(y), size=n)
    positive = np.empty(n, dtype=int)
    negative = np.empty(n, dtype=int)
    for i, a in enumerate(anchor):
        positive[i] = rng.choice(np.flatnonzero(y == y[a]))
        negative[i] = rng.choice(np.flatnonzero(y != y[a]))
    return {"anchor": anchor, "positive": positive, "negative": negative}
'''),
    Wrong("08.1", "the negative is any image, possibly of the same digit", '''
def make_triplets(y, n, seed):
    rng = np.random.default_rng(seed)
    anchor = rng.integers(len(y), size=n)
    positive = np.empty(n, dtype=int)
    for i, a in enumerate(anchor):
        same = np.flatnonzero(y == y[a])
        positive[i] = rng.choice(same[same != a])
    negative = rng.integers(len(y), size=n)
    return {"anchor": anchor, "positive": positive, "negative": negative}
'''),
    Wrong("08.1", "an unseeded generator: the seed is ignored", '''
def make_triplets(y, n, seed):
    rng = np.random.default_rng()
    anchor = rng.integers(len(y), size=n)
    positive = np.empty(n, dtype=int)
    negative = np.empty(n, dtype=int)
    for i, a in enumerate(anchor):
        same = np.flatnonzero(y == y[a])
        positive[i] = rng.choice(same[same != a])
        negative[i] = rng.choice(np.flatnonzero(y != y[a]))
    return {"anchor": anchor, "positive": positive, "negative": negative}
'''),
    Wrong("08.1", "returns a tuple instead of a dict", '''
def make_triplets(y, n, seed):
    rng = np.random.default_rng(seed)
    anchor = rng.integers(len(y), size=n)
    positive = np.empty(n, dtype=int)
    negative = np.empty(n, dtype=int)
    for i, a in enumerate(anchor):
        same = np.flatnonzero(y == y[a])
        positive[i] = rng.choice(same[same != a])
        negative[i] = rng.choice(np.flatnonzero(y != y[a]))
    return anchor, positive, negative
'''),
    Wrong("08.2", "a cloned encoder for the right input: two sets of weights", '''
def siamese_model(encoder):
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    right_encoder = keras.models.clone_model(encoder)
    difference = layers.Subtract()([encoder(left), right_encoder(right)])
    squared = layers.Multiply()([difference, difference])
    same = layers.Dense(1, activation="sigmoid")(squared)
    return keras.Model([left, right], same)
'''),
    Wrong("08.2", "squares with a Lambda around an anonymous lambda", '''
def siamese_model(encoder):
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    squared = layers.Lambda(lambda t: t ** 2)(difference)
    same = layers.Dense(1, activation="sigmoid")(squared)
    return keras.Model([left, right], same)
'''),
    Wrong("08.2", "ignores the given encoder and builds the lesson's make_encoder()", '''
def siamese_model(encoder):
    encoder = make_encoder()
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    squared = layers.Multiply()([difference, difference])
    same = layers.Dense(1, activation="sigmoid")(squared)
    return keras.Model([left, right], same)
'''),
    Wrong("08.2", "multiplies the two embeddings instead of squaring their difference", '''
def siamese_model(encoder):
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    left_embedding = encoder(left)
    right_embedding = encoder(right)
    product = layers.Multiply()([left_embedding, right_embedding])
    same = layers.Dense(1, activation="sigmoid")(product)
    return keras.Model([left, right], same)
'''),
    Wrong("08.3", "a separate encoder for each input: nothing shared", '''
def design_siamese():
    def encoder():
        return keras.Sequential([
            keras.Input(shape=(64,)),
            layers.Dense(32, activation="relu"),
            layers.Dense(16),
        ])
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder()(left), encoder()(right)])
    squared = layers.Multiply()([difference, difference])
    same = layers.Dense(1, activation="sigmoid")(squared)
    return keras.Model([left, right], same)
'''),
    Wrong("08.3", "the distance as a Lambda around an anonymous lambda", '''
def design_siamese():
    encoder = keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(16),
    ])
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    distance = layers.Lambda(lambda t: keras.ops.abs(t))(difference)
    same = layers.Dense(1, activation="sigmoid")(distance)
    return keras.Model([left, right], same)
'''),
    Wrong("08.3", "a 128-unit encoder: 10,401 parameters, over the 8,000 limit", '''
def design_siamese():
    encoder = keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Dense(128, activation="relu"),
        layers.Dense(16),
    ])
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    squared = layers.Multiply()([difference, difference])
    same = layers.Dense(1, activation="sigmoid")(squared)
    return keras.Model([left, right], same)
'''),
    Wrong("08.3", "a 1-number embedding: too small a bottleneck to reach 0.85", '''
def design_siamese():
    encoder = keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Dense(32, activation="relu"),
        layers.Dense(1),
    ])
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    squared = layers.Multiply()([difference, difference])
    same = layers.Dense(1, activation="sigmoid")(squared)
    return keras.Model([left, right], same)
'''),
]
