"""Lesson 08 · grading: repeatability across calls, another number of triplets, the grader's encoder."""

from __future__ import annotations

from typing import Any

from course.checks import Check
from course.exercises.lesson08 import LABELS, SIAMESE_CHECKS, seeded, triplets_valid
from instructor.exercises import Input, grade, on_case, on_input
from instructor.expectations import shipped


@shipped("08.2-encoder")
def reference_encoder() -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(8)
    return keras.Sequential([
        keras.Input(shape=(64,)),
        layers.Dense(32, activation="relu", name="hidden"),
        layers.Dense(8, name="embedding"),
    ], name="encoder")


grade(
    "08.1",
    function="make_triplets",
    cases=[(Input("y"), 40, 0), (Input("y"), 40, 0), (Input("y"), 40, 1), (Input("y"), 100, 5)],
    inputs={"y": lambda: LABELS},
    checks=[
        Check("gives 40 anchors, positives (same digit, another image) and negatives (another digit)",
              lambda c: triplets_valid(c.inputs["y"], 40, c.value(0)), points=2),
        Check("is repeatable with the same seed and changes with another",
              lambda c: seeded(c.value(0), c.value(1), c.value(2))),
        Check("works for another number of triplets", on_case(3, lambda t: triplets_valid(LABELS, 100, t)),
              hidden=True),
    ],
)

grade(
    "08.2",
    function="siamese_model",
    cases=[(Input("encoder"),)],
    inputs={"encoder": reference_encoder},
    checks=[Check(c.description, on_input("encoder", c.test), c.points, c.hidden) for c in SIAMESE_CHECKS],
)
