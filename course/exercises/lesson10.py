"""Lesson 10 · Graph surgery and saving."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable

import numpy as np

from course.checks import ALL, DEFAULT, CaseError, Check, CheckFailed, Collected, Exercise, Input, register
from course.checks.runner import call_text
from course.exercises import expect, given

X = np.random.default_rng(10).random((16, 64), dtype=np.float32)


def weights_equal(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return len(a) == len(b) and all(x.shape == y.shape and np.array_equal(x, y) for x, y in zip(a, b))


def dense_layers(model: Any) -> list[Any]:
    return [layer for layer in model.layers if type(layer).__name__ == "Dense"]


def given_and_result(collected: Collected, case: str) -> tuple[Any, Any, tuple]:
    """(the model `case` gave the answer, a fresh copy built alike; what the answer returned;
    the case's other arguments)."""
    args = collected.args(case)
    return collected.inputs[args[0].name], collected.value(case), tuple(args[1:])


def every(tests: list[Callable[[Collected, str], None]], case: str) -> Callable[[Collected], None]:
    """All of `tests` on `case`, stopping at the first that fails (a hidden grading case)."""
    def test(collected: Collected) -> None:
        for one in tests:
            one(collected, case)
    return test


def each_public(test: Callable[[Collected, str], None], function: str) -> Callable[[Collected], None]:
    """`test` on every public case (a functional and a Sequential model, two activations...), the
    failing call named in the message, so an answer that only fits the first case is seen in the notebook."""
    def run(collected: Collected) -> None:
        for case in (c for c in collected.cases if c.public):
            try:
                test(collected, case.name)
            except CheckFailed as failure:
                if isinstance(collected.values.get(case.name), CaseError):
                    raise  # its message already names the call
                raise CheckFailed(f"{call_text(function, case.args)}: {failure.message}", failure.hint) from None
    return run


# 10.1 · Same weights, new activation


def activation_name(layer: Any) -> str:
    return getattr(layer.activation, "__name__", str(layer.activation))


def same_architecture(collected: Collected, case: str = DEFAULT) -> None:
    reference, model, _ = given_and_result(collected, case)
    expect.keras_model(model)
    wanted = [(layer.name, layer.units) for layer in dense_layers(reference)]
    got = [(layer.name, layer.units) for layer in dense_layers(model)]
    if got != wanted:
        raise CheckFailed(f"expected Dense layers {wanted}, got {got}",
                          "clone the model: keras.models.clone_model(model, clone_function=...).")


def new_activations(collected: Collected, case: str = DEFAULT) -> None:
    _, model, (activation,) = given_and_result(collected, case)
    got = {layer.name: activation_name(layer) for layer in dense_layers(model)}
    wanted = {name: ("softmax" if name == "digit" else activation) for name in got}
    if got != wanted:
        hidden = {value for name, value in got.items() if name != "digit"}
        if len(hidden) == 1 and hidden != {activation} and got.get("digit") == "softmax":
            raise CheckFailed(f"expected activations {wanted}, got {got}: every hidden Dense layer uses "
                              f"{hidden.pop()!r}, not the activation argument",
                              "use the activation the function is given, not a fixed name.")
        raise CheckFailed(f"expected activations {wanted}, got {got}",
                          'in clone_function, change config["activation"] for every Dense layer but "digit".')


def carries_weights(collected: Collected, case: str = DEFAULT) -> None:
    reference, model, _ = given_and_result(collected, case)
    if not weights_equal(reference.get_weights(), model.get_weights()):
        raise CheckFailed("the clone's weights differ from the trained model's",
                          "clone_model makes new weights: copy the trained model's weights into the clone.")


def is_a_new_model(collected: Collected, case: str = DEFAULT) -> None:
    model = collected.value(case)
    if collected.given_to_answer(model, case) or any(collected.given_to_answer(layer, case) for layer in model.layers):
        raise CheckFailed("the answer reuses the given model's layers", "return a clone, not the model itself.")


CLONE_TESTS = [same_architecture, new_activations, carries_weights]
FUNCTION_10_1 = "with_activation"

register(Exercise(
    id="10.1",
    title="Same weights, new activation",
    function=FUNCTION_10_1,
    cases={"default": (Input("model"), "tanh"), "sequential": (Input("seq_model"), "sigmoid")},
    inputs={"model": partial(given.model, "10.1-model"), "seq_model": partial(given.model, "10.1-seq-model")},
    hints=(
        'keras.models.clone_model can change each layer as it copies it.',
        'clone_function gets a layer and returns a new one from an edited get_config(); the clone has fresh '
        "weights, so copy the trained ones afterwards. Leave the digit layer's softmax alone.",
        'Shape: a clone_function that edits config["activation"] for Dense layers except digit; clone; '
        'set_weights from the original; return the clone.',
    ),
    checks=[
        Check("keeps the Dense layers' names and sizes (functional and Sequential)",
              each_public(same_architecture, FUNCTION_10_1), case=ALL),
        Check("uses the activation it is given in every Dense layer but digit",
              each_public(new_activations, FUNCTION_10_1), case=ALL),
        Check("carries the trained weights over", each_public(carries_weights, FUNCTION_10_1), points=2, case=ALL),
        Check("returns a clone, not the model it was given", each_public(is_a_new_model, FUNCTION_10_1), case=ALL),
    ],
))


# 10.2 · A parity head on a trained model


def two_outputs(collected: Collected, case: str = DEFAULT) -> None:
    _, model, _ = given_and_result(collected, case)
    expect.functional(model)
    got_in = [tuple(t.shape) for t in model.inputs]
    if got_in != [(None, 64)]:
        raise CheckFailed(f"expected one input of shape (None, 64), got {got_in}", "use model.inputs[0].")
    got = {name: tuple(t.shape) for name, t in zip(model.output_names, model.outputs)}
    wanted = {"digit": (None, 10), "is_odd": (None, 1)}
    if got != wanted:
        raise CheckFailed(f"expected outputs {wanted}, got {got}",
                          'return keras.Model(model.inputs[0], {"digit": ..., "is_odd": ...}).')


def head_on_hidden(collected: Collected, case: str = DEFAULT) -> None:
    import widgets

    _, model, _ = given_and_result(collected, case)
    graph = widgets.architecture_graph(model)
    heads = [n for n in graph.outputs if graph.nodes[n].layer_name == "is_odd"]
    if not heads:
        raise CheckFailed("no output layer named is_odd", 'name the new layer name="is_odd".')
    node = graph.nodes[heads[0]]
    feeders = [graph.nodes[p].layer_name for p in graph.predecessors(heads[0])]
    if feeders != ["hidden"]:
        raise CheckFailed(f"the is_odd head is fed by {feeders}, not by the hidden layer",
                          'call it on model.get_layer("hidden").output.')
    if node.class_name != "Dense" or node.config.get("units") != 1 or node.config.get("activation") != "sigmoid":
        raise CheckFailed("is_odd should be Dense(1, activation='sigmoid')")


def digit_unchanged(collected: Collected, case: str = DEFAULT) -> None:
    reference, model, _ = given_and_result(collected, case)
    got = model.predict(X, verbose=0)
    if not isinstance(got, dict) or "digit" not in got:
        raise CheckFailed("predict does not return a dict with a digit entry")
    if not np.allclose(np.asarray(got["digit"]), reference.predict(X, verbose=0), atol=1e-6):
        raise CheckFailed("the digit output differs from the trained model's predictions",
                          "use the trained model's own output tensor, model.outputs[0].")


def shares_layers(collected: Collected, case: str = DEFAULT) -> None:
    if not collected.given_to_answer(collected.value(case).get_layer("hidden"), case):
        raise CheckFailed("the hidden layer is a copy, not the trained layer itself",
                          'branch from model.get_layer("hidden").output; don\'t clone or rebuild.')


PARITY_TESTS = [two_outputs, head_on_hidden, digit_unchanged]
FUNCTION_10_2 = "add_parity_head"

register(Exercise(
    id="10.2",
    title="A parity head on a trained model",
    function=FUNCTION_10_2,
    cases={"default": (Input("model"),), "sequential": (Input("seq_model"),)},
    inputs={"model": partial(given.model, "10.2-model"), "seq_model": partial(given.model, "10.2-seq-model")},
    hints=(
        'The trained layers and tensors can be reused as they are.',
        "The new head reads the hidden layer's output tensor; the digit output is the model's own output "
        'tensor; the input is model.inputs[0] (works for Sequential and functional models).',
        'Shape: is_odd = Dense(1, sigmoid, name) on the hidden output; keras.Model(input, {"digit": ..., '
        '"is_odd": ...}).',
    ),
    checks=[
        Check("has outputs digit (None, 10) and is_odd (None, 1), from a functional and a Sequential model",
              each_public(two_outputs, FUNCTION_10_2), case=ALL),
        Check("grows a Dense(1) sigmoid head named is_odd from the hidden layer",
              each_public(head_on_hidden, FUNCTION_10_2), case=ALL),
        Check("predicts the digit exactly as the trained model does", each_public(digit_unchanged, FUNCTION_10_2),
              points=2, case=ALL),
        Check("shares the trained layers instead of copying them", each_public(shares_layers, FUNCTION_10_2),
              case=ALL),
    ],
))


# 10.3 · Replace the head of a Sequential


def is_sequential(collected: Collected, case: str = DEFAULT) -> None:
    expect.sequential(collected.value(case))


def new_head(collected: Collected, case: str = DEFAULT) -> None:
    before, model, (classes,) = given_and_result(collected, case)
    names = [layer.name for layer in model.layers]
    wanted = [layer.name for layer in before.layers[:-1]] + ["head"]
    if names != wanted:
        raise CheckFailed(f"expected layers {wanted}, got {names}",
                          'pop() the last layer, then add(layers.Dense(classes, ..., name="head")).')
    head = model.layers[-1]
    if type(head).__name__ != "Dense":
        raise CheckFailed(f"the head is a {type(head).__name__}, not a Dense layer")
    if head.units != classes:
        raise CheckFailed(f"the head has {head.units} units for {classes} classes",
                          "one unit per class: size the head from the classes argument, not a fixed number.")
    if activation_name(head) != "softmax":
        raise CheckFailed(f"the head uses {activation_name(head)}, not softmax",
                          "the new head gives class probabilities: activation='softmax'.")


def keeps_weights(collected: Collected, case: str = DEFAULT) -> None:
    before, model, _ = given_and_result(collected, case)
    for kept, layer in zip(before.layers[:-1], model.layers):
        if not weights_equal(kept.get_weights(), layer.get_weights()):
            raise CheckFailed(f"layer {kept.name!r} lost its trained weights",
                              "keep the model's own layers: pop() and add() on the model itself.")


HEAD_TESTS = [is_sequential, new_head, keeps_weights]
FUNCTION_10_3 = "replace_head"

register(Exercise(
    id="10.3",
    title="Replace the head of a Sequential",
    function=FUNCTION_10_3,
    cases={"default": (Input("model"), 3), "five_classes": (Input("model"), 5)},
    inputs={"model": partial(given.model, "10.3-model")},
    hints=(
        'A Sequential can drop its last layer and take a new one.',
        "the model's own pop() removes the head (model.layers.pop() only changes a copy of the list); add a "
        'Dense with one unit per class and softmax, named head.',
        'Shape: pop; add the new head; return the model.',
    ),
    checks=[
        Check("returns a Sequential model", each_public(is_sequential, FUNCTION_10_3), case=ALL),
        Check("ends in a new Dense softmax layer named head, with one unit per class (3 and 5 classes)",
              each_public(new_head, FUNCTION_10_3), case=ALL),
        Check("keeps the other layers' trained weights", each_public(keeps_weights, FUNCTION_10_3), case=ALL),
    ],
))
