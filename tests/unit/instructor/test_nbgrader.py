"""The nbgrader export: metadata nbgrader 0.9 accepts (schema 3, unique ids, points on graded cells)."""

import nbformat

from instructor import nbgrader
from instructor.build import SOLUTIONS, has_solution
from instructor.exercises import get


def test_export_marks_answers_checks_and_locked_cells(tmp_path):
    written = nbgrader.export(tmp_path)
    assert [p.parent.name for p in written] == [p.stem for p in sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))]
    for path in written:
        nb = nbformat.read(path, as_version=4)
        metas = [c.metadata["nbgrader"] for c in nb.cells]
        assert all(m["schema_version"] == 3 for m in metas)
        ids = [m["grade_id"] for m in metas]
        assert len(ids) == len(set(ids)), path.name
        answers = [c for c in nb.cells if c.metadata["nbgrader"]["solution"]]
        assert answers and all(has_solution(c.source) and not c.metadata["nbgrader"]["locked"] for c in answers)
        graded = [c for c in nb.cells if c.metadata["nbgrader"]["grade"]]
        assert len(graded) == len(answers)
        for cell in graded:
            exercise = cell.metadata["nbgrader"]["grade_id"].removeprefix("check_").replace("_", ".")
            assert cell.metadata["nbgrader"]["points"] == get(exercise).points
            assert "assert report.passed" in cell.source
        assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")
