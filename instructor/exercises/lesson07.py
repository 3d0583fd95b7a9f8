"""Lesson 07 · grading: another width, other channel counts."""

from __future__ import annotations

from course.checks import Check
from course.exercises import expect
from course.exercises.lesson07 import blocks_are_right, blocks_have_params, mlp_checks
from instructor.exercises import grading

grading("07.1", cases=[(16,)], checks=[
    Check("works for another width", expect.all_of(mlp_checks(16)), hidden=True, case=1),
])

grading("07.2", cases=[(1, 4), (4, 4)], checks=[
    Check("works for other channel counts",
          lambda c: (blocks_are_right(c.table(public=False)), blocks_have_params(c.table(public=False))),
          hidden=True, case=None),
])
