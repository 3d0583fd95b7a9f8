"""Lesson 04 · the models and labels the checks give and expect (shipped); another feature count."""

from __future__ import annotations

from typing import Any

import numpy as np

from course.checks import Check, CheckFailed, extend
from course.exercises.lesson04 import compiled_binary, hidden_and_output
from instructor.expectations import shipped

X = np.random.default_rng(4).normal(size=(12, 4)).astype("float32")


def reference_models() -> tuple[Any, Any]:
    import keras
    from keras import layers

    keras.utils.set_random_seed(4)
    binary = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1, activation="sigmoid")], name="binary")
    three = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3, activation="softmax")], name="three")
    return binary, three


@shipped("04.3-binary")
def reference_binary() -> Any:
    return reference_models()[0]


@shipped("04.3-three")
def reference_three() -> Any:
    return reference_models()[1]


def expected_labels(kind: str, model: Any) -> np.ndarray:
    probabilities = model.predict(X, verbose=0)
    return (probabilities[:, 0] > 0.5).astype(int) if kind == "binary" else probabilities.argmax(axis=1)


@shipped("04.3-labels")
def labels() -> dict:
    binary, three = reference_models()
    return {"x": X, "binary": expected_labels("binary", binary), "three": expected_labels("three", three)}


def other_width(model: Any) -> None:
    got = tuple(model.inputs[0].shape)
    if got != (None, 12):
        raise CheckFailed(f"build_binary_classifier(12) takes inputs of shape {got}")
    hidden_and_output(model)
    compiled_binary(model)


extend("04.1", cases={"twelve_features": (12,)},
       checks=[Check("works for any number of features", other_width, hidden=True, case="twelve_features")])
