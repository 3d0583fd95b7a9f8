"""Lesson 13 · grading: a fifth feature; longer sequences of another width and padding value."""

from __future__ import annotations

from course.checks import Check, Input, extend
from course.exercises.lesson13 import affine_data, learns, padded_sequences, skips_padding

AFFINE_5 = affine_data(5, seed=51)
SEQUENCES_LONG = padded_sequences(9, 9, 2, seed=31, pad_value=-2.0, zero_steps=True)

extend(
    "13.1",
    cases={"five_features": (Input("x_5"), Input("y_5"))},
    inputs={"x_5": lambda: AFFINE_5["x"], "y_5": lambda: AFFINE_5["y"]},
    checks=[Check("learns a scale and offset for 5 features as well", learns(AFFINE_5), hidden=True,
                  case="five_features")],
)

extend(
    "13.2",
    cases={"longer": (Input("longer"), -2.0)},
    inputs={"longer": lambda: SEQUENCES_LONG["x"]},
    checks=[Check("skips the padding (-2) in longer sequences of two features", skips_padding(SEQUENCES_LONG),
                  hidden=True, case="longer")],
)
