"""Benchmark: widgets versus `keras.utils.plot_model` on ResNet50 with shapes, measured in one run.

    python -m widgets.benchmark            # prints a table; `make bench` includes it

Each figure is the median of `--repeat` runs. plot_model needs pydot and the Graphviz `dot`
binary; without them its row says so and the ratio is not printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(repeat: int = 3) -> list[tuple[str, float | None, str]]:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras

    import widgets
    from widgets.layout import layered_layout

    model = keras.applications.ResNet50(weights=None, input_shape=(224, 224, 3))
    graph = widgets.architecture_graph(model)
    folder = Path(tempfile.mkdtemp(prefix="kt-bench-"))
    rows: list[tuple[str, float | None, str]] = []
    try:
        extract = median_seconds(lambda: widgets.architecture_graph(model), repeat)
        layout = median_seconds(lambda: layered_layout(list(graph.nodes), graph.edges), repeat)
        rows.append(("graph extraction (177 calls)", extract, ""))
        rows.append(("layout (177 nodes, 192 edges)", layout, ""))
        rows.append(("extraction + layout", extract + layout, "target ≤ 50 ms"))
        ours = median_seconds(
            lambda: widgets.export(model, folder / "ours.png"), repeat)
        rows.append(("widgets.export PNG, shapes, folded (default)", ours, ""))
        full = median_seconds(lambda: widgets.export(model, folder / "full.png", fold=False), repeat)
        rows.append(("widgets.export PNG, shapes, every layer", full, ""))
        svg = median_seconds(lambda: widgets.export(model, folder / "full.svg", fold=False), repeat)
        rows.append(("widgets.export SVG, shapes, every layer", svg, ""))
        if shutil.which("dot"):
            theirs = median_seconds(
                lambda: keras.utils.plot_model(model, to_file=str(folder / "keras.png"), show_shapes=True), repeat)
            rows.append(("keras.utils.plot_model(show_shapes=True) PNG", theirs, ""))
            rows.append(("speed-up, default picture", theirs / ours, "× faster (target ≥ 10)"))
            rows.append(("speed-up, every layer (PNG)", theirs / full, "× faster"))
            rows.append(("speed-up, every layer (SVG)", theirs / svg, "× faster"))
        else:
            rows.append(("keras.utils.plot_model", None, "unavailable: no Graphviz `dot` binary"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def format_rows(rows: list[tuple[str, float | None, str]]) -> str:
    lines = [f"{'ResNet50 (weights=None)':50s} {'result':>10s}", "-" * 62]
    for name, value, note in rows:
        if value is None:
            shown = "—"
        elif note.startswith("×"):
            shown = f"{value:.1f}"
        else:
            shown = f"{value * 1000:.0f} ms"
        lines.append(f"{name:50s} {shown:>10s}  {note}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(format_rows(measure(args.repeat)))


if __name__ == "__main__":
    main()
