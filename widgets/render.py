"""Architecture pictures: the façade over the SVG back end (`widgets.svg`, for notebooks) and the
matplotlib one (`widgets.mpl`, for PNG and PDF).

`plot_architecture` returns an `Architecture`: it displays as SVG (inline in JupyterLab, so it
takes the theme's colours) plus its text alternative (`describe`), and draws a matplotlib Figure
only when asked (`.figure`, `savefig`, PNG/PDF export), so the first picture of a session never
pays for importing matplotlib. Nothing in `widgets` imports this module back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from widgets import mpl
from widgets.description import describe_graph
from widgets.extract import as_graph
from widgets.graph import Graph
from widgets.layout import layered_layout
from widgets.style import folded
from widgets.svg import Picture, architecture_svg

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class Architecture:
    """An architecture picture: SVG and a plain-language description in notebooks, a matplotlib
    Figure on demand (`.figure`, `savefig`) for PNG and PDF."""

    def __init__(self, graph: Graph, description: str, options: dict[str, Any]) -> None:
        self.graph, self.description, self.options = graph, description, options
        self.layout = layered_layout(list(graph.nodes), graph.edges)  # once, for the SVG and the Figure
        self.picture: Picture = architecture_svg(graph, description, layout=self.layout, **options)
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

            direction = self.options.get("direction", "TB")
            figure = plt.figure(figsize=mpl.figure_size(self.graph, self.layout, direction))
            mpl.draw(self.graph, mpl.drawing_axes(figure, self.graph), layout=self.layout, **self.options)
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
        return self.picture.themed_bundle()

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
    full = as_graph(model, expand_nested)
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
