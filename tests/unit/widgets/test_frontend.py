"""The Python side of the browser fixes: keyboard guard, clickable boxes, the builder's text box
and the themed picture bundle (the browser side: tests/browser/test_widgets_in_lab.py)."""

from __future__ import annotations

import keras
import zoo

import widgets
from widgets.frontend import SAFE, ClickableHTML, KeyboardGuard


def test_every_tool_guards_its_controls():
    tools = [widgets.LayerStackBuilder((64,)), widgets.explore(zoo.seq_mlp()), widgets.ApiQuiz(),
             widgets.LossWeightsExplorer(lambda w: w, heads=("a", "b"))]
    for tool in tools:
        assert SAFE in tool._dom_classes and isinstance(tool.children[-1], KeyboardGuard), type(tool).__name__


def test_the_builder_text_box_never_silently_wins():
    builder = widgets.LayerStackBuilder((64,))
    builder.custom.value = 'layers.Dense(16, activation="tanh")'
    builder.add_button.click()
    assert builder.specs == ['layers.Dense(16, activation="tanh")'] and builder.custom.value == ""
    builder.choice.value = "Dropout(0.2)"
    builder.add_button.click()
    assert builder.specs[-1] == "Dropout(0.2)"
    builder.custom.value = "layers.Dense(8)"
    builder.choice.value = "Dense(10, softmax)"  # picking in the list empties the text box
    assert builder.custom.value == ""
    builder.custom.value = "layers.Nope()"
    builder.add_button.click()  # refused: the text stays, to be corrected
    assert builder.custom.value == "layers.Nope()" and len(builder.specs) == 2


def test_a_click_on_a_box_selects_its_layer_and_a_second_click_clears_it():
    explorer = widgets.explore(zoo.residual_mlp())
    assert isinstance(explorer.picture, ClickableHTML)
    last = len(explorer.graph.nodes) - 1
    explorer.picture.clicked = last
    assert explorer.picker.value == list(explorer.graph.nodes)[-1] and "inbound path" in explorer.details.value
    explorer.picture.clicked = -1
    assert explorer.picker.value is None and explorer.details.value == ""
    explorer.select(list(explorer.graph.nodes)[0])
    assert explorer.picture.clicked == 0


def test_pictures_display_inline_for_the_theme_and_as_svg_for_static_renderers():
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)], name="small")
    for shown in (widgets.plot_architecture(model), widgets.compare(model, model)):
        bundle = shown._repr_mimebundle_()
        assert bundle["text/html"] == bundle["image/svg+xml"] and bundle["text/html"].startswith("<svg")
        assert "var(--jp-layout-color0" in bundle["text/html"]
