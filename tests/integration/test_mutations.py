"""Mutation tests: every exercise's typical wrong answers lose points and are flagged in public.

Each mutant (`instructor/wrong_answers/mutants/`) is graded in this process exactly as the grader
grades a notebook (the real collect cell, saved files, `load_value`, the graded checks) and checked
with the learner's `course.check`. The message must name the mistake in the course's own words (the
raw Keras error does not count), and no message may hold a line of the solution. The solutions go
through the same path and must get full marks; the untouched stubs get zero. One test class per
lesson, so `--dist loadscope` spreads the lessons over the workers; the mutation score is printed at
the end of the session (tests/conftest.py) and written to test-artifacts/.
"""

from __future__ import annotations

import json

import pytest

from course.checks.registry import lesson, lesson_numbers, load_all
from course.paths import LESSONS, SOLUTIONS
from course.session import backend_name
from instructor.leaks import leaked_lines
from instructor.wrong_answers import grade, load, public_report, solution_sources

MUTANTS = load("mutants")
SOLUTION_CELLS = solution_sources(SOLUTIONS)
STUBS = solution_sources(LESSONS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    number = getattr(metafunc.cls, "lesson", None)
    if number is None:
        return
    if "mutant" in metafunc.fixturenames:
        chosen = [m for m in MUTANTS if m.exercise.startswith(f"{number}.")]
        metafunc.parametrize("mutant", chosen, ids=[m.id for m in chosen])
    if "exercise_id" in metafunc.fixturenames:
        metafunc.parametrize("exercise_id", sorted(lesson(number)))


class Lesson:
    lesson: str

    def test_mutant_is_caught(self, mutant, record_property):
        graded = grade(mutant.exercise, mutant.source)
        if mutant.only_on and backend_name() not in mutant.only_on:
            # harmless on this backend: it must then really score like a right answer, not be skipped
            assert graded.points == graded.max_points, (
                f"{mutant.id} is marked a mistake on {mutant.only_on} only, but loses points on {backend_name()}")
            return
        report = public_report(mutant.exercise, mutant.source)
        record_property("mutation", json.dumps({
            "exercise": mutant.exercise, "mutant": mutant.mistake, "loses_points": graded.points < graded.max_points,
            "public": not report.passed, "hidden_only": bool(mutant.hidden_only),
            "grading_blind": bool(mutant.grading_blind)}))
        leaks = leaked_lines(mutant.exercise, repr(report))
        assert not leaks, f"the report for {mutant.id} prints solution lines {leaks}:\n{report!r}"
        if mutant.grading_blind:
            assert graded.points == graded.max_points, f"{mutant.id} is marked grading-blind but loses points"
            assert any(o.advice and not o.passed for o in report.outcomes), f"no advice in the notebook for {mutant.id}"
            return
        else:
            assert graded.points < graded.max_points, f"{mutant.id} gets full marks in grading"
        if mutant.hidden_only:
            assert report.passed, f"{mutant.id} is marked hidden-only but a public check flags it:\n{report!r}"
            return
        assert not report.passed, f"no public check flags {mutant.id}"
        own_words = report.explanations().lower()
        missing = [word for word in mutant.words if word.lower() not in own_words]
        assert not missing, f"the course's words for {mutant.id} do not say {missing}:\n{report!r}"
        assert 'course.hint("' in repr(report), f"the report for {mutant.id} does not point to course.hint:\n{report!r}"

    def test_solution_gets_full_marks(self, exercise_id):
        graded = grade(exercise_id, SOLUTION_CELLS[exercise_id])
        assert graded.points == graded.max_points, graded.failed
        report = public_report(exercise_id, SOLUTION_CELLS[exercise_id])
        assert report.passed, repr(report)

    def test_untouched_stub_gets_zero(self, exercise_id):
        graded = grade(exercise_id, STUBS[exercise_id])
        assert graded.points == 0 < graded.max_points, graded.failed
        assert "not answered" in repr(public_report(exercise_id, STUBS[exercise_id]))


for _number in lesson_numbers():
    globals()[f"TestLesson{_number}"] = type(f"TestLesson{_number}", (Lesson,), {"lesson": _number})


def test_every_exercise_has_three_mutants_and_a_solution():
    exercises = load_all(graded=True)
    counts = {eid: sum(m.exercise == eid for m in MUTANTS) for eid in exercises}
    assert set(counts) == set(SOLUTION_CELLS) == set(STUBS)
    assert {eid for eid, n in counts.items() if n < 3} == set(), counts
    assert len({m.id for m in MUTANTS}) == len(MUTANTS), "two mutants share a name"
    for m in MUTANTS:
        assert m.hidden_only or m.words, f"{m.id}: say which words the public message must contain"
        assert f"def {exercises[m.exercise].function}(" in m.source, f"{m.id} does not define the exercise's function"
