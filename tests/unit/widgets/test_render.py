"""widgets.plot_architecture and export: the SVG checked by structure, the PNG against baselines."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import keras
import matplotlib.colors as mcolors
import pytest
import zoo
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.testing.compare import compare_images

import widgets
from course.paths import ROOT
from widgets.style import HIGHLIGHT, SKIP_COLOUR

BASELINES = ROOT / "tests" / "fixtures" / "widget_baselines"
SVG = "{http://www.w3.org/2000/svg}"


def tree(picture):
    return ET.fromstring(picture.svg)


def groups(picture, prefix):
    return [g for g in tree(picture).iter(f"{SVG}g") if g.get("id", "").startswith(prefix)]


def texts(picture):
    return [t.text for t in tree(picture).iter(f"{SVG}text")]


def box_text(picture, layer):
    """The lines of text in the box of `layer`, joined by newlines."""
    for g in groups(picture, "node-"):
        lines = [t.text for t in g.iter(f"{SVG}text")]
        if lines[0] == layer:
            return "\n".join(lines)
    raise KeyError(layer)


def test_one_box_per_call_and_one_arrow_per_edge():
    picture = widgets.plot_architecture(zoo.shared_siamese())
    assert len(groups(picture, "node-")) == 6 and len(groups(picture, "edge-")) == 5
    assert texts(picture).count("shared ×2") == 2
    assert "shared_siamese (functional) · 1,057 params · 1 shared layer" in texts(picture)


def test_every_box_has_a_title_and_the_picture_a_description():
    picture = widgets.plot_architecture(zoo.residual_cnn())
    root = tree(picture)
    assert root.get("role") == "img" and root.get("aria-labelledby").endswith("-desc")
    assert "skip (Add) combines projection and conv_2" in root.find(f"{SVG}desc").text
    titles = [g.find(f"{SVG}title").text for g in groups(picture, "node-")]
    assert len(titles) == 7 and "skip (Add)\nin: (None, 8, 8, 16) + (None, 8, 8, 16)\nout: (None, 8, 8, 16)" in titles
    bundle = picture._repr_mimebundle_()
    assert bundle["text/plain"] == widgets.describe(zoo.residual_cnn()) and bundle["image/svg+xml"] == picture.svg


def test_svg_is_the_same_on_every_run_and_themed_with_light_fallbacks():
    first, second = (widgets.plot_architecture(zoo.wide_and_deep()).svg for _ in range(2))
    assert first == second  # nbval compares image/svg+xml outputs
    assert "var(--jp-layout-color0, #ffffff)" in first and "var(--jp-ui-font-color0, #111111)" in first
    assert 'class="bg"' in first  # an opaque background: legible as an <img> on a dark page
    assert 'fill="var(' not in first  # CSS variables only work in <style>, not in attributes


def test_labels_show_shapes_params_and_dtype_on_request():
    assert box_text(widgets.plot_architecture(zoo.func_mlp(), show_dtype=True), "hidden") == (
        "hidden\nDense 32 · relu\n→ (None, 32)\n2,080 params · float32")
    bare = widgets.plot_architecture(zoo.func_mlp(), show_shapes=False, show_params=False)
    assert box_text(bare, "hidden") == "hidden\nDense 32 · relu"


def test_sequential_is_drawn_with_its_input():
    picture = widgets.plot_architecture(zoo.seq_mlp())
    assert box_text(picture, groups(picture, "node-")[0].find(f"{SVG}text").text).endswith("InputLayer\n(None, 64)")


def test_skip_connections_are_dashed_and_orange():
    picture = widgets.plot_architecture(zoo.residual_mlp())
    skips = [g for g in groups(picture, "edge-") if "skip" in g.get("class").split()]
    assert len(skips) == 1 and f".e.skip path {{stroke: {SKIP_COLOUR}}}" in picture.svg
    assert "stroke-dasharray" in picture.svg
    assert "skip or residual" in " ".join(texts(picture))  # the legend, wrapped to the picture


def test_highlight_marks_the_layer_and_its_inbound_path():
    picture = widgets.plot_architecture(zoo.residual_cnn(), highlight=["skip"])
    red_boxes = [g for g in groups(picture, "node-") if "lit" in g.get("class").split()]
    red_arrows = [g for g in groups(picture, "edge-") if "lit" in g.get("class").split()]
    assert len(red_boxes) == 1 and len(red_arrows) == 5  # image→conv_1→{projection, conv_2}→skip
    assert HIGHLIGHT in picture.svg
    with pytest.raises(ValueError, match="no layer named nope"):
        widgets.plot_architecture(zoo.residual_cnn(), highlight=["nope"])


def test_direction_left_right_is_wider_than_tall():
    width, height = widgets.plot_architecture(zoo.seq_cnn(), direction="LR").size
    assert width > height
    with pytest.raises(ValueError, match="'TB'"):
        widgets.plot_architecture(zoo.seq_cnn(), direction="BT")


def test_unbuilt_and_untraceable_models_still_give_a_picture():
    text = "\n".join(texts(widgets.plot_architecture(zoo.unbuilt_sequential())))
    assert "not built" in text and "keras.Input(shape=...)" in text
    assert "subclassed" in "\n".join(texts(widgets.plot_architecture(zoo.TwoLayers())))


def test_resnet50_is_folded_and_never_a_giant_strip():
    model = zoo.resnet50()
    folded = widgets.plot_architecture(model)
    assert len(groups(folded, "node-")) < 40 and folded.size[1] < 4000
    assert "resnet50 (functional) · 25,636,712 params" in texts(folded)
    full = widgets.plot_architecture(model, fold=False)
    assert len(groups(full, "node-")) == 177 and max(full.size) < 32767


def test_the_svg_path_never_imports_matplotlib():
    """The first picture of a session must not pay for matplotlib (keras itself may import it)."""
    code = (
        "import sys, keras\n"
        "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])\n"
        "for name in [m for m in sys.modules if m.startswith('matplotlib')]:\n"
        "    del sys.modules[name]\n"
        "sys.modules['matplotlib'] = None  # any import of it now fails\n"
        "import widgets\n"
        "bundle = widgets.plot_architecture(model)._repr_mimebundle_()\n"
        "assert bundle['image/svg+xml'].startswith('<svg'), bundle\n"
    )
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]


def test_png_and_pdf_come_from_the_matplotlib_figure():
    figure = widgets.plot_architecture(zoo.shared_siamese()).figure
    boxes = [p for ax in figure.axes for p in ax.patches if isinstance(p, FancyBboxPatch)]
    arrows = [p for ax in figure.axes for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(boxes) == 6 and len(arrows) == 5
    highlighted = widgets.plot_architecture(zoo.residual_cnn(), highlight=["skip"]).figure
    red = [a for ax in highlighted.axes for a in ax.patches
           if isinstance(a, FancyArrowPatch) and mcolors.same_color(a.get_edgecolor(), HIGHLIGHT)]
    assert len(red) == 5


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export(tmp_path, suffix):
    path = widgets.export(zoo.wide_and_deep(), tmp_path / f"model{suffix}")
    assert path.stat().st_size > 1000
    if suffix == ".svg":
        svg = path.read_text()
        assert svg.count('id="node-') == 6 and 'id="edge-0"' in svg and "<title>" in svg


def test_export_refuses_unknown_formats(tmp_path):
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        widgets.export(zoo.seq_mlp(), tmp_path / "model.jpg")


@pytest.mark.parametrize("thing", [keras.layers.Dense(2), "model.keras", None])
def test_non_models_get_a_clear_error(thing):
    with pytest.raises(widgets.NotAModelError, match="expected a Keras model"):
        widgets.plot_architecture(thing)


@pytest.mark.parametrize("name", ["seq_mlp", "shared_siamese", "residual_cnn"])
def test_pictures_match_the_baselines(tmp_path, name):
    keras.backend.clear_session()
    actual = tmp_path / f"{name}.png"
    widgets.plot_architecture(zoo.SMALL[name]()).savefig(actual, dpi=60)
    expected = BASELINES / f"{name}.png"
    if not expected.exists():  # first run on a new picture: write it, then review and commit it
        expected.parent.mkdir(exist_ok=True)
        actual.replace(expected)
        pytest.fail(f"wrote a new baseline {expected.name}; look at it and commit it")
    assert compare_images(str(expected), str(actual), tol=12) is None
