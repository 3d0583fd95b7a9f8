"""`describe(model)`: an architecture in plain words, the text alternative of every picture.

Screen readers, `text/plain` outputs and static renders that cannot show a picture all get the
same sentences: inputs and outputs with their shapes, the path data takes, branches, merges,
skips, shared layers, nested models and the parameter count. Long lists are cut to a few
examples so a ResNet50 stays a paragraph, not a page.
"""

from __future__ import annotations

from typing import Any

from widgets.extract import as_graph
from widgets.graph import Graph, Node, sequential_obstacle
from widgets.layout import assign_ranks

SHOWN = 3  # examples per list before "and N more"


def _listing(items: list[str], shown: int = SHOWN) -> str:
    if len(items) > shown + 1:
        items = items[:shown] + [f"{len(items) - shown} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _kind(graph: Graph) -> str:
    if graph.model_class == "Sequential":
        return "Sequential model"
    if graph.model_class == "Functional":
        return "functional model"
    return f"subclassed model ({graph.model_class})"


def _layer(node: Node) -> str:
    return f"{node.layer_name} ({node.class_name})"


def describe_graph(graph: Graph) -> str:
    """The description of an already extracted graph (see `describe`)."""
    nodes = graph.nodes
    layers = [n for n in nodes.values() if n.kind != "input"]
    distinct = {n.shared_group or n.id for n in layers}
    calls = f" ({_plural(len(layers), 'call')})" if len(layers) != len(distinct) else ""
    if graph.built:
        params = f"{graph.total_params:,} parameters"
        if graph.trainable_params != graph.total_params:
            params += f" ({graph.trainable_params:,} trainable)"
    else:
        params = "shapes and parameters unknown until it is built"
    if len(nodes) == 1 and layers and layers[0].kind == "model":  # an untraceable subclassed model: one opaque box
        return "\n".join([f"{graph.name}: a {_kind(graph)} whose layers are not known from outside; {params}."]
                         + graph.notes)
    lines = [f"{graph.name}: a {_kind(graph)} with {_plural(len(distinct), 'layer')}{calls}; {params}."]

    def io(ids: list[str], word: str) -> str:
        shown = []
        for node_id in ids:
            node = nodes[node_id]
            label = node.layer_name if node.kind == "input" else _layer(node)
            shape = f", shape {node.shape_text()}" if graph.built else ""
            named = [n for n in node.output_names if n != node.layer_name] if word == "output" else []
            shown.append((f"{named[0]} from " if named else "") + label + shape)
        head = word.capitalize() if len(ids) == 1 else f"{len(ids)} {word}s"
        return f"{head}: " + "; ".join(shown) + "."

    if graph.inputs:
        lines.append(io(graph.inputs, "input"))
    if graph.outputs:
        lines.append(io(graph.outputs, "output"))
    if len(nodes) > 1 and sequential_obstacle(graph) is None:
        names = [n.layer_name for n in nodes.values()]
        path = names if len(names) <= 8 else names[:4] + ["…"] + names[-2:]
        lines.append("Data flows along one path: " + " → ".join(path) + ".")

    successors: dict[str, list[str]] = {n: [] for n in nodes}
    predecessors: dict[str, list[str]] = {n: [] for n in nodes}
    for source, target in graph.edges:
        successors[source].append(target)
        predecessors[target].append(source)
    name = {node_id: node.layer_name for node_id, node in nodes.items()}
    branches = [f"{name[n]} feeds {_listing([name[t] for t in ts], 4)}" for n, ts in successors.items() if len(ts) > 1]
    if branches:
        lines.append(f"Branches ({len(branches)}): " + _listing(branches) + ".")
    merges = [f"{_layer(nodes[n])} combines {_listing([name[s] for s in ss], 4)}"
              for n, ss in predecessors.items() if len(ss) > 1]
    if merges:
        lines.append(f"Merges ({len(merges)}): " + _listing(merges) + ".")
    rank = assign_ranks(list(nodes), graph.edges)
    skips = [f"{name[s]} → {name[t]} (around {_plural(rank[t] - rank[s] - 1, 'layer')})"
             for s, t in graph.edges if rank[t] - rank[s] > 1 and nodes[s].kind != "input"]
    if skips:
        lines.append(f"Skip connections ({len(skips)}): " + _listing(skips) + ".")
    for group, members in graph.shared_groups().items():
        node = nodes[members[0]]
        lines.append(f"Shared layer: {_layer(node)} is called {node.calls} times with one set of weights "
                     f"({node.params:,} parameters, counted once).")
    nested = {n.layer_name: n for n in nodes.values() if n.kind == "model" and len(nodes) > 1}  # 1: opaque subclass
    for node in nested.values():
        lines.append(f"Nested model: {_layer(node)} with {node.params:,} parameters, drawn as one box.")
    inner = sorted({n.path[0] for n in nodes.values() if n.path})
    for outer in inner:
        count = sum(n.path[:1] == (outer,) for n in nodes.values())
        lines.append(f"Nested model {outer} is expanded: {_plural(count, 'layer')} drawn inside it.")
    ops = [n.layer_name for n in nodes.values() if n.kind == "op"]
    if ops:
        lines.append(f"keras.ops operations ({len(ops)}): " + _listing(ops) + ".")
    return "\n".join(lines + graph.notes)


def describe(model: Any, *, expand_nested: bool = False) -> str:
    """A plain-language description of `model`'s architecture (or of a `Graph`).

    Used as the text alternative of the pictures (`<title>`/`<desc>`, `text/plain`), so a picture
    still says something where it cannot be seen.
    """
    return describe_graph(as_graph(model, expand_nested))
