"""The grading-only part of every exercise: cases the learner never sees, hidden checks, the
grader's own inputs and time limits, and the reference implementations behind them. Learners never
receive this package.

An exercise is defined once, in `course/exercises/lessonNN.py`. Each `instructor/exercises/lessonNN.py`
only adds to it with `grading(...)` (never restating a public case or check) and registers the data
the public checks compare with (`instructor.expectations.shipped`).
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from typing import Any, Callable

from course import checks
from course.checks import Case, Check, Exercise

EXTRAS: dict[str, dict[str, Any]] = {}


def grading(exercise_id: str, cases: tuple | list = (), checks: tuple | list = (),
            inputs: dict[str, Callable[[], Any]] | None = None, timeout: float | None = None) -> None:
    """Add grading-only `cases` (argument tuples), `checks` (usually hidden) and the `inputs` they
    name to the exercise `exercise_id`; `timeout` overrides its time for the grader's calls."""
    if exercise_id in EXTRAS:
        raise ValueError(f"exercise {exercise_id} gets grading extras twice")
    EXTRAS[exercise_id] = {
        "cases": tuple(Case(tuple(c.args if isinstance(c, Case) else c), public=False) for c in cases),
        "checks": tuple(checks), "inputs": dict(inputs or {}), "timeout": timeout,
    }


def graded(exercise: Exercise) -> Exercise:
    """The whole exercise the grader runs: its public part plus the kit's extras."""
    extra = EXTRAS.get(exercise.id)
    if not extra:
        return exercise
    return dataclasses.replace(
        exercise, cases=exercise.cases + extra["cases"], checks=exercise.checks + extra["checks"],
        inputs={**exercise.inputs, **extra["inputs"]}, timeout=extra["timeout"] or exercise.timeout)


def load_all() -> dict[str, Exercise]:
    """Every exercise as the grader runs it (imports each lesson's public and grading modules once)."""
    import instructor.exercises as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith("lesson"):
            importlib.import_module(f"instructor.exercises.{module.name}")
    return {eid: graded(exercise) for eid, exercise in sorted(checks.load_all().items())}


def lesson(number: str) -> dict[str, Exercise]:
    """One lesson's exercises as the grader runs them ("06"), importing only that lesson's modules."""
    importlib.import_module(f"course.exercises.lesson{number}")
    importlib.import_module(f"instructor.exercises.lesson{number}")
    return {eid: graded(exercise) for eid, exercise in sorted(checks.REGISTRY.items())
            if eid.startswith(f"{number}.")}


def get(exercise_id: str) -> Exercise:
    """One exercise as the grader runs it ("06.2")."""
    try:
        return lesson(exercise_id.split(".")[0])[exercise_id]
    except (KeyError, ModuleNotFoundError):
        known = ", ".join(load_all())
        raise KeyError(f"no exercise {exercise_id!r}; known: {known}") from None


__all__ = ["Case", "Check", "Exercise", "grading", "graded", "load_all", "lesson", "get"]
