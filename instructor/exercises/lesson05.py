"""Lesson 05 · grading: any number of rows, other input sizes, another seed for the open design."""

from __future__ import annotations

import numpy as np

from course.checks import Check, Input, extend
from course.exercises.lesson05 import design_learns, groups_match_for, inputs_named

X_OTHER = np.random.default_rng(5).random((7, 30)).astype("float32")

extend("05.1", cases={"other_rows": (Input("other"),)}, inputs={"other": lambda: X_OTHER},
        checks=[Check("works for any number of rows", groups_match_for(X_OTHER), hidden=True, case="other_rows")])

extend("05.2", cases={"more_widths": (3, 7)},  # the notebook's second case is (2, 3)
        checks=[Check("works for input sizes only the grader uses",
                      inputs_named({"wide": (None, 3), "deep": (None, 7)}), hidden=True, case="more_widths")])

extend("05.4", checks=[Check("reaches the target with another seed (1)", design_learns(1), hidden=True)])
