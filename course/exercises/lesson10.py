"""Lesson 10 · Graph surgery and saving."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed, Exercise, register
from course.exercises import expect, given

X = np.random.default_rng(10).random((16, 64), dtype=np.float32)


def weights_equal(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return len(a) == len(b) and all(x.shape == y.shape and np.array_equal(x, y) for x, y in zip(a, b))


def dense_layers(model: Any) -> list[Any]:
    return [layer for layer in model.layers if type(layer).__name__ == "Dense"]


# 10.1 · Same weights, new activation


def activation_name(layer: Any) -> str:
    return getattr(layer.activation, "__name__", str(layer.activation))


def same_architecture(case: tuple) -> None:
    reference, model, _ = case
    expect.keras_model(model)
    wanted = [(layer.name, layer.units) for layer in dense_layers(reference)]
    got = [(layer.name, layer.units) for layer in dense_layers(model)]
    if got != wanted:
        raise CheckFailed(f"expected Dense layers {wanted}, got {got}",
                          "clone the model: keras.models.clone_model(model, clone_function=...).")


def new_activations(case: tuple) -> None:
    _, model, activation = case
    got = {layer.name: activation_name(layer) for layer in dense_layers(model)}
    wanted = {name: ("softmax" if name == "digit" else activation) for name in got}
    if got != wanted:
        raise CheckFailed(f"expected activations {wanted}, got {got}",
                          'in clone_function, change config["activation"] for every Dense layer but "digit".')


def carries_weights(case: tuple) -> None:
    reference, model, _ = case
    if not weights_equal(reference.get_weights(), model.get_weights()):
        raise CheckFailed("the clone's weights differ from the trained model's",
                          "clone_model makes new weights: copy them with clone.set_weights(model.get_weights()).")


def is_a_new_model(case: tuple) -> None:
    reference, model, _ = case
    if model is reference or any(a is b for a, b in zip(dense_layers(model), dense_layers(reference))):
        raise CheckFailed("the answer reuses the given model's layers", "return a clone, not the model itself.")


ACTIVATION_CHECKS = [
    Check("keeps the Dense layers' names and sizes", same_architecture),
    Check("uses the new activation in every Dense layer but digit", new_activations),
    Check("carries the trained weights over", carries_weights, points=2),
]


def prepare_activation(answer: Callable) -> tuple | None:
    model = given.model("10.1-model")
    result = answer(model, "tanh")
    return None if result is None or result is ... else (model, result, "tanh")


register(Exercise(
    id="10.1",
    title="Same weights, new activation",
    hints=(
        'keras.models.clone_model can change each layer as it copies it.',
        'clone_function gets a layer and returns a new one from an edited get_config(); the clone has fresh '
        "weights, so copy the trained ones afterwards. Leave the digit layer's softmax alone.",
        'Shape: a clone_function that edits config["activation"] for Dense layers except digit; clone; '
        'set_weights from the original; return the clone.',
    ),
    prepare=prepare_activation,
    public=[*ACTIVATION_CHECKS, Check("returns a clone, not the model it was given", is_a_new_model)],
))


# 10.2 · A parity head on a trained model


def two_outputs(pair: tuple) -> None:
    _, model = pair
    expect.functional(model)
    got_in = [tuple(t.shape) for t in model.inputs]
    if got_in != [(None, 64)]:
        raise CheckFailed(f"expected one input of shape (None, 64), got {got_in}", "use model.inputs[0].")
    got = {name: tuple(t.shape) for name, t in zip(model.output_names, model.outputs)}
    wanted = {"digit": (None, 10), "is_odd": (None, 1)}
    if got != wanted:
        raise CheckFailed(f"expected outputs {wanted}, got {got}",
                          'return keras.Model(model.inputs[0], {"digit": ..., "is_odd": ...}).')


def head_on_hidden(pair: tuple) -> None:
    import widgets

    _, model = pair
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


def digit_unchanged(pair: tuple) -> None:
    reference, model = pair
    got = model.predict(X, verbose=0)
    if not isinstance(got, dict) or "digit" not in got:
        raise CheckFailed("predict does not return a dict with a digit entry")
    if not np.allclose(np.asarray(got["digit"]), reference.predict(X, verbose=0), atol=1e-6):
        raise CheckFailed("the digit output differs from the trained model's predictions",
                          "use the trained model's own output tensor, model.outputs[0].")


def shares_layers(pair: tuple) -> None:
    reference, model = pair
    if model.get_layer("hidden") is not reference.get_layer("hidden"):
        raise CheckFailed("the hidden layer is a copy, not the trained layer itself",
                          'branch from model.get_layer("hidden").output; don\'t clone or rebuild.')


PARITY_CHECKS = [
    Check("has outputs digit (None, 10) and is_odd (None, 1)", two_outputs),
    Check("grows a Dense(1) sigmoid head named is_odd from the hidden layer", head_on_hidden),
    Check("predicts the digit exactly as the trained model does", digit_unchanged, points=2),
]


register(Exercise(
    id="10.2",
    title="A parity head on a trained model",
    hints=(
        'The trained layers and tensors can be reused as they are.',
        "The new head reads the hidden layer's output tensor; the digit output is the model's own output "
        'tensor; the input is model.inputs[0] (works for Sequential and functional models).',
        'Shape: is_odd = Dense(1, sigmoid, name) on the hidden output; keras.Model(input, {"digit": ..., '
        '"is_odd": ...}).',
    ),
    prepare=expect.with_given("10.2-model"),
    public=[*PARITY_CHECKS, Check("shares the trained layers instead of copying them", shares_layers)],
))


# 10.3 · Replace the head of a Sequential


def kept_part(model: Any) -> list[tuple[str, list[np.ndarray]]]:
    return [(layer.name, layer.get_weights()) for layer in model.layers[:-1]]


def is_sequential(case: tuple) -> None:
    expect.sequential(case[1])


def new_head(case: tuple) -> None:
    before, model, classes = case
    names = [layer.name for layer in model.layers]
    wanted = [name for name, _ in before] + ["head"]
    if names != wanted:
        raise CheckFailed(f"expected layers {wanted}, got {names}",
                          'pop() the last layer, then add(layers.Dense(classes, ..., name="head")).')
    head = model.layers[-1]
    if type(head).__name__ != "Dense" or head.units != classes or activation_name(head) != "softmax":
        raise CheckFailed(f"the head should be Dense({classes}, activation='softmax')")


def keeps_weights(case: tuple) -> None:
    before, model, _ = case
    for (name, weights), layer in zip(before, model.layers):
        if not weights_equal(weights, layer.get_weights()):
            raise CheckFailed(f"layer {name!r} lost its trained weights",
                              "keep the model's own layers: pop() and add() on the model itself.")


HEAD_CHECKS = [
    Check("returns a Sequential model", is_sequential),
    Check("ends in a new Dense softmax layer named head, with one unit per class", new_head),
    Check("keeps the other layers' trained weights", keeps_weights),
]


def prepare_head(answer: Callable) -> tuple | None:
    model = given.model("10.3-model")
    before = kept_part(model)
    result = answer(model, 3)
    return None if result is None or result is ... else (before, result, 3)


register(Exercise(
    id="10.3",
    title="Replace the head of a Sequential",
    hints=(
        'A Sequential can drop its last layer and take a new one.',
        "the model's own pop() removes the head (model.layers.pop() only changes a copy of the list); add a "
        'Dense with one unit per class and softmax, named head.',
        'Shape: pop; add the new head; return the model.',
    ),
    prepare=prepare_head,
    public=HEAD_CHECKS,
))
