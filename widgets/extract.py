"""`architecture_graph(model)`: a Keras model's call graph, read from Keras's own graph.

The only module that reads Keras's private attributes (`_inbound_nodes`, `_nodes`,
`_keras_history`, `Sequential._functional`, `_inputs_struct`, ...); Keras's own `plot_model`
relies on the same ones. `get_config()` is optional, so custom layers cannot break a picture.
Code generation gets the live layer calls it needs through `wiring(model)`, so it reads no
private attribute either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from widgets.graph import Graph, Node, NotAModelError, topological_order

# Config entries worth showing next to a layer (tooltips, explorer).
CONFIG_KEYS = (
    "units", "activation", "filters", "kernel_size", "strides", "padding", "pool_size", "rate",
    "axis", "target_shape", "num_heads", "output_dim", "input_dim", "epsilon", "momentum", "dims",
)


def check_model(model: Any) -> None:
    """Raise NotAModelError, with a hint, unless `model` is a Keras model."""
    import keras

    if isinstance(model, keras.Model):
        return
    if isinstance(model, keras.layers.Layer):
        hint = (
            f"a single {type(model).__name__} layer is not a model: wrap it, e.g. "
            f"keras.Sequential([keras.Input(shape=...), layer])"
        )
    elif model is None:
        hint = "got None: did a build function forget to `return` the model?"
    elif isinstance(model, (str, bytes)):
        hint = f"got the string {model!r}: load a saved model first with keras.models.load_model(path)"
    else:
        hint = f"got a {type(model).__name__}: pass a keras.Model (Sequential, functional or subclassed)"
    raise NotAModelError(f"expected a Keras model; {hint}")


def _config_summary(op: Any) -> dict:
    """A few readable hyper-parameters, or {} if the layer cannot say (custom layer, no get_config)."""
    try:
        config = op.get_config()
    except Exception:  # custom layers may not implement get_config; the picture must not care
        return {}
    summary = {}
    for key in CONFIG_KEYS:
        if key in config and config[key] is not None:
            value = config[key]
            summary[key] = tuple(value) if isinstance(value, list) else value
    return summary


def _params(op: Any) -> tuple[int, int]:
    if not getattr(op, "built", True) or not hasattr(op, "weights"):
        return 0, 0
    trainable = sum(_size(w) for w in op.trainable_weights)
    total = sum(_size(w) for w in op.weights)
    return total, trainable


def _size(weight: Any) -> int:
    size = 1
    for dim in weight.shape:
        size *= int(dim)
    return size


def _kind(op: Any) -> str:
    import keras

    if isinstance(op, keras.layers.InputLayer):
        return "input"
    if isinstance(op, keras.Model):
        return "model"
    if isinstance(op, keras.layers.Layer):
        return "layer"
    return "op"


def _owner(model: Any) -> Any:
    """The functional graph behind a model: itself, a built Sequential's inner graph, or None."""
    import keras
    from keras.src.models.functional import Functional

    if isinstance(model, keras.Sequential):
        return model._functional  # None while unbuilt
    return model if isinstance(model, Functional) else None


def _is_graph_model(op: Any) -> bool:
    import keras
    from keras.src.models.functional import Functional

    return isinstance(op, (keras.Sequential, Functional))


class _Walker:
    def __init__(self, graph: Graph, expand_nested: bool) -> None:
        self.graph = graph
        self.expand_nested = expand_nested
        self.calls: dict[str, tuple[Any, Any]] = {}  # node id → (live operation, its Keras call node)
        self.counted: dict[int, tuple[int, int]] = {}  # id(layer) → params, to count shared weights once

    def walk(self, owner: Any, path: tuple[str, ...]) -> tuple[list[str], list[str]]:
        """Add `owner`'s calls to the graph; return (input node ids, output node ids) in flat order."""
        from keras.src.ops.function import make_node_key

        prefix = "".join(f"{p}/" for p in path)
        calls_of: dict[int, list[int]] = {}
        for op in owner.operations:
            calls_of[id(op)] = [k for k in range(len(op._inbound_nodes)) if make_node_key(op, k) in owner._nodes]
        # Entry and exit node ids for every kept call: (id(op), global call index) → ids.
        entries: dict[tuple[int, int], list[str]] = {}
        exits: dict[tuple[int, int], list[str]] = {}
        for op in owner.operations:
            calls = calls_of[id(op)]
            for local, k in enumerate(calls):
                node = op._inbound_nodes[k]
                node_id = prefix + op.name + (f"@{local + 1}" if len(calls) > 1 else "")
                if self.expand_nested and _is_graph_model(op):
                    inner_inputs, inner_outputs = self.walk(_owner(op), (*path, node_id))
                    entries[(id(op), k)], exits[(id(op), k)] = inner_inputs, inner_outputs
                    continue
                self._add_node(op, node, node_id, local, len(calls), path)
                entries[(id(op), k)] = exits[(id(op), k)] = [node_id]
        for op in owner.operations:
            for k in calls_of[id(op)]:
                node = op._inbound_nodes[k]
                targets = entries[(id(op), k)]
                for position, tensor in enumerate(node.input_tensors):
                    source_op, source_k, tensor_index = tensor._keras_history
                    if source_op is None:
                        continue
                    sources = exits[(id(source_op), source_k)]
                    source = sources[min(tensor_index, len(sources) - 1)]
                    if len(targets) > 1:  # an expanded nested model: flat input i goes to its input i
                        self._edge(source, targets[min(position, len(targets) - 1)])
                    else:
                        self._edge(source, targets[0])
        inputs = [exits[(id(t._keras_history[0]), t._keras_history[1])][0] for t in owner.inputs]
        outputs = []
        for tensor in owner.outputs:
            op, k, index = tensor._keras_history
            ids = exits[(id(op), k)]
            outputs.append(ids[min(index, len(ids) - 1)])
        if self.expand_nested and path:  # a nested model's inputs are drawn once, by the outer graph
            inputs = self._bypass_inputs(inputs)
        return inputs, outputs

    def _bypass_inputs(self, input_ids: list[str]) -> list[str]:
        """Remove a nested model's InputLayer nodes; return what each input feeds instead."""
        fed = []
        for input_id in input_ids:
            consumers = self.graph.successors(input_id)
            fed.append(consumers[0] if consumers else input_id)
            if consumers:
                del self.graph.nodes[input_id]
                self.graph.edges = [e for e in self.graph.edges if input_id not in e]
        return fed

    def _edge(self, source: str, target: str) -> None:
        if (source, target) not in self.graph.edges:
            self.graph.edges.append((source, target))

    def _add_node(self, op: Any, call: Any, node_id: str, local: int, calls: int, path: tuple[str, ...]) -> None:
        outputs = list(call.output_tensors)
        shapes = [tuple(t.shape) for t in outputs]
        total, trainable = _params(op)
        if id(op) not in self.counted:
            self.counted[id(op)] = (total, trainable)
        self.calls[node_id] = (op, call)
        self.graph.nodes[node_id] = Node(
            id=node_id,
            layer_name=op.name,
            class_name=type(op).__name__,
            kind=_kind(op),
            output_shape=shapes[0] if len(shapes) == 1 else shapes,
            input_shapes=[tuple(t.shape) for t in call.input_tensors],
            dtype=str(outputs[0].dtype) if outputs else None,
            params=total,
            trainable_params=trainable,
            call_index=local,
            calls=calls,
            path=path,
            config=_config_summary(op),
        )


def _output_names(model: Any) -> list[str]:
    """Names of `model.outputs` in their flat order (dict outputs are flattened by sorted key)."""
    struct = getattr(model, "_outputs_struct", None)
    if isinstance(struct, dict):
        key_of = {id(tensor): key for key, tensor in struct.items()}
        return [key_of.get(id(tensor), f"output_{i}") for i, tensor in enumerate(model.outputs)]
    names = list(getattr(model, "output_names", []) or [])
    return names or [f"output_{i}" for i in range(len(model.outputs))]


def _unbuilt_sequential(model: Any) -> Graph:
    graph = Graph(model.name, "Sequential", built=False)
    previous = None
    for layer in model.layers:
        graph.nodes[layer.name] = Node(layer.name, layer.name, type(layer).__name__, _kind(layer),
                                       config=_config_summary(layer))
        if previous:
            graph.edges.append((previous, layer.name))
        previous = layer.name
    if graph.nodes:
        first, last = next(iter(graph.nodes)), previous
        graph.inputs, graph.outputs = [first], [last]
    graph.notes.append(
        "This Sequential model is not built yet, so its shapes and weights are unknown. "
        "Add keras.Input(shape=...) as the first element (or call model.build((None, n)))."
    )
    return graph


def _trace_subclassed(model: Any) -> Any | None:
    """A functional twin of a subclassed model, traced by calling `model.call` on a symbolic input."""
    import keras

    shapes = getattr(model, "_build_shapes_dict", None) or {}
    shape = next(iter(shapes.values()), None) if len(shapes) == 1 else None
    if shape is None or not isinstance(shape, (tuple, list)) or not shape:
        return None
    inputs = keras.Input(batch_shape=(None, *tuple(shape)[1:]), name="input")
    try:
        return keras.Model(inputs, model.call(inputs), name=model.name)
    except Exception:  # Python control flow on tensor values, several inputs, ...: honest fallback
        return None


def architecture_graph(model: Any, expand_nested: bool = False) -> Graph:
    """The call graph of `model`: Sequential, functional, nested, shared, multi-I/O or subclassed.

    `expand_nested=True` draws the layers inside nested models (prefixed `inner/`) instead of one
    node per nested model. Node ids are layer names, with `@k` for the k-th call of a shared layer.
    """
    return _extract(model, expand_nested)[0]


def _extract(model: Any, expand_nested: bool) -> tuple[Graph, dict[str, tuple[Any, Any]]]:
    import keras

    check_model(model)
    owner = _owner(model)
    model_class = type(model).__name__ if not isinstance(model, keras.Sequential) else "Sequential"
    notes = []
    if owner is None and isinstance(model, keras.Sequential):
        return _unbuilt_sequential(model), {}
    if owner is None:  # subclassed
        owner = _trace_subclassed(model)
        if owner is None:
            graph = Graph(model.name, model_class, built=model.built)
            total, trainable = _params(model)
            graph.nodes[model.name] = Node(model.name, model.name, model_class, "model",
                                           params=total, trainable_params=trainable)
            graph.inputs = graph.outputs = [model.name]
            graph.total_params, graph.trainable_params = total, trainable
            why = "it has not been called on data yet" if not model.built else "its call() could not be traced"
            graph.notes.append(
                f"{model_class} is a subclassed model and {why}, so its layers and their wiring are "
                "unknown: its architecture lives in Python code, not in a graph. Shown as one box."
            )
            return graph, {}
        notes.append(f"Traced from {model_class}.call() on a symbolic input; the graph shows what call() did.")
    graph = Graph(model.name, "Functional" if model_class == "Functional" else model_class, notes=notes)
    walker = _Walker(graph, expand_nested)
    graph.inputs, graph.outputs = walker.walk(owner, ())
    for node_id, name in zip(graph.outputs, _output_names(owner)):
        graph.nodes[node_id].output_names.append(name)
    graph.nodes = {node_id: graph.nodes[node_id] for node_id in topological_order(graph.nodes, graph.edges)}
    graph.total_params = sum(total for total, _ in walker.counted.values())
    graph.trainable_params = sum(trainable for _, trainable in walker.counted.values())
    return graph, walker.calls


def as_graph(model: Any, expand_nested: bool = False) -> Graph:
    """`model`'s call graph, or `model` itself when it already is a `Graph`."""
    return model if isinstance(model, Graph) else architecture_graph(model, expand_nested=expand_nested)


@dataclass
class Wiring:
    """A built Sequential or functional model as code generation reads it: its graph, the live layer
    behind each node, and the input and output structure (tensors in the lists or dicts the model
    was built with)."""

    graph: Graph
    calls: dict[str, tuple[Any, Any]]  # node id → (operation, its Keras call node)
    operations: list[Any]  # every operation of the model's own graph, in Keras's order
    inputs: Any
    outputs: Any
    sequential: bool


def wiring(model: Any) -> Wiring | None:
    """The wiring of a built Sequential or functional model; None for an unbuilt Sequential or a
    subclassed model (whose architecture is Python code, not a graph)."""
    import keras

    check_model(model)
    owner = _owner(model)
    if owner is None:
        return None
    graph, calls = _extract(model, expand_nested=False)
    return Wiring(graph, calls, list(owner.operations), owner._inputs_struct, owner._outputs_struct,
                  isinstance(model, keras.Sequential))


def has_graph(op: Any) -> bool:
    """True for a built Sequential or functional model (a nested model that has a graph of its own)."""
    return _owner(op) is not None
