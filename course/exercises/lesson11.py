"""Lesson 11 · Subclassing, mixing styles, and choosing.

A subclassed model defined in the learner's notebook cannot be reloaded by the grader (its class
is not there), so these exercises grade plain things: a functional model, a dict of strings, arrays.
"""

from __future__ import annotations

import hashlib
import json
from functools import partial
from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed, Exercise, Input, register
from course.exercises import expect, given

X = np.random.default_rng(11).random((16, 64), dtype=np.float32)


def functional_digits_model(model: Any) -> None:
    expect.functional(model)
    got = tuple(model.inputs[0].shape)
    if got != (None, 64):
        raise CheckFailed(f"expected input shape (None, 64), got {got}", "start from keras.Input(shape=(64,)).")
    expect.output_shape(model, (None, 10))


def computes_skip_mlp(skip: bool, reference: Callable[[], dict]) -> Callable[[Any], None]:
    """Whether the model computes what `SkipMLP(skip)` computes: `reference()` gives the weights,
    inputs and predictions of that computation (see `expect.same_function`)."""
    def test(model: Any) -> None:
        expect.keras_model(model)
        try:
            expect.same_function(reference(), model)
        except CheckFailed as failure:
            hint = ("With skip=True the hidden output is added to extra's output: "
                    "layers.Add()([hidden, extra]) or hidden + extra." if skip else
                    "With skip=False there is no addition: extra's output goes straight to probs.")
            raise CheckFailed(failure.message, failure.hint + " " + hint) from None
    return test


SKIP_CHECKS = [
    Check("returns a functional model from (None, 64) to (None, 10)", functional_digits_model),
    Check("computes what SkipMLP(skip=True) computes, given the same weights",
          computes_skip_mlp(True, lambda: given.arrays("11.1-skip"))),
]

register(Exercise(
    id="11.1",
    title="A subclass, rewritten as a graph",
    function="skip_mlp",
    cases=[(True,)],
    hints=(
        "Read SkipMLP's call(): which layers, in which order, and where the addition happens.",
        "With skip=True the hidden output is added to extra's output; with skip=False extra's output goes "
        'straight to the output layer. A Sequential cannot add.',
        'Shape: Input → hidden → extra → (Add([hidden, extra]) if skip else extra) → Dense(10, softmax).',
    ),
    checks=SKIP_CHECKS,
))


# The sketches of exercise 11.2. Their answers stay with the instructor: the public check compares
# a digest of the learner's answers with the digest of the decision guide's.
SKETCHES = ("text_stack", "price_and_rooms", "dropout_mlp", "image_and_caption", "until_converged", "dense_skip",
            "stacked_models", "own_normalisation")


def digest(answers: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(answers, sort_keys=True).encode()).hexdigest()


def valid_answers(answers: Any) -> None:
    from widgets.quiz import APIS

    if not isinstance(answers, dict):
        raise CheckFailed(f"expected a dict, got {type(answers).__name__}",
                          'return {"text_stack": "Sequential", ...} with one entry per sketch.')
    missing, extra = sorted(set(SKETCHES) - set(answers)), sorted(set(answers) - set(SKETCHES))
    if missing or extra:
        wrong = [f"{label} {keys}" for label, keys in (("missing keys", missing), ("unexpected keys", extra)) if keys]
        raise CheckFailed("; ".join(wrong), "use the sketch names as keys.")
    odd = {key: value for key, value in answers.items() if value not in APIS}
    if odd:
        raise CheckFailed(f"answers must be one of {list(APIS)}; got {odd}", "spell them exactly, capitalised.")


GUIDE_HINT = ("ask the guide's questions in order; the first 'yes' decides. Built-in layers handle "
              "`training` themselves, and a model can be a layer of a Sequential.")


def agrees_with_guide(answers: Any) -> None:
    valid_answers(answers)
    if digest({key: answers[key] for key in SKETCHES}) != given.json_data("11.2-guide")["digest"]:
        raise CheckFailed("some answers differ from the decision guide (grading says how many)", GUIDE_HINT)


CHOICE_CHECKS = [
    Check("answers every sketch with Sequential, Functional or Subclassing", valid_answers),
    Check("agrees with the decision guide", agrees_with_guide, points=2),
]

register(Exercise(
    id="11.2",
    title="Pick the API",
    function="choose_api",
    hints=(
        'Use the decision guide from the lesson, one sketch at a time.',
        'Ask its questions in order; the first yes decides. Built-in layers handle training themselves, and a'
        ' model can be a layer of a Sequential.',
        'Shape: a dict from each sketch name to "Sequential", "Functional" or "Subclassing".',
    ),
    checks=CHOICE_CHECKS,
))


def two_arrays(result: Any) -> dict[str, np.ndarray]:
    if not isinstance(result, dict) or sorted(result) != ["inference", "training"]:
        got = sorted(result) if isinstance(result, dict) else type(result).__name__
        raise CheckFailed(f"expected a dict with keys 'inference' and 'training', got {got}")
    for key, value in result.items():
        if not isinstance(value, np.ndarray):
            raise CheckFailed(f"{key!r} has type {type(value).__name__}, not a NumPy array",
                              "convert a tensor with keras.ops.convert_to_numpy(...).")
        if value.shape != (len(X), 16):
            raise CheckFailed(f"{key!r} has shape {value.shape}, expected {(len(X), 16)}",
                              "return the wrapper's outputs for all rows of x.")
    return result


def inference_is_plain(collected: Any) -> None:
    encoder, result = collected.pair("encoder")
    result = two_arrays(result)
    if not np.allclose(result["inference"], encoder.predict(X, verbose=0), atol=1e-5):
        raise CheckFailed("in inference the outputs differ from the encoder's own",
                          "with training=False dropout does nothing: the output is encoder(x).")


def training_drops_half(collected: Any) -> None:
    encoder, result = collected.pair("encoder")
    result = two_arrays(result)
    plain, noisy = encoder.predict(X, verbose=0), result["training"]
    if np.allclose(noisy, plain, atol=1e-5):
        raise CheckFailed("in training mode nothing was dropped: the outputs equal the encoder's own",
                          "call the model with training=True: Keras passes the flag on to the Dropout layer inside.")
    kept = np.isclose(noisy, 2 * plain, atol=1e-5)
    dropped = np.isclose(noisy, 0.0, atol=1e-6)
    if not np.all(kept | dropped):
        raise CheckFailed("in training, some outputs are neither 0 nor twice the encoder's output",
                          "apply layers.Dropout(0.5) to the encoder's output, and nothing else.")
    active = plain > 1e-6
    share = float(dropped[active].mean()) if active.any() else 0.0
    if not 0.3 <= share <= 0.7:
        raise CheckFailed(f"in training, {share:.0%} of the encoder's non-zero outputs were dropped, not about half",
                          "call the model with training=True: Keras passes the flag on to the Dropout layer inside.")


register(Exercise(
    id="11.3",
    title="Dropout that knows when it is training",
    function="both_modes",
    cases=[(Input("encoder"), Input("x"))],
    inputs={"encoder": partial(given.model, "11.3-encoder"), "x": lambda: X},
    hints=(
        'Dropout only drops in training mode, and someone has to tell it which mode it is in.',
        'Call the model with training=True or False: Keras passes the flag on to inner layers such as Dropout '
        'by itself; predict always runs in inference mode. '
        'Return NumPy arrays (keras.ops.convert_to_numpy).',
        'Shape: a small model (or layer) with the encoder and Dropout(0.5); call it with training False and '
        'True; a dict with inference and training.',
    ),
    checks=[Check("in inference, returns the encoder's output unchanged", inference_is_plain, case=None),
            Check("in training, drops about half of the outputs and doubles the rest", training_drops_half,
                  case=None)],
))
