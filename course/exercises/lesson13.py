"""Lesson 13 · Appendix: layers of your own.

The learner's layers are classes defined in the notebook, which the grader cannot reload (lesson 11),
so these exercises grade what the layers compute, as arrays: the weights a layer learned (13.1) and
what a layer that reads the padding mask returns (13.2).
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed, Exercise, Input, register


def affine_data(n_features: int, seed: int) -> dict[str, np.ndarray]:
    """Rows `x` and targets `y = x * scale + offset`, with one scale and one offset per feature."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(256, n_features)).astype(np.float32)
    scale = rng.uniform(0.5, 2.0, n_features).astype(np.float32)
    offset = rng.uniform(-1.0, 1.0, n_features).astype(np.float32)
    return {"x": x, "y": x * scale + offset, "scale": scale, "offset": offset}


AFFINE = affine_data(4, seed=13)


def two_weights(n_features: int) -> Callable[[Any], None]:
    def test(result: Any) -> None:
        if not isinstance(result, dict) or sorted(result) != ["offset", "scale"]:
            got = sorted(result) if isinstance(result, dict) else type(result).__name__
            raise CheckFailed(f"expected a dict with keys 'scale' and 'offset', got {got}")
        for key, value in result.items():
            if not isinstance(value, np.ndarray):
                raise CheckFailed(f"{key!r} has type {type(value).__name__}, not a NumPy array",
                                  "convert a weight with keras.ops.convert_to_numpy(layer.scale).")
            if value.shape != (n_features,):
                raise CheckFailed(f"{key!r} has shape {value.shape}, expected ({n_features},)",
                                  "create each weight in build with shape=(input_shape[-1],): one value per feature.")
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
]

register(Exercise(
    id="13.1",
    title="A learnable scale and offset",
    function="learn_affine",
    cases={"default": (Input("x"), Input("y"))},
    inputs={"x": lambda: AFFINE["x"], "y": lambda: AFFINE["y"]},
    hints=(
        "A layer owns weights when its build() creates them with self.add_weight(...); call() only uses them.",
        "build receives the input shape: one scale and one offset per feature means shape=(input_shape[-1],). "
        "Start the scale at ones and the offset at zeros, train on (x, y) with the mean squared error, then "
        "read the layer's weights back with keras.ops.convert_to_numpy.",
        "Shape: a Layer subclass (build: two add_weight calls; call: x times one plus the other) → Input → "
        "your layer → Model → compile, fit → a dict with scale and offset.",
    ),
    checks=AFFINE_CHECKS,
))


def padded_sequences(n_sequences: int, n_steps: int, n_features: int, seed: int) -> dict[str, np.ndarray]:
    """Sequences of 1 to n_steps - 1 real steps (never all zero), padded with zero steps at the end,
    and the largest value of each feature over the real steps."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3.0, 1.0, (n_sequences, n_steps, n_features)).astype(np.float32)
    lengths = rng.integers(1, n_steps, n_sequences)
    for row, length in enumerate(lengths):
        x[row, length:] = 0.0
    largest = np.stack([x[row, :length].max(axis=0) for row, length in enumerate(lengths)])
    return {"x": x, "largest": largest}


SEQUENCES = padded_sequences(8, 5, 3, seed=13)


def one_row_per_sequence(data: dict[str, np.ndarray]) -> Callable[[Any], None]:
    def test(result: Any) -> None:
        expected = data["largest"].shape
        if not isinstance(result, np.ndarray):
            raise CheckFailed(f"expected a NumPy array, got {type(result).__name__}",
                              "return model.predict(sequences, verbose=0).")
        if result.shape != expected:
            raise CheckFailed(f"expected shape {expected} (one row per sequence, one value per feature), "
                              f"got {result.shape}", "take the maximum over the steps: axis=1.")
    return test


def skips_padding(data: dict[str, np.ndarray]) -> Callable[[Any], None]:
    def test(result: Any) -> None:
        one_row_per_sequence(data)(result)
        if np.allclose(result, data["largest"], atol=1e-5):
            return
        if np.allclose(result, data["x"].max(axis=1), atol=1e-5):
            raise CheckFailed("the padding counts: where every real value is negative you return 0",
                              "set self.supports_masking = True and use the mask argument of call "
                              "(keras.ops.where(mask[..., None], x, -np.inf) before the maximum).")
        raise CheckFailed("some maxima differ from the largest value over the real steps",
                          "keep a step where the mask is True; take keras.ops.max(..., axis=1).")
    return test


MAX_CHECKS = [
    Check("returns one row per sequence, one value per feature", one_row_per_sequence(SEQUENCES)),
    Check("takes the maximum over the real steps only, not the padding", skips_padding(SEQUENCES), points=2),
]

register(Exercise(
    id="13.2",
    title="The largest real step",
    function="masked_max",
    cases={"default": (Input("sequences"),)},
    inputs={"sequences": lambda: SEQUENCES["x"]},
    hints=(
        "Masking marks the zero steps as padding; your layer receives that mark as the mask argument of call.",
        "Replace the padded steps by -inf before taking the maximum over axis 1, so they can never win; the "
        "mask has one value per step, so expand it to the features' shape. Return no mask from compute_mask.",
        "Shape: a Layer subclass (supports_masking; call(x, mask) → where, then max over the steps) → Input → "
        "Masking(0.0) → your layer → Model → predict.",
    ),
    checks=MAX_CHECKS,
))
