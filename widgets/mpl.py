"""The matplotlib back end: an architecture on matplotlib axes, for PNG and PDF files.

Imported only when a PNG or PDF is asked for (`Architecture.figure`, `export`), so SVG pictures
never pay for matplotlib. It paints the same `Scene` as the SVG back end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from widgets.graph import Graph
from widgets.labels import SKIP_NOTE, graph_title, node_lines, wrap_notes
from widgets.layout import Layout
from widgets.scene import plan, s_curve
from widgets.style import BACKGROUND, BOX_EDGE, BOX_TEXT, FILL, HIGHLIGHT, LINES, SHARED_COLOURS, SKIP_COLOUR, TEXT_SOFT

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Layout units → inches.
SLOT_WIDTH, RANK_HEIGHT, BOX_WIDTH = 2.5, 0.95, 2.1


@dataclass
class Drawing:
    """What was drawn, for callers that post-process (the explorer's SVG)."""

    graph: Graph
    layout: Layout
    node_index: dict[str, int]
    edge_index: dict[tuple[str, str], int]


def draw(
    graph: Graph,
    ax: Axes,
    *,
    show_shapes: bool = True,
    show_params: bool = True,
    show_dtype: bool = False,
    direction: str = "TB",
    highlight: Iterable[str] = (),
    title: str | None = None,
    layout: Layout | None = None,
) -> Drawing:
    """Draw `graph` on matplotlib axes `ax` (PNG and PDF export). `highlight` names layers whose
    boxes and inbound paths turn red; pass `layout` when it is already computed."""
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
    from matplotlib.path import Path as MplPath

    scene = plan(graph, direction=direction, highlight=highlight, layout=layout)
    layout, lit, skips = scene.layout, scene.lit, scene.skips

    def place(x: float, rank: float) -> tuple[float, float]:
        if direction == "TB":
            return x * SLOT_WIDTH, -rank * RANK_HEIGHT
        return rank * SLOT_WIDTH, -x * RANK_HEIGHT * 1.3

    group_colour = {g: SHARED_COLOURS[i % len(SHARED_COLOURS)] for i, g in enumerate(sorted(graph.shared_groups()))}
    labels = {n.id: node_lines(n, show_shapes, show_params, show_dtype) for n in graph.nodes.values()}
    heights = {node_id: 0.22 + 0.13 * (len(lines) + 1) for node_id, lines in labels.items()}
    edge_index = {}
    for i, (edge, route) in enumerate(layout.routes.items()):
        edge_index[edge] = i
        on_path = scene.edge_lit(edge)
        colour = HIGHLIGHT if on_path else (SKIP_COLOUR if edge in skips else LINES)
        points = [place(x, r) for x, r in route]
        # Start and end on the box borders, so the arrow head shows.
        if direction == "TB":
            points[0] = (points[0][0], points[0][1] - heights[edge[0]] / 2)
            points[-1] = (points[-1][0], points[-1][1] + heights[edge[1]] / 2)
        else:
            points[0] = (points[0][0] + BOX_WIDTH / 2, points[0][1])
            points[-1] = (points[-1][0] - BOX_WIDTH / 2, points[-1][1])
        vertices, codes = [points[0]], [MplPath.MOVETO]
        for segment in s_curve(points, direction):
            vertices += segment
            codes += [MplPath.CURVE4] * 3
        arrow = FancyArrowPatch(
            path=MplPath(vertices, codes), arrowstyle="-|>", mutation_scale=10, lw=2.0 if on_path else 1.2,
            color=colour, linestyle="-" if edge not in skips or on_path else (0, (4, 2)),
            shrinkA=0, shrinkB=0, zorder=1,
        )
        arrow.set_gid(f"edge-{i}")
        ax.add_patch(arrow)

    node_index = {}
    for i, node in enumerate(graph.nodes.values()):
        node_index[node.id] = i
        x, y = place(*layout.positions[node.id])
        lines, height = labels[node.id], heights[node.id]
        colour = group_colour.get(node.shared_group, BOX_EDGE)
        lit_node = node.id in lit
        box = FancyBboxPatch(
            (x - BOX_WIDTH / 2, y - height / 2), BOX_WIDTH, height,
            boxstyle="round,pad=0.02,rounding_size=" + ("0.2" if node.kind == "op" else "0.06"),
            facecolor=FILL.get(node.kind, BACKGROUND),
            edgecolor=HIGHLIGHT if lit_node else colour,
            lw=2.6 if (lit_node or node.shared or node.output_names) else 1.0,
            linestyle="--" if not graph.built else "-", zorder=2,
        )
        box.set_gid(f"node-{i}")
        ax.add_patch(box)
        ax.text(x, y + height / 2 - 0.14, node.layer_name, ha="center", va="center", fontsize=8,
                fontweight="bold", zorder=3, gid=f"label-{i}")
        ax.text(x, y - 0.07, "\n".join(lines), ha="center", va="center", fontsize=7, zorder=3,
                linespacing=1.25, color=BOX_TEXT, gid=f"text-{i}")
        if node.shared:
            ax.text(x + BOX_WIDTH / 2, y + height / 2, f" shared ×{node.calls}", ha="right", va="bottom",
                    fontsize=6.5, color="white", zorder=4,
                    bbox=dict(boxstyle="round,pad=0.15", fc=colour, ec="none"))
        if node.output_names:
            dx, dy = (0, -height / 2 - 0.08) if direction == "TB" else (BOX_WIDTH / 2 + 0.05, 0)
            ax.text(x + dx, y + dy, "output: " + ", ".join(node.output_names), fontsize=6.5, color=TEXT_SOFT,
                    ha="center" if direction == "TB" else "left", va="top" if direction == "TB" else "center")

    points = list(layout.positions.values()) + [p for route in layout.routes.values() for p in route]
    xs = [place(x, r)[0] for x, r in points]
    ys = [place(x, r)[1] for x, r in points]
    ax.set_xlim(min(xs) - BOX_WIDTH / 2 - 0.15, max(xs) + BOX_WIDTH / 2 + (0.9 if direction == "LR" else 0.15))
    ax.set_ylim(min(ys) - 0.75, max(ys) + 0.6)
    ax.set_aspect("equal")
    ax.axis("off")
    # A text, not ax.set_title: placing a title runs the (hidden) axis tick machinery, 0.25 s on ResNet50.
    ax.text(0.0, 1.0, title if title is not None else graph_title(graph), transform=ax.transAxes, fontsize=9.5,
            va="bottom", ha="left", gid="title")
    if scene.notes:
        width = ax.get_position().width * ax.figure.get_size_inches()[0]
        wrapped = "\n".join(note_lines(scene.notes, width))
        ax.text(0.0, -0.02, wrapped, transform=ax.transAxes, fontsize=7, color=LINES, va="top",
                style="italic", linespacing=1.3)
    return Drawing(graph, layout, node_index, edge_index)


TOP_MARGIN = 0.45  # inches: the title


def note_lines(notes: list[str], width_inches: float) -> list[str]:
    """Notes wrapped to the drawing's width (7-point italic: about 15 characters per inch)."""
    return wrap_notes(notes, max(30, int(width_inches * 15)))


def notes_height(graph: Graph, width_inches: float) -> float:
    """Inches below the drawing for the notes (graph notes and the skip-connection legend)."""
    return 0.25 + 0.14 * len(note_lines(graph.notes + [SKIP_NOTE], width_inches))


def figure_size(graph: Graph, layout: Layout, direction: str) -> tuple[float, float]:
    wide, deep = layout.width * SLOT_WIDTH, layout.ranks * RANK_HEIGHT
    if direction == "LR":
        wide, deep = layout.ranks * SLOT_WIDTH, layout.width * RANK_HEIGHT * 1.3
    width = max(3.2, wide + 0.4)
    return width, max(1.8, deep + 0.4 + TOP_MARGIN + notes_height(graph, width))


def drawing_axes(figure: Figure, graph: Graph) -> Axes:
    """Axes leaving room for the title above and the notes below, so no tight bounding box is needed."""
    width, height = figure.get_size_inches()
    bottom, top = notes_height(graph, width) / height, 1 - TOP_MARGIN / height
    return figure.add_axes((0.02, bottom, 0.96, top - bottom))
