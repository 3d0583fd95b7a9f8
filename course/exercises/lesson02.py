"""Lesson 02 · Shapes, building and `keras.Input`."""

from __future__ import annotations

from functools import partial
from typing import Any

from course.checks import Check, CheckFailed, Exercise, Input, register
from course.exercises import expect, given

N_FEATURES = 30


def input_shape(expected: tuple) -> Any:
    def test(model: Any) -> None:
        expect.built(model)
        got = tuple(model.inputs[0].shape)
        if got != expected:
            raise CheckFailed(
                f"expected input shape {expected}, got {got}",
                "build with model.build((None, n_features)): None leaves the batch size open.",
            )
    return test


def layer_types(expected: list[str]) -> Any:
    def test(model: Any) -> None:
        got = [type(layer).__name__ for layer in model.layers]
        if got != expected:
            raise CheckFailed(f"expected layers {expected}, got {got}")
    return test


def activations(expected: list[str]) -> Any:
    def test(model: Any) -> None:
        got = [getattr(getattr(layer, "activation", None), "__name__", None) for layer in model.layers]
        got = [name for name in got if name is not None]
        if got != expected:
            raise CheckFailed(f"expected the activations {expected}, got {got}",
                              f"pass activation= to each layer: {', '.join(repr(a) for a in expected)}.")
    return test


def late_checks(n: int) -> list[Check]:
    return [
        Check("returns a keras.Sequential", expect.sequential),
        Check(f"is built for (None, {n}) inputs", input_shape((None, n))),
        Check("has Dense(16) then Dense(1), with relu then sigmoid", lambda m: (
            layer_types(["Dense", "Dense"])(m), activations(["relu", "sigmoid"])(m))),
        Check(f"has {n * 16 + 16 + 17} parameters", lambda m: expect.param_count(m, n * 16 + 16 + 17)),
    ]


register(Exercise(
    id="02.1",
    title="Build a model late",
    function="build_late",
    errors=(
        (("found ndim=1",), "the shape given to build() has no batch dimension: build takes the whole input shape, "
                            "batch dimension first, and None leaves the batch size open."),
    ),
    hints=(
        'Build the layers first, without any input; tell the model the input shape afterwards.',
        'model.build(shape) takes the full input shape, batch dimension first: None leaves it open.',
        'Shape: a Sequential with the two Dense layers, then model.build with (None, the number of features).',
    ),
    cases={"default": (N_FEATURES,)},
    checks=late_checks(N_FEATURES),
))

def reshaped_to(model: Any, expected: tuple) -> None:
    reshape = [layer for layer in model.layers if type(layer).__name__ == "Reshape"]
    got = tuple(reshape[0].output.shape) if reshape else None
    if got != expected:
        raise CheckFailed(f"the Reshape layer outputs {got}, expected {expected}",
                          "layers.Reshape((8, 8, 1)): 8×8 pixels, one channel.")


def activations_end_with(wanted: str) -> Any:
    def test(model: Any) -> None:
        last = model.layers[-1]
        got = getattr(getattr(last, "activation", None), "__name__", None)
        if got != wanted:
            raise CheckFailed(f"the last layer's activation is {got}, not {wanted}",
                              f'give the last layer activation="{wanted}".')
    return test


CNN_LAYERS = ["Reshape", "Conv2D", "MaxPooling2D", "Flatten", "Dense"]

CNN_CHECKS = [
    Check("returns a keras.Sequential", expect.sequential),
    Check("takes 64 flat pixels and outputs 10 class probabilities (softmax)", lambda m: (
        input_shape((None, 64))(m), expect.output_shape(m, (None, 10)), activations_end_with("softmax")(m))),
    Check(f"has the layers {', '.join(CNN_LAYERS)}, reshaping to (8, 8, 1)", lambda m: (
        layer_types(CNN_LAYERS)(m), reshaped_to(m, (None, 8, 8, 1)))),
    Check("has 1,370 parameters", lambda m: expect.param_count(m, 80 + 1290)),
]


register(Exercise(
    id="02.2",
    title="A convolutional network for flat pixels",
    function="digits_cnn",
    errors=(
        (("expected min_ndim=4, found ndim=2",),
         "Conv2D needs images with 4 dimensions (batch, height, width, channels), but the 64 pixels arrive as a "
         "flat row of 2 dimensions: reshape them into an 8×8 image with one channel before the first convolution."),
    ),
    hints=(
        'Conv2D wants images (height, width, channels), but the model receives 64 flat numbers.',
        "Reshape to 8×8×1 first; padding='same' keeps 8×8; pooling halves it; Flatten gives Dense a flat "
        'vector.',
        'Shape: keras.Input, Reshape, Conv2D(8, 3, same, relu), MaxPooling2D, Flatten, Dense(10, softmax).',
    ),
    checks=CNN_CHECKS,
))


def shapes_match(shapes: Any, expected: list | None = None) -> None:
    expected = expected or [(None, 8, 8, 1), (None, 6, 6, 4), (None, 3, 3, 4), (None, 36), (None, 3)]
    if not isinstance(shapes, list):
        raise CheckFailed(f"expected a list, got {type(shapes).__name__}", "build the list with a comprehension.")
    got = [tuple(s) if isinstance(s, (tuple, list)) else s for s in shapes]
    if got != expected:
        raise CheckFailed(f"for a small test model expected {expected}, got {got}",
                          "use tuple(layer.output.shape) for each layer in model.layers.")


def shapes_are_tuples(shapes: Any) -> None:
    others = sorted({type(s).__name__ for s in shapes if not isinstance(s, tuple)}) if isinstance(shapes, list) else []
    if others:
        raise CheckFailed(f"some shapes are a {' or '.join(others)}, not a tuple",
                          "Keras 3 shapes are tuples: tuple(layer.output.shape).")


register(Exercise(
    id="02.3",
    title="Read the shapes of a built model",
    function="layer_output_shapes",
    hints=(
        'Every layer of a built model knows the symbolic tensor it produces.',
        'In Keras 3 `layer.output_shape` is gone: read the shape of `layer.output` and make it a tuple.',
        'Shape: a list comprehension over model.layers.',
    ),
    cases={"default": (Input("cnn"),)},
    inputs={"cnn": partial(given.model, "02.3-cnn")},
    checks=[
        Check("lists every layer's output shape in order", shapes_match),
        # A saved answer keeps lists only (JSON): the notebook alone can see the tuples.
        Check("gives each shape as a tuple", shapes_are_tuples, graded=False, advice=True),
    ],
))
