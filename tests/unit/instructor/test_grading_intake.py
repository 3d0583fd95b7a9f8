"""Grading without kernels: identity, intake statuses, answer scope, overrides, late rule, duplicates, merge."""

from __future__ import annotations

import csv
import json
import os
import uuid
from dataclasses import asdict
from pathlib import Path

import nbformat
import pytest

from course.answer_scope import outside_notes
from course.notebooks import exercise_id
from course.paths import SOLUTIONS
from instructor.grading.gradebook import Override, Policy, apply_overrides, duplicates, late_days, parse_rate, rows
from instructor.grading.grader import CheckResult, ExerciseResult, SubmissionResult
from instructor.grading.intake import plan, shard
from instructor.grading.merge import merge
from instructor.grading.report import feedback_html, read_results, write_gradebook, write_result
from instructor.grading.roster import identify, read_roster

LESSON_02 = SOLUTIONS / "02_shapes_and_building.ipynb"
LESSON_01 = SOLUTIONS / "01_two_ways.ipynb"
STEM = "02_shapes_and_building"


def roster(tmp_path: Path) -> dict:
    path = tmp_path / "roster.csv"
    path.write_text("id,name,email,aliases,extension_days\nalice,Alice,a@x,,\n"
                    "jdoe,Jane Doe,j@x,doe_jane_12345;Jane Doe,2\ndave,Dave,d@x,,\n")
    return read_roster(path)


def copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    return target


def test_identity_comes_from_the_folder_or_the_roster_never_from_what_is_graded_with_it(tmp_path):
    learners = roster(tmp_path)
    assert identify(tmp_path / "alice" / f"{STEM}.ipynb", None) == ("alice", False)
    assert identify(tmp_path / "alice" / f"{STEM}.ipynb", learners) == ("alice", True)
    flat = tmp_path / "dl" / f"doe_jane_12345_67890_{STEM}.ipynb"  # a Canvas bulk download name
    assert identify(flat, learners) == ("jdoe", True)
    assert identify(flat, None) == ("doe_jane_12345_67890", False)
    assert identify(tmp_path / "alice" / "homework.ipynb", None) == ("alice", False)
    assert identify(tmp_path / "Jane Doe" / f"{STEM}.ipynb", learners) == ("jdoe", True)
    assert learners["jdoe"].extension_days == 2


def test_a_class_gets_one_row_per_learner_with_a_status_for_every_case(tmp_path):
    sub = tmp_path / "sub"
    copy(LESSON_02, sub / "alice" / f"{STEM}.ipynb")
    copy(LESSON_01, sub / "bob" / f"{STEM}.ipynb")  # another lesson under this lesson's name
    copy(LESSON_02, sub / "erin" / f"{STEM} (1).ipynb")
    (sub / "gina").mkdir()
    (sub / "gina" / f"{STEM}.html").write_text("<!DOCTYPE html><html></html>")
    (sub / "hank").mkdir()
    (sub / "hank" / f"{STEM}.py").write_text("# %%\nimport keras\n")
    (sub / "kim").mkdir()
    (sub / "kim" / f"{STEM}.ipynb").write_text("{ broken")
    path = tmp_path / "roster.csv"
    path.write_text("id,name,email\n" + "".join(f"{n},{n.title()},{n}@x\n" for n in
                                                ("alice", "bob", "dave", "erin", "gina", "hank", "kim")))
    tasks = {t.learner: t for t in plan([sub, tmp_path / "nowhere" / f"{STEM}.ipynb"], read_roster(path), "02")}
    assert tasks["alice"].status == "graded" and tasks["alice"].runnable
    assert tasks["bob"].status == "wrong lesson" and "lesson 01" in tasks["bob"].reason and not tasks["bob"].runnable
    assert tasks["dave"].status == "not submitted"
    assert tasks["erin"].status == f"misnamed (found {STEM} (1).ipynb)" and tasks["erin"].runnable
    assert "HTML export" in tasks["gina"].reason and tasks["gina"].status == "not a notebook"
    assert ".py export" in tasks["hank"].reason and "not JSON" in tasks["kim"].reason
    assert tasks["nowhere"].status == "not submitted" and not tasks["nowhere"].on_roster  # a missing path: a row
    assert all(t.key == f"{t.learner}__{STEM}" for t in tasks.values())


def test_several_files_for_one_learner_the_choice_is_explicit(tmp_path):
    older = copy(LESSON_02, tmp_path / "alice" / f"{STEM} (1).ipynb")
    exact = copy(LESSON_02, tmp_path / "alice" / f"{STEM}.ipynb")
    os.utime(older, (2e9, 2e9))  # the misnamed one is newer, but the exact name wins
    (task,) = plan([tmp_path], None, "02")
    assert task.path == exact and task.status == "graded"
    assert f"graded {STEM}.ipynb" in task.notes[0] and f"left out {STEM} (1).ipynb" in task.notes[0]


def test_lesson_defaults_to_the_file_name_and_shards_split_by_learner(tmp_path):
    for name in ("alice", "bob", "carol"):
        copy(LESSON_02, tmp_path / name / f"{STEM}.ipynb")
        copy(LESSON_01, tmp_path / name / "01_two_ways.ipynb")
    tasks = plan([tmp_path], None)
    assert sorted({t.lesson for t in tasks}) == ["01", "02"] and all(t.status == "graded" for t in tasks)
    parts = [shard(tasks, k, 2) for k in (1, 2)]
    assert sorted(t.key for part in parts for t in part) == sorted(t.key for t in tasks)
    assert {t.learner for t in parts[0]}.isdisjoint({t.learner for t in parts[1]})


def learner_cell(source: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.id = str(uuid.uuid4())  # as JupyterLab names a cell the learner adds
    return cell


def test_code_outside_the_exercise_cell_is_named_the_same_way_by_validate_and_the_grader():
    nb = nbformat.read(LESSON_02, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if exercise_id(c) == "02.1")
    nb.cells[index].source = "def build_late(n_features):\n    return two_dense(n_features)"
    nb.cells.insert(index, learner_cell("def two_dense(n):\n    return n"))
    functions = {"02.1": "build_late", "02.2": "digits_cnn", "02.3": "layer_output_shapes"}
    notes = outside_notes(nb.cells, functions)
    assert list(notes) == ["02.1"] and "uses `two_dense`, defined outside the exercise cell" in notes["02.1"][0]
    # the stub left in place, the answer written below it (noah's case)
    nb = nbformat.read(LESSON_02, as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if exercise_id(c) == "02.3")
    nb.cells[index].source = "def layer_output_shapes(model):\n    ...  # YOUR CODE HERE"
    nb.cells.insert(index + 2, learner_cell("def layer_output_shapes(model):\n    return []"))
    notes = outside_notes(nb.cells, functions)
    assert "later definition of `layer_output_shapes` outside the exercise cell was ignored" in notes["02.3"][0]
    # a cell that lost its metadata is the answer (the grader finds it by its function name)
    for cell in nb.cells:
        if exercise_id(cell) == "02.3":
            cell.metadata = {}
    assert "02.3" not in outside_notes(nb.cells, functions)
    # names the lesson itself defines (keras, x_train, ...) are never reported
    assert outside_notes(nbformat.read(LESSON_02, as_version=4).cells, functions) == {}


def graded(learner: str, score: float, **fields) -> SubmissionResult:
    checks = [CheckResult("public", score, 2, score == 2, None, False)]
    return SubmissionResult(f"{learner}__{STEM}", f"{learner}.ipynb", "graded", lesson=STEM, score=score,
                            max_score=4, learner=learner, exercises=[ExerciseResult("02.1", "T", score, 2, checks),
                                                                     ExerciseResult("02.2", "U", 0, 2)],
                            graded_at="2026-12-01T10:00:00+00:00", course_version="0.1.0 (git abc)", **fields)


def test_overrides_change_an_exercise_or_the_total_within_bounds():
    result = graded("alice", 1)
    overrides = [Override("alice", "02", "02.1", "+5", "regrade"), Override("alice", "02", "", "-1", "style"),
                 Override("bob", "02", "02.1", "=0", "not alice")]
    score, said = apply_overrides(result, overrides)
    assert score == 1  # 02.1 capped at 2, plus 02.2's 0, minus 1
    assert said[0] == "exercise 02.1: +5 by the instructor (regrade)" and said[1].startswith("the total: -1")


def test_late_days_with_extensions_and_a_capped_penalty():
    assert late_days("2026-12-02T00:30:00+00:00", "2026-12-01") == 1
    assert late_days("2026-12-03T12:00:00+00:00", "2026-12-01", extension_days=2) == 0
    assert late_days("2026-12-04T12:00:00+00:00", "2026-12-01", extension_days=2) == 1
    assert late_days("2026-12-01T20:00:00+00:00", "2026-12-01") == 0
    assert parse_rate("10%/day") == 0.1
    result = graded("alice", 2, submitted_at="2026-12-10T00:00:00+00:00")
    (row,) = rows([result], [], Policy("2026-12-01", 0.1, 0.5))
    assert row.late_days == 9 and row.penalty == 0.5 and row.final == 1


def test_identical_files_and_answers_are_flagged():
    a, b, c = graded("alice", 2), graded("bob", 2), graded("carol", 2)
    a.file_sha256 = b.file_sha256 = "same"
    a.answer_hashes = b.answer_hashes = c.answer_hashes = {"02.1": "h"}
    found = duplicates([a, b, c])
    assert found[a.submission] == ["bob (identical file)", "carol (02.1)"]
    assert found[c.submission] == ["alice (02.1)", "bob (02.1)"]


def test_gradebook_and_feedback_show_overrides_date_and_version(tmp_path):
    write_result(graded("alice", 1, submitted_at="2026-12-03T00:00:00+00:00", name="Alice"), tmp_path)
    (tmp_path / "overrides.csv").write_text("learner,lesson,exercise,points,reason\nalice,02,02.1,+1,regrade\n")
    Policy("2026-12-01", 0.1, 1).save(tmp_path)
    write_gradebook(read_results(tmp_path), tmp_path)
    (row,) = csv.DictReader((tmp_path / "grades.csv").open())
    assert (row["learner"], row["name"], row["lesson"], row["score"], row["max_score"]) == ("alice", "Alice", "02",
                                                                                             "2", "4")
    assert (row["percentage"], row["late_days"], row["penalty"], row["final"]) == ("50", "2", "20%", "1.6")
    assert row["overrides"].startswith("exercise 02.1: +1")
    page = (tmp_path / "feedback" / f"alice__{STEM}.html").read_text()
    assert "2026-12-01T10:00:00+00:00" in page and "0.1.0 (git abc)" in page and "regrade" in page
    assert "2 day(s) late" in page


def test_a_not_graded_row_keeps_the_lessons_maximum_and_says_why():
    result = SubmissionResult(f"gina__{STEM}", "gina.html", "not a notebook", "this is an HTML export", lesson=STEM,
                              max_score=12, learner="gina")
    page = feedback_html(result)
    assert "could not be graded (not a notebook): this is an HTML export" in page


def shard_folder(folder: Path, *results: SubmissionResult) -> Path:
    for result in results:
        write_result(result, folder)
        (folder / "runs" / result.learner).mkdir(parents=True, exist_ok=True)
        (folder / "runs" / result.learner / f"{STEM}.log").write_text(result.graded_at)
    (folder / "logs").mkdir(exist_ok=True)
    (folder / "logs" / "worker-1.log").write_text(folder.name)
    return folder


def test_merge_keeps_the_newest_row_every_log_and_never_counts_logs(tmp_path):
    old, new = graded("alice", 0), graded("alice", 2)
    new.graded_at = "2026-12-02T10:00:00+00:00"
    one = shard_folder(tmp_path / "graded-1", old, graded("bob", 1))
    two = shard_folder(tmp_path / "graded-2", new)
    rows_merged, decisions = merge([one, two], tmp_path / "graded")
    assert rows_merged == 2 and "kept the newer (2026-12-02" in decisions[0]
    got = {r["learner"]: r for r in csv.DictReader((tmp_path / "graded" / "grades.csv").open())}
    assert got["alice"]["score"] == "2" and set(got) == {"alice", "bob"}
    assert (tmp_path / "graded" / "logs" / "graded-1" / "worker-1.log").read_text() == "graded-1"
    assert (tmp_path / "graded" / "logs" / "graded-2" / "worker-1.log").read_text() == "graded-2"
    assert (tmp_path / "graded" / "runs" / "alice" / f"{STEM}.log").read_text() == new.graded_at
    # one shard per learner, merged into a folder that already exists: replaced whole, overrides kept
    (tmp_path / "graded" / "overrides.csv").write_text("learner,lesson,exercise,points,reason\nalice,02,,-1,x\n")
    rows_merged, decisions = merge([two], tmp_path / "graded")
    assert rows_merged == 1 and not decisions
    assert (tmp_path / "graded" / "overrides.csv").exists()
    assert next(csv.DictReader((tmp_path / "graded" / "grades.csv").open()))["score"] == "1"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging left behind


def test_a_failed_merge_leaves_the_output_untouched(tmp_path, monkeypatch):
    one = shard_folder(tmp_path / "graded-1", graded("alice", 1))
    merge([one], tmp_path / "graded")
    before = (tmp_path / "graded" / "grades.csv").read_text()
    bad = shard_folder(tmp_path / "graded-2", graded("bob", 1))
    (bad / "results" / f"bob__{STEM}.json").write_text(json.dumps({"submission": "broken"}))
    with pytest.raises(TypeError):
        merge([one, bad], tmp_path / "graded")
    assert (tmp_path / "graded" / "grades.csv").read_text() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_canvas_and_moodle_exports_account_for_every_rostered_learner(tmp_path):
    from instructor.grading.lms import main as export

    write_result(graded("alice", 2, submitted_at="2026-12-03T00:00:00+00:00"), tmp_path / "graded")
    (tmp_path / "roster.csv").write_text("id,name,email,sis_login_id,idnumber\nalice,Alice,a@x,A1,77\n"
                                         "dave,Dave,d@x,D4,78\n")
    Policy("2026-12-01", 0.25, 1).save(tmp_path / "graded")
    for lms in ("canvas", "moodle"):
        assert export([lms, str(tmp_path / "graded"), "--roster", str(tmp_path / "roster.csv")]) == 0
    canvas = list(csv.reader((tmp_path / "graded" / "canvas.csv").open()))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                         "Lesson 02 · shapes and building"]
    assert canvas[1][0] == "Points Possible" and canvas[1][-1] == "4"
    assert [(r[0], r[3], r[-1]) for r in canvas[2:]] == [("Alice", "A1", "1"), ("Dave", "D4", "0")]
    moodle = list(csv.DictReader((tmp_path / "graded" / "moodle.csv").open()))
    assert [(r["Email address"], r["ID number"], r["Lesson 02 · shapes and building"]) for r in moodle] == [
        ("a@x", "77", "1"), ("d@x", "78", "0")]
    assert "2 day(s) late, 50% off" in moodle[0]["Lesson 02 · shapes and building feedback"]
    (tmp_path / "roster.csv").write_text("id,name,email\ndave,Dave,d@x\n")
    with pytest.raises(SystemExit, match="alice graded but not on the roster"):
        export(["canvas", str(tmp_path / "graded"), "--roster", str(tmp_path / "roster.csv")])


def test_gradescope_results_keep_every_exercise_and_hide_grading_check_reasons():
    from instructor.grading.gradescope import gradescope_results

    maxima = {"02.1": ("T", 2.0, 1.0), "02.2": ("U", 2.0, 0.0)}
    result = asdict(graded("alice", 1))
    result["exercises"][0]["checks"].append(asdict(CheckResult("secret", 0, 1, False, "the reason", True)))
    data = gradescope_results(result, maxima)
    assert [(t["number"], t["score"], t["max_score"], t["visibility"]) for t in data["tests"]] == [
        ("02.1", 1, 2.0, "visible"), ("02.1.g", 0, 1.0, "after_published"), ("02.2", 0, 2.0, "visible")]
    assert "secret" in data["tests"][1]["output"] and "the reason" not in json.dumps(data)
    missing = gradescope_results({"status": "not a notebook", "reason": "this is an HTML export", "notes": []},
                                 maxima)
    assert missing["score"] == 0 and sum(t["max_score"] for t in missing["tests"]) == 5
    assert "HTML export" in missing["output"]


def test_the_class_view_summarises_exercises_checks_messages_and_what_to_look_at(tmp_path):
    alice, bob = graded("alice", 2), graded("bob", 0, submitted_at="2026-12-09T00:00:00+00:00")
    bob.exercises[0].checks[0].message = "expected 10 units"
    dave = SubmissionResult(f"dave__{STEM}", "", "not submitted", "nothing handed in", lesson=STEM, max_score=4,
                            learner="dave")
    for result in (alice, bob, dave):
        write_result(result, tmp_path)
    Policy("2026-12-01", 0.1, 1).save(tmp_path)
    write_gradebook(read_results(tmp_path), tmp_path)
    facts = list(csv.reader((tmp_path / "class.csv").open()))
    assert ["exercise", STEM, "02.1", "mean points", "1"] in facts
    assert ["check", STEM, "02.1 · public", "failure rate", "50%"] in facts
    assert ["message", STEM, "02.1", "expected 10 units", "1"] in facts
    assert ["attention", STEM, "dave", "not submitted", "nothing handed in"] in facts
    assert ["attention", STEM, "bob", "8 day(s) late", ""] in facts
    page = (tmp_path / "class.html").read_text()
    assert "<svg role='img'" in page and "<title id=" in page and "The heat map as a table" in page
    assert "<th scope='row'>dave</th>" in page


def test_a_file_whose_name_does_not_say_the_lesson_never_makes_a_second_row(tmp_path):
    copy(LESSON_02, tmp_path / "alice" / "homework.ipynb")  # lesson 02 by its exercises only
    copy(LESSON_02, tmp_path / "alice" / f"{STEM}.ipynb")
    (tmp_path / "roster.csv").write_text("id,name,email\nalice,Alice,a@x\n")
    tasks = plan([tmp_path / "alice"], read_roster(tmp_path / "roster.csv"))
    assert [t.key for t in tasks] == [f"alice__{STEM}"]
    assert "also found" in " ".join(tasks[0].notes)


def test_the_roster_gives_names_extensions_and_the_lms_submission_time():
    from instructor.grading.cli import from_roster
    from instructor.grading.roster import Learner

    result = graded("jdoe", 1, submitted_at="2026-12-09T00:00:00+00:00")
    from_roster(result, Learner("jdoe", "Jane Doe", extension_days=2, extra={"submitted_at_02": "2026-12-01T10:00"}))
    assert (result.name, result.extension_days, result.submitted_at) == ("Jane Doe", 2, "2026-12-01T10:00:00+00:00")
    from_roster(result, Learner("jdoe", extra={"submitted_at": "yesterday"}))
    assert result.submitted_at == "2026-12-01T10:00:00+00:00" and "not a date" in result.notes[-1]
