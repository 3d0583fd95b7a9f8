"""Lesson 01 · Two ways to build the same model."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import ALL, Check, CheckFailed, Exercise, numbered, register
from course.exercises import expect, given

HIDDEN = (64, 32)
DENSE_CASES = [(64, 32), (32, 10), (4, 1)]


def dense_layer(n: int, units: int) -> tuple[Any, tuple]:
    import keras

    return keras.layers.Dense(units), (None, n)


def matches_keras(table: dict[tuple[int, int], Any]) -> None:
    expect.counts_like_keras(table, "dense_params", dense_layer, "every unit has one weight per input, plus one bias.")


register(Exercise(
    id="01.1",
    title="Count a Dense layer's parameters",
    function="dense_params",
    hints=(
        'A Dense layer connects every input to every unit, and each unit adds something of its own.',
        'Weights: one per (input, unit) pair. Biases: one per unit.',
        'Return the product of the two arguments plus the number of units.',
    ),
    cases=numbered("dense", DENSE_CASES),
    checks=[Check("agrees with Keras for (64, 32), (32, 10) and (4, 1)",
                  lambda collected: matches_keras(collected.table()), case=ALL)],
))


def expected_params(hidden: tuple[int, ...] = HIDDEN) -> int:
    sizes = (64, *hidden, 10)
    return sum(n * units + units for n, units in zip(sizes, sizes[1:]))


SAMPLE = np.random.default_rng(0).random((5, 64), dtype=np.float32)


def layer_count(hidden: tuple[int, ...]) -> Callable[[Any], None]:
    def test(model: Any) -> None:
        dense = [layer for layer in model.layers if type(layer).__name__ == "Dense"]
        if len(dense) != len(hidden) + 1:
            hint = "one Dense per hidden size, then the 10-unit output layer."
            if len(dense) < len(hidden) + 1 and type(model).__name__ == "Functional":
                # A functional model keeps only the layers on a path from the inputs to the outputs.
                hint = ("a layer called on `inputs` instead of on the previous layer's output is not on the "
                        "path to the output, so keras.Model leaves it out: chain the calls, `x = layer(x)`.")
            raise CheckFailed(f"expected {len(hidden) + 1} Dense layers for hidden sizes {hidden}, got {len(dense)}",
                              hint)
    return test


def relu_hidden(model: Any) -> None:
    """Linear hidden layers collapse into one linear map: the exercise asks for ReLU."""
    dense = [layer for layer in model.layers if type(layer).__name__ == "Dense"][:-1]
    linear = [layer.name for layer in dense if getattr(layer.activation, "__name__", "") != "relu"]
    if linear:
        raise CheckFailed(f"hidden layers {linear} have no ReLU activation",
                          'give every hidden Dense activation="relu": without it the stack is one linear map.')


def softmax_output(model: Any) -> None:
    total = model.predict(SAMPLE, verbose=0).sum(axis=1)
    if not np.allclose(total, 1.0, atol=1e-5):
        raise CheckFailed(
            "the 10 outputs of a sample do not add up to 1",
            'give the last layer activation="softmax".',
        )


def same_as_reference(model: Any) -> None:
    """The hidden sizes (64, 32): the same function as the reference stack, given its weights."""
    expect.same_function(given.arrays("01.3-stack"), model)


def shape_checks(hidden: tuple[int, ...]) -> list[tuple[str, Callable[[Any], None]]]:
    return [
        ("is built and outputs (None, 10)", lambda m: expect.output_shape(m, (None, 10))),
        (f"has {expected_params(hidden):,} parameters for hidden sizes {hidden}",
         lambda m: expect.param_count(m, expected_params(hidden))),
        ("has one Dense with ReLU per hidden size plus the output layer",
         lambda m: (layer_count(hidden)(m), relu_hidden(m))),
        ("outputs class probabilities (softmax)", softmax_output),
    ]


OTHER_HIDDEN = (16,)  # a second public case: the answer must follow its argument, not the notebook's sizes
SIZES_HINT = "use the hidden_sizes argument: one hidden Dense per size it lists, however many there are."


def works_for_other_sizes(function: str, kind: Callable[[Any], None]) -> Check:
    return Check(f"works for other hidden sizes too: {OTHER_HIDDEN}",
                 expect.in_case(f"{function}({OTHER_HIDDEN})", SIZES_HINT, kind,
                                *[test for _, test in shape_checks(OTHER_HIDDEN)]),
                 case="other_hidden")


STACK_CHECKS = [Check("returns a keras.Sequential", expect.sequential),
                *[Check(name, test) for name, test in shape_checks(HIDDEN)],
                works_for_other_sizes("build_stack", expect.sequential)]

register(Exercise(
    id="01.2",
    title="Build a stack of any depth with Sequential",
    function="build_stack",
    hints=(
        'Start from an empty keras.Sequential and add one layer at a time in a loop.',
        'Each hidden Dense needs the ReLU activation (without it the stack is a single linear map); the last '
        'layer turns 10 scores into probabilities with softmax.',
        'Shape: make the model; add keras.Input(shape=(64,)); `for units in hidden_sizes:` add a Dense with '
        'those units; after the loop add the 10-unit output layer; return the model.',
    ),
    cases={"default": (HIDDEN,), "other_hidden": (OTHER_HIDDEN,)},
    checks=STACK_CHECKS,
))

GRAPH_CHECKS = [
    Check("returns a functional keras.Model", expect.functional),
    *[Check(name, test) for name, test in shape_checks(HIDDEN)],
    Check("computes the same function as the Sequential stack", same_as_reference),
    works_for_other_sizes("build_graph", expect.functional),
]

register(Exercise(
    id="01.3",
    title="Rebuild the stack with the functional API",
    function="build_graph",
    hints=(
        'Keep one variable, x, that always holds the latest tensor.',
        'In the functional API a layer is called on a tensor and returns a new one; only layers on the path '
        'from the inputs to the outputs end up in the model.',
        'Shape: make the Input and let x start there; in the loop call a new Dense on x and keep its result '
        'in x; the softmax layer on x gives the outputs; keras.Model from the inputs to the outputs.',
    ),
    cases={"default": (HIDDEN,), "other_hidden": (OTHER_HIDDEN,)},
    checks=GRAPH_CHECKS,
))
