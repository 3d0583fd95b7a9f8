"""Export the solutions as an nbgrader source folder, for schools that already grade with nbgrader.

    python -m course export-nbgrader OUT        # writes OUT/source/<lesson>/<lesson>.ipynb

Each exercise cell becomes an nbgrader solution cell (its `### BEGIN/END SOLUTION` markers are
nbgrader's own); each `course.check` cell becomes a locked, graded test cell worth the exercise's
points that asserts the public checks pass; every other cell is locked. nbgrader then runs the
public checks inside the student's kernel: weaker than `python -m course grade`, which also runs
the grading checks, outside the kernel.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat

from instructor.build import NOTEBOOK_METADATA, SOLUTIONS
from instructor.exercises import get


def nbgrader_meta(grade_id: str, *, solution: bool = False, grade: bool = False, locked: bool = True,
                  points: int | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return meta


CHECK_CALL = re.compile(r'course\.check\("(?P<id>[0-9.]+)",\s*(?P<answer>\w+)\)')


def export_notebook(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    out = nbformat.v4.new_notebook(metadata=copy.deepcopy(NOTEBOOK_METADATA))
    for index, cell in enumerate(nb.cells):
        cell = copy.deepcopy(cell)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        course_meta = cell.metadata.get("course", {})
        call = CHECK_CALL.search(cell.source) if cell.cell_type == "code" else None
        if course_meta.get("kind") == "solution":
            eid = course_meta["id"].replace(".", "_")
            cell.metadata["nbgrader"] = nbgrader_meta(f"answer_{eid}", solution=True, locked=False)
        elif call:
            eid = call["id"]
            cell.source = (f'report = course.check("{eid}", {call["answer"]})\nprint(report)\n'
                           "assert report.passed, 'see the failed checks above'")
            cell.metadata["nbgrader"] = nbgrader_meta(f"check_{eid.replace('.', '_')}", grade=True,
                                                      points=get(eid).points)
        else:
            cell.metadata["nbgrader"] = nbgrader_meta(f"cell_{index:03d}")
        out.cells.append(cell)
    return out


def export(out: Path, solutions: Path = SOLUTIONS) -> list[Path]:
    written = []
    for path in sorted(solutions.glob("[0-9][0-9]_*.ipynb")):
        target = out / "source" / path.stem / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(export_notebook(path), target)
        written.append(target)
    return written
