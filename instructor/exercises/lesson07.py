"""Lesson 07 · grading: another width, other channel counts."""

from __future__ import annotations

from course.checks import Check
from course.exercises import expect
from course.exercises.lesson07 import BLOCK_CASES, blocks_are_right, blocks_have_params, mlp_checks
from instructor.exercises import grade, graded_table, on_case, on_first_case

GRADED_BLOCKS = [*BLOCK_CASES, (1, 4), (4, 4)]  # the last two are hidden

grade(
    "07.1",
    function="residual_mlp_model",
    cases=[(32,), (16,)],
    checks=[*on_first_case(mlp_checks(32)),
            Check("works for another width", on_case(1, expect.all_of(mlp_checks(16))), hidden=True)],
)

grade(
    "07.2",
    function="conv_block_model",
    cases=GRADED_BLOCKS,
    checks=[
        Check("wires the block, the shortcut (projected only when needed) and the relu",
              graded_table(blocks_are_right, GRADED_BLOCKS, range(2)), points=2),
        Check("has the right number of parameters", graded_table(blocks_have_params, GRADED_BLOCKS, range(2))),
        Check("works for other channel counts", graded_table(
            lambda t: (blocks_are_right(t), blocks_have_params(t)), GRADED_BLOCKS, range(2, 4)), hidden=True),
    ],
)
