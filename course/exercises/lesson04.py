"""Lesson 04 · Training does not care which API built the model."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed, Exercise, Input, register
from course.exercises import expect, given

N_FEATURES = 30


def loss_name(model: Any) -> str:
    loss = model.loss
    return loss if isinstance(loss, str) else getattr(loss, "name", type(loss).__name__)


def takes_features(n_features: int) -> Callable[[Any], None]:
    def test(model: Any) -> None:
        expect.built(model)
        got = [tuple(t.shape) for t in model.inputs]
        if got != [(None, n_features)]:
            raise CheckFailed(f"expected one input of shape (None, {n_features}), got {got}",
                              "start with keras.Input(shape=(n_features,)), using the argument.")
        expect.output_shape(model, (None, 1))
    return test


def activation_name(layer: Any) -> str:
    return getattr(layer.activation, "__name__", str(layer.activation))


def hidden_and_output(model: Any) -> None:
    dense = [(layer.units, activation_name(layer)) for layer in model.layers if type(layer).__name__ == "Dense"]
    if dense != [(16, "relu"), (1, "sigmoid")]:
        shown = ", ".join(f"Dense({units}, {activation})" for units, activation in dense) or "none"
        raise CheckFailed(f"the Dense layers are {shown}; expected Dense(16, relu) then Dense(1, sigmoid)",
                          'one hidden layers.Dense(16, activation="relu"), then a 1-unit sigmoid output.')


def compiled_binary(model: Any) -> None:
    if getattr(model, "optimizer", None) is None or not model.compiled:
        raise CheckFailed("the model is not compiled", "call model.compile(...) before returning it.")
    if "binary_crossentropy" not in loss_name(model).lower().replace(" ", "_"):
        raise CheckFailed(f"the loss is {loss_name(model)!r}",
                          'a single sigmoid output needs loss="binary_crossentropy".')
    if type(model.optimizer).__name__ != "Adam":
        raise CheckFailed(f"the optimizer is {type(model.optimizer).__name__}", 'use optimizer="adam".')


def learns_the_tumours(model: Any) -> None:
    import keras

    from course import data

    (x_train, y_train), (x_test, y_test) = data.load_breast_cancer()
    keras.utils.set_random_seed(0)
    model.fit(x_train, y_train, epochs=20, batch_size=32, verbose=0)
    scores = model.evaluate(x_test, y_test, verbose=0, return_dict=True)
    if "accuracy" not in scores:
        raise CheckFailed(f"evaluate reports {sorted(scores)}, no accuracy", 'add metrics=["accuracy"] to compile.')
    if scores["accuracy"] < 0.9:
        raise CheckFailed(f"test accuracy after 20 epochs is {scores['accuracy']:.2f}, below 0.90",
                          "check the output activation (sigmoid) and the loss.")


register(Exercise(
    id="04.1",
    title="A compiled binary classifier",
    function="build_binary_classifier",
    cases={"default": (N_FEATURES,)},
    timeout=300,
    hints=(
        'Build the model as in lesson 01, then compile it before returning it.',
        'One probability needs a 1-unit sigmoid output and binary cross-entropy; Keras 3 optimizers take '
        'learning_rate= (not lr=), or just the string "adam".',
        'Shape: Input(n_features) → Dense(16, relu) → Dense(1, sigmoid); keras.Model; compile with optimizer,'
        ' loss and metrics=["accuracy"]; return.',
    ),
    checks=[
        Check("returns a functional model", expect.functional),
        Check("takes 30 features and outputs one probability", takes_features(N_FEATURES)),
        Check("has one hidden Dense(16, relu) layer and a sigmoid output", hidden_and_output),
        Check("is compiled with Adam and binary cross-entropy", compiled_binary),
        Check("reaches 90 % test accuracy on the tumours in 20 epochs", learns_the_tumours, points=2),
    ],
))


def early_stopping_config(callback: Any) -> None:
    # Live in the kernel it is the callback; in the grader, its saved class name and attributes.
    name = getattr(callback, "class_name", type(callback).__name__)
    if name != "EarlyStopping":
        raise CheckFailed(f"expected a keras.callbacks.EarlyStopping, got {name}")
    wanted = {"monitor": "val_loss", "patience": 5, "restore_best_weights": True}
    got = {key: getattr(callback, key) for key in wanted}
    if got != wanted:
        differ = {k: got[k] for k in wanted if got[k] != wanted[k]}
        raise CheckFailed(f"these settings differ: {differ}", f"expected {wanted}.")


register(Exercise(
    id="04.2",
    title="Configure early stopping",
    function="make_early_stopping",
    hints=(
        'Look at the arguments of keras.callbacks.EarlyStopping.',
        "Watch the validation loss, wait 5 epochs without improvement, and go back to the best epoch's "
        'weights. Pass every setting by keyword: the second positional argument is min_delta, not patience.',
        'Shape: return EarlyStopping(monitor=..., patience=..., restore_best_weights=...).',
    ),
    checks=[Check("watches val_loss, waits 5 epochs, restores the best weights", early_stopping_config)],
))


def labels_match(kind: str) -> Callable[[Any], None]:
    """The answer's labels against the ones shipped for the `kind` model ("binary" or "three") on x."""
    def test(got: Any) -> None:
        expected = given.arrays("04.3-labels")[kind]
        got = np.asarray(got)
        if got.shape != expected.shape:
            raise CheckFailed(f"expected a 1-D array of {expected.shape[0]} labels, got shape {got.shape}",
                              "one label per row: index [:, 0] for one output, argmax(axis=-1) for several.")
        if not np.issubdtype(got.dtype, np.integer):
            raise CheckFailed(f"labels should be integers, got {got.dtype}", "use .astype(int).")
        if not np.array_equal(got, expected):
            raise CheckFailed(f"{int(np.sum(got != expected))} of {len(got)} labels are wrong")
    return test


register(Exercise(
    id="04.3",
    title="From probabilities to labels",
    function="predict_labels",
    cases={"binary": (Input("binary"), Input("x")), "three": (Input("three"), Input("x"))},
    inputs={"binary": partial(given.model, "04.3-binary"), "three": partial(given.model, "04.3-three"),
            "x": lambda: given.arrays("04.3-labels")["x"]},
    hints=(
        'predict gives probabilities: one column for a sigmoid output, several for softmax.',
        'One column: compare with 0.5. Several: take the index of the largest. Either way one integer per '
        'row.',
        'Shape: the probabilities from predict (quietly); if they have one column threshold that column, '
        'else argmax over the last axis; make the result integers.',
    ),
    checks=[
        Check("thresholds a single sigmoid output at 0.5", labels_match("binary"), case="binary"),
        Check("takes the most likely of several softmax units", labels_match("three"), case="three"),
    ],
))
