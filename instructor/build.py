"""Generate `lessons/NN_slug.ipynb` from `solutions/NN_slug.ipynb` (the one source of truth).

Solution regions between nbgrader's `### BEGIN SOLUTION` / `### END SOLUTION` lines become a
stub with the same indentation; a cell marked `metadata.course.kind == "solution"` without markers
becomes a stub as a whole; `### BEGIN HIDDEN TESTS` regions disappear. Outputs and execution
counts are cleared; everything else is kept as it is.

It also writes `lessons/00_start_here.ipynb`, the course map, from `instructor.catalog`.

    python -m course build           # rewrite lessons/ (make lessons)
    python -m course build --check   # exit 1 and name the stale lessons
"""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat

from course.paths import LESSONS, SOLUTIONS, START_PAGE
from instructor import catalog

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
CODE_STUB = "...  # YOUR CODE HERE"
MARKDOWN_STUB = "YOUR ANSWER HERE"
BANNER_ID = "generated-banner"
REBUILD_HINT = "run `make lessons` (python -m course build) and commit lessons/"

# Notebook metadata that lessons keep: enough for JupyterLab to pick a Python 3 kernel.
NOTEBOOK_METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


class BuildError(ValueError):
    """A solution notebook whose markers cannot be turned into a lesson."""


def _replace_regions(source: str, stub: str, where: str) -> str:
    lines, out = source.splitlines(), []
    open_marker = None
    for number, line in enumerate(lines, 1):
        marker = line.strip()
        if marker in (BEGIN_SOLUTION, BEGIN_HIDDEN):
            if open_marker:
                raise BuildError(f"{where}, line {number}: {marker!r} inside an open {open_marker!r}")
            open_marker = marker
            if marker == BEGIN_SOLUTION:
                out.append(line[: len(line) - len(line.lstrip())] + stub)
        elif marker in (END_SOLUTION, END_HIDDEN):
            expected = BEGIN_SOLUTION if marker == END_SOLUTION else BEGIN_HIDDEN
            if open_marker != expected:
                raise BuildError(f"{where}, line {number}: {marker!r} without {expected!r}")
            open_marker = None
        elif open_marker is None:
            out.append(line)
    if open_marker:
        raise BuildError(f"{where}: {open_marker!r} is never closed")
    return "\n".join(out)


def has_solution(source: str) -> bool:
    return any(line.strip() == BEGIN_SOLUTION for line in source.splitlines())


def is_exercise_cell(cell: nbformat.NotebookNode) -> bool:
    return cell.get("metadata", {}).get("course", {}).get("kind") == "solution"


def lesson_cell(cell: nbformat.NotebookNode, where: str) -> nbformat.NotebookNode:
    """The learner's version of one solution cell."""
    cell = copy.deepcopy(cell)
    stub = CODE_STUB if cell.cell_type == "code" else MARKDOWN_STUB
    if is_exercise_cell(cell) and not has_solution(cell.source):
        cell.source = stub
    else:
        cell.source = _replace_regions(cell.source, stub, where)
    if cell.cell_type == "code":
        cell.outputs, cell.execution_count = [], None
    for volatile in ("execution", "collapsed", "scrolled"):
        cell.metadata.pop(volatile, None)
    return cell


def banner(solution_name: str, for_learners: bool = False) -> nbformat.NotebookNode:
    """The first cell: where the lesson comes from (in the course repository), or only what to do
    (in the learner bundle, which has no solutions to point to)."""
    todo = ("Fill in the cells marked `YOUR CODE HERE` and run the check below each one; "
            f"`python -m course validate lessons/{solution_name}` checks the whole lesson as the grader runs it.")
    text = f"> {todo}" if for_learners else (
        f"> Generated from `solutions/{solution_name}` by `make lessons`. Learners: fill in the cells "
        "marked `YOUR CODE HERE` and run the check below each one. Authors: edit the solution, not this file.")
    cell = nbformat.v4.new_markdown_cell(text)
    cell.id = BANNER_ID
    return cell


def build_lesson(solution: Path, for_learners: bool = False) -> str:
    """The text of the lesson generated from one solution notebook."""
    nb = nbformat.read(solution, as_version=4)
    lesson = nbformat.v4.new_notebook(metadata=copy.deepcopy(NOTEBOOK_METADATA))
    lesson.cells = [banner(solution.name, for_learners)] + [
        lesson_cell(cell, f"{solution.name}, cell {index}") for index, cell in enumerate(nb.cells)
    ]
    return nbformat.writes(lesson)


def lesson_notebooks(lessons: Path | None = None) -> list[Path]:
    """The lessons generated from solutions (everything in lessons/ but the start page)."""
    return sorted(p for p in (lessons or LESSONS).glob("*.ipynb") if p.name != START_PAGE)


def build_start_page() -> str:
    """The text of the start page: the course map and the API choice (see `instructor.catalog`)."""
    nb = catalog.start_page(SOLUTIONS)
    nb.metadata = copy.deepcopy(NOTEBOOK_METADATA)
    return nbformat.writes(nb)


def expected_lessons(solutions: Path | None = None, lessons: Path | None = None) -> dict[Path, str]:
    """Each lesson's text by path; for the course itself, the start page too."""
    solutions, lessons = solutions or SOLUTIONS, lessons or LESSONS
    expected = {lessons / path.name: build_lesson(path) for path in sorted(solutions.glob("[0-9][0-9]_*.ipynb"))}
    if solutions == SOLUTIONS:
        expected[lessons / START_PAGE] = build_start_page()
    return expected


def stale_lessons(solutions: Path | None = None, lessons: Path | None = None) -> list[str]:
    """Lessons that differ from what the build produces, are missing, or have no solution."""
    solutions, lessons = solutions or SOLUTIONS, lessons or LESSONS
    expected = expected_lessons(solutions, lessons)
    problems = []
    for path, text in expected.items():
        if not path.exists():
            problems.append(f"{path.name}: missing from lessons/")
        elif path.read_text(encoding="utf-8") != text:
            source = "instructor/catalog.py" if path.name == START_PAGE else f"solutions/{path.name}"
            problems.append(f"{path.name}: differs from what {source} builds")
    for path in sorted(lessons.glob("*.ipynb")):
        if path not in expected:
            problems.append(f"{path.name}: has no solutions/{path.name}")
    return problems


def write_lessons(solutions: Path | None = None, lessons: Path | None = None) -> list[Path]:
    """Rewrite lessons/ from solutions/; return the files that changed."""
    solutions, lessons = solutions or SOLUTIONS, lessons or LESSONS
    lessons.mkdir(exist_ok=True)
    changed = []
    for path, text in expected_lessons(solutions, lessons).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
