"""Lesson 01 · grading: other layer sizes and hidden sizes, and the reference stack."""

from __future__ import annotations

from typing import Any, Callable

from course.checks import ALL, Check, Collected, extend, numbered
from course.exercises import expect
from course.exercises.lesson01 import HIDDEN, SAMPLE, matches_keras, shape_checks
from instructor.expectations import function_of, shipped

OTHER_DENSE = [(100, 7), (1, 1)]
OTHER_SIZES = [(8, 8, 8), (12, 6)]  # never shown in the notebook (its second case is (16,))


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
    """Hidden check: the answer also works for other hidden sizes (the grading-only cases)."""
    def test(collected: Collected) -> None:
        for (hidden,), model in collected.table(public=False).items():
            kind(model)
            for _, check in shape_checks(tuple(hidden)):
                check(model)
    return test


extend("01.1", cases=numbered("other_dense", OTHER_DENSE), checks=[
    Check("agrees with Keras for other layer sizes", lambda c: matches_keras(c.table(public=False)),
          hidden=True, case=ALL),
])

extend("01.2", cases=numbered("other_sizes", [(size,) for size in OTHER_SIZES]), checks=[
    Check("works for hidden sizes only the grader uses", other_sizes(expect.sequential), hidden=True, case=ALL),
])

extend("01.3", cases=numbered("other_sizes", [(size,) for size in OTHER_SIZES]), checks=[
    Check("works for hidden sizes only the grader uses", other_sizes(expect.functional), hidden=True, case=ALL),
])
