"""The architecture of a Keras model as a graph of layer *calls*: one node per call.

This is the only module that reads Keras's private graph attributes (`_inbound_nodes`, `_nodes`,
`_keras_history`, `Sequential._functional`); Keras's own `plot_model` relies on the same ones.
Calls rather than layers keep the graph acyclic: a shared layer called twice is two nodes of one
`shared` group, never a self-loop. `get_config()` is never needed, so custom layers cannot break it.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

# Config entries worth showing next to a layer (tooltips, explorer).
CONFIG_KEYS = (
    "units", "activation", "filters", "kernel_size", "strides", "padding", "pool_size", "rate",
    "axis", "target_shape", "num_heads", "output_dim", "input_dim", "epsilon", "momentum", "dims",
)


@dataclass
class Node:
    """One call of a layer (or a `keras.ops` operation, an input, a nested model)."""

    id: str
    layer_name: str
    class_name: str
    kind: str  # "input", "layer", "op", "model" (a nested model kept whole) or "block" (folded)
    output_shape: Any = None  # a tuple, a list of tuples for several outputs, None when unknown
    input_shapes: list = field(default_factory=list)
    dtype: str | None = None
    params: int = 0
    trainable_params: int = 0
    call_index: int = 0  # which call of this layer in this model (0 = first)
    calls: int = 1  # how many times this layer is called in the graph
    path: tuple[str, ...] = ()  # enclosing nested models, outermost first
    config: dict = field(default_factory=dict)
    output_names: list[str] = field(default_factory=list)  # model outputs this node produces
    members: list[str] = field(default_factory=list)  # folded blocks: the layers inside

    @property
    def shared(self) -> bool:
        return self.calls > 1

    @property
    def shared_group(self) -> str | None:
        """The layer (path-qualified) whose weights all calls of a shared layer use."""
        return "/".join((*self.path, self.layer_name)) if self.shared else None

    def shape_text(self, shape: Any = None) -> str:
        shape = self.output_shape if shape is None else shape
        if shape is None:
            return "?"
        if isinstance(shape, list):
            return ", ".join(_shape_text(s) for s in shape)
        return _shape_text(shape)


def _shape_text(shape: Any) -> str:
    return "(" + ", ".join("None" if d is None else str(d) for d in shape) + (",)" if len(shape) == 1 else ")")


@dataclass
class Graph:
    """Nodes in topological order, edges between node ids, and what a picture needs to say."""

    name: str
    model_class: str  # "Sequential", "Functional", or the subclass name
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str]] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    built: bool = True
    notes: list[str] = field(default_factory=list)
    total_params: int = 0
    trainable_params: int = 0
    # node id → (live operation, its Keras call node); for code generation and the explorer.
    calls: dict[str, tuple[Any, Any]] = field(default_factory=dict, repr=False, compare=False)

    def predecessors(self, node_id: str) -> list[str]:
        return [s for s, t in self.edges if t == node_id]

    def successors(self, node_id: str) -> list[str]:
        return [t for s, t in self.edges if s == node_id]

    def ancestors(self, node_id: str) -> set[str]:
        """Every node on a path into `node_id` (its inbound path)."""
        parents = defaultdict(list)
        for source, target in self.edges:
            parents[target].append(source)
        seen, stack = set(), [node_id]
        while stack:
            for parent in parents[stack.pop()]:
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen

    def shared_groups(self) -> dict[str, list[str]]:
        groups = defaultdict(list)
        for node in self.nodes.values():
            if node.shared:
                groups[node.shared_group].append(node.id)
        return dict(groups)

    def layer_edges(self) -> set[tuple[str, str]]:
        """Edges between layer names (calls merged), the level `plot_model` draws."""
        name = {n.id: n.layer_name for n in self.nodes.values()}
        return {(name[s], name[t]) for s, t in self.edges}

    def is_linear(self) -> bool:
        """True when data flows along one line: what a Sequential model can express."""
        return sequential_obstacle(self) is None


def sequential_obstacle(graph: Graph) -> str | None:
    """Why `graph` cannot be a Sequential model, or None if it can."""
    if len(graph.inputs) > 1:
        return f"it has {len(graph.inputs)} inputs"
    if len(graph.outputs) > 1:
        return f"it has {len(graph.outputs)} outputs"
    for node in graph.nodes.values():
        if node.shared:
            return f"layer {node.layer_name!r} is shared (called {node.calls} times)"
        if node.kind == "op":
            return f"{node.layer_name!r} is a keras.ops operation, not a layer"
        if len(graph.predecessors(node.id)) > 1:
            return f"layer {node.layer_name!r} merges {len(graph.predecessors(node.id))} branches"
        if len(graph.successors(node.id)) > 1:
            return f"the output of {node.layer_name!r} feeds {len(graph.successors(node.id))} layers (a branch)"
    return None


class NotAModelError(TypeError):
    """`architecture_graph` was given something that is not a Keras model."""


def _check_model(model: Any) -> None:
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
        self.graph.calls[node_id] = (op, call)
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
    import keras

    _check_model(model)
    owner = _owner(model)
    model_class = type(model).__name__ if not isinstance(model, keras.Sequential) else "Sequential"
    notes = []
    if owner is None and isinstance(model, keras.Sequential):
        return _unbuilt_sequential(model)
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
            return graph
        notes.append(f"Traced from {model_class}.call() on a symbolic input; the graph shows what call() did.")
    graph = Graph(model.name, "Functional" if model_class == "Functional" else model_class, notes=notes)
    walker = _Walker(graph, expand_nested)
    graph.inputs, graph.outputs = walker.walk(owner, ())
    for node_id, name in zip(graph.outputs, _output_names(owner)):
        graph.nodes[node_id].output_names.append(name)
    graph.nodes = {node_id: graph.nodes[node_id] for node_id in topological_order(graph.nodes, graph.edges)}
    graph.total_params = sum(total for total, _ in walker.counted.values())
    graph.trainable_params = sum(trainable for _, trainable in walker.counted.values())
    return graph


def topological_order(nodes: Iterable[str], edges: list[tuple[str, str]]) -> list[str]:
    """Kahn's algorithm, stable: ties keep the given order (Keras's depth order)."""
    order = list(nodes)
    rank = {n: i for i, n in enumerate(order)}
    indegree = {n: 0 for n in order}
    children = defaultdict(list)
    for source, target in edges:
        indegree[target] += 1
        children[source].append(target)
    ready = [(rank[n], n) for n in order if indegree[n] == 0]
    heapq.heapify(ready)
    result = []
    while ready:
        _, node = heapq.heappop(ready)
        result.append(node)
        for child in children[node]:
            indegree[child] -= 1
            if indegree[child] == 0:
                heapq.heappush(ready, (rank[child], child))
    if len(result) != len(order):
        raise ValueError("the model graph has a cycle, which Keras graphs cannot have")
    return result


def block_key(layer_name: str) -> str | None:
    """The repeated-block a layer belongs to, from Keras applications' naming: `conv2_block1_1_conv`
    → `conv2_block1`, `block_3_expand` → `block_3`. None for names with fewer than three parts."""
    parts = layer_name.split("_")
    return "_".join(parts[:2]) if len(parts) >= 3 else None


def fold_blocks(graph: Graph, min_size: int = 3) -> Graph:
    """A smaller graph where each repeated block (layers sharing a name prefix) is one node.

    A block is folded only if it is convex (no path leaves it and comes back), so the folded graph
    stays acyclic and its edges are exactly the original edges between blocks.
    """
    groups: dict[str, list[str]] = defaultdict(list)
    for node in graph.nodes.values():
        key = block_key(node.layer_name)
        if key and node.kind not in ("input",) and not node.output_names:
            groups[key].append(node.id)
    children = defaultdict(list)
    for source, target in graph.edges:
        children[source].append(target)
    member_of = {}
    for key, members in groups.items():
        if len(members) >= min_size and _convex(set(members), children):
            member_of.update({m: key for m in members})
    if not member_of:
        return graph
    folded = Graph(graph.name, graph.model_class, built=graph.built, notes=list(graph.notes),
                   total_params=graph.total_params, trainable_params=graph.trainable_params)
    for node in graph.nodes.values():
        key = member_of.get(node.id)
        if key is None:
            folded.nodes[node.id] = node
        elif key not in folded.nodes:
            folded.nodes[key] = Node(key, key, "block", "block", path=node.path, members=[])
        if key is not None:
            block = folded.nodes[key]
            block.members.append(node.layer_name)
            merges = {"Add": "residual", "Concatenate": "concatenation"}
            if node.class_name in merges and merges[node.class_name] not in block.config.values():
                block.config[f"merge_{len(block.config)}"] = merges[node.class_name]
            block.params += node.params
            block.trainable_params += node.trainable_params
            block.output_shape, block.dtype = node.output_shape, node.dtype  # the last (topological) one
    for source, target in graph.edges:
        edge = (member_of.get(source, source), member_of.get(target, target))
        if edge[0] != edge[1] and edge not in folded.edges:
            folded.edges.append(edge)
    folded.inputs = [member_of.get(n, n) for n in graph.inputs]
    folded.outputs = [member_of.get(n, n) for n in graph.outputs]
    for block in folded.nodes.values():
        if block.kind == "block":
            block.class_name = " · ".join([f"block of {len(block.members)} layers", *block.config.values()])
            block.config = {}
    folded.notes.append(f"{len(set(member_of.values()))} repeated blocks folded; fold=False shows every layer.")
    return folded


def _convex(members: set[str], children: dict[str, list[str]]) -> bool:
    """No path from the block to outside and back into it."""
    outside = [c for m in members for c in children[m] if c not in members]
    seen = set()
    while outside:
        node = outside.pop()
        if node in seen:
            continue
        seen.add(node)
        for child in children[node]:
            if child in members:
                return False
            outside.append(child)
    return True
