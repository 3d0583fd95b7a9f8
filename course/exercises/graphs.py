"""Questions about a model's call graph (`widgets.architecture_graph`), written once for every lesson's checks."""

from __future__ import annotations

from typing import Any

from course.checks import CheckFailed


def reaches(graph: Any, node_id: str) -> set[str]:
    """The model inputs (node ids) a node's value depends on."""
    return set(graph.inputs) & (graph.ancestors(node_id) | {node_id})


def sources(graph: Any, node_id: str) -> frozenset:
    """The names of the graph's starting points (the nodes nothing feeds: its inputs) that a node's
    value depends on."""
    return frozenset(graph.nodes[n].layer_name for n in graph.ancestors(node_id) | {node_id}
                     if not graph.predecessors(n))


def path_to_input(graph: Any, node_id: str) -> list:
    """The layers from `node_id` back to the input, nearest first ([] if it is the input); fails when a
    layer on the way has more than one input."""
    path = []
    while graph.nodes[node_id].kind != "input":
        path.append(graph.nodes[node_id])
        before = graph.predecessors(node_id)
        if len(before) != 1:
            raise CheckFailed(f"layer {graph.nodes[node_id].layer_name!r} has {len(before)} inputs",
                              "the block and the shortcut should each be a single chain of layers.")
        node_id = before[0]
    return path
