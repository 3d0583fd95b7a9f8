"""Course conventions for every solution notebook (the lessons are generated from them)."""

import re
from pathlib import Path

import nbformat
import pytest

from course.catalog import LESSONS as COURSE_MAP
from course.checks.registry import get
from course.notebooks import check_id, exercise_id, lesson_files, prompt_id
from course.paths import LESSONS as LESSON_FOLDER
from course.paths import SOLUTIONS as SOLUTION_FOLDER
from instructor.notebooks import has_region

SOLUTIONS = lesson_files(SOLUTION_FOLDER)
LESSONS = lesson_files(LESSON_FOLDER)
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


def test_every_lesson_of_the_course_map_exists_and_nothing_else():
    """A renamed or missing lesson fails here, rather than dropping out of every other test."""
    expected = [entry.file for entry in COURSE_MAP]
    assert [p.name for p in SOLUTIONS] == expected and [p.name for p in LESSONS] == expected
    assert sorted(p.name for p in SOLUTION_FOLDER.glob("*.ipynb")) == sorted(expected)


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
def test_each_exercise_is_a_prompt_an_answer_and_a_check(path):
    """Marked by id only (metadata), in that order; the function the answer defines is the registry's."""
    nb = read(path)
    ids = []
    for index, cell in enumerate(nb.cells):
        answer = exercise_id(cell)
        if not answer:
            assert not has_region(cell.source, "### BEGIN SOLUTION"), f"cell {index}: a solution outside an exercise"
            continue
        assert cell.metadata["course"] == {"exercise": answer}, f"cell {index}: metadata holds only the id"
        assert answer.startswith(path.name[:2] + "."), f"cell {index}: exercise {answer} is not this lesson's"
        ids.append(answer)
        prompts = [prompt_id(c) for c in nb.cells[:index] if prompt_id(c)]
        assert prompts and prompts[-1] == answer, f"cell {index}: no prompt cell marked for {answer} above it"
        checks = [check_id(c) for c in nb.cells[index + 1:] if c.cell_type == "code"]
        assert checks and checks[0] == answer, f"cell {index}: the next code cell must be {answer}'s check"
        assert f"def {get(answer).function}(" in cell.source, f"cell {index}: must define {get(answer).function}()"
    assert len(ids) >= 2 and len(ids) == len(set(ids)), f"{path.name}: exercises {ids}"


# Issue 18's reading budget: a lesson a learner finishes in one sitting.
MAX_CELLS = 90
MAX_PROSE_WORDS = 2200  # "about 2,000 words" outside the exercises' own prompts; code blocks not counted


def prose_words(cell) -> int:
    return len(re.sub(r"```.*?```", "", cell.source, flags=re.S).split())


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_a_lesson_reads_in_one_sitting(path):
    nb = read(path)
    words = sum(prose_words(c) for c in nb.cells
                if c.cell_type == "markdown" and not (exercise_id(c) or prompt_id(c)))
    assert len(nb.cells) <= MAX_CELLS, f"{len(nb.cells)} cells: merge or cut to {MAX_CELLS}"
    assert words <= MAX_PROSE_WORDS, f"{words} words of prose outside the exercise prompts: cut to {MAX_PROSE_WORDS}"


@pytest.mark.parametrize("index", range(len(COURSE_MAP) - 1), ids=lambda i: COURSE_MAP[i].file)
def test_each_lesson_ends_with_a_link_to_the_next(index):
    """"Next: lesson 03" as plain text leaves the learner to find the file (trial L)."""
    nb = read(SOLUTION_FOLDER / COURSE_MAP[index].file)
    following = COURSE_MAP[index + 1]
    tail = "\n".join(c.source for c in nb.cells[-3:] if c.cell_type == "markdown")
    link = f"]({following.file})"
    assert link in tail, f"link the next lesson: [lesson {following.number}, …]({following.file})"


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
