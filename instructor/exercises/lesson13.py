"""Lesson 13 · grading: another number of features, longer sequences of other widths."""

from __future__ import annotations

from course.checks import Check
from course.exercises.lesson13 import (
    AFFINE,
    AFFINE_CHECKS,
    MAX_CHECKS,
    SEQUENCES,
    affine_data,
    learns,
    padded_sequences,
    skips_padding,
)
from instructor.exercises import Input, grade, on_case, on_first_case

AFFINE_3 = affine_data(3, seed=31)
SEQUENCES_LONG = padded_sequences(6, 9, 2, seed=31)

grade(
    "13.1",
    function="learn_affine",
    cases=[(Input("x"), Input("y")), (Input("x_3"), Input("y_3"))],
    inputs={"x": lambda: AFFINE["x"], "y": lambda: AFFINE["y"],
            "x_3": lambda: AFFINE_3["x"], "y_3": lambda: AFFINE_3["y"]},
    checks=[*on_first_case(AFFINE_CHECKS),
            Check("learns a scale and offset for 3 features as well", on_case(1, learns(AFFINE_3)), hidden=True)],
)

grade(
    "13.2",
    function="masked_max",
    cases=[(Input("sequences"),), (Input("longer"),)],
    inputs={"sequences": lambda: SEQUENCES["x"], "longer": lambda: SEQUENCES_LONG["x"]},
    checks=[*on_first_case(MAX_CHECKS),
            Check("skips the padding in longer sequences of two features",
                  on_case(1, skips_padding(SEQUENCES_LONG)), hidden=True)],
)
