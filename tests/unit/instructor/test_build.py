"""instructor.build: solutions → lessons, and the drift check that keeps them in sync."""

import nbformat
import pytest

from instructor import build


def test_committed_lessons_match_the_solutions():
    stale = build.stale_lessons()
    assert not stale, "\n".join(stale) + f"\nlessons/ is out of date: {build.REBUILD_HINT}"


def test_solution_region_becomes_an_indented_stub():
    source = "def f(x):\n    ### BEGIN SOLUTION\n    return x + 1\n    ### END SOLUTION\n\nprint(f)"
    assert build._replace_regions(source, build.CODE_STUB, "t") == (
        "def f(x):\n    ...  # YOUR CODE HERE\n\nprint(f)"
    )


def test_hidden_tests_disappear():
    source = "check()\n### BEGIN HIDDEN TESTS\nassert secret()\n### END HIDDEN TESTS\ndone()"
    assert build._replace_regions(source, build.CODE_STUB, "t") == "check()\ndone()"


@pytest.mark.parametrize(
    "source, problem",
    [
        ("### BEGIN SOLUTION\nx = 1", "never closed"),
        ("x = 1\n### END SOLUTION", "without"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "inside an open"),
    ],
)
def test_broken_markers_are_reported_with_their_place(source, problem):
    with pytest.raises(build.BuildError, match=problem) as error:
        build._replace_regions(source, build.CODE_STUB, "99_x.ipynb, cell 4")
    assert "99_x.ipynb, cell 4" in str(error.value)


def make_solution(tmp_path, cells):
    solutions, lessons = tmp_path / "solutions", tmp_path / "lessons"
    solutions.mkdir()
    nb = nbformat.v4.new_notebook(cells=cells)
    nbformat.write(nb, solutions / "99_demo.ipynb")
    return solutions, lessons


def test_lesson_keeps_everything_but_solutions_and_outputs(tmp_path):
    solved = nbformat.v4.new_code_cell("def f():\n    ### BEGIN SOLUTION\n    return 42\n    ### END SOLUTION")
    solved.metadata = {"course": {"id": "99.1", "kind": "solution"}, "tags": ["keep-me"]}
    solved.outputs = [nbformat.v4.new_output("stream", text="42\n")]
    solved.execution_count = 3
    whole = nbformat.v4.new_code_cell("answer = 42")
    whole.metadata = {"course": {"id": "99.2", "kind": "solution"}}
    prose = nbformat.v4.new_markdown_cell("Explain:\n### BEGIN SOLUTION\nbecause\n### END SOLUTION")
    solutions, lessons = make_solution(tmp_path, [nbformat.v4.new_markdown_cell("# 99 · Demo"), solved, whole, prose])

    assert build.write_lessons(solutions, lessons) == [lessons / "99_demo.ipynb"]
    lesson = nbformat.read(lessons / "99_demo.ipynb", as_version=4)
    banner, title, stub, whole_stub, prose_stub = lesson.cells
    assert "solutions/99_demo.ipynb" in banner.source and "make lessons" in banner.source
    assert title.source == "# 99 · Demo"
    assert stub.source == "def f():\n    ...  # YOUR CODE HERE"
    assert stub.outputs == [] and stub.execution_count is None
    assert stub.metadata == {"course": {"id": "99.1", "kind": "solution"}, "tags": ["keep-me"]}
    assert whole_stub.source == build.CODE_STUB
    assert prose_stub.source == "Explain:\n" + build.MARKDOWN_STUB
    assert build.write_lessons(solutions, lessons) == []  # idempotent


def test_drift_is_detected_and_names_the_command(tmp_path):
    solutions, lessons = make_solution(tmp_path, [nbformat.v4.new_code_cell("x = 1")])
    assert build.stale_lessons(solutions, lessons) == ["99_demo.ipynb: missing from lessons/"]
    build.write_lessons(solutions, lessons)
    assert build.stale_lessons(solutions, lessons) == []

    nb = nbformat.read(solutions / "99_demo.ipynb", as_version=4)
    nb.cells[0].source = "x = 2"
    nbformat.write(nb, solutions / "99_demo.ipynb")
    assert build.stale_lessons(solutions, lessons) == [
        "99_demo.ipynb: differs from what solutions/99_demo.ipynb builds"
    ]
    (lessons / "98_orphan.ipynb").write_text("{}")
    assert "98_orphan.ipynb: has no solutions/98_orphan.ipynb" in build.stale_lessons(solutions, lessons)
    assert "make lessons" in build.REBUILD_HINT


def test_command_line_check_fails_on_drift(tmp_path, monkeypatch, capsys):
    from course.__main__ import main

    solutions, lessons = make_solution(tmp_path, [nbformat.v4.new_code_cell("x = 1")])
    monkeypatch.setattr(build, "SOLUTIONS", solutions)
    monkeypatch.setattr(build, "LESSONS", lessons)
    assert main(["build", "--check"]) == 1
    assert "make lessons" in capsys.readouterr().out
