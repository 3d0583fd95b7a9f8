"""Interactive tools, tested without a browser or a kernel: state, callbacks, messages."""

import re

import keras
import numpy as np
import pytest
import zoo
from keras import layers

import widgets
from widgets.explorer import selection_css


def test_explorer_highlights_the_inbound_path_of_the_chosen_layer():
    explorer = widgets.explore(zoo.residual_cnn())
    assert repr(explorer) == "Explorer('residual_cnn', 7 nodes)"
    assert explorer.inbound_path("skip") == ["image", "conv_1", "projection", "conv_2"]
    explorer.select("skip")
    assert explorer.picker.value == "skip"
    index = list(explorer.graph.nodes).index("skip")
    assert selection_css(explorer.uid, index) in explorer.picture.value
    assert f"#{explorer.uid} .a-n{index} path" in selection_css(explorer.uid, index)
    assert "in: (None, 8, 8, 16) + (None, 8, 8, 16)" in explorer.details.value
    explorer.picker.value = None  # as a learner would, from the dropdown
    assert explorer.details.value == ""


def test_explorer_svg_carries_tooltips_and_path_classes():
    explorer = widgets.explore(zoo.shared_siamese())
    svg = explorer.picture.value
    assert svg.count("<title>") == 6 and "shared: call 2 of 2, same weights" in svg
    same = list(explorer.graph.nodes).index("same")
    edges_into_same = re.findall(rf'<g id="edge-\d+" class="[^"]*\ba-n{same}\b', svg)
    assert len(edges_into_same) == 5  # every edge lies on the inbound path of the output
    assert ":hover" in svg and "Date" not in svg


def test_explorer_refuses_unknown_layers():
    with pytest.raises(ValueError, match="no layer call 'nope'"):
        widgets.explore(zoo.seq_mlp()).select("nope")


def test_builder_adds_pops_and_shows_keras_errors():
    builder = widgets.LayerStackBuilder((64,))
    assert builder.add("Dense(32, relu)") and builder.add("Dense(10, softmax)")
    assert builder.model.count_params() == 64 * 32 + 32 + 330
    assert "dense_2 (Dense)" in builder.summary.value and "<svg" in builder.picture.value
    assert not builder.add("Conv2D(8, 3, relu)")
    assert "expected min_ndim=4, found ndim=2" in builder.error and "Keras refused" in builder.message.value
    assert builder.specs == ["Dense(32, relu)", "Dense(10, softmax)"]  # the stack is unchanged
    assert builder.pop() and builder.specs == ["Dense(32, relu)"]
    builder.reset()
    assert builder.specs == [] and not builder.pop()


def test_builder_buttons_and_custom_layers():
    builder = widgets.LayerStackBuilder((8, 8, 1))
    builder.choice.value = "Flatten()"
    builder.add_button.click()
    builder.custom.value = 'layers.Dense(3, activation="tanh", name="t")'
    builder.add_button.click()
    assert builder.specs == ["Flatten()", 'layers.Dense(3, activation="tanh", name="t")']
    assert builder.model.get_layer("t").activation.__name__ == "tanh"
    builder.pop_button.click()
    assert builder.specs == ["Flatten()"]
    assert not builder.add("keras.ops.ones((2,))") and "not a layer" in builder.error
    assert not builder.add("layers.Dense(") and "could not make a layer" in builder.error


def test_builder_checks_its_input_shape():
    with pytest.raises(TypeError, match=r"shape must be a tuple of ints such as \(64,\)"):
        widgets.LayerStackBuilder(64)


def tiny_regression():
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1, name="out")])
    model.compile(optimizer="adam", loss="mse", metrics=["mae"])
    return model, np.random.rand(32, 4).astype("float32"), np.random.rand(32, 1).astype("float32")


def test_live_curves_redraw_during_fit():
    model, x, y = tiny_regression()
    curves = widgets.LiveCurves(every=3)
    model.fit(x, y, epochs=7, validation_split=0.25, verbose=0, callbacks=[curves])
    assert len(curves.history["loss"]) == 7 and "val_mae" in curves.history
    assert curves.redraws == 3  # after epochs 3 and 6, and at the end for epoch 7
    assert curves.shown_metrics() == ("loss", "mae")
    assert curves.output.outputs[-1]["data"]["text/plain"].startswith("<Figure")
    with pytest.raises(ValueError, match="positive number"):
        widgets.LiveCurves(every=0)


def two_heads_trainer(weights):
    keras.utils.set_random_seed(0)
    inputs = keras.Input(shape=(4,), name="x")
    trunk = layers.Dense(8, activation="relu", name="trunk")(inputs)
    model = keras.Model(inputs, {"a": layers.Dense(1, name="a")(trunk), "b": layers.Dense(1, name="b")(trunk)})
    model.compile(optimizer="adam", loss={"a": "mse", "b": "mse"}, loss_weights=weights)
    x = np.random.rand(64, 4).astype("float32")
    model.fit(x, {"a": x[:, :1], "b": x[:, 1:2]}, epochs=2, verbose=0)
    scores = model.evaluate(x, {"a": x[:, :1], "b": x[:, 1:2]}, verbose=0, return_dict=True)
    return {"a": scores["a_loss"], "b": scores["b_loss"]}


def test_loss_weights_explorer_records_the_trade_off():
    explorer = widgets.LossWeightsExplorer(two_heads_trainer, heads=("a", "b"), score_name="loss")
    assert explorer.weights(0.3) == {"a": 0.3, "b": 0.7}
    runs = explorer.sweep([0.0, 1.0])
    assert sorted(runs) == [0.0, 1.0] and set(runs[0.0]) == {"a", "b"}
    assert len(explorer.figure().axes[0].lines) == 2
    assert "w = 1.0" in explorer.status.value
    with pytest.raises(ValueError, match="between 0 and 1"):
        explorer.run(1.5)
    broken = widgets.LossWeightsExplorer(lambda w: {"a": 1.0}, heads=("a", "b"))
    with pytest.raises(KeyError, match="missing \\['b'\\]"):
        broken.run(0.5)


def test_widgets_display_a_deterministic_picture_of_their_state():
    """Besides the widget view: a picture and a sentence that nbval compares and static renders show."""
    first, second = (widgets.explore(zoo.residual_cnn())._repr_mimebundle_() for _ in range(2))
    assert first["image/svg+xml"] == second["image/svg+xml"] and first["text/plain"] == second["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in first
    assert first["text/plain"].startswith("Architecture explorer. residual_cnn: a functional model")
    explorer = widgets.explore(zoo.residual_cnn())
    explorer.select("skip")
    chosen = explorer._repr_mimebundle_()
    assert chosen["image/svg+xml"] != first["image/svg+xml"] and "Chosen layer: skip (Add)" in chosen["text/plain"]

    builder = widgets.LayerStackBuilder((64,))
    assert builder._repr_mimebundle_()["text/plain"] == "Layer-stack builder: input shape (64,), no layers yet."
    assert "<svg" in builder._repr_mimebundle_()["image/svg+xml"]
    builder.add("Dense(32, relu)")
    assert not builder.add("Conv2D(8, 3, relu)")
    text = builder._repr_mimebundle_()["text/plain"]
    assert "1 layer on input shape (64,): Dense(32, relu)" in text and "Keras refused the last layer" in text

    quiz = widgets.ApiQuiz()
    quiz.answer(0, "Functional")
    bundle = quiz._repr_mimebundle_()
    assert "1. A small CNN: answered Functional (works)" in bundle["text/plain"]
    assert bundle["image/svg+xml"].count('class="card"') == 2 * len(quiz.items)  # a <g> and a <rect> per item

    trade_off = widgets.LossWeightsExplorer(lambda w: {"a": w["a"], "b": 1.0}, heads=("a", "b"))
    assert trade_off._repr_mimebundle_()["image/png"][:4] == b"\x89PNG"  # "no runs yet" still draws
    trade_off.run(0.5)
    assert trade_off._repr_mimebundle_()["text/plain"].endswith("runs at w = 0.5.")


def test_live_curves_describe_themselves_the_same_before_and_after_training():
    model, x, y = tiny_regression()
    curves = widgets.LiveCurves(every=3)
    model.fit(x, y, epochs=1, verbose=0, callbacks=[curves])  # sets params, as fit does before the first display
    before = curves.text()
    model.fit(x, y, epochs=1, verbose=0, callbacks=[curves])
    assert curves.text() == before == (
        "Live training curves (training): the loss and every compiled metric over 1 epoch, redrawn every 3 epochs; "
        "the picture shows the last redraw.")
