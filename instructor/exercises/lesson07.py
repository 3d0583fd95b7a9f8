"""Lesson 07 · grading: another width, other channel counts."""

from __future__ import annotations

from course.checks import ALL, Check, extend, numbered
from course.exercises import expect
from course.exercises.lesson07 import blocks_are_right, blocks_have_params, mlp_checks

extend("07.1", cases={"width_8": (8,)}, checks=[  # the notebook's second case is width 16
    Check("works for a width only the grader uses", expect.all_of(mlp_checks(8)), hidden=True, case="width_8"),
])

extend("07.2", cases=numbered("other_block", [(1, 4), (4, 4)]), checks=[
    Check("works for other channel counts",
          lambda c: (blocks_are_right(c.table(public=False)), blocks_have_params(c.table(public=False))),
          hidden=True, case=ALL),
])
