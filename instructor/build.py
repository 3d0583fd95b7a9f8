"""Generate `lessons/NN_slug.ipynb` from `solutions/NN_slug.ipynb` (the one source of truth).

First each solution's exercise cells are written from the registry (the prompt's heading with title
and points, the `course.check(...)` cell: `instructor.notebooks.SYNC`), so the author never restates
them; then the `LESSON` chain makes the learner's copy: solution regions become stubs, hidden regions
disappear, outputs and volatile metadata go, a banner comes first.

It also writes `lessons/00_start_here.ipynb`, the course map, from `instructor.catalog`.

    python -m course build           # rewrite solutions' exercise cells and lessons/ (make lessons)
    python -m course build --check   # exit 1 and name what is stale
"""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat

from course.notebooks import exercise_id, lesson_files
from course.paths import LESSONS, SOLUTIONS, START_PAGE
from instructor import catalog, hosted
from instructor.notebooks import LESSON, NOTEBOOK_METADATA, SYNC, AddBanner, AddInstallCell, BuildError, run

REBUILD_HINT = "run `make lessons` (python -m course build) and commit solutions/ and lessons/"

__all__ = ["build_lesson", "is_exercise_cell", "lesson_text", "stale_lessons", "write_lessons"]


def is_exercise_cell(cell: nbformat.NotebookNode) -> bool:
    return exercise_id(cell) is not None


def banner_text(solution_name: str, for_learners: bool, repository: hosted.Repository | None = None) -> str:
    """The first cell: where the lesson comes from (in the course repository), or only what to do
    (in the learner bundle, which has no solutions to point to), and, given the learner repository,
    the links that open it on Colab and Kaggle."""
    todo = ("Fill in the cells marked `YOUR CODE HERE` and run the check below each one. Only those cells are "
            "graded. Before handing the lesson in, check it as the grader runs it, in a cell: `import sys` then "
            f"`{catalog.VALIDATE_IN_A_CELL}{solution_name}` (the [start page](00_start_here.ipynb) has more).")
    launch = hosted.launch_line(solution_name, repository)
    return (f"{launch}\n>\n" if launch else "") + (f"> {todo}" if for_learners else (
        f"> {todo}\n>\n> *Authors: generated from `solutions/{solution_name}` by `make lessons`; edit the "
        "solution, not this file.*"))


def synced_solution(solution: Path) -> str:
    """The solution's text with its exercise cells written from the registry (ending in a newline,
    as `nbformat.write` and so the refresh write it)."""
    return nbformat.writes(run(SYNC, nbformat.read(solution, as_version=4))) + "\n"


def install_source(repository: hosted.Repository | None) -> str:
    return hosted.install_cell(repository) if repository else ""


def lesson_text(solution_text: str, name: str, for_learners: bool = False,
                repository: hosted.Repository | None = None) -> str:
    """The lesson generated from a (synced) solution's text; given the learner repository, with the
    links that open it on Colab and Kaggle and the cell that installs the course there."""
    try:
        nb = run(LESSON, nbformat.reads(solution_text, as_version=4),
                 text=banner_text(name, for_learners, repository), install=install_source(repository))
    except BuildError as error:
        raise BuildError(f"{name}: {error}") from None
    return nbformat.writes(nb)


def build_lesson(solution: Path, for_learners: bool = False, repository: hosted.Repository | None = None) -> str:
    """The text of the lesson generated from one solution notebook."""
    return lesson_text(synced_solution(solution), solution.name, for_learners, repository)


def build_start_page(repository: hosted.Repository | None = None) -> str:
    """The text of the start page: the course map and the API choice (see `instructor.catalog`); given the
    learner repository, with the same links and install cell as a lesson, and each lesson's links on the map."""
    nb = catalog.start_page(SOLUTIONS, launch=repository.links if repository else None)
    nb = run([AddBanner, AddInstallCell], nb, text=hosted.launch_line(START_PAGE, repository),
             install=install_source(repository))
    nb.metadata = copy.deepcopy(NOTEBOOK_METADATA)
    return nbformat.writes(nb)


def expected_files(solutions: Path | None = None, lessons: Path | None = None) -> dict[Path, str]:
    """What the build writes, by path: each solution synced, each lesson, and the start page."""
    solutions, lessons = solutions or SOLUTIONS, lessons or LESSONS
    expected: dict[Path, str] = {}
    for path in lesson_files(solutions):
        text = synced_solution(path)
        expected[path] = text
        synced = lessons / path.name
        expected[synced] = lesson_text(text, path.name)
    if solutions == SOLUTIONS:
        expected[lessons / START_PAGE] = build_start_page()
    return expected


def stale_lessons(solutions: Path | None = None, lessons: Path | None = None) -> list[str]:
    """Files that differ from what the build produces, are missing, or have no solution."""
    solutions, lessons = solutions or SOLUTIONS, lessons or LESSONS
    expected = expected_files(solutions, lessons)
    problems = []
    for path, text in expected.items():
        where = "solutions/" if path.parent == solutions else "lessons/"
        if not path.exists():
            problems.append(f"{path.name}: missing from {where}")
            continue
        if path.read_text(encoding="utf-8") != text:
            source = ("the registry (exercise headings and check cells)" if where == "solutions/"
                      else "instructor/catalog.py" if path.name == START_PAGE else f"solutions/{path.name}")
            problems.append(f"{where}{path.name}: differs from what {source} builds")
    for path in sorted(lessons.glob("*.ipynb")):
        if path not in expected:
            problems.append(f"{path.name}: has no solutions/{path.name}")
    return problems


def write_lessons(solutions: Path | None = None, lessons: Path | None = None) -> list[Path]:
    """Rewrite the solutions' exercise cells and lessons/ from solutions/; return the files that changed."""
    solutions, lessons = solutions or SOLUTIONS, lessons or LESSONS
    lessons.mkdir(exist_ok=True)
    changed = []
    for path, text in expected_files(solutions, lessons).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
