"""Lesson 13 · grading: another number of features; longer sequences of another width and padding value."""

from __future__ import annotations

from course.checks import Check, Input, extend
from course.exercises.lesson13 import affine_data, learns, padded_sequences, skips_padding

AFFINE_3 = affine_data(3, seed=31)
SEQUENCES_LONG = padded_sequences(9, 9, 2, seed=31, pad_value=-2.0, zero_steps=True)

extend(
    "13.1",
    cases={"three_features": (Input("x_3"), Input("y_3"))},
    inputs={"x_3": lambda: AFFINE_3["x"], "y_3": lambda: AFFINE_3["y"]},
    checks=[Check("learns a scale and offset for 3 features as well", learns(AFFINE_3), hidden=True,
                  case="three_features")],
)

extend(
    "13.2",
    cases={"longer": (Input("longer"), -2.0)},
    inputs={"longer": lambda: SEQUENCES_LONG["x"]},
    checks=[Check("skips the padding (-2) in longer sequences of two features", skips_padding(SEQUENCES_LONG),
                  hidden=True, case="longer")],
)
