"""widgets.describe: the architecture in plain words, the text alternative of every picture."""

import keras
import zoo

import widgets


def test_inputs_outputs_and_merges_with_shapes():
    assert widgets.describe(zoo.wide_and_deep()) == (
        "wide_and_deep: a functional model with 4 layers; 406 parameters.\n"
        "2 inputs: wide, shape (None, 5); deep, shape (None, 6).\n"
        "Output: target (Dense), shape (None, 1).\n"
        "Merges (1): join (Concatenate) combines wide and hidden_2."
    )


def test_a_sequential_stack_is_one_path():
    text = widgets.describe(zoo.seq_cnn())
    assert text.startswith("seq_cnn: a Sequential model with 5 layers; ")
    assert "Data flows along one path: " in text and "→ conv → pool → flatten → dropout → digit." in text


def test_branches_skips_and_several_outputs():
    residual = widgets.describe(zoo.residual_mlp())
    assert "Branches (1): stem feeds block_1 and skip." in residual
    assert "Skip connections (1): stem → skip (around 2 layers)." in residual
    heads = widgets.describe(zoo.list_outputs())
    assert "2 outputs: digit (Dense), shape (None, 10); is_odd (Dense), shape (None, 1)." in heads


def test_shared_layers_are_counted_once_and_nested_models_named():
    siamese = widgets.describe(zoo.shared_siamese())
    assert "3 layers (4 calls); 1,057 parameters." in siamese
    assert "Shared layer: encoder (Dense) is called 2 times with one set of weights (1,040 parameters" in siamese
    nested = widgets.describe(zoo.nested_siamese())
    assert nested.count("Nested model: encoder (Sequential) with 1,040 parameters, drawn as one box.") == 1
    assert "is expanded: 1 layer drawn inside it." in widgets.describe(zoo.nested_siamese(), expand_nested=True)


def test_ops_unbuilt_and_subclassed_models():
    keras.backend.clear_session()  # keras.ops nodes take default names, numbered by a global counter
    assert "keras.ops operations (3): relu, add and multiply." in widgets.describe(zoo.ops_graph())
    assert "shapes and parameters unknown until it is built" in widgets.describe(zoo.unbuilt_sequential())
    assert "Traced from TwoLayers.call()" in widgets.describe(zoo.subclassed_called())
    assert widgets.describe(zoo.TwoLayers()).startswith(
        "two_layers: a subclassed model (TwoLayers) whose layers are not known from outside")


def test_resnet50_stays_a_paragraph():
    text = widgets.describe(zoo.resnet50())
    assert text.startswith(
        "resnet50: a functional model with 176 layers; 25,636,712 parameters (25,583,592 trainable).")
    assert "Skip connections (16): " in text and "and 13 more." in text
    assert len(text) < 2000
