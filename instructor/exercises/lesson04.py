"""Lesson 04 · grading: another feature count, the grader's own models for the labels."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed
from course.exercises.lesson04 import BINARY_CHECKS, N_FEATURES, compiled_binary, early_stopping_config, labels_match
from instructor.exercises import Collected, Input, grade, on_case, on_first_case
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
    compiled_binary(model)


def graded_labels(kind: str, index: int) -> Callable[[Collected], None]:
    def test(collected: Collected) -> None:
        expected = expected_labels(kind, collected.inputs[kind])
        labels_match(kind)({kind: collected.value(index), "expected": {kind: expected}})
    return test


grade(
    "04.1",
    function="build_binary_classifier",
    cases=[(N_FEATURES,), (12,)],
    timeout=300,
    checks=[*on_first_case(BINARY_CHECKS),
            Check("works for any number of features", on_case(1, other_width), hidden=True)],
)

grade(
    "04.2",
    function="make_early_stopping",
    cases=[()],
    checks=[Check("watches val_loss, waits 5 epochs, restores the best weights", on_case(0, early_stopping_config))],
)

grade(
    "04.3",
    function="predict_labels",
    cases=[(Input("binary"), Input("x")), (Input("three"), Input("x"))],
    inputs={"binary": reference_binary, "three": reference_three, "x": lambda: X},
    checks=[
        Check("thresholds a single sigmoid output at 0.5", graded_labels("binary", 0)),
        Check("takes the most likely of several softmax units", graded_labels("three", 1)),
    ],
)
