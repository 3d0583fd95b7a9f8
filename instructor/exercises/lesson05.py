"""Lesson 05 · grading: any number of rows, other input sizes."""

from __future__ import annotations

import numpy as np

from course.checks import Check
from course.exercises.lesson05 import VIEW_CHECKS, WIDE_CHECKS, X, groups_match, groups_match_for, inputs_named
from instructor.exercises import Input, grade, on_case, on_first_case

X_OTHER = np.random.default_rng(5).random((7, 30)).astype("float32")

grade(
    "05.1",
    function="split_groups",
    cases=[(Input("x"),), (Input("other"),)],
    inputs={"x": lambda: X, "other": lambda: X_OTHER},
    checks=[
        Check("splits the 30 columns into mean, error and worst", on_case(0, groups_match)),
        Check("works for any number of rows", on_case(1, groups_match_for(X_OTHER)), hidden=True),
    ],
)

grade(
    "05.2",
    function="wide_and_deep_model",
    cases=[(5, 8), (2, 3)],
    checks=[*on_first_case(WIDE_CHECKS),
            Check("works for other input sizes", on_case(1, inputs_named({"wide": (None, 2), "deep": (None, 3)})),
                  hidden=True)],
)

grade("05.3", function="three_view_classifier", cases=[()], checks=on_first_case(VIEW_CHECKS))
