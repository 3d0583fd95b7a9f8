"""Lesson 13 · grading: another number of features, longer sequences of other widths."""

from __future__ import annotations

from course.checks import Check, Input
from course.exercises.lesson13 import affine_data, learns, padded_sequences, skips_padding
from instructor.exercises import grading

AFFINE_3 = affine_data(3, seed=31)
SEQUENCES_LONG = padded_sequences(6, 9, 2, seed=31)

grading(
    "13.1",
    cases=[(Input("x_3"), Input("y_3"))],
    inputs={"x_3": lambda: AFFINE_3["x"], "y_3": lambda: AFFINE_3["y"]},
    checks=[Check("learns a scale and offset for 3 features as well", learns(AFFINE_3), hidden=True, case=1)],
)

grading(
    "13.2",
    cases=[(Input("longer"),)],
    inputs={"longer": lambda: SEQUENCES_LONG["x"]},
    checks=[Check("skips the padding in longer sequences of two features", skips_padding(SEQUENCES_LONG),
                  hidden=True, case=1)],
)
