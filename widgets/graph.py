"""The architecture of a model as a graph of layer *calls* (one node per call), and its algorithms.

Plain data: no Keras import, no live Keras object (`widgets.extract` builds a `Graph` from a
model). Calls rather than layers keep the graph acyclic: a shared layer called twice is two nodes
of one `shared` group, never a self-loop.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable


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


class NotAModelError(TypeError):
    """`architecture_graph` was given something that is not a Keras model."""


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
