"""Lesson 05 · grading: any number of rows, other input sizes, another seed for the open design."""

from __future__ import annotations

import numpy as np

from course.checks import Check, Input
from course.exercises.lesson05 import design_learns, groups_match_for, inputs_named
from instructor.exercises import grading

X_OTHER = np.random.default_rng(5).random((7, 30)).astype("float32")

grading("05.1", cases=[(Input("other"),)], inputs={"other": lambda: X_OTHER},
        checks=[Check("works for any number of rows", groups_match_for(X_OTHER), hidden=True, case=1)])

grading("05.2", cases=[(2, 3)],
        checks=[Check("works for other input sizes", inputs_named({"wide": (None, 2), "deep": (None, 3)}),
                      hidden=True, case=1)])

grading("05.4", checks=[Check("reaches the target with another seed (1)", design_learns(1), hidden=True)])
