"""Grade one submission. Runs in its own process (`python -m course.grading.worker`), started by the
grader with a wall-clock limit; it sets resource limits that its kernel inherits.

1. Read the submission (never written to) and assemble the notebook to run (`assemble`).
2. Build the grading inputs and append one collect cell per exercise (`artifacts`).
3. Execute in a fresh kernel: temporary working directory and HOME, a scrubbed environment, a
   per-cell timeout (longer for collect cells), errors recorded rather than fatal.
4. Load the artifacts here, outside the kernel, and run the grading checks on them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from course.bootstrap import TEST_ENV
from course.checks import Collected, load_all, run_check
from course.grading.artifacts import case_stem, collect_cell_source, load_value, save_inputs
from course.grading.assemble import NotGradable, assemble, exercise_id, read_submission

DEFAULT_CELL_TIMEOUT = 60.0


@dataclass
class CheckResult:
    name: str
    points: float
    max_points: float
    passed: bool
    message: str | None  # None for hidden checks that failed, and for passed checks
    hidden: bool


@dataclass
class ExerciseResult:
    id: str
    title: str
    points: float
    max_points: float
    checks: list[CheckResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class SubmissionResult:
    submission: str
    path: str
    status: str  # "graded", or "error" when the notebook could not be graded at all
    reason: str = ""
    lesson: str = ""
    score: float = 0.0
    max_score: float = 0.0
    seconds: float = 0.0
    exercises: list[ExerciseResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def set_limits(memory_gb: float, cpu_seconds: int) -> None:
    """Resource limits for this process and the kernel it starts (POSIX only)."""
    try:
        import resource
    except ImportError:  # Windows: wall-clock limit only
        return
    gib = 1024 ** 3
    for limit, value in [
        (resource.RLIMIT_AS, int(memory_gb * gib)),  # a memory bomb gets MemoryError, not the machine
        (resource.RLIMIT_CPU, cpu_seconds),
        (resource.RLIMIT_FSIZE, 1 * gib),  # no file over 1 GiB
        (resource.RLIMIT_CORE, 0),
    ]:
        soft, hard = resource.getrlimit(limit)
        new = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(limit, (new, hard))


def kernel_environment(home: Path) -> dict[str, str]:
    """What the submission's kernel sees: the course's settings and little else."""
    import matplotlib

    keep = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "SYSTEMROOT") if k in os.environ}
    return {
        **keep, **TEST_ENV,
        "HOME": str(home), "TMPDIR": str(home), "KERAS_HOME": str(home / ".keras"),
        "MPLCONFIGDIR": matplotlib.get_configdir(),  # reuse the font cache instead of rebuilding it
    }


def exercise_errors(nb: nbformat.NotebookNode) -> dict[str, str]:
    """The first error each exercise cell raised while the submission ran."""
    found = {}
    for cell in nb.cells:
        eid = exercise_id(cell)
        for out in cell.get("outputs", []) if eid else []:
            if out.get("output_type") == "error" and eid not in found:
                if out.ename in ("KeyboardInterrupt", "CellTimeoutError"):  # stopped by the cell time limit
                    found[eid] = "ran past its time limit and was stopped (an endless loop?)"
                else:
                    found[eid] = f"raised {out.ename}: {str(out.evalue).splitlines()[0] if out.evalue else ''}"[:300]
    return found


def grade(path: Path, name: str, cell_timeout: float = DEFAULT_CELL_TIMEOUT) -> SubmissionResult:
    start = time.perf_counter()
    result = SubmissionResult(submission=name, path=str(path), status="graded")
    try:
        submission = read_submission(path)
        exercises = load_all()
        assembled = assemble(submission, path, exercises)
    except NotGradable as error:
        result.status, result.reason = "error", str(error)
        return result
    result.lesson = assembled.lesson
    with tempfile.TemporaryDirectory(prefix="kt-grade-") as tmp:
        work = Path(tmp)
        inputs_dir, artifacts_dir, run_dir = work / "inputs", work / "artifacts", work / "run"
        run_dir.mkdir()
        nb = assembled.notebook
        live_inputs = {exercise.id: save_inputs(exercise, inputs_dir) for exercise in assembled.exercises}
        by_id = {exercise.id: exercise for exercise in assembled.exercises}
        cells = []
        for cell in nb.cells:  # collect each answer right after its cell: a later crash cannot lose it
            cells.append(cell)
            eid = exercise_id(cell)
            if eid in by_id:
                collect = nbformat.v4.new_code_cell(collect_cell_source(by_id[eid], inputs_dir, artifacts_dir))
                collect.metadata["course"] = {"collect": eid, "timeout": by_id[eid].timeout}
                cells.append(collect)
        nb.cells = cells

        def timeout_for(cell: nbformat.NotebookNode) -> float:
            return float(cell.get("metadata", {}).get("course", {}).get("timeout", cell_timeout))

        from nbclient.exceptions import DeadKernelError

        from course.execute import execute

        try:
            execute(nb, cwd=run_dir, allow_errors=True, timeout_func=timeout_for,
                    env=kernel_environment(work))
        except DeadKernelError:
            result.notes.append("the kernel died while running the notebook (a crash, or the memory limit); "
                                "answers collected before that were graded")
        errors = exercise_errors(nb)
        for exercise in assembled.exercises:
            values = [load_value(case_stem(artifacts_dir, exercise.id, i)) for i in range(len(exercise.cases))]
            collected = Collected(values, live_inputs[exercise.id])
            graded = ExerciseResult(exercise.id, exercise.title, 0.0, float(exercise.points),
                                    notes=list(assembled.notes.get(exercise.id, [])))
            if exercise.id in errors:
                graded.notes.append(f"the exercise cell {errors[exercise.id]}")
            for check in exercise.grading:
                outcome = run_check(check, collected)
                graded.checks.append(CheckResult(
                    name=check.description, points=float(check.points) if outcome.passed else 0.0,
                    max_points=float(check.points), passed=outcome.passed, hidden=check.hidden,
                    message=None if outcome.passed or check.hidden else outcome.message + (
                        f" (hint: {outcome.hint})" if outcome.hint else ""),
                ))
            graded.points = sum(c.points for c in graded.checks)
            result.exercises.append(graded)
    result.score = sum(e.points for e in result.exercises)
    result.max_score = sum(e.max_points for e in result.exercises)
    result.seconds = round(time.perf_counter() - start, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Grade one submission (used by `python -m course grade`).")
    parser.add_argument("submission", type=Path)
    parser.add_argument("result", type=Path, help="where to write the result as JSON")
    parser.add_argument("--name", required=True)
    parser.add_argument("--cell-timeout", type=float, default=DEFAULT_CELL_TIMEOUT)
    parser.add_argument("--memory-gb", type=float, default=6.0)
    parser.add_argument("--cpu-seconds", type=int, default=1800)
    args = parser.parse_args(argv)
    set_limits(args.memory_gb, args.cpu_seconds)
    try:
        result = grade(args.submission, args.name, args.cell_timeout)
    except Exception as error:  # a grader bug must still give the submission a row
        result = SubmissionResult(args.name, str(args.submission), "error",
                                  reason=f"the grader failed: {type(error).__name__}: {str(error)[:300]}")
    args.result.write_text(json.dumps(asdict(result), indent=1))
    return 0


def result_from_json(data: dict[str, Any]) -> SubmissionResult:
    exercises = [ExerciseResult(**{**e, "checks": [CheckResult(**c) for c in e["checks"]]})
                 for e in data.get("exercises", [])]
    return SubmissionResult(**{**data, "exercises": exercises})


if __name__ == "__main__":
    sys.exit(main())
