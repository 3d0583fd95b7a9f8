"""instructor.build: solutions → lessons, and the drift check that keeps them in sync."""

import nbformat
import pytest

from course import notebooks
from course.catalog import Lesson
from course.paths import SOLUTIONS
from instructor import build
from instructor.hosted import Repository, install_cell
from instructor.notebooks import INSTALL_CELL_ID, NOTEBOOK_METADATA, BuildError, replace_regions

STUB = "...  # YOUR CODE HERE"


def test_committed_lessons_match_the_solutions():
    stale = build.stale_lessons()
    assert not stale, "\n".join(stale) + f"\n{build.REBUILD_HINT}"


def test_solution_region_becomes_an_indented_stub():
    source = "def f(x):\n    ### BEGIN SOLUTION\n    return x + 1\n    ### END SOLUTION\n\nprint(f)"
    assert replace_regions(source, "### BEGIN SOLUTION", "### END SOLUTION", STUB, "t") == (
        "def f(x):\n    ...  # YOUR CODE HERE\n\nprint(f)"
    )


def test_hidden_tests_disappear():
    source = "check()\n### BEGIN HIDDEN TESTS\nassert secret()\n### END HIDDEN TESTS\ndone()"
    assert replace_regions(source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS", None, "t") == "check()\ndone()"


@pytest.mark.parametrize(
    "source, problem",
    [
        ("### BEGIN SOLUTION\nx = 1", "never closed"),
        ("x = 1\n### END SOLUTION", "without"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "inside an open"),
    ],
)
def test_broken_markers_are_reported_with_their_place(source, problem):
    with pytest.raises(BuildError, match=problem) as error:
        replace_regions(source, "### BEGIN SOLUTION", "### END SOLUTION", STUB, "99_x.ipynb, cell 4")
    assert "99_x.ipynb, cell 4" in str(error.value)


@pytest.fixture
def demo_lesson(monkeypatch):
    """A lesson 99 in the course map, for notebooks written into a scratch folder."""
    monkeypatch.setattr(notebooks, "LESSONS", (Lesson("99_demo.ipynb", "a demo"),))


def make_solution(tmp_path, cells):
    solutions, lessons = tmp_path / "solutions", tmp_path / "lessons"
    solutions.mkdir()
    nb = nbformat.v4.new_notebook(cells=cells)
    nbformat.write(nb, solutions / "99_demo.ipynb")
    return solutions, lessons


def test_lesson_keeps_everything_but_solutions_and_outputs(tmp_path, demo_lesson):
    solved = nbformat.v4.new_code_cell("def f():\n    ### BEGIN SOLUTION\n    return 42\n    ### END SOLUTION")
    solved.metadata = {"course": {"exercise": "99.1"}, "tags": ["keep-me"],
                       "execution": {"iopub.status.busy": "2026-12-07T05:00:00Z"}}
    solved.outputs = [nbformat.v4.new_output("stream", text="42\n")]
    solved.execution_count = 3
    whole = nbformat.v4.new_code_cell("answer = 42")
    whole.metadata = {"course": {"exercise": "99.2"}}
    prose = nbformat.v4.new_markdown_cell("Explain:\n### BEGIN SOLUTION\nbecause\n### END SOLUTION")
    solutions, lessons = make_solution(tmp_path, [nbformat.v4.new_markdown_cell("# 99 · Demo"), solved, whole, prose])

    assert build.write_lessons(solutions, lessons) == [lessons / "99_demo.ipynb"]
    lesson = nbformat.read(lessons / "99_demo.ipynb", as_version=4)
    banner, title, stub, whole_stub, prose_stub = lesson.cells
    assert "solutions/99_demo.ipynb" in banner.source and "make lessons" in banner.source
    assert title.source == "# 99 · Demo"
    assert stub.source == "def f():\n    ...  # YOUR CODE HERE"
    assert stub.outputs == [] and stub.execution_count is None
    assert stub.metadata == {"course": {"exercise": "99.1"}, "tags": ["keep-me"]}  # an allowlist: no timings
    assert whole_stub.source == STUB
    assert prose_stub.source == "Explain:\nYOUR ANSWER HERE"
    assert lesson.metadata == NOTEBOOK_METADATA
    assert build.write_lessons(solutions, lessons) == []  # idempotent


def test_exercise_heading_and_check_cell_are_written_from_the_registry(tmp_path, demo_lesson):
    prompt = nbformat.v4.new_markdown_cell("### Exercise 7.1 · old title\n\nWrite it.",
                                           metadata={"course": {"prompt": "07.1"}})
    answer = nbformat.v4.new_code_cell("def residual_mlp_model(width):\n    ### BEGIN SOLUTION\n    pass\n"
                                       "    ### END SOLUTION", metadata={"course": {"exercise": "07.1"}})
    check = nbformat.v4.new_code_cell("course.check('07.1', old_name)", metadata={"course": {"check": "07.1"}})
    solutions, lessons = make_solution(tmp_path, [prompt, answer, check])
    assert "solutions/99_demo.ipynb: differs from what the registry (exercise headings and check cells) builds" in (
        build.stale_lessons(solutions, lessons))
    build.write_lessons(solutions, lessons)
    synced = nbformat.read(solutions / "99_demo.ipynb", as_version=4)
    assert synced.cells[0].source == "### Exercise 7.1 · A residual MLP · 8 points\n\nWrite it."
    assert synced.cells[2].source == 'course.check("07.1", residual_mlp_model)'
    assert build.stale_lessons(solutions, lessons) == []


def test_drift_is_detected_and_names_the_command(tmp_path, demo_lesson):
    solutions, lessons = make_solution(tmp_path, [nbformat.v4.new_code_cell("x = 1")])
    assert build.stale_lessons(solutions, lessons) == ["99_demo.ipynb: missing from lessons/"]
    build.write_lessons(solutions, lessons)
    assert build.stale_lessons(solutions, lessons) == []

    nb = nbformat.read(solutions / "99_demo.ipynb", as_version=4)
    nb.cells[0].source = "x = 2"
    nbformat.write(nb, solutions / "99_demo.ipynb")
    assert build.stale_lessons(solutions, lessons) == [
        "lessons/99_demo.ipynb: differs from what solutions/99_demo.ipynb builds"
    ]
    (lessons / "98_orphan.ipynb").write_text("{}")
    assert "98_orphan.ipynb: has no solutions/98_orphan.ipynb" in build.stale_lessons(solutions, lessons)
    assert "make lessons" in build.REBUILD_HINT


def test_command_line_check_fails_on_drift(tmp_path, monkeypatch, capsys, demo_lesson):
    from course.__main__ import main

    solutions, lessons = make_solution(tmp_path, [nbformat.v4.new_code_cell("x = 1")])
    monkeypatch.setattr(build, "SOLUTIONS", solutions)
    monkeypatch.setattr(build, "LESSONS", lessons)
    assert main(["build", "--check"]) == 1
    assert "make lessons" in capsys.readouterr().out


def test_given_the_learner_repository_a_lesson_opens_on_colab_and_kaggle():
    repository = Repository.parse("https://github.com/owner/lessons")
    nb = nbformat.reads(build.build_lesson(SOLUTIONS / "01_two_ways.ipynb", True, repository), as_version=4)
    assert nb.cells[0].source.startswith(f"> {repository.links('01_two_ways.ipynb')}: opened there")
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code[0].id == INSTALL_CELL_ID and code[0].source == install_cell(repository) and code[0].outputs == []
    assert "course.setup(" in code[1].source  # just before the setup cell, after the title and "## Setup"
    plain = build.build_lesson(SOLUTIONS / "01_two_ways.ipynb", True)
    assert "colab" not in plain.lower() and INSTALL_CELL_ID not in plain  # no repository: no link, no cell
