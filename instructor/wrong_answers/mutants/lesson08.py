"""Lesson 08: triplets, a siamese model on a given encoder."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('08.1', 'a fixed seed', '''
def _triplets(y, n, rng, exclude_anchor=True, images=None):
    anchor = rng.integers(images or len(y), size=n)
    positive, negative = np.empty(n, dtype=int), np.empty(n, dtype=int)
    for i, a in enumerate(anchor):
        same = np.flatnonzero(y == y[a])
        positive[i] = rng.choice(same[same != a] if exclude_anchor else same)
        negative[i] = rng.choice(np.flatnonzero(y != y[a]))
    return {"anchor": anchor, "positive": positive, "negative": negative}


def make_triplets(y, n, seed):
    return _triplets(y, n, np.random.default_rng(0))
''', words=('seed',)),
    Wrong('08.1', 'the global random state', '''
def make_triplets(y, n, seed):
    anchor = np.random.randint(len(y), size=n)
    positive = np.array([np.random.choice(np.flatnonzero((y == y[a]) & (np.arange(len(y)) != a))) for a in anchor])
    negative = np.array([np.random.choice(np.flatnonzero(y != y[a])) for a in anchor])
    return {"anchor": anchor, "positive": positive, "negative": negative}
''', words=('seed',)),
    Wrong('08.1', 'the anchor can be its own positive', '''
def _triplets(y, n, rng, exclude_anchor=True, images=None):
    anchor = rng.integers(images or len(y), size=n)
    positive, negative = np.empty(n, dtype=int), np.empty(n, dtype=int)
    for i, a in enumerate(anchor):
        same = np.flatnonzero(y == y[a])
        positive[i] = rng.choice(same[same != a] if exclude_anchor else same)
        negative[i] = rng.choice(np.flatnonzero(y != y[a]))
    return {"anchor": anchor, "positive": positive, "negative": negative}


def make_triplets(y, n, seed):
    return _triplets(y, n, np.random.default_rng(seed), exclude_anchor=False)
''', words=('anchor itself',)),
    Wrong('08.1', 'hard-codes 40 triplets', '''
def _triplets(y, n, rng, exclude_anchor=True, images=None):
    anchor = rng.integers(images or len(y), size=n)
    positive, negative = np.empty(n, dtype=int), np.empty(n, dtype=int)
    for i, a in enumerate(anchor):
        same = np.flatnonzero(y == y[a])
        positive[i] = rng.choice(same[same != a] if exclude_anchor else same)
        negative[i] = rng.choice(np.flatnonzero(y != y[a]))
    return {"anchor": anchor, "positive": positive, "negative": negative}


def make_triplets(y, n, seed):
    return _triplets(y, 40, np.random.default_rng(seed))
''', words=('25 integer indices', 'make n triplets')),
    Wrong('08.1', 'hard-codes the number of images', '''
def _triplets(y, n, rng, exclude_anchor=True, images=None):
    anchor = rng.integers(images or len(y), size=n)
    positive, negative = np.empty(n, dtype=int), np.empty(n, dtype=int)
    for i, a in enumerate(anchor):
        same = np.flatnonzero(y == y[a])
        positive[i] = rng.choice(same[same != a] if exclude_anchor else same)
        negative[i] = rng.choice(np.flatnonzero(y != y[a]))
    return {"anchor": anchor, "positive": positive, "negative": negative}


def make_triplets(y, n, seed):
    return _triplets(y, n, np.random.default_rng(seed), images=120)
''', words=('ignore len(y)',)),
    Wrong('08.2', 'a copy of the encoder per side', '''
def siamese_model(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    other = keras.models.clone_model(encoder)
    difference = layers.Subtract()([encoder(left), other(right)])
    squared = layers.Multiply()([difference, difference])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(squared))
''', words=('encoder',)),
    Wrong('08.2', 'concatenates the embeddings', '''
def siamese_model(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(joined))
''', words=('difference',)),
    Wrong('08.2', 'squares with a Lambda', '''
def siamese_model(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    squared = layers.Lambda(lambda d: d ** 2)(difference)
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(squared))
''', words=('Lambda', 'Multiply')),
    Wrong('08.2', 'forgets to square the difference', '''
def siamese_model(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(difference))
''', words=('swapping',)),
    Wrong('08.2', "calls the encoder's layers one by one", '''
def siamese_model(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    embeddings = []
    for side in (left, right):
        x = side
        for layer in encoder.layers:
            x = layer(x)
        embeddings.append(x)
    difference = layers.Subtract()(embeddings)
    squared = layers.Multiply()([difference, difference])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(squared))
''', words=('encoder',)),
    Wrong('08.2', 'no sigmoid on the output', '''
def siamese_model(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    squared = layers.Multiply()([difference, difference])
    return keras.Model([left, right], layers.Dense(1)(squared))
''', words=('sigmoid',)),
    Wrong('08.3', 'an encoder per side', '''
def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _pair_encoder(hidden=64, embedding=16, name="pair_encoder"):
    stack = [keras.Input(shape=(64,))] + ([layers.Dense(hidden, activation="relu")] if hidden else [])
    return keras.Sequential(stack + [layers.Dense(embedding)], name=name)


def _squared_head(left_embedding, right_embedding, activation="sigmoid"):
    difference = layers.Subtract()([left_embedding, right_embedding])
    return layers.Dense(1, activation=activation)(layers.Multiply()([difference, difference]))


def design_siamese():
    left, right = _pair_inputs()
    mine, other = _pair_encoder(name="left_encoder"), _pair_encoder(name="right_encoder")
    return keras.Model([left, right], _squared_head(mine(left), other(right)))
''', words=('different layers', 'same object')),
    Wrong('08.3', 'compares raw pixels, no encoder', '''
def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _squared_head(left_embedding, right_embedding, activation="sigmoid"):
    difference = layers.Subtract()([left_embedding, right_embedding])
    return layers.Dense(1, activation=activation)(layers.Multiply()([difference, difference]))


def design_siamese():
    left, right = _pair_inputs()
    return keras.Model([left, right], _squared_head(left, right))
''', words=('raw pixels', 'encoder')),
    Wrong('08.3', 'the signed difference into a linear head', '''
def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _pair_encoder(hidden=64, embedding=16, name="pair_encoder"):
    stack = [keras.Input(shape=(64,))] + ([layers.Dense(hidden, activation="relu")] if hidden else [])
    return keras.Sequential(stack + [layers.Dense(embedding)], name=name)


def design_siamese():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    difference = layers.Subtract()([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(difference))
''', words=('below the target', 'not symmetric')),
    Wrong('08.3', 'the embeddings side by side into a linear head', '''
def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _pair_encoder(hidden=64, embedding=16, name="pair_encoder"):
    stack = [keras.Input(shape=(64,))] + ([layers.Dense(hidden, activation="relu")] if hidden else [])
    return keras.Sequential(stack + [layers.Dense(embedding)], name=name)


def design_siamese():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(joined))
''', words=('below the target', 'not symmetric')),
    Wrong('08.3', 'a linear output', '''
def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _pair_encoder(hidden=64, embedding=16, name="pair_encoder"):
    stack = [keras.Input(shape=(64,))] + ([layers.Dense(hidden, activation="relu")] if hidden else [])
    return keras.Sequential(stack + [layers.Dense(embedding)], name=name)


def _squared_head(left_embedding, right_embedding, activation="sigmoid"):
    difference = layers.Subtract()([left_embedding, right_embedding])
    return layers.Dense(1, activation=activation)(layers.Multiply()([difference, difference]))


def design_siamese():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    return keras.Model([left, right], _squared_head(encoder(left), encoder(right), activation=None))
''', words=('sigmoid',)),
    Wrong('08.3', 'softmax over one unit', '''
def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _pair_encoder(hidden=64, embedding=16, name="pair_encoder"):
    stack = [keras.Input(shape=(64,))] + ([layers.Dense(hidden, activation="relu")] if hidden else [])
    return keras.Sequential(stack + [layers.Dense(embedding)], name=name)


def _squared_head(left_embedding, right_embedding, activation="sigmoid"):
    difference = layers.Subtract()([left_embedding, right_embedding])
    return layers.Dense(1, activation=activation)(layers.Multiply()([difference, difference]))


def design_siamese():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    return keras.Model([left, right], _squared_head(encoder(left), encoder(right), activation="softmax"))
''', words=('same output', 'sigmoid')),
    Wrong('08.3', 'far too small: a 2-number embedding', '''
def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _pair_encoder(hidden=64, embedding=16, name="pair_encoder"):
    stack = [keras.Input(shape=(64,))] + ([layers.Dense(hidden, activation="relu")] if hidden else [])
    return keras.Sequential(stack + [layers.Dense(embedding)], name=name)


def _squared_head(left_embedding, right_embedding, activation="sigmoid"):
    difference = layers.Subtract()([left_embedding, right_embedding])
    return layers.Dense(1, activation=activation)(layers.Multiply()([difference, difference]))


def design_siamese():
    left, right = _pair_inputs()
    encoder = _pair_encoder(hidden=0, embedding=2)
    return keras.Model([left, right], _squared_head(encoder(left), encoder(right)))
''', words=('below the target', 'embedding')),
    Wrong('08.3', 'far over the parameter limit', '''
def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _pair_encoder(hidden=64, embedding=16, name="pair_encoder"):
    stack = [keras.Input(shape=(64,))] + ([layers.Dense(hidden, activation="relu")] if hidden else [])
    return keras.Sequential(stack + [layers.Dense(embedding)], name=name)


def _squared_head(left_embedding, right_embedding, activation="sigmoid"):
    difference = layers.Subtract()([left_embedding, right_embedding])
    return layers.Dense(1, activation=activation)(layers.Multiply()([difference, difference]))


def design_siamese():
    left, right = _pair_inputs()
    encoder = _pair_encoder(hidden=256, embedding=64)
    return keras.Model([left, right], _squared_head(encoder(left), encoder(right)))
''', words=('parameters', '8,000')),
    Wrong('08.3', 'a layer class of its own', '''
def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _pair_encoder(hidden=64, embedding=16, name="pair_encoder"):
    stack = [keras.Input(shape=(64,))] + ([layers.Dense(hidden, activation="relu")] if hidden else [])
    return keras.Sequential(stack + [layers.Dense(embedding)], name=name)


class _Absolute(layers.Layer):
    """A learner's own layer, as in the lesson's AbsLayer: the grader's process has never seen it."""

    def call(self, x):
        return keras.ops.abs(x)


def design_siamese():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    distance = _Absolute()(layers.Subtract()([encoder(left), encoder(right)]))
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(distance))
''', words=('defined in your notebook', 'built-in')),
]
