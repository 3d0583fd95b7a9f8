"""widgets.plot_architecture and export: checked by structure, plus a few image comparisons."""

from pathlib import Path

import keras
import matplotlib.colors as mcolors
import pytest
import zoo
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.testing.compare import compare_images

import widgets
from widgets.render import HIGHLIGHT, SKIP_COLOUR

BASELINES = Path(__file__).parent / "baseline"


def boxes(figure):
    return {p.get_gid(): p for ax in figure.axes for p in ax.patches if isinstance(p, FancyBboxPatch)}


def arrows(figure):
    return [p for ax in figure.axes for p in ax.patches if isinstance(p, FancyArrowPatch)]


def texts(figure):
    return [t.get_text() for ax in figure.axes for t in ax.texts]


def test_one_box_per_call_and_one_arrow_per_edge():
    figure = widgets.plot_architecture(zoo.shared_siamese())
    assert len(boxes(figure)) == 6 and len(arrows(figure)) == 5
    assert texts(figure).count(" shared ×2") == 2
    assert "shared_siamese (functional) · 1,057 params · 1 shared layer" in texts(figure)


def test_labels_show_shapes_params_and_dtype_on_request():
    text = "\n".join(texts(widgets.plot_architecture(zoo.func_mlp(), show_dtype=True)))
    assert "Dense 32 · relu\n→ (None, 32)\n2,080 params · float32" in text
    bare = "\n".join(texts(widgets.plot_architecture(zoo.func_mlp(), show_shapes=False, show_params=False)))
    assert "(None, 32)" not in bare and "params\n" not in bare


def test_sequential_is_drawn_with_its_input():
    text = texts(widgets.plot_architecture(zoo.seq_mlp()))
    assert "InputLayer\n(None, 64)" in text


def test_skip_connections_are_dashed_and_orange():
    figure = widgets.plot_architecture(zoo.residual_mlp())
    skips = [a for a in arrows(figure) if mcolors.same_color(a.get_edgecolor(), SKIP_COLOUR)]
    assert len(skips) == 1 and skips[0].get_linestyle() != "-"
    assert any("skip or residual" in t for t in texts(figure))


def test_highlight_marks_the_layer_and_its_inbound_path():
    figure = widgets.plot_architecture(zoo.residual_cnn(), highlight=["skip"])
    red_boxes = [g for g, p in boxes(figure).items() if mcolors.same_color(p.get_edgecolor(), HIGHLIGHT)]
    red_arrows = [a for a in arrows(figure) if mcolors.same_color(a.get_edgecolor(), HIGHLIGHT)]
    assert len(red_boxes) == 1 and len(red_arrows) == 5  # image→conv_1→{projection, conv_2}→skip
    with pytest.raises(ValueError, match="no layer named nope"):
        widgets.plot_architecture(zoo.residual_cnn(), highlight=["nope"])


def test_direction_left_right_is_wider_than_tall():
    width, height = widgets.plot_architecture(zoo.seq_cnn(), direction="LR").get_size_inches()
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
    assert len(boxes(folded)) < 40 and folded.get_size_inches()[1] < 40
    assert "resnet50 (functional) · 25,636,712 params" in texts(folded)
    full = widgets.plot_architecture(model, fold=False)
    assert len(boxes(full)) == 177 and max(full.get_size_inches()) * 100 < 32767


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_export(tmp_path, suffix):
    path = widgets.export(zoo.wide_and_deep(), tmp_path / f"model{suffix}")
    assert path.stat().st_size > 1000
    if suffix == ".svg":
        svg = path.read_text()
        assert svg.count('id="node-') == 6 and 'id="edge-0"' in svg


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
