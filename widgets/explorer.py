"""`explore(model)`: the architecture as an SVG you can hover and click, plus a layer picker.

Hovering a box lights up its inbound path in blue (pure CSS, no kernel round trip: works in
JupyterLab, in exported HTML and in tests). Clicking a box, or choosing its layer in the list
(mouse or keyboard), lights its path in red, a different colour, and shows its config, shapes
and parameters.
"""

from __future__ import annotations

import html
import itertools
from typing import Any

import ipywidgets as ipw

from widgets.description import describe_graph
from widgets.extract import as_graph
from widgets.frontend import ClickableHTML, keyboard_safe
from widgets.labels import tooltip
from widgets.static import StaticFallback
from widgets.style import HIGHLIGHT, HOVER, folded
from widgets.svg import Picture, interactive_svg

_ids = itertools.count(1)
LIT = f"stroke: {HIGHLIGHT} !important; stroke-width: 2.5px !important"  # the chosen layer's path
HOVERED = f"stroke: {HOVER} !important; stroke-width: 2.5px !important"  # the hovered box's path


def hover_css(uid: str, count: int) -> str:
    rules = [f"#{uid} g.box {{cursor: pointer}}"]
    for i in range(count):
        rules.append(
            f"#{uid}:has(#node-{i}:hover) .a-n{i} path, #{uid}:has(#node-{i}:hover) .a-n{i} rect.b, "
            f"#{uid} #node-{i}:hover rect.b {{{HOVERED}}}"
        )
    return "<style>" + "\n".join(rules) + "</style>"


def selection_css(uid: str, i: int | None) -> str:
    if i is None:
        return ""
    return (f"<style>#{uid} .a-n{i} path, #{uid} .a-n{i} rect.b, #{uid} #node-{i} rect.b "
            f"{{{LIT}}}</style>")


class Explorer(StaticFallback, ipw.VBox):
    """An architecture you can hover and a layer list; see `explore`."""

    def __init__(self, model: Any, **options: Any) -> None:
        expand, fold = options.pop("expand_nested", False), options.pop("fold", "auto")
        full = as_graph(model, expand)
        self.graph, self.description, self.options = folded(full, fold), describe_graph(full), options
        self.uid = f"kt-arch-{next(_ids)}"
        self._svg = interactive_svg(self.graph, self.uid, self.description, **options).svg
        self._css = hover_css(self.uid, len(self.graph.nodes))
        self._index = {node_id: i for i, node_id in enumerate(self.graph.nodes)}
        self._order = list(self.graph.nodes)  # box index → node id
        self.picture = ClickableHTML(layout=ipw.Layout(overflow="auto", max_height="640px"))
        self.picker = ipw.Dropdown(
            options=[("(choose a layer)", None)] + [(n.id, n.id) for n in self.graph.nodes.values()],
            description="Layer:", layout=ipw.Layout(width="360px"),
        )
        self.details = ipw.HTML()
        self.picker.observe(lambda change: self.select(change["new"]), names="value")
        self.picture.observe(lambda change: self.select(self._order[change["new"]] if change["new"] >= 0 else None),
                             names="clicked")
        hint = ipw.HTML("<i>Hover a box to light up its inbound path (blue); click it, or pick its layer in the "
                        "list (mouse, or keyboard: Tab to the list, arrow keys), to keep its path lit (red) and "
                        "see its details below the picture.</i>")
        # The details go under the picture, so the picture stays put when they appear.
        super().__init__([hint, self.picker, self.picture, self.details])
        self.add_class("kt-explorer")
        keyboard_safe(self)
        self.select(None)

    def select(self, node_id: str | None) -> None:
        """Highlight `node_id`'s inbound path and show its details (None clears)."""
        if node_id is not None and node_id not in self.graph.nodes:
            raise ValueError(f"no layer call {node_id!r}; choose one of {list(self.graph.nodes)}")
        if self.picker.value != node_id:
            self.picker.value = node_id  # fires select again through the observer
            return
        index = None if node_id is None else self._index[node_id]
        self.picture.clicked = -1 if index is None else index  # a second click on the box clears it
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

    def static_picture(self) -> Picture:
        """The current state (the chosen layer's inbound path lit) as a self-contained SVG."""
        node_id = self.picker.value
        css = "" if node_id is None else selection_css("UID", self._index[node_id])
        css = css.removeprefix("<style>").removesuffix("</style>")
        return interactive_svg(self.graph, None, self.text(), css=css, **self.options)

    def text(self) -> str:
        """What the explorer shows, in words: the architecture and the chosen layer."""
        text = "Architecture explorer. " + self.description
        node_id = self.picker.value
        if node_id is not None:
            path = " → ".join(self.inbound_path(node_id) + [node_id])
            text += "\nChosen layer: " + tooltip(self.graph, node_id).replace("\n", "; ") + f"\nInbound path: {path}"
        return text

    def __repr__(self) -> str:
        return f"Explorer({self.graph.name!r}, {len(self.graph.nodes)} nodes)"


def explore(model: Any, **options: Any) -> Explorer:
    """An interactive architecture for JupyterLab. Options as for `plot_architecture`."""
    return Explorer(model, **options)
