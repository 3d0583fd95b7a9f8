"""Mutation tests: every exercise's typical wrong answers lose points and are flagged in public.

Each mutant (see `mutants/`) is graded in this process exactly as the grader grades a notebook
(the real collect cell, saved files, `load_value`, the grading checks) and checked with the
learner's `course.check`. The solutions go through the same path and must get full marks. One
test class per lesson, so `--dist loadscope` spreads the lessons over the workers; the mutation
score is printed at the end of the session (tests/conftest.py) and written to test-artifacts/.
"""

from __future__ import annotations

import json

import pytest
from mutants import LESSONS, grade, load_mutants, public_report, solution_answers

MUTANTS = load_mutants()
SOLUTIONS = solution_answers()
STUBS = solution_answers("lessons")


def graded_ids(lesson: str | None = None) -> list[str]:
    from instructor import exercises

    return sorted(exercises.lesson(lesson) if lesson else exercises.load_all())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    lesson = getattr(metafunc.cls, "lesson", None)
    if lesson is None:
        return
    if "mutant" in metafunc.fixturenames:
        chosen = [m for m in MUTANTS if m.exercise.startswith(f"{lesson}.")]
        metafunc.parametrize("mutant", chosen, ids=[m.id for m in chosen])
    if "exercise_id" in metafunc.fixturenames:
        metafunc.parametrize("exercise_id", graded_ids(lesson))


def report_words(report) -> str:
    return repr(report).lower()


class Lesson:
    lesson: str

    def test_mutant_is_caught(self, mutant, record_property):
        graded = grade(mutant.exercise, mutant.function)
        report = public_report(mutant.exercise, mutant.function)
        text = report_words(report)
        record_property("mutation", json.dumps({
            "exercise": mutant.exercise, "mutant": mutant.name, "loses_points": graded.points < graded.max_points,
            "public": not report.passed, "hidden_only": bool(mutant.hidden_only),
            "grading_blind": bool(mutant.grading_blind)}))
        if mutant.grading_blind:
            assert graded.points == graded.max_points, f"{mutant.id} is marked grading-blind but loses points"
        else:
            assert graded.points < graded.max_points, f"{mutant.id} gets full marks in grading"
        if mutant.hidden_only:
            assert report.passed, f"{mutant.id} is marked hidden-only but a public check flags it:\n{report!r}"
            return
        assert not report.passed, f"no public check flags {mutant.id}"
        missing = [word for word in mutant.words if word.lower() not in text]
        assert not missing, f"the report for {mutant.id} does not say {missing}:\n{report!r}"
        assert 'course.hint("' in text, f"the report for {mutant.id} does not point to course.hint:\n{report!r}"

    def test_solution_gets_full_marks(self, exercise_id):
        graded = grade(exercise_id, SOLUTIONS[exercise_id])
        assert graded.points == graded.max_points, graded.failed
        report = public_report(exercise_id, SOLUTIONS[exercise_id])
        assert report.passed, repr(report)

    def test_untouched_stub_gets_zero(self, exercise_id):
        graded = grade(exercise_id, STUBS[exercise_id])
        assert graded.points == 0 < graded.max_points, graded.failed
        assert "not answered" in repr(public_report(exercise_id, STUBS[exercise_id]))


for _lesson in LESSONS:
    globals()[f"TestLesson{_lesson}"] = type(f"TestLesson{_lesson}", (Lesson,), {"lesson": _lesson})


def test_every_exercise_has_three_mutants_and_a_solution():
    counts = {eid: sum(m.exercise == eid for m in MUTANTS) for eid in graded_ids()}
    assert len(counts) >= 34 and set(counts) == set(SOLUTIONS)
    assert {eid for eid, n in counts.items() if n < 3} == set(), counts
    assert sorted(SOLUTIONS) == sorted(counts)
    assert len({m.id for m in MUTANTS}) == len(MUTANTS), "two mutants share a name"
    for m in MUTANTS:
        assert m.hidden_only or m.words, f"{m.id}: say which words the public message must contain"
