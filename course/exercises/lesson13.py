"""Lesson 13 · Appendix: layers of your own.

The learner's layers are classes defined in the notebook, which the grader cannot reload (lesson 11),
so these exercises grade what the layers compute, as arrays: the weights a layer learned (13.1) and
what a layer that reads the padding mask returns (13.2). The exercise texts say so: no check sees the class.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed, Exercise, Input, register
from course.exercises.arrays import named_arrays


def affine_data(n_features: int, seed: int) -> dict[str, np.ndarray]:
    """Rows `x` and targets `y = x * scale + offset`, with one scale and one offset per feature."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(256, n_features)).astype(np.float32)
    scale = rng.uniform(0.5, 2.0, n_features).astype(np.float32)
    offset = rng.uniform(-1.0, 1.0, n_features).astype(np.float32)
    return {"x": x, "y": x * scale + offset, "scale": scale, "offset": offset}


AFFINE = affine_data(4, seed=13)
AFFINE_3 = affine_data(3, seed=31)


def two_weights(n_features: int) -> Callable[[Any], None]:
    def test(result: Any) -> None:
        named_arrays(result, {"scale": (n_features,), "offset": (n_features,)},
                     "convert a weight with keras.ops.convert_to_numpy(...).",
                     "create each weight in build with one value per feature, sized from the input shape.")
    return test


def learns(data: dict[str, np.ndarray]) -> Callable[[Any], None]:
    def test(result: Any) -> None:
        two_weights(len(data["scale"]))(result)
        if np.allclose(result["scale"], 1.0) and np.allclose(result["offset"], 0.0):
            raise CheckFailed("the weights are still at their starting values (scale 1, offset 0)",
                              "train the model on (x, y) with fit, and return the weights of the layer you trained.")
        for key in ("scale", "offset"):
            gap = float(np.abs(result[key] - data[key]).max())
            if gap > 0.05:
                raise CheckFailed(f"the learned {key} is up to {gap:.2f} away from the {key} that made y",
                                  "call should return x * scale + offset; train with the mean squared error "
                                  "until the loss is near 0.")
    return test


AFFINE_CHECKS = [
    Check("returns the learned 'scale' and 'offset', one value per feature", two_weights(4)),
    Check("learns the scale and offset that made y from x", learns(AFFINE), points=2),
    Check("learns a scale and offset for 3 features as well (weights sized from the input)", learns(AFFINE_3),
          case="three_features"),
]

register(Exercise(
    id="13.1",
    title="A learnable scale and offset",
    function="learn_affine",
    cases={"default": (Input("x"), Input("y")), "three_features": (Input("x_3"), Input("y_3"))},
    inputs={"x": lambda: AFFINE["x"], "y": lambda: AFFINE["y"], "x_3": lambda: AFFINE_3["x"],
            "y_3": lambda: AFFINE_3["y"]},
    hints=(
        "A layer owns weights when its build() creates them with self.add_weight(...); call() only uses them.",
        "build receives the input shape: one scale and one offset per feature means shape=(input_shape[-1],). "
        "Start the scale at ones and the offset at zeros, train on (x, y) with the mean squared error, then "
        "read the layer's weights back with keras.ops.convert_to_numpy.",
        "Shape: a Layer subclass (build: two add_weight calls; call: x times one plus the other) → Input → "
        "your layer → Model → compile, fit → a dict with scale and offset.",
    ),
    checks=AFFINE_CHECKS,
    errors=tuple(((words,), "the layer's weights do not fit this number of features: size them in build from the "
                  "input shape, one value per feature.")
                 for words in ("Dimensions must be equal", "Incompatible shapes", "cannot be broadcast",
                               "must match the size of tensor b")),  # the last: PyTorch's wording
))


def padded_sequences(n_sequences: int, n_steps: int, n_features: int, seed: int, pad_value: float = 0.0,
                     zero_steps: bool = False) -> dict[str, np.ndarray]:
    """Sequences of 1 to n_steps - 1 real steps, padded at the end with steps of `pad_value`, and the
    largest value of each feature over the real steps. With `zero_steps`, many sequences have a real
    step of all zeros, so only the mask (from `pad_value`), not a test for zero steps, finds the padding."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3.0, 1.0, (n_sequences, n_steps, n_features)).astype(np.float32)
    lengths = rng.integers(1, n_steps, n_sequences)
    for row, length in enumerate(lengths):
        if zero_steps and row % 3 != 2:
            x[row, rng.integers(0, length)] = 0.0
        x[row, length:] = pad_value
    real = np.arange(n_steps)[None, :] < lengths[:, None]
    largest = np.stack([x[row, :length].max(axis=0) for row, length in enumerate(lengths)])
    return {"x": x, "pad_value": np.float32(pad_value), "real": real, "largest": largest}


SEQUENCES = padded_sequences(8, 5, 3, seed=13)
SEQUENCES_ZERO_STEPS = padded_sequences(12, 6, 3, seed=14, pad_value=-1.0, zero_steps=True)


def one_row_per_sequence(data: dict[str, np.ndarray]) -> Callable[[Any], None]:
    def test(result: Any) -> None:
        expected = data["largest"].shape
        if not isinstance(result, np.ndarray):
            raise CheckFailed(f"expected a NumPy array, got {type(result).__name__}",
                              "return the model's predictions on the sequences, as predict gives them.")
        if result.shape != expected:
            raise CheckFailed(f"expected shape {expected} (one row per sequence, one value per feature), "
                              f"got {result.shape}", "take the maximum over the steps (axis 1), not the features.")
    return test


def _maximum(x: np.ndarray, keep: np.ndarray) -> np.ndarray:
    return np.where(keep[..., None], x, -np.inf).max(axis=1)


def skips_padding(data: dict[str, np.ndarray]) -> Callable[[Any], None]:
    """The largest value over the real steps; a wrong result is matched with the usual mistakes, in words."""
    def test(result: Any) -> None:
        one_row_per_sequence(data)(result)
        if np.allclose(result, data["largest"], atol=1e-5):
            return
        x, pad = data["x"], float(data["pad_value"])
        if np.allclose(result, x.max(axis=1), atol=1e-5):
            raise CheckFailed(f"the padding counts: where every real value is below the padding value {pad:g}, "
                              f"you return {pad:g}",
                              "your layer must leave out the steps the mask marks as padding: set supports_masking "
                              "and use the mask argument of call.")
        zero_steps = np.all(x == 0.0, axis=-1)
        if np.allclose(result, _maximum(x, ~zero_steps), atol=1e-5, equal_nan=True):
            raise CheckFailed("steps whose values are all 0 were left out, but here they are real steps and the "
                              f"padding is {pad:g}",
                              "don't look for the padding in the values: let a Masking layer with the padding "
                              "value you are given mark it, and read the mask your layer's call receives.")
        if np.allclose(result, np.maximum(data["largest"], 0.0), atol=1e-5):
            raise CheckFailed("where every real value is negative you return 0: the padding steps still count, "
                              "as zeros",
                              "replace the masked steps by a value no real step can beat (-np.inf), not by 0.")
        raise CheckFailed("some maxima differ from the largest value over the real steps",
                          "read the padding from the mask (Masking with the padding value you are given), keep "
                          "the steps it marks as real, and take the maximum over the steps.")
    return test


MAX_CHECKS = [
    Check("returns one row per sequence, one value per feature", one_row_per_sequence(SEQUENCES)),
    Check("takes the maximum over the real steps only, not the padding", skips_padding(SEQUENCES), points=2),
    Check("skips the padding when it is -1 and real steps can be all zeros",
          skips_padding(SEQUENCES_ZERO_STEPS), points=2, case="pad_minus_one"),
]

register(Exercise(
    id="13.2",
    title="The largest real step",
    function="masked_max",
    cases={"default": (Input("sequences"), 0.0), "pad_minus_one": (Input("sequences_pad_minus_one"), -1.0)},
    inputs={"sequences": lambda: SEQUENCES["x"], "sequences_pad_minus_one": lambda: SEQUENCES_ZERO_STEPS["x"]},
    hints=(
        "Masking marks the padding steps (those equal to the padding value you are given); your layer receives "
        "that mark as the mask argument of call. Don't look for the padding in the values: real steps may be "
        "all zeros.",
        "Put the padded steps out of reach before taking the maximum over the steps, with a value no real step "
        "can beat; the mask has one value per step, so expand it to the features' shape. The layer removes the "
        "step axis, so it passes no mask on.",
        "Shape: a Layer subclass (supports masking; call(x, mask) → keep the real steps, then the maximum over "
        "the steps) → Input → Masking with the given padding value → your layer → Model → predictions.",
    ),
    checks=MAX_CHECKS,
    errors=((("incompatible with the layer", "expected shape"),
             "the model's input shape is fixed to one set of sequences; the check passes others: take it from "
             "sequences.shape[1:]."),),
))
