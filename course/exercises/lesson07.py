"""Lesson 07 · Skip and residual connections."""

from __future__ import annotations

from typing import Any

import numpy as np

from course.checks import ALL, Check, CheckFailed, Exercise, numbered, register
from course.exercises import expect, graphs

X = np.random.default_rng(7).random((5, 64), dtype=np.float32)


def the_add(model: Any) -> tuple[Any, Any]:
    """The model's graph and its single Add node."""
    import widgets

    graph = widgets.architecture_graph(model)
    adds = [node for node in graph.nodes.values() if node.class_name == "Add"]
    if len(adds) != 1:
        raise CheckFailed(f"expected one Add layer, found {len(adds)}",
                          "join the shortcut and the block with layers.Add()([shortcut, block_output]).")
    return graph, adds[0]


def two_paths(model: Any) -> tuple[Any, Any, list, list]:
    """The graph, the Add node, and the shorter and longer chains that feed it."""
    graph, add = the_add(model)
    feeders = graph.predecessors(add.id)
    if len(feeders) != 2:
        raise CheckFailed(f"the Add layer adds {len(feeders)} tensors", "add exactly two: the shortcut and the block.")
    short, long = sorted((graphs.path_to_input(graph, f) for f in feeders), key=len)
    return graph, add, short, long


def relu_dense(node: Any, units: int, activation: str = "relu") -> bool:
    return node.class_name == "Dense" and node.config.get("units") == units and node.config.get(
        "activation") == activation


# Exercise 7.1 · A residual MLP


def residual_wiring(width: int):
    def test(model: Any) -> None:
        expect.functional(model)
        graph, add, short, long = two_paths(model)
        if len(short) != 1 or len(long) != 2 or long[1].id != short[0].id:
            raise CheckFailed(
                f"the Add layer joins chains of {len(short)} and {len(long)} layers from the input",
                "add the stem's output to the output of the layer that follows the stem.",
            )
        stem, block = short[0], long[0]
        for node in (stem, block):
            if not relu_dense(node, width):
                raise CheckFailed(f"layer {node.layer_name!r} should be Dense({width}, activation='relu'), "
                                  f"got {node.class_name} {node.config.get('units')} {node.config.get('activation')}")
        after = graph.successors(add.id)
        if len(after) != 1 or not relu_dense(graph.nodes[after[0]], 10, "softmax") or after[0] not in graph.outputs:
            raise CheckFailed("the sum should feed the output layer, Dense(10, activation='softmax')")
    return test


def residual_numbers(model: Any) -> None:
    """The model computes softmax((a + relu(a W2 + b2)) W3 + b3) with a = relu(x W1 + b1)."""
    graph, add, short, long = two_paths(model)
    out = graph.nodes[graph.outputs[0]]
    (w1, b1), (w2, b2), (w3, b3) = (model.get_layer(n.layer_name).get_weights()
                                    for n in (short[0], long[0], out))
    a = np.maximum(X @ w1 + b1, 0)
    logits = (a + np.maximum(a @ w2 + b2, 0)) @ w3 + b3
    wanted = np.exp(logits - logits.max(axis=1, keepdims=True))
    wanted /= wanted.sum(axis=1, keepdims=True)
    if not np.allclose(model.predict(X, verbose=0), wanted, atol=1e-5):
        raise CheckFailed("its predictions differ from stem + block computed by hand",
                          "add the two layers' outputs (after their relu), not their inputs.")


def uncompiled(model: Any) -> None:
    if model.get_compile_config():
        raise CheckFailed("the model is compiled", "return it uncompiled: build the graph and return keras.Model(...).")


def mlp_checks(width: int) -> list[Check]:
    params = 64 * width + width + width * width + width + 10 * width + 10
    return [
        Check("takes 64 pixels and outputs 10 probabilities",
              lambda m: (expect.functional(m), expect.output_shape(m, (None, 10)))),
        Check("adds the stem's output to the next layer's output, then the softmax layer",
              residual_wiring(width), points=2),
        Check(f"has {params:,} parameters (Add has none)", lambda m: expect.param_count(m, params)),
        Check("computes stem + block, checked by hand", residual_numbers),
        Check("is returned uncompiled", uncompiled),
    ]


register(Exercise(
    id="07.1",
    title="A residual MLP",
    function="residual_mlp_model",
    hints=(
        "A residual connection adds a block's input to the block's output.",
        "The stem's output (width units) is both the block's input and the shortcut, so the two shapes match;"
        ' layers.Add joins them; use the width argument.',
        'Shape: stem on the pixels → block on the stem → Add([stem, block]) → Dense(10, softmax).',
    ),
    cases={"default": (32,), "width_16": (16,)},
    checks=[*mlp_checks(32),
            Check("works for another width too: 16",
                  expect.in_case("residual_mlp_model(16)", "give the stem and the block the width argument's units, "
                                 "not the notebook's number.", *[check.test for check in mlp_checks(16)]),
                  case="width_16")],
))


# Exercise 7.2 · A convolutional block that projects when it must

BLOCK_CASES = [(8, 16), (16, 16)]


def conv(node: Any, filters: int, kernel: tuple, activation: str | None = None) -> bool:
    return (node.class_name == "Conv2D" and node.config.get("filters") == filters
            and tuple(node.config.get("kernel_size", ())) == kernel
            and (activation is None or node.config.get("activation") == activation))


def block_is_right(channels: int, filters: int, model: Any) -> None:
    where = f"conv_block_model({channels}, {filters})"
    expect.functional(model)
    got_in = tuple(model.inputs[0].shape)
    if got_in != (None, 8, 8, channels):
        raise CheckFailed(f"{where}: input shape {got_in}, expected {(None, 8, 8, channels)}",
                          "keras.Input(shape=(8, 8, channels)).")
    expect.output_shape(model, (None, 8, 8, filters))
    graph, add, short, long = two_paths(model)
    if len(long) != 2 or not (conv(long[1], filters, (3, 3), "relu") and conv(long[0], filters, (3, 3))):
        raise CheckFailed(f"{where}: the block should be Conv2D({filters}, 3, relu) then Conv2D({filters}, 3)",
                          "padding='same' keeps the 8×8 size, so the shapes can be added.")
    if long[0].config.get("activation") != "linear":
        raise CheckFailed(f"{where}: the block's second Conv2D uses activation {long[0].config.get('activation')!r}, "
                          "expected none", "relu comes once the shortcut is added: layers.Activation('relu')(added).")
    if long[0].config.get("padding") != "same" or long[1].config.get("padding") != "same":
        raise CheckFailed(f"{where}: the block's convolutions should use padding='same'")
    if channels == filters and short:
        raise CheckFailed(f"{where}: the shortcut goes through {short[0].layer_name!r}",
                          "when the channels already match, add the input itself (no projection).")
    if channels != filters and (len(short) != 1 or not conv(short[0], filters, (1, 1))):
        raise CheckFailed(f"{where}: the shortcut should be one Conv2D({filters}, 1) projection",
                          "a 1×1 convolution changes the number of channels and nothing else.")
    after = graph.successors(add.id)
    last = graph.nodes[after[0]] if len(after) == 1 else None
    if last is None or last.id not in graph.outputs or (
            last.class_name, last.config.get("activation", "relu")) not in (("Activation", "relu"), ("ReLU", "relu")):
        raise CheckFailed(f"{where}: the sum should go through a relu activation, which is the output",
                          "layers.Activation('relu')(added).")


def block_params(channels: int, filters: int) -> int:
    params = 9 * channels * filters + filters + 9 * filters * filters + filters
    return params + (channels * filters + filters if channels != filters else 0)


def blocks_are_right(table: dict) -> None:
    for (channels, filters), model in table.items():
        block_is_right(channels, filters, model)


def blocks_have_params(table: dict) -> None:
    for (channels, filters), model in table.items():
        if model.count_params() != block_params(channels, filters):
            raise CheckFailed(f"conv_block_model({channels}, {filters}) has {model.count_params():,} parameters, "
                              f"expected {block_params(channels, filters):,}",
                              "two 3×3 convolutions, plus a 1×1 projection only when the channels differ.")


register(Exercise(
    id="07.2",
    title="A convolutional block that projects when it must",
    function="conv_block_model",
    hints=(
        'Add needs both tensors to have the same shape.',
        "padding='same' keeps 8×8; when channels ≠ filters a 1×1 Conv2D projects the shortcut, otherwise the "
        'input itself is the shortcut; relu comes after the sum.',
        'Shape: two 3×3 convolutions (relu on the first only); shortcut = input or its projection; Add; '
        'Activation("relu").',
    ),
    cases=numbered("block", BLOCK_CASES),
    checks=[
        Check("wires the block, the shortcut (projected only when needed) and the relu",
              lambda c: blocks_are_right(c.table()), points=2, case=ALL),
        Check("has the right number of parameters", lambda c: blocks_have_params(c.table()), case=ALL),
    ],
))
