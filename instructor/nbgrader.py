"""Export the solutions as an nbgrader source folder, for schools that already grade with nbgrader.

    python -m course export-nbgrader OUT        # writes OUT/source/<lesson>/<lesson>.ipynb

Each exercise cell becomes an nbgrader solution cell (its `### BEGIN/END SOLUTION` markers are
nbgrader's own); each `course.check` cell becomes a locked, graded test cell worth the exercise's
points that asserts the public checks pass; every other cell is locked. nbgrader then runs the
public checks inside the student's kernel: weaker than `python -m course grade`, which also runs
the grading checks, outside the kernel.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from course.checks.registry import get
from course.notebooks import check_id, exercise_id, lesson_files
from course.paths import SOLUTIONS
from instructor.notebooks import CLEAN, SYNC, SetNotebookMetadata, allowed_cell_metadata, run


def nbgrader_meta(grade_id: str, *, solution: bool = False, grade: bool = False, locked: bool = True,
                  points: int | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return meta


def export_notebook(path: Path) -> nbformat.NotebookNode:
    nb = run([*SYNC, *CLEAN, allowed_cell_metadata, SetNotebookMetadata], nbformat.read(path, as_version=4))
    for index, cell in enumerate(nb.cells):
        answer, checked = exercise_id(cell), check_id(cell)
        if answer:
            cell.metadata["nbgrader"] = nbgrader_meta(f"answer_{answer.replace('.', '_')}", solution=True,
                                                      locked=False)
        elif checked:
            exercise = get(checked, graded=True)
            cell.source = (f'report = course.check("{checked}", {exercise.function})\nprint(report)\n'
                           "assert report.passed, 'see the failed checks above'")
            cell.metadata["nbgrader"] = nbgrader_meta(f"check_{checked.replace('.', '_')}", grade=True,
                                                      points=exercise.points)
        else:
            cell.metadata["nbgrader"] = nbgrader_meta(f"cell_{index:03d}")
    return nb


def export(out: Path, solutions: Path = SOLUTIONS) -> list[Path]:
    written = []
    for path in lesson_files(solutions):
        target = out / "source" / path.stem / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(export_notebook(path), target)
        written.append(target)
    return written
