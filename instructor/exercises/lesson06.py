"""Lesson 06 · grading: the grader's own two-headed model, compiled and read by the answer."""

from __future__ import annotations

from typing import Any

import numpy as np

from course.checks import Check
from course.exercises.lesson06 import COMPILE_CHECKS, HEAD_CHECKS, parity_matches
from instructor.exercises import Collected, Input, grade, on_first_case
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


def graded_parity(collected: Collected) -> None:
    parity_matches((parities(collected.inputs["model"], X), collected.value(0)))


grade("06.1", function="digit_and_parity", cases=[()], checks=on_first_case(HEAD_CHECKS))

grade(
    "06.2",
    function="compile_digit_and_parity",
    cases=[(Input("model"),)],
    inputs={"model": reference_two_heads},
    timeout=300,
    checks=on_first_case(COMPILE_CHECKS),
)

grade(
    "06.3",
    function="odd_digits",
    cases=[(Input("model"), Input("x"))],
    inputs={"model": reference_two_heads, "x": lambda: X},
    checks=[Check("reads the is_odd head of predict's dict", graded_parity)],
)
