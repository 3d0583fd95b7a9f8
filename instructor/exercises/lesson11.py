"""Lesson 11 · grading: SkipMLP without the skip, the guide's answers, the grader's encoder."""

from __future__ import annotations

from typing import Any

import numpy as np

from course.checks import Check, CheckFailed
from course.exercises.lesson11 import (
    GUIDE_HINT,
    SKETCHES,
    SKIP_CHECKS,
    X,
    computes_skip_mlp,
    digest,
    inference_is_plain,
    training_drops_half,
    valid_answers,
)
from instructor.exercises import Input, grade, on_case, on_first_case
from instructor.expectations import function_of, shipped

# Each sketch with the traits the decision guide looks at (widgets.quiz.decide).
TRAITS: dict[str, dict[str, Any]] = {
    "text_stack": {},                                    # Embedding → pooling → Dense
    "price_and_rooms": {"outputs": 2, "branches": True},  # two heads
    "dropout_mlp": {},                                   # Dense, Dropout, Dense, Dropout, Dense
    "image_and_caption": {"inputs": 2, "branches": True},
    "until_converged": {"dynamic": True},
    "dense_skip": {"branches": True},                    # Concatenate([x, block(x)])
    "stacked_models": {},                                # Sequential([encoder, head])
    "own_normalisation": {"dynamic": True},              # batch median in training, stored one in inference
}
assert tuple(TRAITS) == SKETCHES


def reference_skip_mlp(skip: bool = True) -> Any:
    """What the lesson's `SkipMLP(skip)` computes, as a functional model (the layers in the same order)."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(11)
    pixels = keras.Input(shape=(64,), name="pixels")
    hidden = layers.Dense(32, activation="relu", name="hidden")(pixels)
    extra = layers.Dense(32, activation="relu", name="extra")(hidden)
    joined = layers.Add(name="skip")([hidden, extra]) if skip else extra
    probs = layers.Dense(10, activation="softmax", name="probs")(joined)
    return keras.Model(pixels, probs, name="reference")


@shipped("11.1-skip")
def skip_function() -> dict:
    return function_of(reference_skip_mlp(True), X)


def guide_answers() -> dict[str, str]:
    from widgets.quiz import QuizItem, decide

    return {key: decide(QuizItem(key, key, "", "", "", **traits)) for key, traits in TRAITS.items()}


@shipped("11.2-guide")
def guide_digest() -> dict:
    return {"digest": digest(guide_answers())}


def agrees_with_guide(answers: Any) -> None:
    valid_answers(answers)
    expected = guide_answers()
    wrong = sum(answers[key] != expected[key] for key in SKETCHES)
    if wrong:  # how many, not which: naming them would let three guesses solve it
        raise CheckFailed(f"{wrong} of {len(SKETCHES)} answers differ from the decision guide", GUIDE_HINT)


@shipped("11.3-encoder")
def reference_encoder() -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(12)
    pixels = keras.Input(shape=(64,), name="pixels")
    code = layers.Dense(16, activation="relu", name="code")(pixels)
    return keras.Model(pixels, code, name="encoder")


def _no_skip() -> dict[str, np.ndarray]:
    return function_of(reference_skip_mlp(False), X)


grade(
    "11.1",
    function="skip_mlp",
    cases=[(True,), (False,)],
    checks=[*on_first_case(SKIP_CHECKS),
            Check("computes what SkipMLP(skip=False) computes", on_case(1, computes_skip_mlp(False, _no_skip)),
                  hidden=True)],
)

grade(
    "11.2",
    function="choose_api",
    cases=[()],
    checks=[Check("answers every sketch with Sequential, Functional or Subclassing", on_case(0, valid_answers)),
            Check("agrees with the decision guide", on_case(0, agrees_with_guide), points=2)],
)

grade(
    "11.3",
    function="both_modes",
    cases=[(Input("encoder"), Input("x"))],
    inputs={"encoder": reference_encoder, "x": lambda: X},
    checks=[
        Check("in inference, returns the encoder's output unchanged",
              lambda c: inference_is_plain((c.inputs["encoder"], c.value(0)))),
        Check("in training, drops about half of the outputs and doubles the rest",
              lambda c: training_drops_half((c.inputs["encoder"], c.value(0)))),
    ],
)
