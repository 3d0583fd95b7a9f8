"""Lesson 01 · Two ways to build the same model."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed, Exercise, register
from course.exercises import expect

HIDDEN = (64, 32)


def dense_params_table(answer: Callable[[int, int], int]) -> dict[tuple[int, int], Any] | None:
    table = {(n, units): answer(n, units) for n, units in [(64, 32), (32, 10), (4, 1)]}
    return None if any(value is None or value is ... for value in table.values()) else table


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
    prepare=dense_params_table,
    public=[Check("agrees with Keras for (64, 32), (32, 10) and (4, 1)", matches_keras)],
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


def layer_count(model: Any) -> None:
    dense = [layer for layer in model.layers if type(layer).__name__ == "Dense"]
    if len(dense) != len(HIDDEN) + 1:
        raise CheckFailed(
            f"expected {len(HIDDEN) + 1} Dense layers for hidden sizes {HIDDEN}, got {len(dense)}",
            "one Dense per hidden size, then the 10-unit output layer.",
        )


def softmax_output(model: Any) -> None:
    total = model.predict(SAMPLE, verbose=0).sum(axis=1)
    if not np.allclose(total, 1.0, atol=1e-5):
        raise CheckFailed(
            "the 10 outputs of a sample do not add up to 1",
            'give the last layer activation="softmax".',
        )


def same_as_reference(model: Any) -> None:
    expect.same_function(reference_stack(), model, SAMPLE)


shared_checks = [
    Check("is built and outputs (None, 10)", lambda m: expect.output_shape(m, (None, 10))),
    Check(f"has {expected_params():,} parameters for hidden sizes {HIDDEN}",
          lambda m: expect.param_count(m, expected_params())),
    Check("has one Dense per hidden size plus the output layer", layer_count),
    Check("outputs class probabilities (softmax)", softmax_output),
]

register(Exercise(
    id="01.2",
    title="Build a stack of any depth with Sequential",
    prepare=lambda build_stack: build_stack(HIDDEN),
    public=[Check("returns a keras.Sequential", expect.sequential), *shared_checks],
))

register(Exercise(
    id="01.3",
    title="Rebuild the stack with the functional API",
    prepare=lambda build_graph: build_graph(HIDDEN),
    public=[
        Check("returns a functional keras.Model", expect.functional),
        *shared_checks,
        Check("computes the same function as the Sequential stack", same_as_reference),
    ],
))
