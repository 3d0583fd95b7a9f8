"""Lesson 06 · the two-headed model the checks give the answer (shipped), and the parities it predicts."""

from __future__ import annotations

from typing import Any

import numpy as np

from instructor.expectations import shipped

X = np.random.default_rng(6).random((16, 64), dtype=np.float32)


@shipped("06-two-heads")
def reference_two_heads() -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(6)
    pixels = keras.Input(shape=(64,), name="pixels")
    trunk = layers.Dense(32, activation="relu", name="trunk")(pixels)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(trunk)
    digit = layers.Dense(10, activation="softmax", name="digit")(trunk)
    model = keras.Model(pixels, {"is_odd": is_odd, "digit": digit}, name="reference_two_heads")
    # Untrained, every row would get the same parity and the same digit, so reading the wrong head
    # would pass: centre the parity head on X so that half the rows are odd, whatever the digit head says.
    kernel, _ = model.get_layer("is_odd").get_weights()
    logits = keras.Model(pixels, trunk).predict(X, verbose=0) @ kernel
    model.get_layer("is_odd").set_weights([kernel, -np.median(logits, axis=0).astype("float32")])
    return model


def parities(model: Any, x: np.ndarray) -> np.ndarray:
    return model.predict(x, verbose=0)["is_odd"][:, 0] > 0.5


@shipped("06.3-parity")
def expected_parities() -> dict:
    return {"x": X, "y": parities(reference_two_heads(), X)}
