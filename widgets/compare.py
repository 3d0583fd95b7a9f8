"""`compare(model_a, model_b)`: two architectures side by side with a structural diff.

Two models are structurally the same when their call graphs match node for node in topological
order (kind, layer class, output shape, parameter count) and edge for edge. Layer and input names
may differ: they are reported, but they do not make two models different.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from widgets import mpl, svg
from widgets.extract import as_graph
from widgets.graph import Graph, Node
from widgets.layout import Layout, layered_layout
from widgets.style import SAME, WRONG, folded

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _signature(node: Node) -> tuple:
    return (node.kind, node.class_name, node.shape_text(), node.params)


def _describe(node: Node) -> str:
    params = f", {node.params:,} params" if node.params else ""
    return f"{node.layer_name} ({node.class_name} → {node.shape_text()}{params})"


def structural_differences(a: Graph, b: Graph) -> tuple[list[str], list[str]]:
    """(differences, name differences) between two graphs, aligned by topological position."""
    nodes_a, nodes_b = list(a.nodes.values()), list(b.nodes.values())
    differences, renamed = [], []
    for i in range(max(len(nodes_a), len(nodes_b))):
        if i >= len(nodes_a):
            differences.append(f"step {i + 1}: only in {b.name}: {_describe(nodes_b[i])}")
        elif i >= len(nodes_b):
            differences.append(f"step {i + 1}: only in {a.name}: {_describe(nodes_a[i])}")
        elif _signature(nodes_a[i]) != _signature(nodes_b[i]):
            differences.append(f"step {i + 1}: {_describe(nodes_a[i])} vs {_describe(nodes_b[i])}")
        elif nodes_a[i].layer_name != nodes_b[i].layer_name:
            renamed.append(f"{nodes_a[i].layer_name} / {nodes_b[i].layer_name}")
    if len(nodes_a) == len(nodes_b):
        position_a = {n.id: i for i, n in enumerate(nodes_a)}
        position_b = {n.id: i for i, n in enumerate(nodes_b)}
        wiring_a = {(position_a[s], position_a[t]) for s, t in a.edges}
        wiring_b = {(position_b[s], position_b[t]) for s, t in b.edges}
        for s, t in sorted(wiring_a ^ wiring_b):
            owner, nodes = (a, nodes_a) if (s, t) in wiring_a else (b, nodes_b)
            differences.append(f"only {owner.name} connects {nodes[s].layer_name} → {nodes[t].layer_name}")
    if a.total_params != b.total_params:
        differences.append(f"parameters: {a.total_params:,} vs {b.total_params:,}")
    return differences, renamed


@dataclass
class Comparison:
    """The side-by-side picture and the verdict. Displays as both in a notebook (SVG and text);
    `.figure` draws the same with matplotlib, for PNG files."""

    a: Graph
    b: Graph
    differences: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    options: dict = field(default_factory=dict, repr=False)
    svg: str = field(default="", repr=False)
    layouts: tuple[Layout, ...] = field(default=(), repr=False)  # a's and b's, shared by SVG and Figure
    _figure: Any = field(default=None, repr=False)

    @property
    def figure(self) -> Figure:
        if self._figure is None:
            self._figure = _figure(self)
        return self._figure

    @property
    def same(self) -> bool:
        return not self.differences

    def __repr__(self) -> str:
        layers = sum(n.kind != "input" for n in self.a.nodes.values())
        if self.same:
            text = (f"Same architecture: {self.a.name} and {self.b.name} have the same {layers} layers in the "
                    f"same order and wiring, the same output shapes and {self.a.total_params:,} parameters.")
        else:
            text = f"Different architectures ({len(self.differences)} differences):\n" + "\n".join(
                f"  - {d}" for d in self.differences)
        if self.renamed:
            text += "\nOnly names differ for: " + ", ".join(self.renamed) + "."
        return text

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        return svg.themed_bundle(self.svg, repr(self))

    def verdict(self) -> str:
        verdict = "same architecture" if self.same else f"{len(self.differences)} structural differences"
        return f"{self.a.name} vs {self.b.name}: {verdict}"


def compare(model_a: Any, model_b: Any, **options: Any) -> Comparison:
    """Draw two models side by side (same layout rules, so equal layers line up) and diff them.

    Options are those of `plot_architecture` (show_shapes, show_params, show_dtype, expand_nested,
    direction, highlight, fold). The result's `.same` is True when only names differ.
    """
    expand, fold = options.pop("expand_nested", False), options.pop("fold", "auto")
    a, b = folded(as_graph(model_a, expand), fold), folded(as_graph(model_b, expand), fold)
    differences, renamed = structural_differences(a, b)
    layouts = tuple(layered_layout(list(g.nodes), g.edges) for g in (a, b))
    result = Comparison(a, b, differences, renamed, options, layouts=layouts)
    highlight = set(options.get("highlight", ()))
    left = svg.draw(a, **{**options, "highlight": highlight & {n.layer_name for n in a.nodes.values()}},
                    offset=(0, 26), id_prefix="a-", layout=layouts[0])
    right = svg.draw(b, **{**options, "highlight": highlight & {n.layer_name for n in b.nodes.values()}},
                     offset=(left.width, 26), id_prefix="b-", layout=layouts[1])
    mark = f'<tspan style="fill:{SAME}">✓</tspan>' if result.same else f'<tspan style="fill:{WRONG}">✗</tspan>'
    heading = f'<text class="title" x="{svg.MARGIN}" y="{svg.MARGIN + 12}">{mark} {svg.esc(result.verdict())}</text>\n'
    result.svg, _ = svg.finish(heading + left.body + right.body, "", left.width + right.width,
                               max(left.height, right.height) + 26, result.verdict(), repr(result))
    return result


def _figure(result: Comparison) -> Figure:
    import matplotlib.pyplot as plt

    options = {k: v for k, v in result.options.items() if k != "highlight"}
    direction = options.get("direction", "TB")
    a, b = result.a, result.b
    layouts = result.layouts or tuple(layered_layout(list(g.nodes), g.edges) for g in (a, b))
    sizes = [mpl.figure_size(g, layout, direction) for g, layout in zip((a, b), layouts)]
    figure, axes = plt.subplots(
        1, 2, figsize=(sizes[0][0] + sizes[1][0], max(s[1] for s in sizes) + 0.6),
        gridspec_kw={"width_ratios": [sizes[0][0], sizes[1][0]]},
    )
    highlight = set(result.options.get("highlight", ()))
    for graph, layout, ax in zip((a, b), layouts, axes):
        names = {n.layer_name for n in graph.nodes.values()}
        mpl.draw(graph, ax, highlight=highlight & names, layout=layout, **options)
    figure.suptitle(result.verdict(), fontsize=10.5, x=0.02, ha="left", color=SAME if result.same else WRONG)
    figure.tight_layout()
    plt.close(figure)
    return figure
