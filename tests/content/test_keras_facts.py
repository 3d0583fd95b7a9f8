"""Keras 3 behaviour the course states as fact (the quiz's answers, the README's list of Keras 3.15
facts): checked on the installed Keras, so an upgrade that changes one fails here, by name."""

import keras
import pytest
from keras import layers


def test_the_sequential_answers_really_are_stacks():
    encoder = keras.Sequential([keras.Input(shape=(64,)), layers.Dense(32, activation="relu"), layers.Dense(8)],
                               name="encoder")
    decoder = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(32, activation="relu"), layers.Dense(64)],
                               name="decoder")
    autoencoder = keras.Sequential([encoder, decoder], name="autoencoder")
    assert autoencoder.outputs[0].shape == (None, 64)
    assert autoencoder.layers[0] is encoder  # the same object: the encoder's weights are shared
    assert autoencoder.count_params() == encoder.count_params() + decoder.count_params()


def test_a_residual_merge_cannot_be_a_stack():
    with pytest.raises(ValueError, match="should be called on a list"):
        keras.Sequential([keras.Input(shape=(8,)), layers.Dense(8), layers.Add()])
