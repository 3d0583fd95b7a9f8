"""Lesson 08: triplets, a siamese model on a given encoder."""

import keras
import numpy as np
from keras import layers

from mutants import mutant


def _triplets(y, n, rng, exclude_anchor=True, images=None):
    anchor = rng.integers(images or len(y), size=n)
    positive, negative = np.empty(n, dtype=int), np.empty(n, dtype=int)
    for i, a in enumerate(anchor):
        same = np.flatnonzero(y == y[a])
        positive[i] = rng.choice(same[same != a] if exclude_anchor else same)
        negative[i] = rng.choice(np.flatnonzero(y != y[a]))
    return {"anchor": anchor, "positive": positive, "negative": negative}


@mutant("08.1", "a fixed seed", words=("seed",))
def make_triplets_fixed_seed(y, n, seed):
    return _triplets(y, n, np.random.default_rng(0))


@mutant("08.1", "the global random state", words=("seed",))
def make_triplets_global(y, n, seed):
    anchor = np.random.randint(len(y), size=n)
    positive = np.array([np.random.choice(np.flatnonzero((y == y[a]) & (np.arange(len(y)) != a))) for a in anchor])
    negative = np.array([np.random.choice(np.flatnonzero(y != y[a])) for a in anchor])
    return {"anchor": anchor, "positive": positive, "negative": negative}


@mutant("08.1", "the anchor can be its own positive", words=("anchor itself",))
def make_triplets_self(y, n, seed):
    return _triplets(y, n, np.random.default_rng(seed), exclude_anchor=False)


@mutant("08.1", "hard-codes 40 triplets", hidden_only="another number of triplets is a hidden grading case")
def make_triplets_hard_coded(y, n, seed):
    return _triplets(y, 40, np.random.default_rng(seed))


@mutant("08.1", "hard-codes the number of images",
        hidden_only="other labels, of another length, are a hidden grading case")
def make_triplets_hard_coded_images(y, n, seed):
    return _triplets(y, n, np.random.default_rng(seed), images=120)


@mutant("08.2", "a copy of the encoder per side", words=("encoder",))
def siamese_model_two_encoders(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    other = keras.models.clone_model(encoder)
    difference = layers.Subtract()([encoder(left), other(right)])
    squared = layers.Multiply()([difference, difference])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(squared))


@mutant("08.2", "concatenates the embeddings", words=("difference",))
def siamese_model_concatenate(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(joined))


@mutant("08.2", "squares with a Lambda", words=("Lambda", "Multiply"))
def siamese_model_lambda(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    squared = layers.Lambda(lambda d: d ** 2)(difference)
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(squared))


@mutant("08.2", "forgets to square the difference", words=("swapping",))
def siamese_model_signed(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(difference))


@mutant("08.2", "calls the encoder's layers one by one", words=("encoder",))
def siamese_model_unpacked_layers(encoder):
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


@mutant("08.2", "no sigmoid on the output", words=("sigmoid",))
def siamese_model_linear(encoder):
    left, right = keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")
    difference = layers.Subtract()([encoder(left), encoder(right)])
    squared = layers.Multiply()([difference, difference])
    return keras.Model([left, right], layers.Dense(1)(squared))


def _pair_inputs():
    return keras.Input(shape=(64,), name="left"), keras.Input(shape=(64,), name="right")


def _pair_encoder(hidden=64, embedding=16, name="pair_encoder"):
    stack = [keras.Input(shape=(64,))] + ([layers.Dense(hidden, activation="relu")] if hidden else [])
    return keras.Sequential(stack + [layers.Dense(embedding)], name=name)


def _squared_head(left_embedding, right_embedding, activation="sigmoid"):
    difference = layers.Subtract()([left_embedding, right_embedding])
    return layers.Dense(1, activation=activation)(layers.Multiply()([difference, difference]))


@mutant("08.3", "an encoder per side", words=("different layers", "same object"))
def design_siamese_two_encoders():
    left, right = _pair_inputs()
    mine, other = _pair_encoder(name="left_encoder"), _pair_encoder(name="right_encoder")
    return keras.Model([left, right], _squared_head(mine(left), other(right)))


@mutant("08.3", "compares raw pixels, no encoder", words=("raw pixels", "encoder"))
def design_siamese_raw_pixels():
    left, right = _pair_inputs()
    return keras.Model([left, right], _squared_head(left, right))


@mutant("08.3", "the signed difference into a linear head", words=("below the target", "symmetric"))
def design_siamese_signed():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    difference = layers.Subtract()([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(difference))


@mutant("08.3", "the embeddings side by side into a linear head", words=("below the target",))
def design_siamese_concatenated():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    joined = layers.Concatenate()([encoder(left), encoder(right)])
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(joined))


@mutant("08.3", "a linear output", words=("sigmoid",))
def design_siamese_linear_output():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    return keras.Model([left, right], _squared_head(encoder(left), encoder(right), activation=None))


@mutant("08.3", "softmax over one unit", words=("same output", "sigmoid"))
def design_siamese_softmax():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    return keras.Model([left, right], _squared_head(encoder(left), encoder(right), activation="softmax"))


@mutant("08.3", "far too small: a 2-number embedding", words=("below the target",))
def design_siamese_tiny():
    left, right = _pair_inputs()
    encoder = _pair_encoder(hidden=0, embedding=2)
    return keras.Model([left, right], _squared_head(encoder(left), encoder(right)))


@mutant("08.3", "far over the parameter limit", words=("parameters", "8,000"))
def design_siamese_too_big():
    left, right = _pair_inputs()
    encoder = _pair_encoder(hidden=256, embedding=64)
    return keras.Model([left, right], _squared_head(encoder(left), encoder(right)))


class _Absolute(layers.Layer):
    """A learner's own layer, as in the lesson's AbsLayer: the grader's process has never seen it."""

    def call(self, x):
        return keras.ops.abs(x)


@mutant("08.3", "a layer class of its own", words=("defined in your notebook", "built-in"))
def design_siamese_own_layer():
    left, right = _pair_inputs()
    encoder = _pair_encoder()
    distance = _Absolute()(layers.Subtract()([encoder(left), encoder(right)]))
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(distance))
