"""The one registry of exercises, and the one loader.

Each lesson's module (`course/exercises/lessonNN.py`) registers its exercises' public part. The
instructor kit's grading modules (`lessonNN.py` in every package named by the `course.grading` entry
points of an installation) extend those same objects with `extend`. This module never names the kit:
the learner bundle has no such entry point, and asking it for the graded view says so.
"""

from __future__ import annotations

import importlib
import pkgutil
from importlib.metadata import entry_points
from typing import Any, Callable, Mapping

from course.checks.model import Check, DefinitionError, Exercise

REGISTRY: dict[str, Exercise] = {}
GRADING_GROUP = "course.grading"
_GRADED_LESSONS: set[str] = set()


def register(exercise: Exercise) -> Exercise:
    if exercise.id in REGISTRY:
        raise DefinitionError(f"exercise {exercise.id} is registered twice")
    REGISTRY[exercise.id] = exercise
    return exercise


def extend(exercise_id: str, *, cases: Mapping[str, Any] | None = None, checks: list[Check] | tuple[Check, ...] = (),
           inputs: dict[str, Callable[[], Any]] | None = None, timeout: float | None = None) -> Exercise:
    """The instructor kit's part of an exercise: grading-only cases, hidden checks, their inputs."""
    number = exercise_id.split(".")[0]
    _import(f"course.exercises.lesson{number}")
    if exercise_id not in REGISTRY:
        raise DefinitionError(f"extend({exercise_id!r}): no such exercise is registered in "
                              f"course/exercises/lesson{number}.py")
    return REGISTRY[exercise_id].extend(cases, checks, inputs, timeout)


def _import(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name != module:
            raise
        return False
    return True


def lesson_numbers() -> list[str]:
    """The lessons that have exercises ("01", "02", ...)."""
    import course.exercises as package

    return sorted(m.name.removeprefix("lesson") for m in pkgutil.iter_modules(package.__path__)
                  if m.name.startswith("lesson"))


def grading_packages() -> list[str]:
    """Packages holding grading parts (`lessonNN.py` modules), from this installation's entry points."""
    return sorted(ep.value for ep in entry_points(group=GRADING_GROUP))


def _load(number: str, graded: bool) -> None:
    _import(f"course.exercises.lesson{number}")
    if not graded or number in _GRADED_LESSONS:
        return
    packages = grading_packages()
    if not packages:
        raise LookupError("the graded view of an exercise needs the instructor kit, which is not installed here")
    for package in packages:
        _import(f"{package}.lesson{number}")
    _GRADED_LESSONS.add(number)
    for exercise in lesson(number).values():
        exercise.grading_loaded = True


def lesson(number: str, graded: bool = False) -> dict[str, Exercise]:
    """One lesson's exercises by id ("06" → {"06.1": ..., ...})."""
    if graded:
        _load(number, True)
    else:
        _import(f"course.exercises.lesson{number}")
    return {eid: ex for eid, ex in sorted(REGISTRY.items()) if eid.startswith(f"{number}.")}


def load_all(graded: bool = False) -> dict[str, Exercise]:
    """Every exercise of the course (each lesson's module imported once, whatever came first);
    `graded=True` also imports the instructor kit's grading parts."""
    for number in lesson_numbers():
        _load(number, graded)
    return dict(sorted(REGISTRY.items()))


def get(exercise_id: str, graded: bool = False) -> Exercise:
    """One exercise by id ("01.2"); `graded=True`: with its grading part, as the grader runs it."""
    number = exercise_id.split(".")[0]
    if number in lesson_numbers():
        _load(number, graded)
    try:
        return REGISTRY[exercise_id]
    except KeyError:
        known = ", ".join(sorted(load_all()))
        raise KeyError(f"no exercise {exercise_id!r}; known exercises: {known}") from None
