"""Lesson 11 · grading: SkipMLP without the skip; the decision guide as a rule, and combinations the lesson
never shows; the shipped encoder of 11.3."""

from __future__ import annotations

from typing import Any

import numpy as np

from course import guide
from course.checks import ALL, Check, CheckFailed, extend, numbered
from course.exercises.lesson11 import NEEDS, SCENARIOS, X, computes_skip_mlp, digest, scenario_key, valid_pair
from instructor.expectations import function_of, shipped


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


# Exercise 11.2: the answers are the decision guide's own function (`course.guide`, the one statement of the
# guide that lesson 11's table, the quiz and the start page are also written from), not a second copy.
guide_choice = guide.choose


@shipped("11.2-guide")
def guide_digests() -> dict:
    return {part: {scenario_key(needs): digest(part, needs, guide_choice(needs)[index]) for needs in SCENARIOS}
            for index, part in enumerate(("api", "custom"))}


# Combinations the lesson never shows (one is a public scenario in another order): a table of the
# public answers misses them, a rule that follows the guide does not.
HELD_OUT = (
    ("several outputs", "a computation with its own weights that Keras lacks"),
    ("a model used as a layer", "data-dependent Python control flow in the forward pass"),
    ("several inputs", "wiring that differs per sample"),
    ("built-in layers that act differently in training", "its own training-only computation"),
    ("a skip connection", "built-in layers that act differently in training",
     "a computation with its own weights that Keras lacks"),
    ("a plain stack", "a model used as a layer", "built-in layers that act differently in training"),
    ("a shared layer", "a model used as a layer"),
    ("several outputs", "a skip connection", "data-dependent Python control flow in the forward pass"),
    ("a shared layer", "a computation with its own weights that Keras lacks", "wiring that differs per sample"),
    ("its own training-only computation", "a computation with its own weights that Keras lacks"),
    ("its own training-only computation", "a skip connection"),
    ("a model used as a layer", "several outputs", "built-in layers that act differently in training"),
)
assert set(HELD_OUT).isdisjoint(SCENARIOS) and set().union(*HELD_OUT) <= set(NEEDS)


def held_out_agree(index: int, what: str) -> Any:
    def test(collected: Any) -> None:
        table = collected.table(public=False)
        wrong = sum(valid_pair(needs, result)[index] != guide_choice(needs)[index]
                    for (needs,), result in table.items())
        if wrong:
            raise CheckFailed(f"{wrong} of {len(table)} combinations the lesson does not show get another {what} "
                              "than the decision guide gives")
    return test


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


extend(
    "11.1",
    cases={"no_skip": (False,)},
    checks=[Check("computes what SkipMLP(skip=False) computes", computes_skip_mlp(False, _no_skip),
                  hidden=True, case="no_skip")],
)

extend(
    "11.2",
    cases=numbered("held_out", [(needs,) for needs in HELD_OUT]),
    checks=[Check("chooses the guide's model API for combinations the lesson does not show",
                  held_out_agree(0, "model API"), hidden=True, case=ALL),
            Check("names the guide's class of your own for combinations the lesson does not show",
                  held_out_agree(1, "custom class"), hidden=True, case=ALL)],
)
