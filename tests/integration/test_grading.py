"""The grader, end to end: real notebooks, real kernels, tampered submissions."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course.notebooks import exercise_id, lesson_files
from course.paths import LESSONS, SOLUTIONS

# Minutes of real kernels: `.ci/run` runs this module after `make test` (marked long), which keeps the
# grader's parts tested in-process (tests/unit/instructor) and every solution and stub graded in-process
# by the mutation tests.
pytestmark = pytest.mark.long
BASE = SOLUTIONS / "02_shapes_and_building.ipynb"  # the quickest lesson to run
# An untouched lesson graded end to end here, the quickest (every exercise's stub is also graded
# in-process, in test_mutations.py, which costs no notebook run).
UNTOUCHED = ("02_shapes_and_building",)


def untouched_lessons() -> list[Path]:
    return [path for path in lesson_files(LESSONS) if path.stem in UNTOUCHED]


def grade(paths: list[Path], out: Path, *options: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "course", "grade", *map(str, paths), "--out", str(out), *options]
    return subprocess.run(command, capture_output=True, text=True, timeout=900)


def results(out: Path, by: str = "submission") -> dict[str, dict]:
    """Every row's result, by its key (`alice__02_shapes_and_building`) or by learner (`by="learner"`)."""
    found = [json.loads(p.read_text()) for p in (out / "results").glob("*.json")]
    return {r[by]: r for r in found}


def points(result: dict) -> dict[str, float]:
    return {e["id"]: e["points"] for e in result["exercises"]}


def notes(result: dict, exercise: str) -> str:
    return " ".join(next(e["notes"] for e in result["exercises"] if e["id"] == exercise))


@pytest.fixture(scope="module")
def whole_course(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("course")
    done = grade(lesson_files(SOLUTIONS) + untouched_lessons(), out, "--jobs", "2")
    return out, done


@pytest.mark.long  # every solution through the real grader: .ci/run (the mutation tests grade each in-process)
def test_every_solution_gets_full_marks(whole_course):
    out, done = whole_course
    assert done.returncode == 0, done.stdout + done.stderr
    count = len(lesson_files(SOLUTIONS)) + len(UNTOUCHED)
    assert f"[{count}/{count}]" in done.stdout  # progress, one line per submission
    graded = results(out)
    for path in lesson_files(SOLUTIONS):
        result = graded[f"solutions__{path.stem}"]
        assert result["status"] == "graded", result["reason"]
        assert result["score"] == result["max_score"] > 0, (path.name, points(result))


@pytest.mark.long  # every solution through the real grader: .ci/run (the mutation tests grade each in-process)
def test_untouched_lessons_get_zero(whole_course):
    out, _ = whole_course
    graded = results(out)
    for path in untouched_lessons():
        result = graded[f"lessons__{path.stem}"]
        assert result["status"] == "graded" and result["score"] == 0 < result["max_score"], path.name


@pytest.mark.long  # every solution through the real grader: .ci/run (the mutation tests grade each in-process)
def test_gradebook_has_a_row_per_submission_and_a_column_per_exercise(whole_course):
    out, _ = whole_course
    rows = list(csv.DictReader((out / "grades.csv").open()))
    assert len(rows) == len(lesson_files(SOLUTIONS)) + len(UNTOUCHED)
    assert {"submission", "score", "max_score", "exercise 01.1", "exercise 06.3"} <= set(rows[0])
    assert (out / "feedback" / "solutions__01_two_ways.html").read_text().count("✓") >= 10


# ---- tampered submissions ------------------------------------------------------------------------


def cell_index(nb: nbformat.NotebookNode, exercise: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if exercise_id(c) == exercise)


def set_answer(nb: nbformat.NotebookNode, exercise: str, source: str) -> None:
    nb.cells[cell_index(nb, exercise)].source = source


def deleted(nb):
    nb.cells = [c for c in nb.cells if "course.check(" not in c.source]
    del nb.cells[cell_index(nb, "02.1")]


def duplicated(nb):
    index = cell_index(nb, "02.2")
    wrong = nbformat.v4.new_code_cell("def digits_cnn():\n    return None", metadata=dict(nb.cells[index].metadata))
    nb.cells[index:index] = [wrong, nbformat.v4.new_markdown_cell("An earlier attempt above.")]


def duplicated_wrong_last(nb):
    index = cell_index(nb, "02.2")
    wrong = nbformat.v4.new_code_cell("def digits_cnn():\n    return None", metadata=dict(nb.cells[index].metadata))
    nb.cells[index + 1:index + 1] = [nbformat.v4.new_markdown_cell("A later attempt below."), wrong]


def split(nb):
    index = cell_index(nb, "02.1")
    lines = nb.cells[index].source.splitlines()
    first = nbformat.v4.new_code_cell("\n".join(lines[:4]), metadata=dict(nb.cells[index].metadata))
    second = nbformat.v4.new_code_cell("\n".join(lines[4:]), metadata=dict(nb.cells[index].metadata))
    nb.cells[index:index + 1] = [first, second]


def lost_metadata(nb):
    nb.cells[cell_index(nb, "02.2")].metadata = {}


def wrong_answer(nb):
    set_answer(nb, "02.3", "def layer_output_shapes(model):\n    return [(None, 64)]")


def patched_checks(nb):
    set_answer(nb, "02.3", "\n".join([
        "import course, course.checks, course.exercises.lesson02 as mine",
        "course.checks.run_check = lambda check, value: course.checks.CheckOutcome(check.description, True)",
        "mine.shapes_match = lambda *args, **kwargs: None",
        "course.check = lambda *args: 'all good'",
        "def layer_output_shapes(model):",
        "    return [(None, 64)]",
    ]))


def noisy_but_right(nb):
    set_answer(nb, "02.3", "\n".join([
        "import sys, warnings",
        "def layer_output_shapes(model):",
        "    warnings.warn('this answer is noisy', UserWarning)",
        "    print('debugging output', file=sys.stderr)",
        "    return [tuple(layer.output.shape) for layer in model.layers]",
    ]))


def infinite_loop(nb):
    set_answer(nb, "02.1", "while True:\n    pass")


def memory_bomb(nb):
    index = cell_index(nb, "02.2")
    nb.cells[index].source = "blob = bytearray(64 * 1024 ** 3)\n" + nb.cells[index].source


def kernel_crash(nb):
    index = cell_index(nb, "02.3")
    nb.cells[index].source = "import os\nos._exit(1)\n" + nb.cells[index].source


TAMPERED = {
    "deleted": (deleted, {"02.1": 0, "02.2": 5, "02.3": 2}, ("02.1", "not found")),
    "duplicated": (duplicated, {"02.1": 5, "02.2": 5, "02.3": 2}, ("02.2", "graded the last one")),
    "duplicated_wrong_last": (duplicated_wrong_last, {"02.1": 5, "02.2": 0, "02.3": 2}, ("02.2", "2 copies")),
    "split": (split, {"02.1": 5, "02.2": 5, "02.3": 2}, ("02.1", "split over 2 cells")),
    "lost_metadata": (lost_metadata, {"02.1": 5, "02.2": 5, "02.3": 2}, ("02.2", "function name")),
    "wrong_answer": (wrong_answer, {"02.1": 5, "02.2": 5, "02.3": 0}, None),
    "patched_checks": (patched_checks, {"02.1": 5, "02.2": 5, "02.3": 0}, None),
    "noisy_but_right": (noisy_but_right, {"02.1": 5, "02.2": 5, "02.3": 2}, None),
    "infinite_loop": (infinite_loop, {"02.1": 0, "02.2": 5, "02.3": 2}, ("02.1", "ran past its time limit")),
    "memory_bomb": (memory_bomb, {"02.1": 5, "02.2": 0, "02.3": 2}, ("02.2", "MemoryError")),
    "kernel_crash": (kernel_crash, {"02.1": 5, "02.2": 5, "02.3": 0}, None),
}


@pytest.fixture(scope="module")
def tampered(tmp_path_factory) -> tuple[Path, dict[str, str], subprocess.CompletedProcess]:
    folder = tmp_path_factory.mktemp("submissions")
    paths, digests = [], {}
    for name, (edit, _, _) in TAMPERED.items():  # one folder per learner, as the README's layout
        nb = nbformat.read(BASE, as_version=4)
        edit(nb)
        path = folder / name / BASE.name
        path.parent.mkdir()
        nbformat.write(nb, path)
        paths.append(path)
    for name in ("corrupt", "picture", "homework"):
        (folder / name).mkdir()
    (folder / "corrupt" / BASE.name).write_text('{"cells": [ this is not json')
    (folder / "picture" / BASE.name).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]),
                   folder / "homework" / "homework.ipynb")
    paths += [folder / "corrupt" / BASE.name, folder / "picture" / BASE.name, folder / "homework" / "homework.ipynb"]
    digests = {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    out = tmp_path_factory.mktemp("graded")
    done = grade(paths, out, "--jobs", "2", "--cell-timeout", "20", "--memory-gb", "4")  # 20 s: a loaded machine
    return out, digests, done


def test_grading_finishes_and_never_touches_submissions(tampered):
    out, digests, done = tampered
    assert done.returncode == 0, done.stdout + done.stderr
    folder = Path(results(out, "learner")["deleted"]["path"]).parent.parent
    assert {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in digests} == digests
    assert len(list(csv.DictReader((out / "grades.csv").open()))) == len(digests)


@pytest.mark.parametrize("name", sorted(TAMPERED))
def test_tampered_submission_is_graded_correctly(tampered, name):
    out, _, _ = tampered
    result = results(out, "learner")[name]
    _, expected, note = TAMPERED[name]
    assert result["status"] == "graded", result["reason"]
    assert points(result) == expected
    if note:
        exercise, text = note
        assert text in notes(result, exercise)


def test_a_kernel_crash_is_reported(tampered):
    out, _, _ = tampered
    assert "kernel died" in " ".join(results(out, "learner")["kernel_crash"]["notes"])


@pytest.mark.parametrize("name, status, reason", [
    ("corrupt", "not a notebook", "not JSON"),
    ("picture", "not a notebook", "not JSON"),
    ("homework", "unknown lesson", "cannot tell which lesson"),
])
def test_unusable_files_get_a_row_with_a_reason(tampered, name, status, reason):
    out, _, _ = tampered
    result = results(out, "learner")[name]
    assert result["status"] == status and reason in result["reason"]
    assert "could not be graded" in (out / "feedback" / f"{result['submission']}.html").read_text()
    if name != "homework":
        assert result["max_score"] == 12  # the lesson's maximum: percentages and LMS imports work


def test_hidden_checks_keep_their_reason_for_the_instructor_and_only_their_name_for_the_learner(tampered):
    out, _, _ = tampered
    exercise = next(e for e in results(out, "learner")["wrong_answer"]["exercises"] if e["id"] == "02.3")
    hidden = [c for c in exercise["checks"] if c["hidden"] and not c["passed"]]
    assert hidden and all(c["message"] for c in hidden), "the instructor's results/*.json keeps every reason"
    page = (out / "feedback" / "wrong_answer__02_shapes_and_building.html").read_text()
    assert "works for another model" in page and "(None, 5)" not in page


def test_a_notebook_that_never_finishes_is_stopped(tmp_path):
    nb = nbformat.read(BASE, as_version=4)
    set_answer(nb, "02.1", "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)  # deaf to interrupts\n"
                           "while True:\n    pass")
    (tmp_path / "stubborn").mkdir()
    nbformat.write(nb, tmp_path / "stubborn" / BASE.name)
    done = grade([tmp_path / "stubborn" / BASE.name], tmp_path / "out", "--timeout", "15", "--cell-timeout", "5")
    assert done.returncode == 0, done.stderr
    result = results(tmp_path / "out", "learner")["stubborn"]
    assert result["status"] == "error" and "15 s limit" in result["reason"]
    assert (tmp_path / "out" / "runs" / "stubborn" / "02_shapes_and_building.log").exists()


def test_usage_errors_exit_with_2_and_a_missing_file_is_a_row(tmp_path):
    assert grade([BASE], tmp_path / "out", "--shard", "3/2").returncode == 2
    assert grade([BASE], tmp_path / "out", "--lesson", "2").returncode == 2
    done = grade([tmp_path / "dave" / BASE.name], tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert results(tmp_path / "out", "learner")["dave"]["status"] == "not submitted"
