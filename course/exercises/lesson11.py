"""Lesson 11 · Subclassing, mixing styles, and choosing.

A subclassed model defined in the learner's notebook cannot be reloaded by the grader (its class
is not there), so these exercises grade plain things: a functional model, a dict of strings, arrays.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed, Exercise, Input, on_case, on_first_case, register
from course.exercises import expect

X = np.random.default_rng(11).random((16, 64), dtype=np.float32)


def reference_skip_mlp(skip: bool = True) -> Any:
    """What the lesson's `SkipMLP(skip)` computes, as a functional model (the layers in the same order)."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(11)
    pixels = keras.Input(shape=(64,), name="pixels")
    hidden = layers.Dense(32, activation="relu", name="hidden")(pixels)
    extra = layers.Dense(32, activation="relu", name="extra")(hidden)
    joined = layers.Add(name="skip")([hidden, extra]) if skip else extra
    return keras.Model(pixels, layers.Dense(10, activation="softmax", name="probs")(joined), name="reference")


def functional_digits_model(model: Any) -> None:
    expect.functional(model)
    got = tuple(model.inputs[0].shape)
    if got != (None, 64):
        raise CheckFailed(f"expected input shape (None, 64), got {got}", "start from keras.Input(shape=(64,)).")
    expect.output_shape(model, (None, 10))


def computes_skip_mlp(skip: bool) -> Callable[[Any], None]:
    def test(model: Any) -> None:
        expect.keras_model(model)
        try:
            expect.same_function(reference_skip_mlp(skip), model, X)
        except CheckFailed as failure:
            hint = ("With skip=True the hidden output is added to extra's output: "
                    "layers.Add()([hidden, extra]) or hidden + extra." if skip else
                    "With skip=False there is no addition: extra's output goes straight to probs.")
            raise CheckFailed(failure.message, failure.hint + " " + hint) from None
    return test


SKIP_CHECKS = [
    Check("returns a functional model from (None, 64) to (None, 10)", functional_digits_model),
    Check("computes what SkipMLP(skip=True) computes, given the same weights", computes_skip_mlp(True)),
]

register(Exercise(
    id="11.1",
    title="A subclass, rewritten as a graph",
    prepare=lambda build: build(True),
    public=SKIP_CHECKS,
    function="skip_mlp",
    cases=[(True,), (False,)],
    grading=[
        *on_first_case(SKIP_CHECKS),
        Check("computes what SkipMLP(skip=False) computes", on_case(1, computes_skip_mlp(False)), hidden=True),
    ],
))


# Each sketch of exercise 11.2 with the traits the decision guide looks at (widgets.quiz.decide).
SKETCHES: dict[str, dict[str, Any]] = {
    "text_stack": {},                                    # Embedding → pooling → Dense
    "price_and_rooms": {"outputs": 2, "branches": True},  # two heads
    "dropout_mlp": {},                                   # Dense, Dropout, Dense, Dropout, Dense
    "image_and_caption": {"inputs": 2, "branches": True},
    "until_converged": {"dynamic": True},
    "dense_skip": {"branches": True},                    # Concatenate([x, block(x)])
    "stacked_models": {},                                # Sequential([encoder, head])
    "own_normalisation": {"dynamic": True},              # batch median in training, stored one in inference
}


def guide_answers() -> dict[str, str]:
    from widgets.quiz import QuizItem, decide

    return {key: decide(QuizItem(key, key, "", "", "", **traits)) for key, traits in SKETCHES.items()}


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


def agrees_with_guide(answers: Any) -> None:
    valid_answers(answers)
    expected = guide_answers()
    wrong = sorted(key for key in SKETCHES if answers[key] != expected[key])
    if wrong:
        raise CheckFailed(f"{len(wrong)} of {len(SKETCHES)} answers differ from the decision guide: {wrong}",
                          "ask the guide's questions in order; the first 'yes' decides. Built-in layers handle "
                          "`training` themselves, and a model can be a layer of a Sequential.")


CHOICE_CHECKS = [
    Check("answers every sketch with Sequential, Functional or Subclassing", valid_answers),
    Check("agrees with the decision guide", agrees_with_guide, points=2),
]

register(Exercise(
    id="11.2",
    title="Pick the API",
    prepare=lambda choose: choose(),
    public=CHOICE_CHECKS,
    function="choose_api",
    cases=[()],
    grading=on_first_case(CHOICE_CHECKS),
))


def reference_encoder() -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(12)
    pixels = keras.Input(shape=(64,), name="pixels")
    return keras.Model(pixels, layers.Dense(16, activation="relu", name="code")(pixels), name="encoder")


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


def inference_is_plain(pair: tuple) -> None:
    encoder, result = pair
    result = two_arrays(result)
    if not np.allclose(result["inference"], encoder.predict(X, verbose=0), atol=1e-5):
        raise CheckFailed("in inference the outputs differ from the encoder's own",
                          "with training=False dropout does nothing: the output is encoder(x).")


def training_drops_half(pair: tuple) -> None:
    encoder, result = pair
    result = two_arrays(result)
    plain, noisy = encoder.predict(X, verbose=0), result["training"]
    if np.allclose(noisy, plain, atol=1e-5):
        raise CheckFailed("in training mode nothing was dropped: the outputs equal the encoder's own",
                          "call the model with training=True, and pass training on to the Dropout layer.")
    kept = np.isclose(noisy, 2 * plain, atol=1e-5)
    dropped = np.isclose(noisy, 0.0, atol=1e-6)
    if not np.all(kept | dropped):
        raise CheckFailed("in training, some outputs are neither 0 nor twice the encoder's output",
                          "apply layers.Dropout(0.5) to the encoder's output, and nothing else.")
    active = plain > 1e-6
    share = float(dropped[active].mean()) if active.any() else 0.0
    if not 0.3 <= share <= 0.7:
        raise CheckFailed(f"in training, {share:.0%} of the encoder's non-zero outputs were dropped, not about half",
                          "call the model with training=True, and pass training on to the Dropout layer.")


register(Exercise(
    id="11.3",
    title="Dropout that knows when it is training",
    prepare=expect.with_reference(reference_encoder, X),
    public=[Check("in inference, returns the encoder's output unchanged", inference_is_plain),
            Check("in training, drops about half of the outputs and doubles the rest", training_drops_half)],
    function="both_modes",
    cases=[(Input("encoder"), Input("x"))],
    inputs={"encoder": reference_encoder, "x": lambda: X},
    grading=[
        Check("in inference, returns the encoder's output unchanged",
              lambda c: inference_is_plain((c.inputs["encoder"], c.value(0)))),
        Check("in training, drops about half of the outputs and doubles the rest",
              lambda c: training_drops_half((c.inputs["encoder"], c.value(0)))),
    ],
))
