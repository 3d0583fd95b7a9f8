"""What the pictures say, in words: box lines, tooltips, titles, notes and the highlighted path.

Back-end-neutral text shared by the SVG and matplotlib pictures and the explorer (as Keras's
`make_layer_label` sits below its renderer), so each sentence is written once.
"""

from __future__ import annotations

import textwrap
from typing import Iterable

from widgets.graph import Graph, Node

SKIP_NOTE = "Dashed orange arrows skip over layers (skip or residual connections)."


def tooltip(graph: Graph, node_id: str) -> str:
    """A box's details: class, shapes in and out, parameters, key config, shared calls, members."""
    node = graph.nodes[node_id]
    lines = [f"{node.layer_name} ({node.class_name})"]
    if node.input_shapes:
        lines.append("in: " + " + ".join(node.shape_text(s) for s in node.input_shapes))
    lines.append("out: " + node.shape_text())
    if node.params:
        lines.append(f"params: {node.params:,} ({node.trainable_params:,} trainable)")
    lines += [f"{key}: {value}" for key, value in node.config.items()]
    if node.shared:
        lines.append(f"shared: call {node.call_index + 1} of {node.calls}, same weights")
    if node.members:
        lines.append("layers: " + ", ".join(node.members))
    return "\n".join(lines)


def check_highlight(graph: Graph, highlight: Iterable[str]) -> set[str]:
    """Node ids to highlight, from layer names or node ids; a clear error for unknown names."""
    names = set(highlight)
    unknown = names - {n.layer_name for n in graph.nodes.values()} - set(graph.nodes)
    if unknown:
        known = ", ".join(sorted({n.layer_name for n in graph.nodes.values()}))
        raise ValueError(f"highlight: no layer named {', '.join(sorted(unknown))} in {graph.name!r}; layers: {known}")
    return {n.id for n in graph.nodes.values() if n.layer_name in names or n.id in names}


def lit_path(graph: Graph, lit: set[str]) -> set[str]:
    """The highlighted nodes and every node on their inbound paths."""
    return set(lit).union(*(graph.ancestors(n) for n in lit)) if lit else set()


def node_lines(node: Node, show_shapes: bool, show_params: bool, show_dtype: bool) -> list[str]:
    """The lines under a box's name: class and size, output shape, parameters and dtype."""
    detail = node.class_name
    if node.config.get("units") is not None:
        detail += f" {node.config['units']}"
    elif node.config.get("filters") is not None:
        detail += f" {node.config['filters']}"
    if isinstance(node.config.get("activation"), str) and node.config["activation"] != "linear":
        detail += f" · {node.config['activation']}"
    lines = [detail]
    if show_shapes:
        lines.append(node.shape_text() if node.kind == "input" else "→ " + node.shape_text())
    extras = []
    if show_params and node.params:
        extras.append(f"{node.params:,} params")
    if show_dtype and node.dtype:
        extras.append(node.dtype)
    if extras:
        lines.append(" · ".join(extras))
    return lines


def graph_title(graph: Graph) -> str:
    kind = {"Functional": "functional", "Sequential": "Sequential"}.get(graph.model_class, graph.model_class)
    params = f"{graph.total_params:,} params" if graph.built else "not built"
    shared = len(graph.shared_groups())
    extra = f" · {shared} shared layer{'s' if shared > 1 else ''}" if shared else ""
    return f"{graph.name} ({kind}) · {params}{extra}"


def wrap_lines(text: str, per_line: int) -> list[str]:
    """`text` in lines of at most `per_line` characters (at least one line)."""
    return textwrap.wrap(text, per_line) or [""]


def wrap_notes(notes: list[str], per_line: int) -> list[str]:
    """Every note wrapped to `per_line` characters, one list of lines."""
    return [line for note in notes for line in textwrap.wrap(note, per_line)]
