"""Lesson 01 · Two ways to build the same model."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed, Collected, Exercise, on_case, register
from course.exercises import expect

HIDDEN = (64, 32)
DENSE_CASES = [(64, 32), (32, 10), (4, 1), (100, 7), (1, 1)]  # the first three are public


def matches_keras(table: dict[tuple[int, int], Any]) -> None:
    import keras

    for (n, units), got in table.items():
        layer = keras.layers.Dense(units)
        layer.build((None, n))
        if got != layer.count_params():
            raise CheckFailed(
                f"dense_params({n}, {units}) returned {got!r}; Keras counts {layer.count_params()}",
                "every unit has one weight per input, plus one bias.",
            )


register(Exercise(
    id="01.1",
    title="Count a Dense layer's parameters",
    prepare=lambda answer: expect.answer_table(answer, DENSE_CASES[:3]),
    public=[Check("agrees with Keras for (64, 32), (32, 10) and (4, 1)", matches_keras)],
    function="dense_params",
    cases=DENSE_CASES,
    grading=[
        Check("agrees with Keras for (64, 32), (32, 10) and (4, 1)",
              expect.graded_table(matches_keras, DENSE_CASES, range(3))),
        Check("agrees with Keras for other layer sizes",
              expect.graded_table(matches_keras, DENSE_CASES, range(3, 5)), hidden=True),
    ],
))


def reference_stack(hidden: tuple[int, ...] = HIDDEN) -> Any:
    import keras
    from keras import layers

    model = keras.Sequential([keras.Input(shape=(64,))], name="reference")
    for i, units in enumerate(hidden, 1):
        model.add(layers.Dense(units, activation="relu", name=f"hidden_{i}"))
    model.add(layers.Dense(10, activation="softmax", name="digit"))
    return model


def expected_params(hidden: tuple[int, ...] = HIDDEN) -> int:
    sizes = (64, *hidden, 10)
    return sum(n * units + units for n, units in zip(sizes, sizes[1:]))


SAMPLE = np.random.default_rng(0).random((5, 64), dtype=np.float32)


def layer_count(hidden: tuple[int, ...]) -> Callable[[Any], None]:
    def test(model: Any) -> None:
        dense = [layer for layer in model.layers if type(layer).__name__ == "Dense"]
        if len(dense) != len(hidden) + 1:
            raise CheckFailed(
                f"expected {len(hidden) + 1} Dense layers for hidden sizes {hidden}, got {len(dense)}",
                "one Dense per hidden size, then the 10-unit output layer.",
            )
    return test


def softmax_output(model: Any) -> None:
    total = model.predict(SAMPLE, verbose=0).sum(axis=1)
    if not np.allclose(total, 1.0, atol=1e-5):
        raise CheckFailed(
            "the 10 outputs of a sample do not add up to 1",
            'give the last layer activation="softmax".',
        )


def same_as_reference(hidden: tuple[int, ...] = HIDDEN) -> Callable[[Any], None]:
    return lambda model: expect.same_function(reference_stack(hidden), model, SAMPLE)


def shape_checks(hidden: tuple[int, ...]) -> list[tuple[str, Callable[[Any], None]]]:
    return [
        ("is built and outputs (None, 10)", lambda m: expect.output_shape(m, (None, 10))),
        (f"has {expected_params(hidden):,} parameters for hidden sizes {hidden}",
         lambda m: expect.param_count(m, expected_params(hidden))),
        ("has one Dense per hidden size plus the output layer", layer_count(hidden)),
        ("outputs class probabilities (softmax)", softmax_output),
    ]


def other_sizes(kind: Callable[[Any], None], sizes: list[tuple[int, ...]]) -> Callable[[Collected], None]:
    """Hidden check: the answer also works for other hidden sizes (grading cases 1, 2, ...)."""
    def test(collected: Collected) -> None:
        for index, hidden in enumerate(sizes, 1):
            model = collected.value(index)
            kind(model)
            for _, check in shape_checks(hidden):
                check(model)
    return test


STACK_SIZES = [(16,), (8, 8, 8)]

register(Exercise(
    id="01.2",
    title="Build a stack of any depth with Sequential",
    prepare=lambda build_stack: build_stack(HIDDEN),
    public=[Check("returns a keras.Sequential", expect.sequential),
            *[Check(name, test) for name, test in shape_checks(HIDDEN)]],
    function="build_stack",
    cases=[(HIDDEN,), *[(size,) for size in STACK_SIZES]],
    grading=[
        Check("returns a keras.Sequential", on_case(0, expect.sequential)),
        *[Check(name, on_case(0, test)) for name, test in shape_checks(HIDDEN)],
        Check("works for other hidden sizes", other_sizes(expect.sequential, STACK_SIZES), hidden=True),
    ],
))

GRAPH_SIZES = [(16,), (8, 8, 8)]

register(Exercise(
    id="01.3",
    title="Rebuild the stack with the functional API",
    prepare=lambda build_graph: build_graph(HIDDEN),
    public=[
        Check("returns a functional keras.Model", expect.functional),
        *[Check(name, test) for name, test in shape_checks(HIDDEN)],
        Check("computes the same function as the Sequential stack", same_as_reference()),
    ],
    function="build_graph",
    cases=[(HIDDEN,), *[(size,) for size in GRAPH_SIZES]],
    grading=[
        Check("returns a functional keras.Model", on_case(0, expect.functional)),
        *[Check(name, on_case(0, test)) for name, test in shape_checks(HIDDEN)],
        Check("computes the same function as the Sequential stack", on_case(0, same_as_reference())),
        Check("works for other hidden sizes", other_sizes(expect.functional, GRAPH_SIZES), hidden=True),
    ],
))
