"""Reusable expectations for exercise checks: each raises `CheckFailed` with a hint."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed

KERAS_INPUT_HINT = "start the model with `keras.Input(shape=(64,))` so Keras builds it at once."


def keras_model(value: Any) -> Any:
    import keras

    if not isinstance(value, keras.Model):
        raise CheckFailed(
            f"expected a keras model, got {type(value).__name__}",
            "return the model itself (not its summary, a layer or a list of layers).",
        )
    return value


def sequential(value: Any) -> None:
    import keras

    if not isinstance(keras_model(value), keras.Sequential):
        raise CheckFailed(
            f"expected a keras.Sequential, got {type(value).__name__}",
            "build it with keras.Sequential([...]) or keras.Sequential() and .add().",
        )


def functional(value: Any) -> None:
    import keras

    model = keras_model(value)
    if isinstance(model, keras.Sequential):
        raise CheckFailed(
            "this is a Sequential model, not a functional one",
            "start from `inputs = keras.Input(...)`, call each layer on the previous result, "
            "then return `keras.Model(inputs, outputs)`.",
        )
    if type(model).__name__ != "Functional":  # what keras.Model(inputs, outputs) returns
        raise CheckFailed(
            f"expected a functional model, got a {type(model).__name__} (a subclassed model)",
            "build a graph: `keras.Model(inputs, outputs)` with `inputs = keras.Input(...)`.",
        )


def built(model: Any) -> None:
    if not keras_model(model).built:
        raise CheckFailed("the model is not built: it has no weights yet", KERAS_INPUT_HINT)


def param_count(model: Any, expected: int) -> None:
    built(model)
    got = model.count_params()
    if got != expected:
        raise CheckFailed(
            f"expected {expected:,} parameters, got {got:,}",
            "compare model.summary() with the layer sizes the exercise asks for.",
        )


def counts_like_keras(table: dict[tuple, Any], function: str, layer_for: Callable[..., tuple[Any, tuple]],
                      hint: str) -> None:
    """The answer's parameter counts (`table`: arguments → what it returned) against Keras's own:
    `layer_for(*arguments)` gives the layer and the input shape to build it on."""
    for args, got in table.items():
        layer, shape = layer_for(*args)
        layer.build(shape)
        if got != layer.count_params():
            raise CheckFailed(f"{function}({', '.join(map(str, args))}) returned {got!r}; Keras counts "
                              f"{layer.count_params()}", hint)


def in_case(call: str, hint: str, *tests: Callable[[Any], Any]) -> Callable[[Any], None]:
    """One test that runs `tests` on the value another case returned, stopping at the first failure,
    which then names the call (`call`, as the learner would write it) and starts with `hint`: a
    public check that an answer works beyond the notebook's own arguments."""
    def test(value: Any) -> None:
        try:
            for each in tests:
                each(value)
        except CheckFailed as failure:
            raise CheckFailed(f"{call}: {failure.message}",
                              "; ".join(part.rstrip(".") for part in (hint, failure.hint) if part) + ".") from None
    return test


def output_shape(model: Any, expected: tuple) -> None:
    built(model)
    got = tuple(model.outputs[0].shape)
    if got != expected:
        raise CheckFailed(f"expected output shape {expected}, got {got}")


def same_function(reference: dict[str, np.ndarray], model: Any) -> None:
    """`model` computes what a reference computes: given the reference's weights (`w0`, `w1`, ...),
    it predicts `reference["y"]` for `reference["x"]` (all shipped as data, see `given`)."""
    weights = [reference[f"w{i}"] for i in range(sum(k.startswith("w") and k[1:].isdigit() for k in reference))]
    ref_shapes = [w.shape for w in weights]
    got_shapes = [w.shape for w in model.get_weights()]
    if ref_shapes != got_shapes:
        raise CheckFailed(
            f"weight shapes differ: expected {ref_shapes}, got {got_shapes}",
            "use the same layers, in the same order, with the same sizes.",
        )
    model.set_weights(weights)
    if not np.allclose(reference["y"], model.predict(reference["x"], verbose=0), atol=1e-5):
        raise CheckFailed(
            "with the same weights, the predictions differ",
            "check each layer's activation and the order of the layers.",
        )


def all_of(checks: list[Check]) -> Callable[[Any], None]:
    """One test that runs `checks` on the same value, stopping at the first that fails (hidden cases)."""
    def test(value: Any) -> None:
        for check in checks:
            check.test(value)
    return test


# Open exercises: the learner chooses the architecture; every answer gets the same training budget.

def at_most_params(model: Any, limit: int) -> str:
    """Passes with a note when the (built) model has at most `limit` parameters."""
    built(model)
    got = model.count_params()
    if got > limit:
        raise CheckFailed(f"{got:,} parameters, more than the {limit:,} allowed",
                          "use fewer or narrower layers; model.summary() shows where the parameters are.")
    return f"{got:,} parameters (at most {limit:,})"


def train_fresh(model: Any, x: Any, y: Any, *, loss: Any, metrics: Any, epochs: int, batch_size: int,
                learning_rate: float = 1e-2, seed: int = 0) -> Any:
    """A copy of `model` with fresh weights (from `seed`), compiled with Adam(`learning_rate`) and
    trained for `epochs`: every answer gets the same budget, whatever it was trained on before, and
    the learner's own model is left as it was."""
    import keras

    keras.utils.set_random_seed(seed)
    fresh = keras.models.clone_model(keras_model(model))
    fresh.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate), loss=loss, metrics=metrics)
    fresh.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0)
    return fresh
