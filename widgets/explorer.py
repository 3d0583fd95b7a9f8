"""`explore(model)`: the architecture as an SVG you can hover, plus a layer picker with details.

Hovering a box lights up its inbound path (pure CSS, no kernel round trip: works in JupyterLab,
in exported HTML and in tests). Choosing a layer in the list does the same persistently and shows
its config, shapes and parameters.
"""

from __future__ import annotations

import html
import io
import itertools
import re
from typing import Any

import ipywidgets as ipw

from widgets.graph import Graph
from widgets.layout import layered_layout
from widgets.render import HIGHLIGHT, Drawing, draw, drawing_axes, figure_size, resolve_graph

_ids = itertools.count(1)


def _descendants(graph: Graph) -> dict[str, set[str]]:
    """For each node, the nodes whose inbound path contains it."""
    ancestors = {n: graph.ancestors(n) for n in graph.nodes}
    below: dict[str, set[str]] = {n: set() for n in graph.nodes}
    for node, parents in ancestors.items():
        for parent in parents:
            below[parent].add(node)
    return below


def tooltip(graph: Graph, node_id: str) -> str:
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


def interactive_svg(graph: Graph, uid: str, **options: Any) -> str:
    """The drawing as SVG, with a tooltip per box and classes that mark inbound paths."""
    import matplotlib.pyplot as plt

    layout = layered_layout(list(graph.nodes), graph.edges)
    figure = plt.figure(figsize=figure_size(graph, layout, options.get("direction", "TB")))
    ax = drawing_axes(figure, graph)
    drawing: Drawing = draw(graph, ax, **options)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML prologue: the SVG is embedded in HTML
    below = _descendants(graph)
    index = drawing.node_index
    for node_id, i in index.items():
        classes = " ".join(f"a-n{index[d]}" for d in sorted(below[node_id], key=index.get))
        title = html.escape(tooltip(graph, node_id)).replace("\n", "&#10;")
        svg = svg.replace(f'<g id="node-{i}">', f'<g id="node-{i}" class="box {classes}"><title>{title}</title>', 1)
    for (source, target), i in drawing.edge_index.items():
        classes = " ".join(f"a-n{index[d]}" for d in sorted(below[target] | {target}, key=index.get))
        svg = svg.replace(f'<g id="edge-{i}">', f'<g id="edge-{i}" class="{classes}">', 1)
    return re.sub(r'<svg ', f'<svg id="{uid}" ', svg, count=1)


def hover_css(uid: str, count: int) -> str:
    rules = [f"#{uid} g[id^=text], #{uid} g[id^=label] {{pointer-events: none}}",
             f"#{uid} g.box {{cursor: pointer}}"]
    for i in range(count):
        rules.append(
            f"#{uid}:has(#node-{i}:hover) .a-n{i} path, #{uid} #node-{i}:hover path "
            f"{{stroke: {HIGHLIGHT} !important; stroke-width: 2.5px !important}}"
        )
    return "<style>" + "\n".join(rules) + "</style>"


def selection_css(uid: str, i: int | None) -> str:
    if i is None:
        return ""
    return (f"<style>#{uid} .a-n{i} path, #{uid} #node-{i} path "
            f"{{stroke: {HIGHLIGHT} !important; stroke-width: 2.5px !important}}</style>")


class Explorer(ipw.VBox):
    """An architecture you can hover and a layer list; see `explore`."""

    def __init__(self, model: Any, **options: Any) -> None:
        expand, fold = options.pop("expand_nested", False), options.pop("fold", "auto")
        self.graph = resolve_graph(model, expand, fold)
        self.uid = f"kt-arch-{next(_ids)}"
        self._svg = interactive_svg(self.graph, self.uid, **options)
        self._css = hover_css(self.uid, len(self.graph.nodes))
        self._index = {node_id: i for i, node_id in enumerate(self.graph.nodes)}
        self.picture = ipw.HTML(layout=ipw.Layout(overflow="auto", max_height="640px"))
        self.picker = ipw.Dropdown(
            options=[("(choose a layer)", None)] + [(n.id, n.id) for n in self.graph.nodes.values()],
            description="Layer:", layout=ipw.Layout(width="360px"),
        )
        self.details = ipw.HTML()
        self.picker.observe(lambda change: self.select(change["new"]), names="value")
        hint = ipw.HTML("<i>Hover a box to light up its inbound path; pick a layer for its details.</i>")
        super().__init__([hint, self.picker, self.details, self.picture])
        self.add_class("kt-explorer")
        self.select(None)

    def select(self, node_id: str | None) -> None:
        """Highlight `node_id`'s inbound path and show its details (None clears)."""
        if node_id is not None and node_id not in self.graph.nodes:
            raise ValueError(f"no layer call {node_id!r}; choose one of {list(self.graph.nodes)}")
        if self.picker.value != node_id:
            self.picker.value = node_id  # fires select again through the observer
            return
        index = None if node_id is None else self._index[node_id]
        self.picture.value = self._css + selection_css(self.uid, index) + self._svg
        self.details.value = "" if node_id is None else self._details(node_id)

    def inbound_path(self, node_id: str) -> list[str]:
        """The nodes feeding `node_id`, in topological order."""
        ancestors = self.graph.ancestors(node_id)
        return [n for n in self.graph.nodes if n in ancestors]

    def _details(self, node_id: str) -> str:
        path = " → ".join(self.inbound_path(node_id) + [node_id])
        rows = html.escape(tooltip(self.graph, node_id)).replace("\n", "<br>")
        return f"<div class='kt-details'><b>{rows}</b><br><small>inbound path: {html.escape(path)}</small></div>"

    def __repr__(self) -> str:
        return f"Explorer({self.graph.name!r}, {len(self.graph.nodes)} nodes)"


def explore(model: Any, **options: Any) -> Explorer:
    """An interactive architecture for JupyterLab. Options as for `plot_architecture`."""
    return Explorer(model, **options)
