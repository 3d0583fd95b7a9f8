"""Geometry both back ends share, computed once per picture: the layout, the highlighted path,
the skip edges, the notes, and the S-curves that route an edge through its layout points.

The SVG and matplotlib back ends only paint a `Scene`, in their own units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from widgets.graph import Graph
from widgets.labels import SKIP_NOTE, check_highlight, lit_path
from widgets.layout import Edge, Layout, layered_layout

DIRECTIONS = ("TB", "LR")
Point = tuple[float, float]


@dataclass
class Scene:
    """What a picture of `graph` shows, before it is painted."""

    graph: Graph
    layout: Layout
    direction: str
    lit: set[str]  # highlighted nodes
    lit_path: set[str]  # ... and every node on their inbound paths
    skips: set[Edge]
    notes: list[str]  # the graph's notes, and the skip legend when there are skips

    def edge_lit(self, edge: Edge) -> bool:
        return edge[0] in self.lit_path and edge[1] in self.lit_path


def check_direction(direction: str) -> None:
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be 'TB' (top-down) or 'LR' (left-right), got {direction!r}")


def plan(graph: Graph, *, direction: str = "TB", highlight: Iterable[str] = (), layout: Layout | None = None) -> Scene:
    """The scene of `graph`; pass `layout` when it is already computed (it is the costly part)."""
    check_direction(direction)
    lit = check_highlight(graph, highlight)
    layout = layout or layered_layout(list(graph.nodes), graph.edges)
    skips = set(layout.skip_edges())
    return Scene(graph, layout, direction, lit, lit_path(graph, lit), skips,
                 graph.notes + ([SKIP_NOTE] if skips else []))


def s_curve(points: list[Point], direction: str) -> list[tuple[Point, Point, Point]]:
    """Cubic Bézier segments (control 1, control 2, end) through `points`: gentle S-curves that
    leave and enter each point along the drawing's direction."""
    segments = []
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        if direction == "TB":
            my = (ay + by) / 2
            segments.append(((ax, my), (bx, my), (bx, by)))
        else:
            mx = (ax + bx) / 2
            segments.append(((mx, ay), (mx, by), (bx, by)))
    return segments
