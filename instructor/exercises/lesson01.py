"""Lesson 01 · grading: other layer sizes and hidden sizes, and the reference stack."""

from __future__ import annotations

from typing import Any, Callable

from course.checks import Check
from course.exercises import expect
from course.exercises.lesson01 import (
    DENSE_CASES,
    GRAPH_CHECKS,
    HIDDEN,
    SAMPLE,
    STACK_CHECKS,
    matches_keras,
    shape_checks,
)
from instructor.exercises import Collected, grade, graded_table, on_first_case
from instructor.expectations import function_of, shipped

GRADED_DENSE = [*DENSE_CASES, (100, 7), (1, 1)]  # the last two are hidden
OTHER_SIZES = [(16,), (8, 8, 8)]


def reference_stack(hidden: tuple[int, ...] = HIDDEN) -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input(shape=(64,))], name="reference")
    for i, units in enumerate(hidden, 1):
        model.add(layers.Dense(units, activation="relu", name=f"hidden_{i}"))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model


@shipped("01.3-stack")
def stack_function() -> dict:
    return function_of(reference_stack(), SAMPLE)


def other_sizes(kind: Callable[[Any], None]) -> Callable[[Collected], None]:
    """Hidden check: the answer also works for other hidden sizes (grading cases 1, 2, ...)."""
    def test(collected: Collected) -> None:
        for index, hidden in enumerate(OTHER_SIZES, 1):
            model = collected.value(index)
            kind(model)
            for _, check in shape_checks(hidden):
                check(model)
    return test


grade(
    "01.1",
    function="dense_params",
    cases=GRADED_DENSE,
    checks=[
        Check("agrees with Keras for (64, 32), (32, 10) and (4, 1)",
              graded_table(matches_keras, GRADED_DENSE, range(3))),
        Check("agrees with Keras for other layer sizes", graded_table(matches_keras, GRADED_DENSE, range(3, 5)),
              hidden=True),
    ],
)

grade(
    "01.2",
    function="build_stack",
    cases=[(HIDDEN,), *[(size,) for size in OTHER_SIZES]],
    checks=[*on_first_case(STACK_CHECKS),
            Check("works for other hidden sizes", other_sizes(expect.sequential), hidden=True)],
)

grade(
    "01.3",
    function="build_graph",
    cases=[(HIDDEN,), *[(size,) for size in OTHER_SIZES]],
    checks=[*on_first_case(GRAPH_CHECKS),
            Check("works for other hidden sizes", other_sizes(expect.functional), hidden=True)],
)
