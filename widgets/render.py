"""Architecture pictures: SVG written directly for notebooks (`widgets.svg`), matplotlib for PNG and PDF.

`plot_architecture` returns an `Architecture`: it displays as SVG plus its text alternative
(`describe`), and draws a matplotlib Figure only when asked (`.figure`, `savefig`, PNG/PDF
export), so the first picture of a session never pays for importing matplotlib.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from widgets.graph import Graph, Node, architecture_graph, fold_blocks
from widgets.layout import Layout, layered_layout

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from widgets.svg import Picture

FILL = {"input": "#dff3df", "layer": "#dde8fa", "op": "#eeeeee", "model": "#ece0f7", "block": "#fdebd0"}
EDGE_COLOUR, SKIP_COLOUR, HIGHLIGHT = "#555555", "#e6550d", "#d62728"
SHARED_COLOURS = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
FOLD_ABOVE = 60  # nodes: bigger graphs fold repeated blocks unless fold=False

# Layout units → inches.
SLOT_WIDTH, RANK_HEIGHT, BOX_WIDTH = 2.5, 0.95, 2.1


@dataclass
class Drawing:
    """What was drawn, for callers that post-process (the explorer's SVG)."""

    graph: Graph
    layout: Layout
    node_index: dict[str, int]
    edge_index: dict[tuple[str, str], int]


def resolve_graph(model: Any, expand_nested: bool = False, fold: bool | str = "auto") -> Graph:
    return folded(model if isinstance(model, Graph) else architecture_graph(model, expand_nested=expand_nested), fold)


def folded(graph: Graph, fold: bool | str = "auto") -> Graph:
    if fold is True or (fold == "auto" and len(graph.nodes) > FOLD_ABOVE):
        return fold_blocks(graph)
    return graph


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


def node_lines(node: Node, show_shapes: bool, show_params: bool, show_dtype: bool) -> list[str]:
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
) -> Drawing:
    """Draw `graph` on matplotlib axes `ax` (PNG and PDF export). `highlight` names layers whose
    boxes and inbound paths turn red."""
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
    from matplotlib.path import Path as MplPath

    if direction not in ("TB", "LR"):
        raise ValueError(f"direction must be 'TB' (top-down) or 'LR' (left-right), got {direction!r}")
    layout = layered_layout(list(graph.nodes), graph.edges)
    lit = check_highlight(graph, highlight)
    lit_path = set(lit).union(*(graph.ancestors(n) for n in lit)) if lit else set()

    def place(x: float, rank: float) -> tuple[float, float]:
        if direction == "TB":
            return x * SLOT_WIDTH, -rank * RANK_HEIGHT
        return rank * SLOT_WIDTH, -x * RANK_HEIGHT * 1.3

    group_colour = {g: SHARED_COLOURS[i % len(SHARED_COLOURS)] for i, g in enumerate(sorted(graph.shared_groups()))}
    labels = {n.id: node_lines(n, show_shapes, show_params, show_dtype) for n in graph.nodes.values()}
    heights = {node_id: 0.22 + 0.13 * (len(lines) + 1) for node_id, lines in labels.items()}
    skips = set(layout.skip_edges())
    edge_index = {}
    for i, (edge, route) in enumerate(layout.routes.items()):
        edge_index[edge] = i
        on_path = edge[1] in lit_path and edge[0] in lit_path
        colour = HIGHLIGHT if on_path else (SKIP_COLOUR if edge in skips else EDGE_COLOUR)
        points = [place(x, r) for x, r in route]
        # Start and end on the box borders, so the arrow head shows.
        if direction == "TB":
            points[0] = (points[0][0], points[0][1] - heights[edge[0]] / 2)
            points[-1] = (points[-1][0], points[-1][1] + heights[edge[1]] / 2)
        else:
            points[0] = (points[0][0] + BOX_WIDTH / 2, points[0][1])
            points[-1] = (points[-1][0] - BOX_WIDTH / 2, points[-1][1])
        vertices, codes = [points[0]], [MplPath.MOVETO]
        for a, b in zip(points, points[1:]):  # gentle S-curves between consecutive points
            mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            if direction == "TB":
                vertices += [(a[0], mid[1]), (b[0], mid[1]), b]
            else:
                vertices += [(mid[0], a[1]), (mid[0], b[1]), b]
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
        colour = group_colour.get(node.shared_group, "#888888")
        lit_node = node.id in lit
        box = FancyBboxPatch(
            (x - BOX_WIDTH / 2, y - height / 2), BOX_WIDTH, height,
            boxstyle="round,pad=0.02,rounding_size=" + ("0.2" if node.kind == "op" else "0.06"),
            facecolor=FILL.get(node.kind, "#ffffff"),
            edgecolor=HIGHLIGHT if lit_node else colour,
            lw=2.6 if (lit_node or node.shared or node.output_names) else 1.0,
            linestyle="--" if not graph.built else "-", zorder=2,
        )
        box.set_gid(f"node-{i}")
        ax.add_patch(box)
        ax.text(x, y + height / 2 - 0.14, node.layer_name, ha="center", va="center", fontsize=8,
                fontweight="bold", zorder=3, gid=f"label-{i}")
        ax.text(x, y - 0.07, "\n".join(lines), ha="center", va="center", fontsize=7, zorder=3,
                linespacing=1.25, color="#222222", gid=f"text-{i}")
        if node.shared:
            ax.text(x + BOX_WIDTH / 2, y + height / 2, f" shared ×{node.calls}", ha="right", va="bottom",
                    fontsize=6.5, color="white", zorder=4,
                    bbox=dict(boxstyle="round,pad=0.15", fc=colour, ec="none"))
        if node.output_names:
            dx, dy = (0, -height / 2 - 0.08) if direction == "TB" else (BOX_WIDTH / 2 + 0.05, 0)
            ax.text(x + dx, y + dy, "output: " + ", ".join(node.output_names), fontsize=6.5, color="#444444",
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
    notes = graph.notes + ([SKIP_NOTE] if skips else [])
    if notes:
        width = ax.get_position().width * ax.figure.get_size_inches()[0]
        wrapped = "\n".join(note_lines(notes, width))
        ax.text(0.0, -0.02, wrapped, transform=ax.transAxes, fontsize=7, color="#555555", va="top",
                style="italic", linespacing=1.3)
    return Drawing(graph, layout, node_index, edge_index)


TOP_MARGIN = 0.45  # inches: the title


SKIP_NOTE = "Dashed orange arrows skip over layers (skip or residual connections)."


def note_lines(notes: list[str], width_inches: float) -> list[str]:
    """Notes wrapped to the drawing's width (7-point italic: about 15 characters per inch)."""
    width = max(30, int(width_inches * 15))
    return [line for note in notes for line in textwrap.wrap(note, width)]


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


class Architecture:
    """An architecture picture: SVG and a plain-language description in notebooks, a matplotlib
    Figure on demand (`.figure`, `savefig`) for PNG and PDF."""

    def __init__(self, graph: Graph, description: str, options: dict[str, Any]) -> None:
        from widgets.svg import architecture_svg

        self.graph, self.description, self.options = graph, description, options
        self.picture: Picture = architecture_svg(graph, description, **options)
        self._figure: Figure | None = None

    @property
    def svg(self) -> str:
        return self.picture.svg

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) of the SVG in px."""
        return self.picture.width, self.picture.height

    @property
    def figure(self) -> Figure:
        """The same drawing as a matplotlib Figure (drawn on first use)."""
        if self._figure is None:
            import matplotlib.pyplot as plt

            layout = layered_layout(list(self.graph.nodes), self.graph.edges)
            figure = plt.figure(figsize=figure_size(self.graph, layout, self.options.get("direction", "TB")))
            draw(self.graph, drawing_axes(figure, self.graph), **self.options)
            plt.close(figure)  # never shown again by the inline backend
            self._figure = figure
        return self._figure

    def savefig(self, path: str | Path, **options: Any) -> Path:
        """Save as SVG (written directly) or, through matplotlib, PNG or PDF."""
        path = Path(path)
        if path.suffix.lower() == ".svg":
            return self.picture.save(path)
        self.figure.savefig(path, metadata=_no_date(path), **options)
        return path

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        return self.picture._repr_mimebundle_()

    def __repr__(self) -> str:
        return self.description


def plot_architecture(
    model: Any,
    *,
    show_shapes: bool = True,
    show_params: bool = True,
    show_dtype: bool = False,
    expand_nested: bool = False,
    direction: str = "TB",
    highlight: Iterable[str] = (),
    fold: bool | str = "auto",
    title: str | None = None,
) -> Architecture:
    """The model's architecture as an SVG picture (no Graphviz, no matplotlib until PNG/PDF).

    Shared layers carry a "shared ×N" badge and one colour; skip connections are dashed orange;
    the title's parameter total counts shared weights once. Models above 60 nodes fold repeated
    blocks (`conv2_block1_*` → one box) unless `fold=False`. Its text alternative is
    `describe(model)`; save with `.savefig("m.svg")` (or .png, .pdf).
    """
    from widgets.description import describe_graph

    full = model if isinstance(model, Graph) else architecture_graph(model, expand_nested=expand_nested)
    options = dict(show_shapes=show_shapes, show_params=show_params, show_dtype=show_dtype,
                   direction=direction, highlight=tuple(highlight), title=title)
    return Architecture(folded(full, fold), describe_graph(full), options)


def export(model: Any, path: str | Path, **options: Any) -> Path:
    """Write the architecture picture to `path`; the extension picks SVG (direct), PNG or PDF."""
    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise ValueError(f"export writes .png, .svg or .pdf files, not {path.suffix or 'no extension'!r}")
    picture = plot_architecture(model, **options)
    return picture.savefig(path, **({"dpi": 150} if path.suffix.lower() == ".png" else {}))


def _no_date(path: Path) -> dict | None:
    """Reproducible SVG and PDF files: leave out the creation date."""
    return {".svg": {"Date": None}, ".pdf": {"CreationDate": None}}.get(path.suffix.lower())
