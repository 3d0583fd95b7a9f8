"""`python -m course validate NOTEBOOK ...`: check a lesson the way the grader will run it.

Only the exercise cells are graded: the grader puts them into the instructor's notebook. So
validate also says when an answer relies on code outside its cell (a helper in a cell of your
own, a second `def` below the stub): that code is dropped in grading (`course.answer_scope`).

For each notebook: start a fresh kernel, run every cell in order (JupyterLab's "Restart Kernel and
Run All Cells"), stop at the first error that is not in a cell tagged `raises-exception`, then run
the public checks of every exercise in that same kernel and print one line per exercise. The exit
status is 0 only when every exercise of every notebook passes its public checks (the grader runs
more), 1 otherwise, 2 when a notebook cannot be read. No solutions are needed: this runs in the
learner bundle.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RESULTS_MIME = "application/vnd.course.validate+json"


@dataclass
class Stop:
    """Where and why the run stopped before the end of the notebook."""

    cell: int  # the code cell's number, counted from 1 as JupyterLab's [n] prompts count
    first_line: str
    error: str


@dataclass
class Outcome:
    id: str
    title: str = ""
    status: str = "not reached"  # passed, failed, not answered, error, not reached, no function, outside its cell
    detail: str = ""
    notes: list[str] = field(default_factory=list)  # code outside the exercise cell that grading drops

    @property
    def passed(self) -> bool:
        return self.status == "passed"


@dataclass
class Validation:
    notebook: Path
    code_cells: int = 0
    stop: Stop | None = None
    problem: str = ""  # the notebook could not be run at all
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problem and bool(self.outcomes) and all(o.passed for o in self.outcomes)


def exercises(nb: Any) -> dict[str, str]:
    """Exercise id → the name of its answer function (from the registry), for every exercise cell."""
    from course.checks.registry import get
    from course.notebooks import exercise_ids

    found = {}
    for exercise_id in exercise_ids(nb.cells):
        try:
            found[exercise_id] = get(exercise_id).function
        except KeyError:  # an exercise this version of the course does not know
            found[exercise_id] = ""
    return found


def summarise(report: Any) -> dict[str, str]:
    """A `course.check` report as one status and one line of detail."""
    title = report.exercise.title
    if report.problem.startswith("not answered"):
        return {"title": title, "status": "not answered", "detail": "fill in the cell marked YOUR CODE HERE"}
    if report.problem:
        detail = report.problem.splitlines()[0] + (f": {report.raw}" if report.raw else "")
        if report.problem_hint:
            detail += f" (hint: {report.problem_hint})"
        return {"title": title, "status": "error", "detail": detail[:400]}
    graded = [o for o in report.outcomes if not o.advice]
    failed = [o for o in graded if not o.passed]
    if not failed:
        return {"title": title, "status": "passed", "detail": f"{len(graded)} of {len(graded)}"}
    passed = len(graded) - len(failed)
    return {"title": title, "status": "failed",
            "detail": f"{passed} of {len(graded)} pass; first to fix: {failed[0].description}: "
                      f"{failed[0].message}" + (f": {failed[0].raw}" if failed[0].raw else "")}


def emit(namespace: dict[str, Any], answers: dict[str, str]) -> None:
    """Run in the notebook's kernel after its cells: every exercise's public checks, as one output."""
    from IPython.display import display

    import course

    results = {}
    for exercise_id, name in answers.items():
        function = namespace.get(name) if name else None
        if function is None:
            results[exercise_id] = {"status": "no function" if not name else "not reached",
                                    "detail": f"{name}() is not defined" if name else "no answer function found"}
            continue
        results[exercise_id] = summarise(course.check(exercise_id, function))
    display({RESULTS_MIME: results}, raw=True)


def validate(path: Path, cell_timeout: float = 300) -> Validation:
    import nbformat
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    from course.answer_scope import outside_notes
    from course.execute import notebook_client
    from course.notebooks import error_summary, first_line, lesson_number, lesson_of_cells
    from course.settings import kernel_environment

    result = Validation(path)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:  # a corrupt file, not JSON, not a notebook
        result.problem = f"not a readable Jupyter notebook ({type(error).__name__}: {str(error)[:200]})"
        return result
    answers = exercises(nb)
    scope = outside_notes(nb.cells, answers)  # what the grader's assembly would drop, as it reports it
    result.outcomes = [Outcome(exercise_id, notes=scope.get(exercise_id, [])) for exercise_id in answers]
    if not answers:
        result.problem = "no exercises found: is this a lesson of the course?"
        return result
    named, holds = lesson_number(path), lesson_of_cells(nb.cells)
    if named and holds and named != holds:  # the grader gives such a notebook 0 (`wrong lesson`)
        result.problem = (f"its name says lesson {named}, but it holds the exercises of lesson {holds}: "
                          f"hand in your lesson-{named} notebook")
        return result
    client = notebook_client(nb, path.parent.resolve(), cell_timeout, allow_errors=False)
    code = [(index, cell) for index, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    result.code_cells = len(code)
    try:
        with client.setup_kernel(env=kernel_environment(), stderr=subprocess.DEVNULL):
            for number, (index, cell) in enumerate(code, 1):
                try:
                    client.execute_cell(cell, index)
                except (CellExecutionError, CellTimeoutError) as error:
                    message = (f"ran past the {cell_timeout:g} s limit" if isinstance(error, CellTimeoutError)
                               else error_summary(cell))
                    result.stop = Stop(number, first_line(cell), message)
                    break
            probe = nbformat.v4.new_code_cell(
                f"import course.validate as _validate\n_validate.emit(globals(), {json.dumps(answers)})")
            nb.cells.append(probe)
            client.execute_cell(probe, len(nb.cells) - 1)
    except DeadKernelError:
        result.problem = "the kernel died while running the notebook (out of memory, or a crash)"
        return result
    found = next((out["data"][RESULTS_MIME] for out in probe.outputs if RESULTS_MIME in out.get("data", {})), {})
    for outcome in result.outcomes:
        outcome.__dict__.update(found.get(outcome.id, {}))
        if outcome.status == "not reached" and result.stop:
            outcome.detail = f"the notebook stopped at code cell [{result.stop.cell}] before defining it"
        if outcome.notes and outcome.passed:  # passes here, would not in grading: the grader drops that code
            outcome.status, outcome.detail = "outside its cell", "grading runs only the exercise cell"
    return result


def report(result: Validation) -> str:
    lines = [f"{result.notebook.name}:"]
    if result.problem:
        return "\n".join(lines + [f"  cannot validate: {result.problem}"])
    if result.stop:
        lines.append(f"  stopped at code cell [{result.stop.cell}] of {result.code_cells} "
                     f"(starting {result.stop.first_line!r}): {result.stop.error}")
        lines.append("  Fix that cell (or an earlier one it depends on) and validate again.")
    else:
        lines.append(f"  ran all {result.code_cells} code cells in a fresh kernel")
    width = max(len(o.title) for o in result.outcomes) if result.outcomes else 0
    for outcome in result.outcomes:
        mark = "✓" if outcome.passed else "✗"
        detail = f" ({outcome.detail})" if outcome.detail else ""
        lines.append(f"  {mark} {outcome.id.lstrip('0'):<5} {outcome.title:<{width}}  {outcome.status}{detail}")
        lines += [f"      note: {note}" for note in outcome.notes]
    passed = sum(o.passed for o in result.outcomes)
    verdict = "every public check passes" if result.passed else "not yet"
    lines.append(f"  {passed} of {len(result.outcomes)} exercises pass their public checks: {verdict}.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course validate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path, help="lesson notebooks (never modified)")
    parser.add_argument("--cell-timeout", type=float, default=300, help="seconds per cell (default 300)")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.notebooks if not p.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    results = []
    for path in args.notebooks:
        print(f"validating {path} ...", flush=True)
        results.append(validate(path, args.cell_timeout))
        print(report(results[-1]), flush=True)
    if any(r.problem and not r.outcomes for r in results):
        return 2
    all_passed = all(r.passed for r in results)
    print("\nAll public checks pass. The grader runs more checks, on other inputs." if all_passed else
          "\nNot every exercise passes yet: see the lines marked ✗ above.")
    return 0 if all_passed else 1


if __name__ == "__main__":
    sys.exit(main())
