"""`make bench`: the course's figures, measured in one run and printed as one Markdown table.

    python -m instructor.benchmark [--parts suite,notebooks,widgets,grader,heldout] [--copies 10]

- suite: the whole `make test` (pytest -n 2 --dist loadscope), wall time;
- notebooks: the floor (a fresh kernel that only runs the setup cell), then each solution executed
  alone in a fresh kernel with the test settings, slowest first, as seconds and as a multiple of
  the floor measured in the same run (the budget is 4×);
- widgets: `instructor.benchmarks.widgets` on ResNet50 against `keras.utils.plot_model`;
- grader: `instructor.grading.benchmark`, N copies of lesson 01 graded with 1 and 2 jobs;
- heldout: `instructor.heldout`, the held-out wrong answers graded by the course grader.

The table starts with the machine it ran on; paste it into the README's Benchmarks section.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import nbformat

from course import bootstrap
from course.execute import execute
from course.notebooks import lesson_files
from course.paths import ROOT, SOLUTIONS, TEST_ARTIFACTS
from course.settings import kernel_environment

PARTS = ("suite", "notebooks", "widgets", "grader", "heldout")
FLOOR_BUDGET = 4.0  # a notebook may take at most 4× the floor (a kernel that only runs the setup cell)
Row = tuple[str, str, str]  # what, result, note


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    from importlib.metadata import version

    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python "
            f"{platform.python_version()}, TensorFlow {version('tensorflow')}, Keras {version('keras')}")


def suite() -> list[Row]:
    start = time.perf_counter()
    command = bootstrap.command("test", ["-q"], Path(sys.executable))  # exactly what `make test` runs
    done = subprocess.run(command, cwd=ROOT, env=kernel_environment(), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "no output"
    return [("`make test`: whole suite, 2 workers", f"{seconds / 60:.1f} min", last.strip("= ")),
            *mutation_rows()]


def mutation_rows(path: Path = TEST_ARTIFACTS / "mutation-score.json") -> list[Row]:
    """The mutation score the suite wrote (tests/conftest.py): typical wrong answers caught."""
    if not path.exists():
        return []
    score = json.loads(path.read_text())
    total = score["total"] or 1
    return [("mutation score: wrong answers that lose points", f"{score['caught']}/{score['total']}",
             f"{score['caught'] / total:.0%}; grading-blind: {', '.join(score.get('grading_blind', [])) or 'none'}"),
            ("mutation score: flagged by a public check", f"{score['public']}/{score['total']}",
             f"{score['public'] / total:.0%}; {score['hidden_only']} only a hidden case can reveal")]


def heldout_rows() -> list[Row]:
    """Wrong answers written from the exercise text alone, graded with `python -m course grade`."""
    from instructor import heldout

    score = heldout.summary(heldout.measure())
    return [("held-out wrong answers that lose points (`python -m course grade`)",
             f"{score['lose_points']}/{score['total']}", f"{score['lose_share']:.0%} (target ≥ 95 %)"),
            ("held-out wrong answers flagged by a public check", f"{score['flagged']}/{score['total']}",
             f"{score['flag_share']:.0%} (target ≥ 85 %)")]


def floor_notebook() -> nbformat.NotebookNode:
    """A fresh kernel that runs only a lesson's setup cell: what every notebook pays before it starts."""
    first = nbformat.read(SOLUTIONS / "01_two_ways.ipynb", as_version=4)
    setup = next(cell for cell in first.cells if cell.cell_type == "code")
    return nbformat.v4.new_notebook(cells=[setup])


def run_seconds(nb: nbformat.NotebookNode) -> float:
    start = time.perf_counter()
    execute(nb, cwd=SOLUTIONS)  # the kernel settings of `make test` and `make outputs`
    return time.perf_counter() - start


def notebooks() -> list[Row]:
    """Each notebook alone, and as a multiple of the floor measured in the same run (machines differ:
    the same lesson took 16 s on one 2-core machine and 42 s on another; the ratio travels)."""
    floors = [run_seconds(floor_notebook())]
    times = {path.name: run_seconds(nbformat.read(path, as_version=4))
             for path in lesson_files(SOLUTIONS)}
    floors.append(run_seconds(floor_notebook()))  # again at the end: the machine may have changed pace
    floor = sum(floors) / len(floors)
    rows = [("notebook floor: a fresh kernel running only the setup cell", f"{floor:.1f} s",
             f"mean of {len(floors)} runs ({', '.join(f'{f:.1f}' for f in floors)} s)")]
    for name, seconds in sorted(times.items(), key=lambda item: -item[1]):
        ratio = seconds / floor
        note = f"{ratio:.1f}× the floor" + (" — over the 4× budget" if ratio > FLOOR_BUDGET else "")
        rows.append((f"notebook `{name}`", f"{seconds:.1f} s", note))
    return rows


def widgets_rows() -> list[Row]:
    from instructor.benchmarks import widgets as benchmark

    rows = []
    for name, value, note in benchmark.measure():
        if value is None:
            rows.append((f"widgets: {name}", "—", note))
        elif note.startswith("×"):
            rows.append((f"widgets: {name}", f"{value:.1f}×", note.lstrip("× ")))
        else:
            rows.append((f"widgets: {name}", f"{value * 1000:.0f} ms", note))
    return rows


def grader(copies: int) -> list[Row]:
    from instructor.grading import benchmark

    rows = []
    for name, value, unit in benchmark.measure(SOLUTIONS / "01_two_ways.ipynb", copies):
        if unit.startswith("×"):
            rows.append((f"grader: {name}", f"{value:.2f}×", unit.lstrip("× ").strip("()")))
        elif unit == "s":
            rows.append((f"grader: {name}", f"{value:.1f} s", ""))
        else:
            rows.append((f"grader: {name}", f"{value:.1f}", unit))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| Measured | Result | Note |", "|---|---:|---|"]
    lines += [f"| {what} | {result} | {note} |" for what, result, note in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated, from {', '.join(PARTS)}")
    parser.add_argument("--copies", type=int, default=10, help="submissions graded per grader run (default 10)")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    if args.copies < 2:
        parser.error("--copies must be at least 2 (the per-submission cost is a difference of two runs)")
    measures = {"suite": suite, "widgets": widgets_rows, "grader": lambda: grader(args.copies),
                "notebooks": notebooks, "heldout": heldout_rows}
    rows: list[Row] = []
    for part in PARTS:
        if part in parts:
            print(f"measuring {part} ...", file=sys.stderr, flush=True)
            rows += measures[part]()
    print(f"Measured on {time.strftime('%Y-%m-%d')}: {machine()}.\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
