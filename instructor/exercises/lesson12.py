"""Lesson 12 · grading: training the baseline and the capstone, another width, another labelling.

The grader trains some answers itself (a few seconds each, fixed seed) and inspects the call graph
with `widgets.architecture_graph`, so a check can name exactly what is missing.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from course.checks import Check, CheckFailed, Input, extend
from course.exercises.lesson12 import (
    DIGIT_MIN,
    EPOCHS,
    ODD_MIN,
    digits,
    encodes_at_width,
    heads_reach_thresholds,
    left_right,
    named_heads,
    reaches_targets,
    targets,
    test_accuracies,
)
from instructor.expectations import shipped


def reference_capstone() -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(12)
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    encoder = layers.Dense(32, activation="relu", name="encoder")
    joined = layers.Concatenate(name="join")([encoder(left), encoder(right)])
    block = layers.Dense(64, activation="relu", name="block")(joined)
    residual = layers.Add(name="residual")([joined, block])
    digit = layers.Dense(10, activation="softmax", name="digit")(residual)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(residual)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd}, name="reference_capstone")


@shipped("12.3-model")
def plain_two_halves() -> Any:
    """What the public check of 12.3 trains: two halves, two heads, but no shared encoder and no skip."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(12)
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    joined = layers.Concatenate(name="join")([left, right])
    hidden = layers.Dense(64, activation="relu", name="hidden")(joined)
    digit = layers.Dense(10, activation="softmax", name="digit")(hidden)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(hidden)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd}, name="two_halves")


def baseline_learns(model: Any) -> None:
    import keras

    (x_train, y_train), (x_test, y_test) = digits()
    keras.utils.set_random_seed(0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x_train, y_train, epochs=EPOCHS, batch_size=32, verbose=0)
    accuracy = float(np.mean(np.argmax(model.predict(x_test, verbose=0), axis=-1) == y_test))
    if accuracy < DIGIT_MIN:
        raise CheckFailed(f"test accuracy after {EPOCHS} epochs is {accuracy:.2f}, below {DIGIT_MIN}",
                          'a hidden layer such as Dense(64, activation="relu") helps.')


def capstone_learns(model: Any) -> None:
    import keras

    named_heads(model)
    (x_train, y_train), _ = digits()
    keras.utils.set_random_seed(0)
    model.compile(optimizer="adam",
                  loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"})
    model.fit(left_right(x_train), targets(y_train), epochs=EPOCHS, batch_size=32, verbose=0)
    heads_reach_thresholds(test_accuracies(model),
                           "the encoder needs enough units (32) and the heads a non-linear layer before them.")


def shifted_labels() -> np.ndarray:
    """Another labelling of the training images (digit d is called d + 1, parity flips): an answer
    that trains on the notebook's own labels instead of the ones it is given cannot learn it."""
    return (digits().y_train + 1) % 10


def learns_given_labels(model: Any) -> None:
    heads_reach_thresholds(test_accuracies(model, shift=1),
                           "train on the `images` and `labels` arguments, not on the notebook's variables.")


extend(
    "12.1",
    checks=[Check(f"reaches {DIGIT_MIN:.0%} test accuracy after {EPOCHS} epochs", baseline_learns, points=2)],
)

extend(
    "12.2",
    cases={"width_8": (8,)},  # the notebook's second case is width 16
    timeout=180,
    checks=[Check(f"both heads learn: digit ≥ {DIGIT_MIN}, is_odd ≥ {ODD_MIN} on the test set after {EPOCHS} "
                  "epochs (fixed seed)", capstone_learns, points=2),
            Check("build_capstone(8) encodes each half to 8 features", encodes_at_width(8), hidden=True,
                  case="width_8")],
)

extend(
    "12.3",
    cases={"shifted_labels": (Input("capstone"), Input("images"), Input("shifted"))},
    inputs={"capstone": reference_capstone, "shifted": shifted_labels},
    checks=[Check("trains a capstone on the images and labels it is given (another labelling)",
                  learns_given_labels, hidden=True, case="shifted_labels")],
)

extend(
    "12.4",
    checks=[Check("trained again with another seed, still reaches both targets", reaches_targets(seed=1),
                  hidden=True)],
)
