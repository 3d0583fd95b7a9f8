"""Lesson 06 · Several outputs."""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from course.checks import Check, CheckFailed, Exercise, Input, register
from course.exercises import expect, given, heads


def output_heads(model: Any) -> None:
    expect.functional(model)
    if not isinstance(model.output, dict):
        raise CheckFailed(f"the outputs are a {type(model.output).__name__}, not a dict keyed by head name",
                          'return keras.Model(inputs, {"digit": digit, "is_odd": is_odd}): then predict, '
                          "losses and metrics are keyed by name instead of by position.")
    got = {}
    for name, tensor in zip(model.output_names, model.outputs):
        got[name] = tuple(tensor.shape)
    heads.outputs_are(got, 'return keras.Model(inputs, {"digit": ..., "is_odd": ...}) '
                           "with output layers of those names.")


def shared_trunk(model: Any) -> None:
    import widgets

    graph = widgets.architecture_graph(model)
    feeders = {graph.nodes[o].layer_name: graph.predecessors(o) for o in graph.outputs}
    sources = {tuple(p) for p in feeders.values()}
    if len(sources) != 1:
        raise CheckFailed(f"the heads grow from different layers: {feeders}",
                          "call both heads on the same trunk tensor.")
    trunk = graph.nodes[next(iter(sources))[0]]
    if trunk.class_name != "Dense" or trunk.config.get("units") != 64:
        raise CheckFailed(f"the heads grow from {trunk.layer_name} ({trunk.class_name}), not a Dense(64) trunk")


def activations(model: Any) -> None:
    for name, wanted in (("digit", "softmax"), ("is_odd", "sigmoid")):
        try:
            layer = model.get_layer(name)
        except ValueError:
            raise CheckFailed(f"no layer named {name!r}", "give each output layer name= its key.") from None
        got = getattr(layer.activation, "__name__", str(layer.activation))
        if got != wanted:
            raise CheckFailed(f"layer {name!r} uses {got}, expected {wanted}")


register(Exercise(
    id="06.1",
    title="Two heads on one trunk",
    function="digit_and_parity",
    hints=(
        'One input, one trunk, two heads that both read the trunk.',
        'Name each head layer after its key and return the outputs as a dict, so that predictions, losses and'
        ' metrics are keyed by name.',
        'Shape: trunk = Dense(64, relu) on the input; digit and is_odd layers both on the trunk; '
        'keras.Model(inputs, {"digit": ..., "is_odd": ...}).',
    ),
    checks=[
        Check("has outputs digit (None, 10) and is_odd (None, 1)", output_heads),
        Check("grows both heads from one Dense(64) trunk", shared_trunk),
        Check("uses softmax for digit and sigmoid for is_odd", activations),
    ],
))


def compile_dicts(model: Any) -> None:
    config = model.get_compile_config() or {}
    if not config:
        raise CheckFailed("the model is not compiled", "call model.compile(...) and return the model.")
    for key in ("loss", "metrics", "loss_weights"):
        if not isinstance(config.get(key), dict):
            raise CheckFailed(f"{key} is a {type(config.get(key)).__name__}, not a dict keyed by output name",
                              'dict outputs need dicts: {"digit": ..., "is_odd": ...}.')
    weights = {k: float(v) for k, v in config["loss_weights"].items()}
    if weights != {"digit": 1.0, "is_odd": 0.5}:
        raise CheckFailed(f"loss_weights are {weights}", 'use {"digit": 1.0, "is_odd": 0.5}.')


def both_heads_learn(model: Any) -> None:
    import keras

    from course import data

    (x_train, y_train), (x_test, y_test) = data.load_digits()
    keras.utils.set_random_seed(0)
    history = model.fit(x_train, heads.targets(y_train),
                        epochs=5, batch_size=32, verbose=0)
    logs = {k: v[-1] for k, v in history.history.items()}
    for head in ("digit", "is_odd"):
        if f"{head}_accuracy" not in logs:
            raise CheckFailed(f"no {head}_accuracy in the history {sorted(logs)}",
                              'metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]}.')
    if logs.get("is_odd_loss", 0.0) <= 0.0 or logs["is_odd_accuracy"] < 0.75 or logs["digit_accuracy"] < 0.75:
        raise CheckFailed(
            f"after 5 epochs: digit accuracy {logs['digit_accuracy']:.2f}, is_odd accuracy "
            f"{logs['is_odd_accuracy']:.2f}, is_odd loss {logs.get('is_odd_loss', 0.0):.3f}",
            "a head that does not learn usually got the other head's loss: use a dict of losses.",
        )


TWO_HEADS = {"model": partial(given.model, "06-two-heads")}

register(Exercise(
    id="06.2",
    title="Compile it right",
    function="compile_digit_and_parity",
    cases={"default": (Input("model"),)},
    inputs=TWO_HEADS,
    timeout=300,
    hints=(
        'A model with dict outputs wants dicts everywhere: losses, metrics and loss weights.',
        'Each key is an output name; the digit head is a 10-class problem with integer labels, the parity '
        'head a binary one. Return the compiled model.',
        'Shape: call compile on the model with optimizer, loss={...}, metrics={...} and loss_weights={...}; '
        'then return it.',
    ),
    checks=[
        Check("compiles losses, metrics and loss_weights as dicts", compile_dicts),
        Check("trains both heads (5 epochs)", both_heads_learn, points=2),
    ],
))


def parity_matches(got: Any) -> None:
    """The answer's parities against the ones shipped for the same model and inputs."""
    wanted = given.arrays("06.3-parity")["y"]
    got = np.asarray(got)
    if got.shape != wanted.shape:
        raise CheckFailed(f"expected shape {wanted.shape}, got {got.shape}", 'take predictions["is_odd"][:, 0].')
    if got.dtype != bool:
        raise CheckFailed(f"expected booleans, got {got.dtype}", "compare with > 0.5.")
    if not np.array_equal(got, wanted):
        raise CheckFailed("the answers differ from the parity head's", 'use the "is_odd" entry of the dict.')


register(Exercise(
    id="06.3",
    title="Read a dict of predictions",
    function="odd_digits",
    errors=(
        (("KeyError: ",), "the predictions of a model with named outputs are a dict, keyed by output name, not a "
                          "list: look each head up by its name."),
    ),
    cases={"default": (Input("model"), Input("x"))},
    inputs={**TWO_HEADS, "x": lambda: given.arrays("06.3-parity")["x"]},
    hints=(
        'predict on a dict-output model returns a dict.',
        'Pick the is_odd entry, drop its single column, compare with 0.5.',
        'Shape: one expression: the predictions\' "is_odd" array, column 0, compared with 0.5.',
    ),
    checks=[Check("reads the is_odd head of predict's dict", parity_matches)],
))
