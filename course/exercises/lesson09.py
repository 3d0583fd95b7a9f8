"""Lesson 09 · Models as layers."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from course.checks import Check, CheckFailed, Exercise, Input, on_first_case, register
from course.exercises import expect

X = np.random.default_rng(9).random((16, 64), dtype=np.float32)


def digits_5_to_9(count: int = 50) -> tuple[np.ndarray, np.ndarray]:
    """The first `count` training images of digits 5-9, labelled 0-4 (as in the lesson)."""
    from course import data

    (x_train, y_train), _ = data.load_digits()
    high = y_train >= 5
    return x_train[high][:count], y_train[high][:count] - 5


def nested_models(model: Any) -> list[Any]:
    import keras

    return [layer for layer in model.layers if isinstance(layer, keras.Model)]


def weights_equal(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return len(a) == len(b) and all(x.shape == y.shape and np.array_equal(x, y) for x, y in zip(a, b))


# 09.1 · Freeze and add a head


def reference_encoder() -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(9)
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(32, activation="relu", name="embed")],
                            name="encoder")


def head_on_top(pair: tuple) -> None:
    _, model = pair
    expect.functional(model)
    got_in = [tuple(t.shape) for t in model.inputs]
    if got_in != [(None, 64)]:
        raise CheckFailed(f"expected one input of shape (None, 64), got {got_in}",
                          "start from keras.Input(shape=(64,)).")
    expect.output_shape(model, (None, 5))
    try:
        head = model.get_layer("digit")
    except ValueError:
        raise CheckFailed("no layer named 'digit'", 'name the head layers.Dense(5, ..., name="digit").') from None
    activation = getattr(head.activation, "__name__", str(head.activation))
    if activation != "softmax":
        raise CheckFailed(f"the head uses {activation}, expected softmax")


def only_head_trainable(pair: tuple) -> None:
    encoder, model = pair
    trainable, total = len(model.trainable_weights), len(model.weights)
    if total != len(encoder.weights) + 2:
        raise CheckFailed(f"the model has {total} weight tensors, expected the encoder's {len(encoder.weights)} "
                          "plus the head's kernel and bias")
    if trainable != 2:
        raise CheckFailed(f"{trainable} weight tensors are trainable, expected 2 (the head's kernel and bias)",
                          "set encoder.trainable = False before compiling.")


def keeps_encoder(pair: tuple) -> None:
    encoder, model = pair
    inner = nested_models(model)
    if len(inner) != 1:
        raise CheckFailed(f"expected the encoder as one nested model, found {len(inner)}",
                          "call the given encoder on the input: features = encoder(pixels).")
    if not weights_equal(inner[0].get_weights(), encoder.get_weights()):
        raise CheckFailed("the nested encoder's weights differ from the trained encoder's",
                          "reuse the encoder you are given; don't build or clone a new one.")


def is_compiled(pair: tuple) -> None:
    if not getattr(pair[1], "compiled", False):
        raise CheckFailed("the model is not compiled", "call model.compile(...) after freezing, then return it.")


def trains_only_head(pair: tuple) -> None:
    _, model = pair
    is_compiled(pair)
    inner = nested_models(model)
    if len(inner) != 1:
        raise CheckFailed("no single nested encoder to watch")
    x, y = digits_5_to_9()
    encoder_before = inner[0].get_weights()
    head_before = model.get_layer("digit").get_weights()
    model.fit(x, y, epochs=2, batch_size=16, verbose=0)
    if not weights_equal(encoder_before, inner[0].get_weights()):
        raise CheckFailed("training changed the encoder", "freeze it (trainable = False), then compile.")
    if weights_equal(head_before, model.get_layer("digit").get_weights()):
        raise CheckFailed("training did not change the head")


FREEZE_CHECKS = [
    Check("takes 64 pixels and ends in a Dense(5) softmax head named digit", head_on_top),
    Check("only the head's kernel and bias are trainable", only_head_trainable),
    Check("reuses the given encoder with its trained weights", keeps_encoder),
    Check("is compiled, and fit changes the head but not the encoder", trains_only_head, points=2),
]


register(Exercise(
    id="09.1",
    title="Freeze and add a head",
    prepare=expect.with_reference(reference_encoder),
    public=[*FREEZE_CHECKS[:3], Check("is compiled", is_compiled)],  # the grader also trains it
    function="freeze_and_extend",
    cases=[(Input("encoder"),)],
    inputs={"encoder": reference_encoder},
    timeout=300,
    grading=[Check(c.description, expect.on_input("encoder", c.test), c.points, c.hidden) for c in FREEZE_CHECKS],
))


# 09.2 · Average any number of models


def member(seed: int) -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(seed)
    pixels = keras.Input(shape=(64,), name="pixels")
    hidden = layers.Dense(8, activation="relu", name="hidden")(pixels)
    return keras.Model(pixels, layers.Dense(5, activation="softmax", name="digit")(hidden), name=f"member_{seed}")


def reference_members() -> list:
    return [member(seed) for seed in (1, 2, 3)]


def ensemble_shape(pair: tuple) -> None:
    _, model = pair
    expect.functional(model)
    got_in = [tuple(t.shape) for t in model.inputs]
    if got_in != [(None, 64)]:
        raise CheckFailed(f"expected one input of shape (None, 64), got {got_in}",
                          "one keras.Input(shape=(64,)), and every model called on it.")
    expect.output_shape(model, (None, 5))


def ends_in_average(pair: tuple) -> None:
    import widgets

    _, model = pair
    graph = widgets.architecture_graph(model)
    last = [graph.nodes[node].class_name for node in graph.outputs]
    if last != ["Average"]:
        raise CheckFailed(f"the output comes from {last}, not from an Average layer",
                          "layers.Average()([m(pixels) for m in models]).")


def averages_members(pair: tuple) -> None:
    models, model = pair
    wanted = np.mean([m.predict(X, verbose=0) for m in models], axis=0)
    got = np.asarray(model.predict(X, verbose=0))
    if got.shape != wanted.shape or not np.allclose(got, wanted, atol=1e-6):
        raise CheckFailed(f"the predictions are not the mean of the {len(models)} models' predictions",
                          "call each given model (not a copy) on the same input, then average.")


ENSEMBLE_CHECKS = [
    Check("takes 64 pixels and returns 5 probabilities", ensemble_shape),
    Check("ends in a layers.Average", ends_in_average),
    Check("predicts the mean of the models' predictions", averages_members, points=2),
]


def graded_ensemble(test: Callable[[tuple], None], index: int, names: tuple) -> Callable[[Any], None]:
    return lambda collected: test(([collected.inputs[name] for name in names], collected.value(index)))


THREE, TWO = ("m1", "m2", "m3"), ("m1", "m2")

register(Exercise(
    id="09.2",
    title="Average any number of models",
    prepare=expect.with_reference(reference_members),
    public=ENSEMBLE_CHECKS,
    function="average_of",
    cases=[([Input(name) for name in THREE],), ([Input(name) for name in TWO],)],
    inputs={"m1": lambda: member(1), "m2": lambda: member(2), "m3": lambda: member(3)},
    grading=[Check(c.description, graded_ensemble(c.test, 0, THREE), c.points) for c in ENSEMBLE_CHECKS]
    + [Check("works for two models", graded_ensemble(averages_members, 1, TWO), hidden=True)],
))


# 09.3 · Ready for fine-tuning


def reference_transfer() -> Any:
    import keras
    from keras import layers

    # A functional encoder: a frozen Sequential reloads from a .keras file with `trainable` True on
    # the model and False on its layers (Keras 3.15), and setting True again is then a no-op.
    keras.utils.set_random_seed(9)
    inner = keras.Input(shape=(64,), name="encoder_pixels")
    encoder = keras.Model(inner, layers.Dense(32, activation="relu", name="embed")(inner), name="encoder")
    encoder.trainable = False
    pixels = keras.Input(shape=(64,), name="pixels")
    model = keras.Model(pixels, layers.Dense(5, activation="softmax", name="digit")(encoder(pixels)),
                        name="transfer")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


def all_trainable(model: Any) -> None:
    expect.keras_model(model)
    trainable, total = len(model.trainable_weights), len(model.weights)
    if trainable != total:
        raise CheckFailed(f"{trainable} of {total} weight tensors are trainable",
                          'set model.get_layer("encoder").trainable = True.')


def low_learning_rate(model: Any) -> None:
    optimizer = getattr(model, "optimizer", None)
    if not getattr(model, "compiled", False) or optimizer is None:
        raise CheckFailed("the model is not compiled", "compile it again after unfreezing.")
    if type(optimizer).__name__ != "Adam":
        raise CheckFailed(f"the optimizer is {type(optimizer).__name__}, expected Adam")
    rate = float(np.asarray(optimizer.learning_rate))
    if not np.isclose(rate, 1e-4, rtol=1e-3):
        raise CheckFailed(f"the learning rate is {rate:g}, expected 1e-4",
                          "compile again with keras.optimizers.Adam(learning_rate=1e-4).")


def encoder_learns(model: Any) -> None:
    encoder = model.get_layer("encoder")
    before = encoder.get_weights()
    x, y = digits_5_to_9()
    model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    if weights_equal(before, encoder.get_weights()):
        raise CheckFailed("training did not change the encoder", "unfreeze it, then compile again.")


FINE_TUNE_CHECKS = [
    Check("every weight is trainable again", all_trainable),
    Check("is compiled again with Adam at learning rate 1e-4", low_learning_rate, points=2),
    Check("fit now changes the encoder", encoder_learns),
]

register(Exercise(
    id="09.3",
    title="Ready for fine-tuning",
    prepare=lambda answer: answer(reference_transfer()),
    public=FINE_TUNE_CHECKS[:2],  # the grader also trains it
    function="prepare_fine_tuning",
    cases=[(Input("model"),)],
    inputs={"model": reference_transfer},
    timeout=300,
    grading=on_first_case(FINE_TUNE_CHECKS),
))
