"""The held-out wrong answers and the notebooks `python -m course heldout` grades from them.

Grading the whole set takes minutes (`make heldout`, `make bench`); here: that the set is complete
and well formed, and that a student's notebook is the lesson with those answers in it.
"""

from __future__ import annotations

import ast

import nbformat
import pytest

from course.checks.registry import load_all
from course.notebooks import exercise_id, lesson_file
from course.paths import SOLUTIONS
from instructor import heldout
from instructor.wrong_answers import load

WRONG = load("heldout")


def test_every_exercise_has_three_held_out_wrong_answers():
    counts = {eid: sum(w.exercise == eid for w in WRONG) for eid in load_all()}
    assert {eid: n for eid, n in counts.items() if n < 3} == {}
    assert len({(w.exercise, w.mistake) for w in WRONG}) == len(WRONG), "two answers share a mistake's name"


@pytest.mark.parametrize("wrong", WRONG, ids=[f"{w.exercise}-{w.mistake[:40]}" for w in WRONG])
def test_each_answer_defines_the_exercise_function(wrong):
    defined = [node.name for node in ast.parse(wrong.source).body if isinstance(node, ast.FunctionDef)]
    assert load_all()[wrong.exercise].function in defined


def test_a_student_notebook_is_the_lesson_with_the_wrong_answers_in_its_exercise_cells(tmp_path):
    outcomes = heldout.class_of([w for w in WRONG if w.exercise.startswith("06.")], tmp_path)
    students = sorted({o.student for o in outcomes})
    assert students[0] == "student01" and len(outcomes) == sum(w.exercise.startswith("06.") for w in WRONG)
    first = nbformat.read(tmp_path / "student01" / lesson_file(SOLUTIONS, "06").name, as_version=4)
    lesson = nbformat.read(lesson_file(SOLUTIONS, "06"), as_version=4)
    assert len(first.cells) == len(lesson.cells)
    chosen = {o.exercise: o.mistake for o in outcomes if o.student == "student01"}
    answers = {(w.exercise, w.mistake): w.source.strip() for w in WRONG}
    for cell, original in zip(first.cells, lesson.cells):
        if exercise_id(cell):
            assert cell.source.strip() == answers[(exercise_id(cell), chosen[exercise_id(cell)])]
        else:
            assert cell.source == original.source and not cell.get("outputs")
