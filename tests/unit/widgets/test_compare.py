"""widgets.compare: the 'same model, two ways' picture and its structural diff."""

import keras
import zoo
from keras import layers

import widgets


def narrower_mlp():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(16, activation="relu", name="hidden"),
                             layers.Dense(10, activation="softmax", name="digit")], name="narrow")


def test_sequential_and_functional_twins_are_the_same():
    keras.backend.clear_session()
    result = widgets.compare(zoo.seq_mlp(), zoo.func_mlp())
    assert result.same
    assert repr(result) == (
        "Same architecture: seq_mlp and func_mlp have the same 2 layers in the same order and wiring, "
        "the same output shapes and 2,410 parameters.\nOnly names differ for: input_layer / pixels."
    )


def test_differences_are_named():
    result = widgets.compare(zoo.seq_mlp(), narrower_mlp())
    assert not result.same
    assert ("step 2: hidden (Dense → (None, 32), 2,080 params) vs hidden (Dense → (None, 16), 1,040 params)"
            in repr(result))
    assert "parameters: 2,410 vs 1,210" in repr(result)


def test_missing_layers_and_wiring_are_reported():
    result = widgets.compare(zoo.residual_mlp(), zoo.func_mlp())
    assert any("only in residual_mlp" in d for d in result.differences)


def test_displays_as_text_and_picture():
    bundle = widgets.compare(zoo.seq_mlp(), zoo.func_mlp())._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Same architecture")
    assert bundle["image/svg+xml"].startswith("<svg") and "seq_mlp vs func_mlp: same architecture" in bundle[
        "image/svg+xml"]
    assert bundle["image/svg+xml"].count('id="a-node-') == 3 and bundle["image/svg+xml"].count('id="b-node-') == 3


def test_the_matplotlib_figure_is_drawn_on_request():
    result = widgets.compare(zoo.seq_mlp(), zoo.func_mlp())
    assert result._figure is None and len(result.figure.axes) == 2
