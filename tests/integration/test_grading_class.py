"""A small class graded the way an instructor does it, looking for silent mis-grades.

Lesson 02 (the quickest), a roster of eight, two shards merged, then one learner re-graded in
place. The class holds a notebook of another lesson, a missing file, a renamed file, an HTML
export, a byte-identical copy and a helper outside the exercise cell. Six notebooks reach a kernel.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import nbformat
import pytest

from course.notebooks import exercise_id
from course.paths import LESSONS, SOLUTIONS

# A class through real kernels (about a minute and a half of one worker): `.ci/run` runs it after
# `make test`, whose intake, roster and gradebook unit tests cover the same rules in-process.
pytestmark = pytest.mark.long
STEM = "02_shapes_and_building"
ROSTER = ["alice", "bob", "dave", "erin", "frank", "gina", "ivan", "jack"]


def course(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "course", *args], capture_output=True, text=True, timeout=900)


def with_helper(path: Path) -> None:
    """ivan: the answer calls a helper he wrote in a cell of his own (JupyterLab gives it a UUID)."""
    nb = nbformat.read(SOLUTIONS / f"{STEM}.ipynb", as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if exercise_id(c) == "02.3")
    nb.cells[index].source = "def layer_output_shapes(model):\n    return shapes_of(model)"
    helper = nbformat.v4.new_code_cell("def shapes_of(model):\n"
                                       "    return [tuple(layer.output.shape) for layer in model.layers]")
    helper.id = str(uuid.uuid4())
    nb.cells.insert(index, helper)
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> tuple[Path, Path, dict[str, subprocess.CompletedProcess]]:
    root = tmp_path_factory.mktemp("class")
    sub = root / "submissions"
    for name in ROSTER:
        (sub / name).mkdir(parents=True)
    solution = SOLUTIONS / f"{STEM}.ipynb"
    shutil.copy(solution, sub / "alice" / f"{STEM}.ipynb")
    shutil.copy(LESSONS / f"{STEM}.ipynb", sub / "bob" / f"{STEM}.ipynb")  # untouched at first
    shutil.copy(solution, sub / "erin" / f"{STEM} (1).ipynb")
    shutil.copy(SOLUTIONS / "01_two_ways.ipynb", sub / "frank" / f"{STEM}.ipynb")  # a solved lesson 01
    (sub / "gina" / f"{STEM}.html").write_text("<!DOCTYPE html>\n<html lang='en'><body>export</body></html>")
    with_helper(sub / "ivan" / f"{STEM}.ipynb")
    shutil.copy(solution, sub / "jack" / f"{STEM}.ipynb")  # byte-identical to alice's
    (root / "roster.csv").write_text("id,name,email\n" + "".join(f"{n},{n.title()},{n}@example.org\n"
                                                                 for n in ROSTER))
    common = ["--lesson", "02", "--roster", str(root / "roster.csv"), "--jobs", "2", "--cell-timeout", "60"]
    runs = {f"shard {k}": course("grade", str(sub), "--shard", f"{k}/2", "--out", str(root / f"graded-{k}"), *common)
            for k in (1, 2)}
    runs["merge"] = course("grade", "merge", str(root / "graded-1"), str(root / "graded-2"), "--out",
                           str(root / "graded"))
    runs["before"] = subprocess.CompletedProcess([], 0, (root / "graded" / "grades.csv").read_text(), "")
    shutil.copy(solution, sub / "bob" / f"{STEM}.ipynb")  # bob asks for a regrade of his corrected notebook
    runs["regrade"] = course("grade", str(sub / "bob" / f"{STEM}.ipynb"), "--out", str(root / "graded"), *common)
    return root, sub, runs


def gradebook(text: str) -> dict[str, dict[str, str]]:
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) == len({r["learner"] for r in rows}), "one row per learner"
    return {r["learner"]: r for r in rows}


def test_every_step_finishes(graded):
    _, _, runs = graded
    for step, done in runs.items():
        assert done.returncode == 0, f"{step}: {done.stdout}{done.stderr}"


def test_every_enrolled_learner_has_exactly_one_row_and_nothing_is_mis_graded(graded):
    root, _, _ = graded
    rows = gradebook((root / "graded" / "grades.csv").read_text())
    assert sorted(rows) == ROSTER
    expected = {"alice": ("graded", "12"), "bob": ("graded", "12"), "dave": ("not submitted", "0"),
                "erin": (f"misnamed (found {STEM} (1).ipynb)", "12"), "frank": ("wrong lesson", "0"),
                "gina": ("not a notebook", "0"), "ivan": ("graded", "10"), "jack": ("graded", "12")}
    assert {n: (r["status"], r["score"]) for n, r in rows.items()} == expected
    assert all(r["max_score"] == "12" and r["lesson"] == "02" for r in rows.values())
    assert "lesson 01" in rows["frank"]["reason"] and "HTML export" in rows["gina"]["reason"]
    assert "alice (identical file)" in rows["jack"]["duplicates_of"]
    assert rows["alice"]["name"] == "Alice" and rows["alice"]["submitted_at"]


def test_shards_and_merge_keep_names_and_the_regrade_replaces_the_row(graded):
    root, _, runs = graded
    before = gradebook(runs["before"].stdout)
    assert sorted(before) == ROSTER and before["bob"]["score"] == "0"
    assert f"Merged 2 shard(s), {len(ROSTER)} row(s)" in runs["merge"].stdout
    assert {"graded-1", "graded-2"} <= {p.name for p in (root / "graded" / "logs").iterdir()}  # per shard
    assert len(list((root / "graded" / "results").glob("*.json"))) == len(ROSTER)
    assert (root / "graded" / "runs" / "bob" / f"{STEM}.ipynb").exists()  # the executed notebook, kept
    assert "12/12" in (root / "graded" / "runs" / "bob" / f"{STEM}.log").read_text()


def test_code_outside_the_exercise_cell_is_reported_by_the_grader_and_by_validate(graded):
    root, sub, _ = graded
    result = json.loads((root / "graded" / "results" / f"ivan__{STEM}.json").read_text())
    notes = " ".join(next(e["notes"] for e in result["exercises"] if e["id"] == "02.3"))
    assert "your answer uses `shapes_of`, defined outside the exercise cell" in notes
    assert "shapes_of" in (root / "graded" / "feedback" / f"ivan__{STEM}.html").read_text()
    done = course("validate", str(sub / "ivan" / f"{STEM}.ipynb"))
    assert done.returncode == 1, done.stdout + done.stderr  # validate agrees: not as graded
    assert "your answer uses `shapes_of`, defined outside the exercise cell" in done.stdout
    wrong = course("validate", str(sub / "frank" / f"{STEM}.ipynb"))
    assert wrong.returncode == 1 and "exercises of lesson 01" in wrong.stdout


def test_the_class_view_lists_what_to_look_at(graded):
    root, _, _ = graded
    facts = list(csv.reader((root / "graded" / "class.csv").open()))
    attention = {(f[2], f[3]) for f in facts if f[0] == "attention"}
    assert {("dave", "not submitted"), ("frank", "wrong lesson"), ("gina", "not a notebook")} <= attention
    assert any(learner == "jack" and "alice (identical file)" in what for learner, what in attention)
    assert "<svg role='img'" in (root / "graded" / "class.html").read_text()
