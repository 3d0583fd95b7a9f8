"""Benchmark the grader, measured in one run:

- throughput: N copies of a solution graded with `--jobs 1` and with `--jobs 2` (speed-up);
- overhead: the time per submission with `--jobs 1` against executing the same notebook once with
  plain nbclient (the grader's one-off start, which builds the grading inputs, is shown apart).

    python -m instructor.grading.benchmark [--copies 4] [--notebook solutions/01_two_ways.ipynb]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from course.execute import execute
from course.paths import SOLUTIONS


def seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def grade(paths: list[Path], out: Path, jobs: int) -> None:
    command = [sys.executable, "-m", "course", "grade", *map(str, paths), "--out", str(out), "--jobs", str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stdout + done.stderr)


def measure(notebook: Path, copies: int) -> list[tuple[str, float, str]]:
    folder = Path(tempfile.mkdtemp(prefix="kt-grade-bench-"))
    try:
        paths = []
        for i in range(copies):
            path = folder / "class" / f"student{i:02d}" / notebook.name
            path.parent.mkdir(parents=True)
            shutil.copy(notebook, path)
            paths.append(path)
        plain = seconds(lambda: execute(nbformat.read(notebook, as_version=4), cwd=folder))
        one = seconds(lambda: grade(paths[:1], folder / "one", 1))
        serial = seconds(lambda: grade(paths, folder / "jobs1", 1))
        parallel = seconds(lambda: grade(paths, folder / "jobs2", 2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    per_submission = (serial - one) / (copies - 1)  # the marginal cost of one more submission
    return [
        (f"plain nbclient run of {notebook.name}", plain, "s"),
        ("grading 1 submission (start-up included)", one, "s"),
        (f"grading {copies} submissions, --jobs 1", serial, "s"),
        ("per submission, --jobs 1", per_submission, "s"),
        ("overhead: per submission / plain run", per_submission / plain, "× (target ≤ 1.3)"),
        (f"grading {copies} submissions, --jobs 2", parallel, "s"),
        ("speed-up with 2 jobs", serial / parallel, "× (target ≥ 1.7 on 2 cores)"),
        ("throughput with 2 jobs", copies / parallel * 60, "submissions per minute"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--notebook", type=Path, default=SOLUTIONS / "01_two_ways.ipynb")
    args = parser.parse_args()
    for name, value, unit in measure(args.notebook, args.copies):
        print(f"{name:48s} {value:8.2f} {unit}")


if __name__ == "__main__":
    main()
