"""Lesson 03 · grading: other convolutions, any layer name, the grader's own Sequential."""

from __future__ import annotations

from typing import Any, Callable

from course.checks import Check
from course.exercises import expect
from course.exercises.lesson03 import (
    CONV_CASES,
    extracts_digit,
    extracts_hidden,
    matches_keras_conv,
    same_predictions,
    same_weights,
    works_for_functional,
)
from instructor.exercises import Collected, Input, grade, graded_table, on_case
from instructor.expectations import shipped

GRADED_CONV = [*CONV_CASES, (5, 3, 6), (2, 7, 1)]  # the last two are hidden


@shipped("03-digits")
def reference_sequential() -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(3)
    return keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Dense(24, activation="relu", name="hidden"),
        layers.Dense(10, activation="softmax", name="digit"),
    ], name="reference")


@shipped("03-functional")
def reference_functional() -> Any:
    """The same layers as `reference_sequential`, built with the functional API."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(30)
    pixels = keras.Input(shape=(64,), name="pixels")
    hidden = layers.Dense(24, activation="relu", name="hidden")(pixels)
    return keras.Model(pixels, layers.Dense(10, activation="softmax", name="digit")(hidden), name="reference_func")


def graded_pair(index: int, test: Callable[[tuple], None], name: str = "reference") -> Callable[[Collected], None]:
    """Pair grading case `index` with the grader's own copy of the reference model `name`."""
    return lambda c: test((c.inputs[name], c.value(index)))


grade(
    "03.1",
    function="conv2d_params",
    cases=GRADED_CONV,
    checks=[
        Check("agrees with Keras for three convolutions", graded_table(matches_keras_conv, GRADED_CONV, range(3))),
        Check("agrees with Keras for other kernels and channels",
              graded_table(matches_keras_conv, GRADED_CONV, range(3, 5)), hidden=True),
    ],
)

grade(
    "03.2",
    function="feature_extractor",
    cases=[(Input("reference"), "hidden"), (Input("reference"), "digit"), (Input("functional"), "hidden")],
    inputs={"reference": reference_sequential, "functional": reference_functional},
    checks=[
        Check("returns a functional model that outputs the hidden layer's features, without warnings",
              graded_pair(0, lambda pair: (expect.functional(pair[1]), extracts_hidden(pair)))),
        Check("works for a functional model too", graded_pair(2, works_for_functional, "functional")),
        Check("works for any layer name", graded_pair(1, extracts_digit), hidden=True),
    ],
)

grade(
    "03.3",
    function="to_functional",
    cases=[(Input("reference"),)],
    inputs={"reference": reference_sequential},
    # Layer identity cannot survive a saved file: the grader checks the weights and predictions.
    checks=[
        Check("returns a functional model", on_case(0, expect.functional)),
        Check("keeps the Sequential model's layers and weights", graded_pair(0, same_weights)),
        Check("predicts the same, without warnings", graded_pair(0, same_predictions)),
    ],
)
