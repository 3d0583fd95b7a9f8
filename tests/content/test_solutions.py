"""Course conventions for every solution notebook (the lessons are generated from them)."""

import re
from pathlib import Path

import nbformat
import pytest

from instructor import build, exercises

SOLUTIONS = sorted(build.SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))
LESSONS = build.lesson_notebooks()
OUTLINE = [
    "Setup",
    "Build it with Sequential",
    "Rebuild it with the functional API",
    "Prove they are the same model",
    "Exercises",
    "Recap",
    "Check your understanding",
    "Further reading",
]
PROGRESS_BAR = re.compile(r"\d+/\d+ ━|\d+(ms|s|us)/step|\x08")  # what fit/evaluate/predict print without verbose=0
KERAS_2_IDIOMS = re.compile(
    r"input_shape=|input_dim=|\blr=|tf\.keras|keras\.datasets|tensorflow\.python\.keras|"
    r"\.save\([^)]*\.h5[\"']\)|fetch_[a-z_]+\("
)


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def tags(cell) -> list:
    return cell.metadata.get("tags", [])


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_there_are_solutions_and_lessons():
    assert SOLUTIONS and [p.name for p in SOLUTIONS] == [p.name for p in LESSONS]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_outline_headings_in_order(path):
    nb = read(path)
    title = nb.cells[0].source.splitlines()[0]
    number = path.name[:2]
    assert re.fullmatch(rf"# {number} · \S.*", title), f"first cell must be '# {number} · Title', got {title!r}"
    headings = [
        line[3:].strip() for c in nb.cells if c.cell_type == "markdown"
        for line in c.source.splitlines() if line.startswith("## ")
    ]
    found = [h for h in headings if h in OUTLINE]
    assert found == OUTLINE, f"{path.name}: level-2 headings {headings} must contain {OUTLINE} in order"
    assert headings[0] == "Setup"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_setup_cell_comes_first_and_ignores_its_output(path):
    first = code_cells(read(path))[0]
    assert "course.setup(" in first.source
    assert "nbval-ignore-output" in tags(first), "TensorFlow's import noise varies: tag the setup cell"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_exercises_have_ids_solutions_and_a_check_after_them(path):
    nb = read(path)
    ids = []
    for index, cell in enumerate(nb.cells):
        has_markers = build.has_solution(cell.source)
        if not (build.is_exercise_cell(cell) or has_markers):
            continue
        meta = cell.metadata.get("course", {})
        assert meta.get("kind") == "solution" and meta.get("id"), f"cell {index}: add metadata.course id/kind"
        assert meta["id"].startswith(path.name[:2] + "."), f"cell {index}: id {meta['id']} is not this lesson's"
        ids.append(meta["id"])
        following = nb.cells[index + 1]
        assert f'course.check("{meta["id"]}"' in following.source, f"cell {index}: no check cell after it"
        assert meta.get("points") == exercises.get(meta["id"]).points, (
            f"cell {index}: metadata points {meta.get('points')} differ from the grading checks' "
            f"{exercises.get(meta['id']).points}")
    assert len(ids) >= 2 and len(ids) == len(set(ids)), f"{path.name}: exercises {ids}"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_code_is_keras_3_and_quiet(path):
    for index, cell in enumerate(code_cells(read(path))):
        source = cell.source
        on_purpose = "raises-exception" in tags(cell) or "catch_warnings" in source  # shown as an error or warning
        if not on_purpose:
            assert not KERAS_2_IDIOMS.search(source), f"code cell {index}: Keras 2 idiom in {source!r}"
        last = source.rstrip().splitlines()[-1] if source.strip() else ""
        assert not last.rstrip().endswith(";"), f"code cell {index}: nbval ignores a trailing ';'"
        assert "sys.path" not in source and "%run" not in source, f"code cell {index}: import the package"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_stored_outputs_come_from_the_refresh_command(path):
    cells = code_cells(read(path))
    counts = [c.execution_count for c in cells]
    assert counts == list(range(1, len(cells) + 1)), "run `make outputs` to refresh the stored outputs"
    for index, cell in enumerate(cells):
        kinds = {(o.output_type, o.get("name")) for o in cell.outputs}
        assert ("stream", "stderr") not in kinds, f"code cell {index}: stderr stored"
        assert "execution" not in cell.metadata, f"code cell {index}: timing metadata stored"
        streams = "".join(o.text for o in cell.outputs if o.output_type == "stream")
        assert not PROGRESS_BAR.search(streams), f"code cell {index} prints a progress bar: pass verbose=0"
        shown = streams + "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
        assert " at 0x" not in shown, f"code cell {index} shows an object's address: end it with something readable"
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if "raises-exception" in tags(cell):
            assert errors, f"code cell {index} is tagged raises-exception but stored no error"
        else:
            assert not errors, f"code cell {index} stored an error but is not tagged raises-exception"
    assert "widgets" not in read(path).metadata


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lessons_carry_no_outputs(path):
    for cell in code_cells(read(path)):
        assert cell.outputs == [] and cell.execution_count is None
