"""Lesson 03 · Inspecting and converting models."""

from __future__ import annotations

import warnings
from functools import partial
from typing import Any

import numpy as np

from course.checks import ALL, Check, CheckFailed, Collected, Exercise, Input, numbered, register
from course.exercises import expect, given

CONV_CASES = [(3, 1, 8), (3, 8, 16), (1, 16, 4)]


def conv_layer(kernel: int, channels: int, filters: int) -> tuple[Any, tuple]:
    from keras import layers

    return layers.Conv2D(filters, kernel), (None, 8, 8, channels)


def matches_keras_conv(table: dict) -> None:
    expect.counts_like_keras(table, "conv2d_params", conv_layer,
                             "kernel_size × kernel_size × in_channels weights per filter, plus one bias per filter.")


register(Exercise(
    id="03.1",
    title="Count a convolution's parameters",
    function="conv2d_params",
    hints=(
        'Each filter looks at a kernel_size × kernel_size window through every input channel.',
        'Weights per filter: kernel_size² × in_channels. Then one bias per filter.',
        'Multiply, for all filters, then add the biases.',
    ),
    cases=numbered("conv", CONV_CASES),
    checks=[Check("agrees with Keras for three convolutions", lambda c: matches_keras_conv(c.table()), case=ALL)],
))

SAMPLE = np.random.default_rng(3).random((4, 64), dtype=np.float32)


def no_structure_warning(model: Any) -> np.ndarray:
    structure = "calling it on an array warns that the structure of `inputs` doesn't match"
    hint = "pass the single tensor model.inputs[0], not the list model.inputs."
    if isinstance(model.input, (list, tuple)) and len(model.input) == 1:  # what the warning is about; survives saving
        raise CheckFailed(f"its input is a list of one tensor, so {structure}", hint)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = model.predict(SAMPLE, verbose=0)
    if any("structure of `inputs`" in str(w.message) for w in caught):
        raise CheckFailed(structure, hint)
    return result


def extracts_hidden(pair: tuple) -> None:
    reference, extractor = pair
    expect.output_shape(extractor, (None, 24))
    got = no_structure_warning(extractor)
    import keras

    wanted = keras.ops.convert_to_numpy(reference.get_layer("hidden")(SAMPLE))
    if not np.allclose(got, wanted, atol=1e-6):
        raise CheckFailed("its output differs from the hidden layer's output",
                          "end the model at get_layer(name).output.")


def extracts_digit(pair: tuple) -> None:
    reference, extractor = pair
    expect.output_shape(extractor, (None, 10))
    if not np.allclose(no_structure_warning(extractor), reference.predict(SAMPLE, verbose=0), atol=1e-6):
        raise CheckFailed("ending at the last layer should reproduce the model's predictions")


FUNCTIONAL_HINT = ("a functional model's `model.layers` starts with its InputLayer and it has no shared "
                   "Sequential attributes: use `model.inputs[0]` and `model.get_layer(layer_name).output`, "
                   "which work for both kinds.")


LAYER_NAME_HINT = "look the layer up by the layer_name argument, not by the notebook's layer name."


def works_for_another_layer(collected: Collected) -> None:
    """A second public case: the answer follows its layer_name argument."""
    expect.in_case("feature_extractor(model, 'digit')", LAYER_NAME_HINT,
                   extracts_digit)(collected.pair("sequential", "digit_layer"))


def works_for_functional(collected: Collected) -> None:
    """The same extractor for a functional model (what the exercise text promises)."""
    try:
        extracts_hidden(collected.pair("functional", "functional"))
    except CheckFailed as failure:
        raise CheckFailed(f"for a functional model: {failure.message}", FUNCTIONAL_HINT) from None


register(Exercise(
    id="03.2",
    title="A feature extractor for any layer",
    function="feature_extractor",
    hints=(
        'A new keras.Model can start and end anywhere inside an existing graph.',
        "Start at the model's single input tensor (model.inputs[0], not the list and not the Keras 2 "
        '`.input`), end at the output of the layer you look up by name; both work for Sequential and '
        'functional models.',
        "Shape: return keras.Model(<the input tensor>, <the named layer's output>).",
    ),
    cases={"default": (Input("sequential"), "hidden"), "functional": (Input("functional"), "hidden"),
           "digit_layer": (Input("sequential"), "digit")},
    inputs={"sequential": partial(given.model, "03-digits"), "functional": partial(given.model, "03-functional")},
    checks=[
        Check("returns a functional model that outputs the hidden layer's features, without warnings",
              lambda c: (expect.functional(c.value()), extracts_hidden(c.pair("sequential"))), case=ALL),
        Check("works for a functional model too", works_for_functional, case=ALL),
        Check("works for another layer name too: 'digit'", works_for_another_layer, case=ALL),
    ],
))


def flat(model: Any) -> None:
    """Calling the Sequential model on a new Input nests it: the result's layers are one model, whose
    own layers (and names) stay inside it."""
    import keras

    nested = [layer.name for layer in model.layers if isinstance(layer, keras.Model)]
    if nested:
        raise CheckFailed(f"this nests the Sequential model {nested[0]!r} as one layer; the exercise wants a flat "
                          "graph of its own layers",
                          "calling the model on a new Input wraps it whole; start and end at the tensors the "
                          "built Sequential already holds, so its layers become the new model's layers.")


def shares_layers(collected: Collected) -> None:
    """Object identity is what "without copying" means; only the notebook sees it (no saved file
    keeps it), so this check is notebook-only; the weight and prediction checks run on both sides."""
    converted = collected.value()
    flat(converted)
    for name in ("hidden", "digit"):
        if not collected.given_to_answer(converted.get_layer(name)):
            raise CheckFailed(
                f"layer {name!r} is a copy, not the Sequential model's own layer",
                "build from seq.inputs[0] and seq.outputs[0]: no new layers needed.",
            )


def same_predictions(pair: tuple) -> None:
    reference, converted = pair
    if not np.allclose(no_structure_warning(converted), reference.predict(SAMPLE, verbose=0), atol=1e-6):
        raise CheckFailed("its predictions differ from the Sequential model's")


def same_weights(pair: tuple) -> None:
    reference, converted = pair
    flat(converted)
    for name in ("hidden", "digit"):
        ours = [w.shape for w in reference.get_layer(name).get_weights()]
        theirs = converted.get_layer(name).get_weights()
        if [w.shape for w in theirs] != ours or not all(
                np.array_equal(a, b) for a, b in zip(theirs, reference.get_layer(name).get_weights())):
            raise CheckFailed(f"layer {name!r} does not hold the Sequential model's weights")


register(Exercise(
    id="03.3",
    title="Convert without copying",
    function="to_functional",
    hints=(
        'A built Sequential already holds a graph: you only need its two ends.',
        "model.inputs[0] and model.outputs[0] are the single input and output tensors; a Sequential's "
        '`.input` and `.output` fail in Keras 3, and new layers would be copies.',
        'Shape: one line, keras.Model(<input tensor>, <output tensor>).',
    ),
    cases={"default": (Input("model"),)},
    inputs={"model": partial(given.model, "03-digits")},
    checks=[
        Check("returns a functional model of the Sequential model's layers (not nesting it)",
              lambda m: (expect.functional(m), flat(m))),
        Check("uses the Sequential model's own layers", shares_layers, case=ALL),
        Check("keeps the Sequential model's weights", lambda c: same_weights(c.pair("model")), case=ALL),
        Check("predicts the same, without warnings", lambda c: same_predictions(c.pair("model")), case=ALL),
    ],
))
