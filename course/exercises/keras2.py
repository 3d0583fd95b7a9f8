"""Keras 2 habits recognised in the errors and warnings they end in, with what Keras 3 wants.

Course content: the table grows with the mistakes learners make. `course.check` and the grader
attach these hints to any error an answer raises; exercise-specific meanings come first
(`Exercise.errors`).
"""

from __future__ import annotations

import warnings

INPUT_SHAPE_HINT = ("Keras 3 wants `keras.Input(shape=(n,))` as the first element of the model, "
                    "not `input_shape=` or `input_dim=` on a layer.")

# Keras 2 idioms and stale attributes, recognised in the error they end in, and what Keras 3 wants.
KERAS2_IDIOMS: list[tuple[tuple[str, ...], str]] = [
    (("has no attribute 'output_shape'",),
     "`output_shape` is Keras 2: in Keras 3 read `tuple(layer.output.shape)` (or `model.outputs[0].shape`)."),
    (("has no attribute 'input_shape'",),
     "`input_shape` is Keras 2: in Keras 3 read `tuple(layer.input.shape)` (or `model.inputs[0].shape`)."),
    # PyTorch's modules word it "'Sequential' object has no attribute 'input'"
    (("has never been called and thus has no defined input", "has no defined inputs yet",
      "Sequential' object has no attribute 'input'"),
     "a Sequential model's `.input` fails in Keras 3: use `model.inputs[0]` (the single input tensor)."),
    (("has never been called and thus has no defined output", "Sequential' object has no attribute 'output'"),
     "a Sequential model's `.output` fails in Keras 3: use `model.outputs[0]` (the single output tensor)."),
    (("Argument(s) not recognized: {'lr'",),
     "`lr=` is Keras 2: Keras 3 optimizers take `learning_rate=`, e.g. keras.optimizers.Adam(learning_rate=1e-3)."),
    (("Cannot convert",), "shapes are tuples in Keras 3: `shape=(64,)`, not `shape=64` or `shape=(64)`."),
    (("is not connected to `inputs`", "Graph disconnected"),
     "every output must be computed from this model's own keras.Input: call the layers (or models) on it, "
     "e.g. `m(pixels)`, instead of reusing another model's `.output`."),
    (("Inputs have incompatible shapes",),
     "Add, Subtract, Multiply and Average need tensors of one shape: add tensors of equal size (padding='same' keeps "
     "a convolution's size) or project one side first (a Dense, or a 1×1 Conv2D for channels)."),
    (("All operation names should be unique",),
     "two layers or inputs of one model share a name: give each its own name=; if you reused another model's "
     "tensors (`m.outputs[0]`, `m.input`), call the model on your own keras.Input instead, e.g. `m(pixels)`."),
    (("module 'keras.backend' has no attribute",),
     "`keras.backend` functions are Keras 2: use `keras.ops` (e.g. keras.ops.sum) or a layer."),
]


def keras2_hint(message: str) -> str:
    """What Keras 3 wants instead, when an error message shows a Keras 2 idiom ("" otherwise)."""
    for needles, hint in KERAS2_IDIOMS:
        if any(needle in message for needle in needles):
            return hint
    return ""


def warning_hint(caught: list[warnings.WarningMessage]) -> str:
    """Turn the Keras 2 idioms Keras 3 warns about into advice."""
    for warning in caught:
        text = str(warning.message)
        if "input_shape" in text or "input_dim" in text:
            return INPUT_SHAPE_HINT
    return ""


