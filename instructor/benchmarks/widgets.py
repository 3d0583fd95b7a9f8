"""Benchmark: widgets versus `keras.utils.plot_model` on ResNet50 with shapes, measured in one run.

    python -m instructor.benchmarks.widgets    # prints a table; `make bench` includes it

Each figure is the median of `--repeat` runs. Warm rows repeat the call in this process; cold
rows time the first call in fresh processes (each imports Keras and builds the model untimed,
then times its first picture), as a learner meets it in a new kernel. plot_model needs pydot
and the Graphviz `dot` binary; without them its rows say so and no ratio is printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from course.paths import ROOT
from course.settings import KERNEL_ENV, kernel_environment

COLD = """
import sys, time
import keras
model = keras.applications.ResNet50(weights=None, input_shape=(224, 224, 3))
start = time.perf_counter()
if sys.argv[1] == "widgets":
    import widgets
    widgets.plot_architecture(model)._repr_mimebundle_()  # what the notebook displays
else:
    keras.utils.plot_model(model, to_file=sys.argv[2], show_shapes=True)
print(time.perf_counter() - start)
"""


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def first_call_seconds(which: str, folder: Path) -> float:
    """Seconds of the first picture in a fresh Python process ('widgets' or 'plot_model')."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))  # this checkout's widgets
    env = kernel_environment({**os.environ, "PYTHONPATH": path}, KERNEL_ENV)
    result = subprocess.run([sys.executable, "-c", COLD, which, str(folder / "cold.png")], capture_output=True,
                            text=True, env=env, timeout=600, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def measure(repeat: int = 3) -> list[tuple[str, float | None, str]]:
    for name, value in KERNEL_ENV.items():  # before TensorFlow loads, as in a course kernel
        os.environ.setdefault(name, value)
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
        default = median_seconds(lambda: widgets.plot_architecture(model)._repr_mimebundle_(), repeat)
        rows.append(("plot_architecture SVG, shapes, folded (default)", default, ""))
        svg = median_seconds(lambda: widgets.export(model, folder / "full.svg", fold=False), repeat)
        rows.append(("widgets.export SVG, shapes, every layer", svg, ""))
        png = median_seconds(lambda: widgets.export(model, folder / "ours.png"), repeat)
        rows.append(("widgets.export PNG (matplotlib), shapes, folded", png, ""))
        full = median_seconds(lambda: widgets.export(model, folder / "full.png", fold=False), repeat)
        rows.append(("widgets.export PNG (matplotlib), shapes, every layer", full, ""))
        graphviz = shutil.which("dot") is not None
        cold_ours, cold_theirs = [], []
        for _ in range(repeat):  # interleaved, so a busy moment on the machine hits both sides alike
            cold_ours.append(first_call_seconds("widgets", folder))
            if graphviz:
                cold_theirs.append(first_call_seconds("plot_model", folder))
        cold = statistics.median(cold_ours)
        rows.append(("cold first call: plot_architecture (default)", cold, ""))
        if graphviz:
            theirs = median_seconds(
                lambda: keras.utils.plot_model(model, to_file=str(folder / "keras.png"), show_shapes=True), repeat)
            rows.append(("keras.utils.plot_model(show_shapes=True) PNG", theirs, ""))
            cold_keras = statistics.median(cold_theirs)
            rows.append(("cold first call: plot_model(show_shapes=True)", cold_keras, ""))
            rows.append(("speed-up, every layer (SVG)", theirs / svg, "× faster (target ≥ 10)"))
            rows.append(("speed-up, default picture (SVG)", theirs / default, "× faster"))
            rows.append(("speed-up, default picture, cold first call", cold_keras / cold,
                         "× faster (target ≥ 10)"))
            rows.append(("speed-up, every layer (PNG)", theirs / full, "× faster"))
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
