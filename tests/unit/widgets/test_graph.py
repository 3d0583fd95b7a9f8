"""widgets.architecture_graph: one node per call, checked against Keras's own model_to_dot."""

import keras
import pytest
import zoo
from keras import layers

import widgets
from widgets.graph import NotAModelError


def keras_layer_edges(model):
    """Layer-name edges of keras.utils.model_to_dot (pydot only, no Graphviz binary needed)."""
    dot = keras.utils.model_to_dot(model, show_layer_names=True)
    ops = model.layers if isinstance(model, keras.Sequential) else model.operations
    name_of = {str(id(op)): op.name for op in ops}
    return {(name_of[e.get_source()], name_of[e.get_destination()]) for e in dot.get_edges()}


def our_layer_edges(model):
    graph = widgets.architecture_graph(model)
    edges = graph.layer_edges()
    if isinstance(model, keras.Sequential):  # plot_model leaves a Sequential's input out; we draw it
        input_name = graph.nodes[graph.inputs[0]].layer_name
        edges = {e for e in edges if e[0] != input_name}
    return edges


@pytest.fixture(scope="module")
def applications():
    keras.backend.clear_session()
    return {name: build() for name, build in zoo.APPLICATIONS.items()}


@pytest.mark.parametrize("name", sorted(zoo.SMALL))
def test_edges_match_model_to_dot(name):
    keras.backend.clear_session()
    model = zoo.SMALL[name]()
    assert our_layer_edges(model) == keras_layer_edges(model)


@pytest.mark.parametrize("name", sorted(zoo.APPLICATIONS))
def test_edges_match_model_to_dot_on_applications(applications, name):
    model = applications[name]
    ours = our_layer_edges(model)
    assert ours == keras_layer_edges(model)
    assert len(ours) > 150


@pytest.mark.parametrize("name", sorted(zoo.SMALL) + sorted(zoo.APPLICATIONS))
def test_shared_weights_are_counted_once(name, applications):
    model = applications[name] if name in applications else zoo.SMALL[name]()
    assert widgets.architecture_graph(model).total_params == model.count_params()


def test_sequential_includes_its_input():
    graph = widgets.architecture_graph(zoo.seq_mlp())
    first = graph.nodes[graph.inputs[0]]
    assert first.kind == "input" and first.output_shape == (None, 64)
    assert list(graph.nodes)[1:] == ["hidden", "digit"]
    assert graph.edges == [(graph.inputs[0], "hidden"), ("hidden", "digit")]


def test_node_fields():
    node = widgets.architecture_graph(zoo.func_mlp()).nodes["hidden"]
    assert (node.layer_name, node.class_name, node.output_shape, node.params) == ("hidden", "Dense", (None, 32), 2080)
    assert node.config == {"units": 32, "activation": "relu"}
    assert node.input_shapes == [(None, 64)]


def test_a_shared_layer_gives_one_node_per_call_in_one_group():
    graph = widgets.architecture_graph(zoo.shared_siamese())
    assert graph.shared_groups() == {"encoder": ["encoder@1", "encoder@2"]}
    assert graph.predecessors("encoder@1") == ["left"] and graph.predecessors("encoder@2") == ["right"]
    assert set(graph.predecessors("difference")) == {"encoder@1", "encoder@2"}
    assert graph.nodes["encoder@2"].params == 1040 and graph.total_params == 1040 + 17


def test_ops_are_nodes():
    graph = widgets.architecture_graph(zoo.ops_graph())
    kinds = {n.class_name: n.kind for n in graph.nodes.values()}
    assert kinds["Relu"] == kinds["Add"] == kinds["Multiply"] == "op"


def test_only_this_models_calls_appear():
    graph = widgets.architecture_graph(zoo.reused_across_models())
    assert [n.id for n in graph.nodes.values()] == ["mine", "reused@1", "reused@2", "out"]


def test_multi_io_names():
    graph = widgets.architecture_graph(zoo.dict_io())
    assert sorted(graph.inputs) == ["body", "title"]
    assert {graph.nodes[o].output_names[0] for o in graph.outputs} == {"priority", "department"}
    assert graph.nodes["priority"].output_names == ["priority"]


def test_nested_models_are_one_node_or_expanded():
    model = zoo.nested_siamese()
    collapsed = widgets.architecture_graph(model)
    assert collapsed.nodes["encoder@1"].kind == "model" and collapsed.nodes["encoder@1"].shared
    expanded = widgets.architecture_graph(model, expand_nested=True)
    assert "encoder@1/embed" in expanded.nodes and "encoder@2/embed" in expanded.nodes
    assert expanded.predecessors("encoder@1/embed") == ["left"]
    assert set(expanded.predecessors("join")) == {"encoder@1/embed", "encoder@2/embed"}
    assert expanded.total_params == model.count_params()
    assert not any(n.kind == "input" and n.path for n in expanded.nodes.values())


def test_functional_nested_in_sequential_expands():
    graph = widgets.architecture_graph(zoo.functional_in_sequential(), expand_nested=True)
    assert graph.predecessors("block/inner_dense") == ["first"]
    assert graph.successors("block/inner_dense") == ["head"]


def test_unbuilt_sequential_has_unknown_shapes_and_a_hint():
    graph = widgets.architecture_graph(zoo.unbuilt_sequential())
    assert not graph.built and [n.output_shape for n in graph.nodes.values()] == [None, None]
    assert "keras.Input(shape=...)" in graph.notes[0]


def test_subclassed_model_is_traced():
    graph = widgets.architecture_graph(zoo.subclassed_called())
    assert [n.layer_name for n in graph.nodes.values()] == ["input", "hidden", "out"]
    assert "Traced" in graph.notes[0]
    assert graph.total_params == zoo.subclassed_called().count_params()


def test_untraceable_subclassed_model_is_one_node_with_a_reason():
    graph = widgets.architecture_graph(zoo.TwoLayers())  # never called: no input shape to trace with
    assert list(graph.nodes) == ["two_layers"] and "not been called" in graph.notes[0]


def test_custom_layer_without_get_config_still_draws():
    class Apply(layers.Layer):
        def __init__(self, function):
            super().__init__(name="apply")
            self.function = function

        def call(self, x):
            return self.function(x)

    inputs = keras.Input(shape=(3,), name="x")
    model = keras.Model(inputs, Apply(lambda x: x * 2)(inputs), name="custom")
    with pytest.raises(NotImplementedError):
        model.get_config()
    graph = widgets.architecture_graph(model)
    assert list(graph.nodes) == ["x", "apply"]


@pytest.mark.parametrize("thing, message", [
    (layers.Dense(3), "single Dense layer is not a model"),
    ("model.keras", "load a saved model first"),
    (None, "forget to `return`"),
    (42, "got a int"),
])
def test_non_models_get_a_clear_error(thing, message):
    with pytest.raises(NotAModelError, match=message):
        widgets.architecture_graph(thing)


@pytest.mark.parametrize("name, linear", [("seq_mlp", True), ("func_mlp", True), ("seq_cnn", True),
                                          ("wide_and_deep", False), ("shared_siamese", False),
                                          ("residual_mlp", False), ("list_outputs", False), ("ops_graph", False)])
def test_linearity(name, linear):
    assert widgets.architecture_graph(zoo.SMALL[name]()).is_linear() == linear
