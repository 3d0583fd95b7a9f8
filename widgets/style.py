"""The pictures' palette and when a graph is folded: defined once, for every back end and widget.

Colours are hex strings; the SVG back end puts them under JupyterLab's theme variables, the
matplotlib back end paints them as they are (PNG and PDF files have no theme).
"""

from __future__ import annotations

from widgets.graph import Graph, fold_blocks

# Kind colours: SVG boxes are tinted with them (20 % over the background), so they read on light and dark.
KIND_COLOUR = {"input": "#2ca02c", "layer": "#1f77b4", "op": "#7f7f7f", "model": "#9467bd", "block": "#ff7f0e"}
# The same kinds as opaque light fills, for matplotlib's PNG and PDF (always on white).
FILL = {"input": "#dff3df", "layer": "#dde8fa", "op": "#eeeeee", "model": "#ece0f7", "block": "#fdebd0"}
HIGHLIGHT, SKIP_COLOUR = "#d62728", "#e6550d"
HOVER = "#1f77b4"  # the explorer's hover: a colour apart from HIGHLIGHT, which marks the chosen layer
SHARED_COLOURS = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
# Light-theme colours (and the fallbacks of JupyterLab's theme variables).
BACKGROUND, TEXT, TEXT_SOFT, LINES = "#ffffff", "#111111", "#444444", "#555555"
BOX_EDGE, BOX_TEXT = "#888888", "#222222"  # matplotlib: an unshared box's border, its detail text
BORDER = "#cccccc"  # card borders (the quiz)
BADGE_TEXT = "#fff"  # on a shared-layer badge, whose fill is the group colour
# Verdict marks (quiz feedback, compare's heading): only the mark is coloured, never the sentence.
RIGHT, WORKS, WRONG, SAME = "#1e8449", "#b9770e", "#c0392b", "#2b7a2b"

FOLD_ABOVE = 60  # nodes: bigger graphs fold repeated blocks unless fold=False


def folded(graph: Graph, fold: bool | str = "auto") -> Graph:
    """`graph` with repeated blocks folded when asked (`True`) or when it is big (`"auto"`)."""
    if fold is True or (fold == "auto" and len(graph.nodes) > FOLD_ABOVE):
        return fold_blocks(graph)
    return graph
