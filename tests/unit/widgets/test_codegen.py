"""widgets.to_code: generated code rebuilds the same config, or says why Sequential cannot."""

import re

import keras
import pytest
import zoo

import widgets
from widgets.codegen import SequentialError

SEQUENTIAL_ABLE = {"seq_mlp", "func_mlp", "seq_cnn", "functional_in_sequential"}


def rebuild(code):
    keras.backend.clear_session()
    namespace = {}
    exec(code, namespace)
    return namespace["model"]


@pytest.mark.parametrize("name", sorted(zoo.SMALL))
def test_functional_code_rebuilds_the_same_model(name):
    keras.backend.clear_session()  # so automatic names (keras.ops nodes) start from zero both times
    model = zoo.SMALL[name]()
    code = widgets.to_code(model, api="functional")
    rebuilt = rebuild(code)
    if isinstance(model, keras.Sequential):  # a different API: compare the layers, not the container
        assert [x.get_config() for x in rebuilt.layers[1:]] == [x.get_config() for x in model.layers]
    else:
        assert rebuilt.get_config() == model.get_config()
    assert rebuilt.count_params() == model.count_params()


@pytest.mark.parametrize("name", sorted(SEQUENTIAL_ABLE))
def test_sequential_code_rebuilds_the_same_layers(name):
    keras.backend.clear_session()
    model = zoo.SMALL[name]()
    rebuilt = rebuild(widgets.to_code(model, api="sequential"))
    assert isinstance(rebuilt, keras.Sequential)
    if isinstance(model, keras.Sequential):
        assert rebuilt.get_config() == model.get_config()
    else:
        assert [x.get_config() for x in rebuilt.layers] == [x.get_config() for x in model.layers[1:]]


@pytest.mark.parametrize("name, reason", [
    ("wide_and_deep", "it has 2 inputs"),
    ("list_outputs", "it has 2 outputs"),
    ("residual_mlp", "feeds 2 layers (a branch)"),
    ("ops_graph", "feeds 2 layers"),
    ("reused_across_models", "is shared (called 2 times)"),
])
def test_sequential_refuses_what_it_cannot_express(name, reason):
    with pytest.raises(SequentialError, match=re.escape(reason)) as error:
        widgets.to_code(zoo.SMALL[name](), api="sequential")
    assert "api='functional'" in str(error.value)


def test_code_reads_like_hand_written_code():
    code = widgets.to_code(zoo.func_mlp())
    assert code == (
        "import keras\nfrom keras import layers\n\n"
        "pixels = keras.Input(shape=(64,), name='pixels')\n"
        "hidden = layers.Dense(32, activation='relu', name='hidden')(pixels)\n"
        "digit = layers.Dense(10, activation='softmax', name='digit')(hidden)\n"
        "model = keras.Model(inputs=pixels, outputs=digit, name='func_mlp')\n"
    )


def test_shared_layer_is_created_once_and_called_twice():
    code = widgets.to_code(zoo.shared_siamese())
    assert code.count("layers.Dense(16") == 1 and "encoder_layer(left)" in code and "encoder_layer(right)" in code


def test_unbuilt_and_subclassed_models_are_refused_with_advice():
    with pytest.raises(ValueError, match="add keras.Input"):
        widgets.to_code(zoo.unbuilt_sequential())
    with pytest.raises(ValueError, match="subclassed"):
        widgets.to_code(zoo.subclassed_called())
    with pytest.raises(ValueError, match="api must be"):
        widgets.to_code(zoo.seq_mlp(), api="graph")
