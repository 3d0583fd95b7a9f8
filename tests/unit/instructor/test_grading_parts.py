"""The grader's parts without kernels: cell matching, names, shards, merging, reports."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from dataclasses import asdict

import nbformat
import pytest

from course.checks.registry import load_all
from course.notebooks import exercise_id
from course.paths import SOLUTIONS
from instructor.grading.assemble import NotGradable, assemble, find_template, read_submission
from instructor.grading.cli import parse_shard
from instructor.grading.grader import CheckResult, ExerciseResult, SubmissionResult
from instructor.grading.report import feedback_html, write_gradebook, write_result

LESSON = SOLUTIONS / "01_two_ways.ipynb"


def exercise_cells(nb):
    return {exercise_id(c): c for c in nb.cells if exercise_id(c)}


def test_assembled_notebook_takes_answers_from_the_submission_and_the_rest_from_the_instructor(tmp_path):
    submission = nbformat.read(LESSON, as_version=4)
    exercise_cells(submission)["01.1"].source = "def dense_params(n, units):\n    return 0  # learner's"
    submission.cells[2].source = "raise SystemExit('a learner edited the setup cell')"
    assembled = assemble(submission, tmp_path / "x.ipynb", load_all(graded=True))
    sources = [c.source for c in assembled.notebook.cells]
    assert any("learner's" in s for s in sources)
    assert not any("SystemExit" in s for s in sources)
    assert not any("course.check(" in s for s in sources)
    assert assembled.lesson == "01_two_ways" and [e.id for e in assembled.exercises] == ["01.1", "01.2", "01.3"]


def test_missing_exercise_gets_the_stub_and_a_note(tmp_path):
    submission = nbformat.read(LESSON, as_version=4)
    submission.cells = [c for c in submission.cells if exercise_id(c) != "01.3"]
    assembled = assemble(submission, tmp_path / "x.ipynb", load_all(graded=True))
    assert "not found" in assembled.notes["01.3"][0]
    assert "...  # YOUR CODE HERE" in exercise_cells(assembled.notebook)["01.3"].source


def test_template_is_found_by_exercise_ids_or_file_name(tmp_path):
    empty = nbformat.v4.new_notebook()
    assert find_template(empty, tmp_path / "03_mine.ipynb").name == "03_inspecting_models.ipynb"
    assert find_template(nbformat.read(LESSON, as_version=4), tmp_path / "x.ipynb") == LESSON
    with pytest.raises(NotGradable, match="which lesson"):
        find_template(empty, tmp_path / "homework.ipynb")


def test_unreadable_files_are_not_gradable(tmp_path):
    (tmp_path / "a.ipynb").write_text("not json")
    with pytest.raises(NotGradable, match="not a readable Jupyter notebook"):
        read_submission(tmp_path / "a.ipynb")


def test_shards():
    assert parse_shard("2/8") == (2, 8)
    for bad in ("0/3", "4/3", "two/3"):
        with pytest.raises(Exception, match="shard"):
            parse_shard(bad)


def result(name: str, score: float, exercise: str = "01.1", hidden_message: str | None = None) -> SubmissionResult:
    checks = [CheckResult("public one", score, 1, score == 1, None if score == 1 else "wrong <b>", False),
              CheckResult("hidden one", 0, 1, False, hidden_message, True)]
    return SubmissionResult(name, f"{name}.ipynb", "graded", lesson="01_two_ways", score=score, max_score=2,
                            exercises=[ExerciseResult(exercise, "Title", score, 2, checks, ["a note"])])


def test_feedback_escapes_text_and_hides_hidden_messages():
    page = feedback_html(result("alice", 0))
    assert "wrong &lt;b&gt;" in page and "<b>wrong" not in page
    assert "hidden one" in page and "(grading check)" in page


def test_feedback_page_declares_its_language_and_labels_its_tables():
    page = feedback_html(result("alice", 0))
    assert "<html lang='en'>" in page and "<title>Feedback for alice</title>" in page
    assert "<caption>Checks of exercise 1.1</caption>" in page
    assert page.count("<th scope='col'>") == 3 and page.count("<th scope='row'>") == 2
    assert "failed" in page  # the result in words, not only a coloured mark


def test_merge_joins_shards_into_one_gradebook(tmp_path):
    for shard, name in (("s1", "alice"), ("s2", "bob")):
        write_result(result(name, 1), tmp_path / shard)
        write_gradebook([result(name, 1)], tmp_path / shard)
    done = subprocess.run([sys.executable, "-m", "course", "grade", "merge", str(tmp_path / "s1"), str(tmp_path / "s2"),
                           "--out", str(tmp_path / "all")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader((tmp_path / "all" / "grades.csv").open()))
    assert [r["submission"] for r in rows] == ["alice", "bob"] and rows[0]["exercise 01.1"] == "1"
    assert (tmp_path / "all" / "feedback" / "bob.html").exists()
    again = subprocess.run([sys.executable, "-m", "course", "grade", "merge", str(tmp_path / "s1"),
                            str(tmp_path / "s1"), "--out", str(tmp_path / "all")], capture_output=True, text=True)
    assert again.returncode == 0  # the same shard twice is harmless
    wrong = subprocess.run([sys.executable, "-m", "course", "grade", "merge", str(tmp_path / "nope"), "--out",
                            str(tmp_path / "x")], capture_output=True, text=True)
    assert wrong.returncode == 2 and "no results/ folder" in wrong.stderr


def test_results_round_trip_through_json(tmp_path):
    write_result(result("carol", 1), tmp_path)
    data = json.loads((tmp_path / "results" / "carol.json").read_text())
    assert data == asdict(result("carol", 1))


def test_every_exercise_can_be_graded():
    for exercise in load_all(graded=True).values():
        assert exercise.function and exercise.public_cases and exercise.public_checks, exercise.id
        assert exercise.points > 0, exercise.id


def test_the_learner_side_holds_no_grading_only_case_or_hidden_check():
    """Imported without the kit's grading part (as in the learner bundle), no exercise has any."""
    probe = ("from course.checks import load_all\n"
             "bad = [e.id for e in load_all().values() if len(e.cases) != len(e.public_cases)\n"
             "       or any(c.hidden for c in e.checks)]\n"
             "print(len(load_all()), bad)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(" ", 1)[1].strip() == "[]" and int(done.stdout.split()[0]) >= 39


def test_a_model_the_grader_cannot_load_is_explained(tmp_path):
    import keras

    from instructor.grading.artifacts import load_value

    class Twice(keras.layers.Layer):  # defined here, as a learner would in a notebook
        def call(self, x):
            return 2 * x

    inputs = keras.Input(shape=(3,))
    halved = keras.layers.Lambda(lambda x: x / 2, name="half")(Twice(name="twice")(inputs))
    stem = str(tmp_path / "answer")
    keras.Model(inputs, halved).save(stem + ".keras")
    (tmp_path / "answer.meta.json").write_text(json.dumps({"status": "ok", "kind": "model", "type": "Functional"}))
    error = load_value(stem)
    assert "Lambda layer" in error.message and "uses Twice, defined in the notebook" in error.message
    assert error.message.endswith("build the answer from keras.layers only.")


def test_a_stale_optimizer_is_read_from_the_loader_warning():
    from instructor.grading.artifacts import stale_optimizer

    def skipped(saved: int) -> str:
        return (f"Skipping variable loading for optimizer 'adam', because it has 10 variables whereas the saved "
                f"optimizer has {saved} variables. ")

    assert stale_optimizer([skipped(6)])  # built by a fit for the frozen model's head
    assert not stale_optimizer([skipped(2)])  # compiled again: an unbuilt optimizer
    assert not stale_optimizer([])


def test_the_feedback_names_the_backend_the_grade_was_computed_on(monkeypatch):
    from instructor.grading import provenance

    graded = result("alice", 1)
    graded.backend = "jax"
    assert "on Keras's jax backend" in feedback_html(graded)
    monkeypatch.setenv("KERAS_BACKEND", "torch")
    assert provenance.keras_backend() == "torch"


def test_grade_takes_a_backend_and_hands_it_to_the_kernels(monkeypatch, tmp_path):
    from instructor.grading import cli, worker

    monkeypatch.delenv("KERAS_BACKEND", raising=False)
    with pytest.raises(SystemExit):
        cli.grade_command(["x.ipynb", "--out", str(tmp_path), "--backend", "theano"])
    monkeypatch.setenv("KERAS_BACKEND", "jax")
    assert worker.scrubbed_base(tmp_path)["KERAS_BACKEND"] == "jax"
