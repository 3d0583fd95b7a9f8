"""Lesson 11 · grading: SkipMLP without the skip, the guide's answers; the shipped encoder of 11.3."""

from __future__ import annotations

from typing import Any

import numpy as np

from course.checks import Check
from course.exercises.lesson11 import SKETCHES, X, computes_skip_mlp, digest
from instructor.exercises import grading
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


grading(
    "11.1",
    cases=[(False,)],
    checks=[Check("computes what SkipMLP(skip=False) computes", computes_skip_mlp(False, _no_skip),
                  hidden=True, case=1)],
)
