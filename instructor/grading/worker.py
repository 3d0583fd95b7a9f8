"""Run submissions for the grader (`python -m instructor.grading.worker`). The grader keeps one such
process per job, sends it one task per line on stdin (`{"submission": ..., "work": ...}`), waits
for its `done` line under a wall-clock limit, and kills its process group (the worker and its
kernel) when time is up. It never imports TensorFlow and never judges anything; per submission
it only produces artifacts:

1. Read the submission (never written to) and assemble the notebook to run (`assemble`).
2. Insert after each exercise cell a cell that saves what the answer returns (`artifacts`).
3. Execute in a fresh kernel with resource limits, a temporary working directory and HOME,
   a scrubbed environment and per-cell timeouts; errors are recorded, not fatal.
4. Write `run.json`: the lesson, the exercises found, and what happened to them; `run.log` and the
   executed notebook, which the grader keeps per submission for audits and regrade requests.

The grader (`instructor.grading.grader`) then checks the artifacts in its own process. It passes the
exercises as `exercises.json`, so this process stays light (no TensorFlow, no exercise registry).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from course.notebooks import error_summary, exercise_id
from course.settings import kernel_environment
from instructor.grading.artifacts import collect_cell_source, read_specs
from instructor.grading.assemble import NotGradable, assemble, read_submission

DEFAULT_CELL_TIMEOUT = 60.0
LESSON_CELL_FLOOR = 120.0  # seconds at least for a cell of the instructor's lesson (never learner code)


@dataclass
class RunRecord:
    status: str  # "ran", or "error" when the submission could not be run at all
    reason: str = ""
    lesson: str = ""
    exercises: list[str] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)  # exercise id → notes
    run_notes: list[str] = field(default_factory=list)


def set_limits(memory_gb: float, cpu_seconds: int) -> None:
    """Resource limits for this process and the kernel it starts (POSIX only)."""
    try:
        import resource
    except ImportError:  # Windows: the wall-clock limit only
        return
    gib = 1024 ** 3
    for limit, value in [
        (resource.RLIMIT_AS, int(memory_gb * gib)),  # a memory bomb gets MemoryError, not the machine
        (resource.RLIMIT_CPU, cpu_seconds),
        (resource.RLIMIT_FSIZE, 1 * gib),  # no file over 1 GiB
        (resource.RLIMIT_CORE, 0),
    ]:
        _, hard = resource.getrlimit(limit)
        new = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(limit, (new, hard))


def scrubbed_base(home: Path) -> dict[str, str]:
    """What the submission's kernel sees besides the course's settings: little, and a private HOME."""
    keep = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "KERAS_BACKEND") if k in os.environ}
    # Reuse matplotlib's font cache instead of rebuilding it in the empty HOME.
    fonts = os.environ.get("MPLCONFIGDIR") or str(Path.home() / ".cache" / "matplotlib")
    return {**keep, "HOME": str(home), "TMPDIR": str(home), "KERAS_HOME": str(home / ".keras"), "MPLCONFIGDIR": fonts}


def exercise_errors(nb: nbformat.NotebookNode) -> dict[str, str]:
    """What went wrong in each exercise cell while the submission ran (the first error)."""
    found = {}
    for cell in nb.cells:
        eid = exercise_id(cell)
        errors = [out for out in cell.get("outputs", []) if out.get("output_type") == "error"] if eid else []
        if errors and eid not in found:
            if errors[0].ename in ("KeyboardInterrupt", "CellTimeoutError"):  # stopped by the cell time limit
                found[eid] = "ran past its time limit and was stopped (an endless loop?)"
            else:
                found[eid] = f"raised {error_summary(cell)}"
    return found


def run(path: Path, work: Path, cell_timeout: float = DEFAULT_CELL_TIMEOUT, lesson: str = "") -> RunRecord:
    """Run the submission in `work` (with `exercises.json`; `inputs/` arrive there while it runs);
    artifacts go to `work/artifacts/`, the executed notebook to `work/executed.ipynb` (kept for audits)."""
    try:
        assembled = assemble(read_submission(path), path, read_specs(work / "exercises.json"), lesson=lesson)
    except NotGradable as error:
        return RunRecord("error", reason=str(error))
    record = RunRecord("ran", lesson=assembled.lesson, exercises=[e.id for e in assembled.exercises],
                       notes={eid: list(notes) for eid, notes in assembled.notes.items()})
    by_id = {exercise.id: exercise for exercise in assembled.exercises}
    cells = []
    for cell in assembled.notebook.cells:  # collect each answer right after its cell: a later crash cannot lose it
        cells.append(cell)
        eid = exercise_id(cell)
        if eid in by_id:
            collect = nbformat.v4.new_code_cell(collect_cell_source(by_id[eid], work / "inputs", work / "artifacts"))
            collect.metadata["course"] = {"collect": eid, "timeout": by_id[eid].timeout}
            cells.append(collect)
    nb = assembled.notebook
    nb.cells = cells
    run_dir = work / "run"
    run_dir.mkdir(exist_ok=True)

    def timeout_for(cell: nbformat.NotebookNode) -> float:
        """An exercise's own limit, else `cell_timeout` for answers; the lesson's own cells (imports,
        data) get at least LESSON_CELL_FLOOR, so a busy machine cannot zero a class by timing them out."""
        own = cell.get("metadata", {}).get("course", {}).get("timeout")
        if own is not None:
            return float(own)
        return cell_timeout if exercise_id(cell) else max(cell_timeout, LESSON_CELL_FLOOR)

    from nbclient.exceptions import DeadKernelError

    from course.execute import execute

    try:
        execute(nb, cwd=run_dir, allow_errors=True, timeout_func=timeout_for,
                env=kernel_environment(scrubbed_base(work)))
    except DeadKernelError:
        record.run_notes.append("the kernel died while running the notebook (a crash, or the memory limit); "
                                "answers collected before that were graded")
    nbformat.write(nb, work / "executed.ipynb")
    for eid, error in exercise_errors(nb).items():
        record.notes.setdefault(eid, []).append(f"the exercise cell {error}")
    return record


def run_task(submission: Path, work: Path, cell_timeout: float, lesson: str = "") -> None:
    import time
    import traceback

    start = time.perf_counter()
    try:
        record = run(submission, work, cell_timeout, lesson)
    except Exception as error:  # a grader bug must still give the submission a row
        record = RunRecord("error", reason=f"the grader failed: {type(error).__name__}: {str(error)[:300]}")
        (work / "traceback.txt").write_text(traceback.format_exc())
    (work / "run.json").write_text(json.dumps(asdict(record), indent=1))
    lines = [f"worker: ran {submission} as lesson {record.lesson or lesson or '?'} in "
             f"{time.perf_counter() - start:.1f} s: {record.status} {record.reason}".rstrip()]
    lines += [f"worker: {eid}: {note}" for eid, notes in record.notes.items() for note in notes]
    lines += [f"worker: {note}" for note in record.run_notes]
    (work / "run.log").write_text("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run submissions for the grader (python -m course grade).")
    parser.add_argument("--cell-timeout", type=float, default=DEFAULT_CELL_TIMEOUT)
    parser.add_argument("--memory-gb", type=float, default=6.0)
    parser.add_argument("--cpu-seconds", type=int, default=1800)
    args = parser.parse_args(argv)
    set_limits(args.memory_gb, args.cpu_seconds)
    for line in sys.stdin:  # one task per line until the grader closes stdin
        task = json.loads(line)
        run_task(Path(task["submission"]), Path(task["work"]), args.cell_timeout, task.get("lesson", ""))
        print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
