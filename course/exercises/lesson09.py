"""Lesson 09 · Models as layers."""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from course.checks import ALL, Check, CheckFailed, Collected, Exercise, Input, register
from course.exercises import expect, given

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


def config_names(entry: Any) -> list[str]:
    """The names in a compile-config entry (a string, a serialised object, or a list or dict of them),
    lower case without underscores: "sparse_categorical_crossentropy" and
    SparseCategoricalCrossentropy() both give "sparsecategoricalcrossentropy"."""
    if isinstance(entry, (list, tuple)):
        return [name for item in entry for name in config_names(item)]
    if isinstance(entry, dict):
        if "class_name" in entry:
            config = entry.get("config")
            name = config if isinstance(config, str) else entry["class_name"]
            return [str(name).lower().replace("_", "")]
        return [name for item in entry.values() for name in config_names(item)]
    return [] if entry is None else [str(entry).lower().replace("_", "")]


def compiled_for_digits(model: Any, again: str = "") -> None:
    """Compiled with Adam, sparse categorical cross-entropy and an accuracy metric. `again` words
    the advice for a model that must be compiled once more ("again after unfreezing")."""
    config = model.get_compile_config() if getattr(model, "compiled", False) else None
    if not config or getattr(model, "optimizer", None) is None:
        raise CheckFailed("the model is not compiled", f"call model.compile(...) {again or 'after freezing'}, "
                          "then return it.")
    if type(model.optimizer).__name__ != "Adam":
        raise CheckFailed(f"the optimizer is {type(model.optimizer).__name__}, expected Adam",
                          'compile with optimizer="adam" (or keras.optimizers.Adam(...)).')
    loss = config_names(config.get("loss"))
    if loss != ["sparsecategoricalcrossentropy"]:
        raise CheckFailed(f"the loss is {config.get('loss')!r}, not sparse categorical cross-entropy",
                          'integer labels and a softmax head: loss="sparse_categorical_crossentropy".')
    if not any("acc" in name for name in config_names(config.get("metrics"))):
        raise CheckFailed(f"the metrics {config.get('metrics')!r} have no accuracy", 'add metrics=["accuracy"].')


# 09.1 · Freeze and add a head


def head_on_top(model: Any) -> None:
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


def only_head_trainable(collected: Collected) -> None:
    encoder, model = collected.pair("encoder")
    trainable, total = len(model.trainable_weights), len(model.weights)
    if total != len(encoder.weights) + 2:
        raise CheckFailed(f"the model has {total} weight tensors, expected the encoder's {len(encoder.weights)} "
                          "plus the head's kernel and bias")
    if trainable != 2:
        raise CheckFailed(f"{trainable} weight tensors are trainable, expected 2 (the head's kernel and bias)",
                          "set encoder.trainable = False before compiling.")


def keeps_encoder(collected: Collected) -> None:
    encoder, model = collected.pair("encoder")
    inner = nested_models(model)
    if len(inner) != 1:
        raise CheckFailed(f"expected the encoder as one nested model, found {len(inner)}",
                          "call the given encoder on the input, as a layer of the new model.")
    if not collected.given_to_answer(inner[0]):
        raise CheckFailed("the nested encoder is a copy, not the encoder you were given: training the new model "
                          "would not be training (or sharing) that encoder",
                          "reuse the encoder object you are given; don't build, clone or reload a new one.")
    if not weights_equal(inner[0].get_weights(), encoder.get_weights()):
        raise CheckFailed("the nested encoder's weights differ from the trained encoder's",
                          "keep the given encoder's trained weights: don't re-initialise or change them.")


def is_compiled(model: Any) -> None:
    compiled_for_digits(model)


def trains_only_head(model: Any) -> None:
    is_compiled(model)
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


register(Exercise(
    id="09.1",
    title="Freeze and add a head",
    function="freeze_and_extend",
    cases={"default": (Input("encoder"),)},
    inputs={"encoder": partial(given.model, "09-encoder")},
    timeout=300,
    hints=(
        'Use the encoder you are given, as a layer, without copying it.',
        'Freeze the encoder (its trainable attribute), put a Dense(5) softmax head named digit on top, then '
        'compile.',
        'Shape: freeze; pixels = Input; head on encoder(pixels); keras.Model; compile; return.',
    ),
    checks=[
        Check("takes 64 pixels and ends in a Dense(5) softmax head named digit", head_on_top),
        Check("only the head's kernel and bias are trainable", only_head_trainable, case=ALL),
        Check("nests the very encoder object it was given (not a copy), weights unchanged", keeps_encoder, case=ALL),
        # The grader also trains it (`trains_only_head`, 2 points), which checks the same first.
        Check("is compiled with Adam, sparse categorical cross-entropy and accuracy", is_compiled, graded=False),
    ],
))


# 09.2 · Average any number of models


MEMBERS = ("m1", "m2", "m3")  # the shipped models 09.2-m1, 09.2-m2 and 09.2-m3


def members(collected: Collected, names: tuple = MEMBERS) -> list[Any]:
    return [collected.inputs[name] for name in names]


def ensemble_shape(model: Any) -> None:
    expect.functional(model)
    got_in = [tuple(t.shape) for t in model.inputs]
    if got_in != [(None, 64)]:
        raise CheckFailed(f"expected one input of shape (None, 64), got {got_in}",
                          "one keras.Input(shape=(64,)), and every model called on it.")
    expect.output_shape(model, (None, 5))


def ends_in_average(model: Any) -> None:
    import widgets

    graph = widgets.architecture_graph(model)
    last = [graph.nodes[node].class_name for node in graph.outputs]
    if last != ["Average"]:
        raise CheckFailed(f"the output comes from {last}, not from an Average layer",
                          "layers.Average()([m(pixels) for m in models]).")


def averages_members(models: list[Any], model: Any) -> None:
    wanted = np.mean([m.predict(X, verbose=0) for m in models], axis=0)
    got = np.asarray(model.predict(X, verbose=0))
    if got.shape != wanted.shape or not np.allclose(got, wanted, atol=1e-6):
        raise CheckFailed(f"the predictions are not the mean of the {len(models)} models' predictions",
                          "call each given model (not a copy) on the same input, then average.")


def averages_three(collected: Collected) -> None:
    averages_members(members(collected), collected.value())


register(Exercise(
    id="09.2",
    title="Average any number of models",
    function="average_of",
    cases={"default": ([Input(name) for name in MEMBERS],)},
    inputs={name: partial(given.model, f"09.2-{name}") for name in MEMBERS},
    hints=(
        'One input; every model in the list is called on it.',
        'layers.Average takes a list of tensors of the same shape; it works for any number of models.',
        'Shape: pixels = Input(64); Average over [m(pixels) for each model]; keras.Model.',
    ),
    checks=[
        Check("takes 64 pixels and returns 5 probabilities", ensemble_shape),
        Check("ends in a layers.Average", ends_in_average),
        Check("predicts the mean of the models' predictions", averages_three, points=2, case=ALL),
    ],
))


# 09.3 · Ready for fine-tuning


def all_trainable(model: Any) -> None:
    expect.keras_model(model)
    trainable, total = len(model.trainable_weights), len(model.weights)
    if trainable != total:
        raise CheckFailed(f"{trainable} of {total} weight tensors are trainable",
                          'unfreeze the nested encoder itself (its trainable flag, reached through the model '
                          'by its name) before compiling.')


def low_learning_rate(model: Any) -> None:
    # The grader's twin of `encoder_learns` failing: a model saved with the frozen model's trained
    # optimizer reloads with a fresh one, so the grader's loader marks it (`artifacts.stale_optimizer`).
    if getattr(model, "grader_stale_optimizer", False):
        raise CheckFailed("the model still has the optimizer of the frozen model, built for the head's weights only",
                          "compile the model again after unfreezing: setting optimizer.learning_rate is not enough.")
    compiled_for_digits(model, again="again after unfreezing")
    optimizer = model.optimizer
    rate = float(np.asarray(optimizer.learning_rate))
    if not np.isclose(rate, 1e-4, rtol=1e-3):
        raise CheckFailed(f"the learning rate is {rate:g}, expected 1e-4",
                          "compile again with keras.optimizers.Adam(learning_rate=1e-4).")


def encoder_learns(model: Any) -> None:
    encoder = model.get_layer("encoder")
    before = encoder.get_weights()
    x, y = digits_5_to_9()
    try:
        model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    except ValueError as error:
        # TensorFlow and PyTorch: "...originally built with"; JAX: "...the optimizer was built with 2 variables"
        if "originally built with" not in str(error) and "optimizer was built with" not in str(error):
            raise
        raise CheckFailed("fit fails: the optimizer still belongs to the frozen model and cannot update the "
                          "encoder's weights", "compile the model again after unfreezing: compile() makes a new "
                          "optimizer for the new set of trainable weights.") from None
    if weights_equal(before, encoder.get_weights()):
        raise CheckFailed("training did not change the encoder", "unfreeze it, then compile again.")


register(Exercise(
    id="09.3",
    title="Ready for fine-tuning",
    function="prepare_fine_tuning",
    cases={"default": (Input("model"),)},
    inputs={"model": partial(given.model, "09.3-transfer")},
    timeout=300,
    hints=(
        'Two steps: unfreeze, then compile again.',
        'Changing trainable after a fit needs compile(): the old optimizer was built for the frozen weights '
        'only. Fine-tuning uses a small learning rate, passed as learning_rate= (Keras 3).',
        "Shape: the encoder layer's trainable = True; model.compile(optimizer=Adam(...1e-4), loss=..., "
        'metrics=...); return the model.',
    ),
    checks=[
        Check("every weight is trainable again", all_trainable),
        Check("is compiled again with Adam at learning rate 1e-4 (sparse categorical cross-entropy, accuracy)",
              low_learning_rate, points=2),
        Check("fit now changes the encoder", encoder_learns),
    ],
))
