"""The SVG back end and the layers under it (labels, scene, style) on hand-made graphs: no Keras."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from widgets import labels, scene, svg
from widgets.graph import Graph, Node
from widgets.style import HIGHLIGHT, KIND_COLOUR


def tiny() -> Graph:
    graph = Graph("tiny", "Functional", total_params=10, trainable_params=10)
    graph.nodes = {"x": Node("x", "x", "InputLayer", "input", output_shape=(None, 4)),
                   "d": Node("d", "d", "Dense", "layer", output_shape=(None, 2), params=10, trainable_params=10,
                             input_shapes=[(None, 4)], config={"units": 2, "activation": "relu"}),
                   "y": Node("y", "y", "Dense", "layer", output_shape=(None, 1), output_names=["y"])}
    graph.edges = [("x", "d"), ("d", "y"), ("x", "y")]
    graph.inputs, graph.outputs = ["x"], ["y"]
    return graph


def test_text_width_is_a_fixed_table_and_wrap_respects_it():
    assert svg.text_width("ab", 10) == pytest.approx((556 + 556) * 10 / 1000 * svg.SLACK)
    assert svg.text_width("ab", 10, bold=True) > svg.text_width("ab", 10)
    lines = svg.wrap("word " * 60, 300, svg.NOTE_SIZE)
    assert len(lines) > 1 and all(len(line) <= 300 / (svg.NOTE_SIZE * 0.56 * svg.SLACK) for line in lines)
    assert svg.wrap("", 300, 10) == [""]


def test_finish_names_the_picture_by_its_content():
    one, uid = svg.finish("<g/>", "#UID .x {}", 100, 50, "T", "D")
    assert uid.startswith("kt-") and f"#{uid} .x" in one
    assert one == svg.finish("<g/>", "#UID .x {}", 100, 50, "T", "D")[0]
    assert svg.finish("<g></g>", "", 100, 50, "T", "D")[1] != uid
    ET.fromstring(one)  # well-formed XML


def test_architecture_svg_is_well_formed_with_lit_path_skip_and_tooltips():
    picture = svg.architecture_svg(tiny(), "a tiny model", highlight=["d"])
    root = ET.fromstring(picture.svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    edges = {g.get("id"): g.get("class") for g in root.iterfind(".//s:g", ns) if g.get("id", "").startswith("edge")}
    assert sorted(edges.values()) == ["e", "e lit", "e skip"]  # d → y, x → d (lit), x → y (skips d)
    assert "Dashed orange arrows skip" in picture.svg and labels.SKIP_NOTE.startswith("Dashed orange arrows skip")
    assert "in: (None, 4)" in picture.svg and picture.text == "a tiny model"
    assert KIND_COLOUR["layer"] in picture.svg and HIGHLIGHT in picture.svg
    assert picture._repr_mimebundle_() == {"image/svg+xml": picture.svg, "text/plain": "a tiny model"}


def test_interactive_svg_marks_inbound_paths_for_hover_css():
    picture = svg.interactive_svg(tiny(), "kt-test")
    assert 'id="kt-test"' in picture.svg and "a-n2" in picture.svg  # x and d lie on y's inbound path


def test_scene_is_shared_geometry():
    plan = scene.plan(tiny(), highlight=["d"])
    assert plan.lit == {"d"} and plan.lit_path == {"x", "d"} and plan.skips == {("x", "y")}
    assert plan.edge_lit(("x", "d")) and not plan.edge_lit(("d", "y"))
    assert scene.s_curve([(0, 0), (2, 4)], "TB") == [((0, 2), (2, 2), (2, 4))]
    assert scene.s_curve([(0, 0), (2, 4)], "LR") == [((1, 0), (1, 4), (2, 4))]
    with pytest.raises(ValueError, match="direction"):
        scene.plan(tiny(), direction="BT")
    with pytest.raises(ValueError, match="no layer named nope"):
        scene.plan(tiny(), highlight=["nope"])


def test_message_and_card_pictures():
    message = svg.message_picture("Nothing yet.", "Empty", "nothing to draw")
    assert "Nothing yet." in message.svg and message.text == "nothing to draw"
    cards = [svg.Card("1. A", "first", ["a", "│"], "Not answered yet"),
             svg.Card("2. B", "second", ["b"], "✓ Sequential: right", "#00aa00")]
    picture = svg.cards_picture("Heading", cards, "Quiz", "two cards")
    ET.fromstring(picture.svg)
    assert picture.svg.count('<g class="card">') == 2 and 'style="fill:#00aa00"' in picture.svg
