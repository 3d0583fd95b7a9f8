"""The nbgrader export: cell metadata that nbgrader 0.9's schema 3 accepts, and one graded cell per exercise."""

import re

import nbformat

from course.notebooks import lesson_files
from course.paths import SOLUTIONS
from instructor import nbgrader
from instructor.notebooks import has_region

# nbgrader 0.9, nbgrader/nbgraderformat/v3.py: the keys of schema 3 and their types.
SCHEMA_3 = {"grade": bool, "grade_id": str, "locked": bool, "schema_version": int, "solution": bool, "task": bool}


def valid_v3(meta: dict) -> list[str]:
    """What nbgrader's ValidatorV3 would refuse in one cell's metadata (the rules it applies)."""
    problems = [f"{key} missing or not {kind.__name__}" for key, kind in SCHEMA_3.items()
                if not isinstance(meta.get(key), kind)]
    if meta.get("schema_version") != 3:
        problems.append("schema_version is not 3")
    if not re.fullmatch(r"[a-zA-Z0-9_\-]+", str(meta.get("grade_id", ""))):
        problems.append("grade_id has characters nbgrader refuses")
    if meta.get("grade") and not (isinstance(meta.get("points"), (int, float)) and meta["points"] > 0):
        problems.append("a graded cell needs positive points")
    if meta.get("solution") and meta.get("locked"):
        problems.append("a solution cell cannot be locked")
    return problems


def test_export_marks_answers_checks_and_locked_cells(tmp_path):
    written = nbgrader.export(tmp_path)
    assert [p.parent.name for p in written] == [p.stem for p in lesson_files(SOLUTIONS)]
    for path in written:
        nb = nbformat.read(path, as_version=4)
        metas = [c.metadata["nbgrader"] for c in nb.cells]
        assert [problem for meta in metas for problem in valid_v3(meta)] == [], path.name
        ids = [m["grade_id"] for m in metas]
        assert len(ids) == len(set(ids)), path.name
        answers = [c for c in nb.cells if c.metadata["nbgrader"]["solution"]]
        assert answers and all(has_region(c.source, "### BEGIN SOLUTION") for c in answers)
        graded = [c for c in nb.cells if c.metadata["nbgrader"]["grade"]]
        assert len(graded) == len(answers)
        assert all("assert report.passed" in cell.source for cell in graded)
        assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")


def test_the_validator_refuses_what_nbgrader_refuses():
    good = nbgrader.nbgrader_meta("check_01_1", grade=True, points=2)
    assert valid_v3(good) == []
    assert valid_v3({**good, "points": 0}) and valid_v3({**good, "grade_id": "check 01.1"})
    assert valid_v3(nbgrader.nbgrader_meta("answer", solution=True, locked=True))
