"""The SVG back end: pictures as SVG text, written directly: crisp at any zoom, themed, and fast.

It paints a `widgets.scene.Scene` (architectures, also with the explorer's hover classes), and
the tools' other static pictures (a one-line message, cards). No matplotlib here (importing it
costs more than drawing ResNet50). Text widths come from a fixed table (Helvetica's metrics,
padded), so one graph gives the same bytes on every machine: nbval compares `image/svg+xml`
outputs. Colours are JupyterLab theme variables with light fallbacks, in a `<style>` scoped to
the picture's id (a content hash, never a counter or a random id); an opaque background keeps
the picture legible as an `<img>` (static renderers), where the theme variables are absent.
"""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from widgets.graph import Graph
from widgets.labels import graph_title, node_lines, tooltip, wrap_lines
from widgets.layout import Layout
from widgets.scene import plan, s_curve
from widgets.style import (
    BACKGROUND,
    BADGE_TEXT,
    BORDER,
    HIGHLIGHT,
    KIND_COLOUR,
    LINES,
    SHARED_COLOURS,
    SKIP_COLOUR,
    TEXT,
    TEXT_SOFT,
)

# Advance widths (1/1000 em) of ASCII 32..126 in Helvetica, regular and bold (from its AFM files).
_REGULAR = (
    "278 278 355 556 556 889 667 222 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 "
    "278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 "
    "611 722 667 944 667 667 611 278 278 278 469 556 222 556 556 500 556 556 278 556 556 222 222 500 222 833 "
    "556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584"
)
_BOLD = (
    "278 333 474 556 556 889 722 278 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 "
    "333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 "
    "611 722 667 944 667 667 611 333 278 333 584 556 278 556 611 556 611 556 333 611 611 278 278 556 278 889 "
    "611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584"
)
WIDTHS = {False: dict(zip(map(chr, range(32, 127)), map(int, _REGULAR.split()))),
          True: dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split())))}
OTHER_WIDTHS = {"·": 278, "×": 584, "→": 1000, "…": 1000, "⊕": 800}
SLACK = 1.1  # fallback fonts (DejaVu Sans) run wider than Helvetica

FONT = 'Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif'
NAME_SIZE, DETAIL_SIZE, NOTE_SIZE, TITLE_SIZE, BADGE_SIZE = 12, 10.5, 10.5, 13, 9.5
LINE, PAD, MARGIN, ARROW = 14, 8, 14, 7



def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width in px of `text` at font `size`, the same on every machine."""
    table = WIDTHS[bold]
    return sum(table.get(c) or OTHER_WIDTHS.get(c, 1000) for c in text) * size / 1000 * SLACK


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of `text` that fit `width` px (average character width from the table)."""
    return wrap_lines(text, max(20, int(width / (size * 0.56 * SLACK))))


def esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def theme_css(uid: str) -> str:
    """Colours from JupyterLab's theme where the picture is inline, light fallbacks elsewhere."""
    u = f"#{uid}"
    rules = [
        f"{u} {{font-family: {FONT}}}",
        f"{u} .bg {{fill: var(--jp-layout-color0, {BACKGROUND})}}",
        f"{u} text {{fill: var(--jp-ui-font-color0, {TEXT}); text-anchor: middle}}",
        f"{u} .title {{font-size: {TITLE_SIZE}px; font-weight: bold; text-anchor: start}}",
        f"{u} .note {{font-size: {NOTE_SIZE}px; font-style: italic; text-anchor: start; "
        f"fill: var(--jp-ui-font-color1, {TEXT_SOFT})}}",
        f"{u} .outname {{font-size: {DETAIL_SIZE}px; fill: var(--jp-ui-font-color1, {TEXT_SOFT})}}",
        f"{u} .name {{font-size: {NAME_SIZE}px; font-weight: bold}}",
        f"{u} .detail {{font-size: {DETAIL_SIZE}px}}",
        f"{u} rect.b {{fill-opacity: .2; stroke-width: 1.2px}}",
        f"{u} .shared rect.b, {u} .out rect.b {{stroke-width: 2.6px}}",
        f"{u}.unbuilt rect.b {{stroke-dasharray: 5 3}}",
        f"{u} .badge text {{font-size: {BADGE_SIZE}px; fill: {BADGE_TEXT}}}",
        f"{u} .e path {{fill: none; stroke: var(--jp-ui-font-color2, {LINES}); stroke-width: 1.3px}}",
        f"{u} .e path.head {{fill: var(--jp-ui-font-color2, {LINES}); stroke-width: 1px}}",
        f"{u} .e.skip path {{stroke: {SKIP_COLOUR}}}",
        f"{u} .e.skip path.line {{stroke-dasharray: 5 3}}",
        f"{u} .e.skip path.head {{fill: {SKIP_COLOUR}}}",
        f"{u} .e.lit path {{stroke: {HIGHLIGHT}; stroke-width: 2.2px; stroke-dasharray: none}}",
        f"{u} .e.lit path.head {{fill: {HIGHLIGHT}}}",
        f"{u} .box.lit rect.b {{stroke: {HIGHLIGHT}; stroke-width: 2.6px}}",
    ]
    rules += [f"{u} .k-{kind} rect.b {{fill: {colour}; stroke: {colour}}}" for kind, colour in KIND_COLOUR.items()]
    rules += [f"{u} .sg{i} rect.b {{stroke: {colour}}} {u} .sg{i} .badge rect {{fill: {colour}}}"
              for i, colour in enumerate(SHARED_COLOURS)]
    return "\n".join(rules)


@dataclass
class Picture:
    """An SVG picture and its text alternative; displays as both in a notebook."""

    svg: str
    text: str
    width: float = 0.0
    height: float = 0.0
    node_index: dict[str, int] = field(default_factory=dict, repr=False)
    edge_index: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict:
        return {"image/svg+xml": self.svg, "text/plain": self.text}

    def themed_bundle(self) -> dict[str, str]:
        """The bundle with the SVG inline as HTML too (see `themed_bundle`)."""
        return themed_bundle(self.svg, self.text)

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + self.svg, encoding="utf-8")
        return path


def themed_bundle(svg: str, text: str) -> dict[str, str]:
    """A picture's display bundle that follows JupyterLab's theme.

    JupyterLab shows `image/svg+xml` as an `<img>`, where the theme's CSS variables do not reach,
    so the picture would keep its light fallbacks: a white card on a dark theme. It prefers
    `text/html`, where the same SVG sits inline and takes the theme's colours, as the widgets' do.
    nbconvert and other static renderers show either one with the light fallbacks.
    """
    return {"text/html": svg, "image/svg+xml": svg, "text/plain": text}


def finish(body: str, css: str, width: float, height: float, title: str, description: str,
           root_class: str = "", uid: str | None = None) -> tuple[str, str]:
    """Wrap drawn elements in an `<svg>` with its style, title and description; return (svg, uid).

    The id is a hash of the content, so equal pictures share rules and different ones never clash.
    """
    if uid is None:
        uid = "kt-" + hashlib.sha1((body + title + description).encode()).hexdigest()[:10]
    css = css.replace("#UID", f"#{uid}")
    classes = f' class="{root_class}"' if root_class else ""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{uid}"{classes} width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="{uid}-title {uid}-desc">\n'
        f'<title id="{uid}-title">{esc(title)}</title>\n<desc id="{uid}-desc">{esc(description)}</desc>\n'
        f"<style>\n{theme_css(uid)}\n{css}\n</style>\n"
        f'<rect class="bg" width="100%" height="100%"/>\n{body}</svg>\n'
    )
    return svg, uid


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Elements:
    """Drawn elements of one architecture and their extent, before they are wrapped in an <svg>."""

    body: str
    width: float
    height: float
    node_index: dict[str, int]
    edge_index: dict[tuple[str, str], int]


def draw(
    graph: Graph,
    *,
    show_shapes: bool = True,
    show_params: bool = True,
    show_dtype: bool = False,
    direction: str = "TB",
    highlight: Iterable[str] = (),
    title: str | None = None,
    path_classes: bool = False,
    offset: tuple[float, float] = (0.0, 0.0),
    layout: Layout | None = None,
    id_prefix: str = "",
) -> Elements:
    """Boxes, edges, title and notes of `graph` as SVG elements.

    `path_classes=True` marks every box and edge with `a-n<i>` for each node whose inbound path
    it lies on, for the explorer's pure-CSS hover (O(n²) classes, so only when asked).
    """
    scene = plan(graph, direction=direction, highlight=highlight, layout=layout)
    layout, lit = scene.layout, scene.lit
    labels = {n.id: node_lines(n, show_shapes, show_params, show_dtype) for n in graph.nodes.values()}
    widest = max([text_width(n.layer_name, NAME_SIZE, True) for n in graph.nodes.values()]
                 + [text_width(line, DETAIL_SIZE) for lines in labels.values() for line in lines] + [0])
    box_w = min(340.0, max(130.0, widest + 2 * PAD))
    heights = {i: PAD + 16 + LINE * len(lines) + PAD / 2 for i, lines in labels.items()}
    tallest = max(heights.values(), default=40)
    outputs = any(n.output_names for n in graph.nodes.values())
    title = title if title is not None else graph_title(graph)
    left, top = MARGIN + offset[0], MARGIN + 22 + offset[1]
    if direction == "TB":
        step_x, step_y = box_w + 30, tallest + 36

        def place(x: float, rank: float) -> tuple[float, float]:
            return left + x * step_x + box_w / 2, top + rank * step_y + tallest / 2
        wide = (layout.width - 1) * step_x + box_w
        deep = (layout.ranks - 1) * step_y + tallest + (18 if outputs else 0)
    else:
        step_x, step_y = box_w + 56, tallest + 24

        def place(x: float, rank: float) -> tuple[float, float]:
            return left + rank * step_x + box_w / 2, top + x * step_y + tallest / 2
        out_w = max([text_width("output: " + ", ".join(n.output_names), DETAIL_SIZE)
                     for n in graph.nodes.values() if n.output_names] + [0])
        wide = (layout.ranks - 1) * step_x + box_w + (out_w + 8 if outputs else 0)
        deep = (layout.width - 1) * step_y + tallest
    width = max(wide, text_width(title, TITLE_SIZE, True), 200) + 2 * MARGIN
    note_lines = [line for note in scene.notes for line in wrap(note, width - 2 * MARGIN, NOTE_SIZE)]
    height = top - offset[1] + deep + 10 + LINE * len(note_lines) + MARGIN
    below: dict[str, set[str]] = {}
    if path_classes:
        below = {n: set() for n in graph.nodes}
        for node in graph.nodes:
            for parent in graph.ancestors(node):
                below[parent].add(node)
    node_index = {node_id: i for i, node_id in enumerate(graph.nodes)}

    def path_class(ids: Iterable[str]) -> str:
        return "".join(f" a-n{node_index[d]}" for d in sorted(ids, key=node_index.get))

    out = [f'<text class="title" x="{_n(left)}" y="{_n(MARGIN + 14 + offset[1])}">{esc(title)}</text>\n']
    edge_index = {}
    for i, (edge, route) in enumerate(layout.routes.items()):
        edge_index[edge] = i
        source, target = edge
        points = [place(x, r) for x, r in route]
        if direction == "TB":
            points[0] = (points[0][0], points[0][1] + heights[source] / 2)
            end = (points[-1][0], points[-1][1] - heights[target] / 2)
            points[-1] = (end[0], end[1] - ARROW)
            corners = ((end[0] - 4, end[1] - ARROW), (end[0] + 4, end[1] - ARROW))
        else:
            points[0] = (points[0][0] + box_w / 2, points[0][1])
            end = (points[-1][0] - box_w / 2, points[-1][1])
            points[-1] = (end[0] - ARROW, end[1])
            corners = ((end[0] - ARROW, end[1] - 4), (end[0] - ARROW, end[1] + 4))
        head = f"M{_n(end[0])} {_n(end[1])}" + "".join(f"L{_n(x)} {_n(y)}" for x, y in corners) + "Z"
        d = [f"M{_n(points[0][0])} {_n(points[0][1])}"]
        d += [f"C{_n(c[0])} {_n(c[1])} {_n(e[0])} {_n(e[1])} {_n(b[0])} {_n(b[1])}"
              for c, e, b in s_curve(points, direction)]
        classes = "e" + (" skip" if edge in scene.skips else "")
        classes += " lit" if scene.edge_lit(edge) else ""
        if path_classes:
            classes += path_class(below[target] | {target})
        out.append(f'<g id="{id_prefix}edge-{i}" class="{classes}"><path class="line" d="{"".join(d)}"/>'
                   f'<path class="head" d="{head}"/></g>\n')

    groups = {g: i % len(SHARED_COLOURS) for i, g in enumerate(sorted(graph.shared_groups()))}
    for node_id, node in graph.nodes.items():
        i = node_index[node_id]
        x, y = place(*layout.positions[node_id])
        h = heights[node_id]
        classes = f"box k-{node.kind}"
        if node.shared:
            classes += f" shared sg{groups[node.shared_group]}"
        if node.output_names:
            classes += " out"
        if node_id in lit:
            classes += " lit"
        if path_classes:
            classes += path_class(below[node_id])
        tip = esc(tooltip(graph, node_id)).replace("\n", "&#10;")
        x0, y0 = x - box_w / 2, y - h / 2
        rx = 12 if node.kind == "op" else 5
        parts = [f'<g id="{id_prefix}node-{i}" class="{classes}"><title>{tip}</title>',
                 f'<rect class="b" x="{_n(x0)}" y="{_n(y0)}" width="{_n(box_w)}" height="{_n(h)}" rx="{rx}"/>',
                 f'<text class="name" x="{_n(x)}" y="{_n(y0 + PAD + 11)}">{esc(node.layer_name)}</text>']
        for k, line in enumerate(labels[node_id]):
            parts.append(f'<text class="detail" x="{_n(x)}" y="{_n(y0 + PAD + 16 + LINE * k + 10)}">{esc(line)}</text>')
        if node.shared:
            badge = f"shared ×{node.calls}"
            bw = text_width(badge, BADGE_SIZE) + 8
            parts.append(f'<g class="badge"><rect x="{_n(x0 + box_w - bw)}" y="{_n(y0 - 8)}" width="{_n(bw)}" '
                         f'height="14" rx="3"/><text x="{_n(x0 + box_w - bw / 2)}" y="{_n(y0 + 2.5)}">{badge}</text>'
                         "</g>")
        if node.output_names:
            label = esc("output: " + ", ".join(node.output_names))
            if direction == "TB":
                parts.append(f'<text class="outname" x="{_n(x)}" y="{_n(y0 + h + 13)}">{label}</text>')
            else:
                parts.append(f'<text class="outname" style="text-anchor:start" x="{_n(x0 + box_w + 6)}" '
                             f'y="{_n(y + 4)}">{label}</text>')
        out.append("".join(parts) + "</g>\n")
    y_note = top + deep + 10 + 11
    for k, line in enumerate(note_lines):
        out.append(f'<text class="note" x="{_n(left)}" y="{_n(y_note + LINE * k)}">{esc(line)}</text>\n')
    return Elements("".join(out), width, height, node_index, edge_index)


def architecture_svg(graph: Graph, description: str, *, css: str = "", **options: object) -> Picture:
    """A complete SVG picture of `graph`; `description` is its text alternative."""
    scene = draw(graph, **options)  # type: ignore[arg-type]
    title = "Architecture of " + (str(options.get("title")) if options.get("title") else graph.name)
    svg, _ = finish(scene.body, css, scene.width, scene.height, title, description,
                    root_class="" if graph.built else "unbuilt")
    return Picture(svg, description, scene.width, scene.height, scene.node_index, scene.edge_index)


def interactive_svg(graph: Graph, uid: str | None, description: str = "", css: str = "", **options: object) -> Picture:
    """The drawing as SVG, with a tooltip per box and classes that mark inbound paths (for hover CSS).

    `uid` names the picture (styles are global in a page, so each live widget needs its own);
    None takes a hash of the content, for stored outputs that must not change between runs.
    """
    elements = draw(graph, path_classes=True, **options)  # type: ignore[arg-type]
    text, _ = finish(elements.body, css, elements.width, elements.height, f"Architecture of {graph.name}",
                     description or graph.name, uid=uid, root_class="" if graph.built else "unbuilt")
    return Picture(text, description, elements.width, elements.height, elements.node_index, elements.edge_index)


def message_picture(line: str, title: str, description: str) -> Picture:
    """A one-line picture (a widget with nothing to draw yet), in the title's style."""
    width = text_width(line, TITLE_SIZE, True) + 2 * MARGIN
    body = f'<text class="title" x="{MARGIN}" y="{MARGIN + 14}">{esc(line)}</text>\n'
    text, _ = finish(body, "", width, 2 * MARGIN + 20, title, description)
    return Picture(text, description, width, 2 * MARGIN + 20)


@dataclass
class Card:
    """One card of a `cards_picture`: a bold title, a sentence, monospace lines and a footer."""

    title: str
    text: str
    mono: list[str]
    footer: str
    footer_colour: str | None = None


MONO = 10.5 * 0.6 * SLACK  # px per character of monospace text at 10.5 px


def cards_picture(heading: str, cards: list[Card], title: str, description: str) -> Picture:
    """Cards in two columns under a heading (the quiz's sketches and choices)."""
    card_w = max(380.0, max(len(line) for card in cards for line in card.mono) * MONO + 16)
    lines = [(wrap(c.title, card_w - 16, NAME_SIZE), wrap(c.text, card_w - 16, DETAIL_SIZE), c.mono) for c in cards]
    heights = [16 * len(t) + 14 * len(d) + 13 * len(k) + 40 for t, d, k in lines]
    top, gap = 2 * MARGIN + 24, 8
    rows = [max(heights[i:i + 2]) for i in range(0, len(cards), 2)]
    out = [f'<text class="title" x="{MARGIN}" y="{MARGIN + 14}">{esc(heading)}</text>\n']
    for i, (card, (title_lines, text, mono)) in enumerate(zip(cards, lines)):
        x, y = MARGIN + (i % 2) * (card_w + gap), top + sum(rows[: i // 2]) + gap * (i // 2)
        out.append(f'<g class="card"><rect class="card" x="{x}" y="{y}" width="{card_w}" height="{rows[i // 2]}" '
                   f'rx="4"/>')
        line_y = y + 16
        for line in title_lines:
            out.append(f'<text class="q" x="{x + 8}" y="{line_y}" style="font-weight:bold">{esc(line)}</text>')
            line_y += 16
        for line in text:
            out.append(f'<text class="q" x="{x + 8}" y="{line_y}">{esc(line)}</text>')
            line_y += 14
        for line in mono:
            out.append(f'<text class="mono" x="{x + 8}" y="{line_y + 2}" xml:space="preserve">{esc(line)}</text>')
            line_y += 13
        colour = f' style="fill:{card.footer_colour}"' if card.footer_colour else ""
        out.append(f'<text class="q a" x="{x + 8}" y="{y + rows[i // 2] - 9}"{colour}>{esc(card.footer)}</text>'
                   "</g>\n")
    width = 2 * MARGIN + 2 * card_w + gap
    height = top + sum(rows) + gap * len(rows) + MARGIN
    css = (f"#UID .q {{text-anchor: start; font-size: {DETAIL_SIZE}px}} #UID .a {{font-weight: bold}} "
           f"#UID .mono {{text-anchor: start; font-size: 10.5px; font-family: Menlo, Consolas, "
           f'"DejaVu Sans Mono", monospace}} #UID rect.card {{fill: none; '
           f"stroke: var(--jp-border-color2, {BORDER})}}")
    svg, _ = finish("".join(out), css, width, height, title, description)
    return Picture(svg, description, width, height)
