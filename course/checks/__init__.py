"""Exercises and their checks: `course.check("01.2", build_stack)` right after an exercise.

- `model`: what an exercise is (named cases, checks, what the answer returned); data only;
- `registry`: the one registry and loader (`register`, the kit's `extend`, `get`, `load_all`);
- `runner`: calls the answer on its cases and runs the checks, in the notebook and in the grader;
- `report`: what the learner sees (the report, the hint ladder).

The names below are re-exported for the lesson modules; the report code loads only when used.
"""

from __future__ import annotations

from typing import Any

from course.checks.model import (
    ALL,
    DEFAULT,
    Case,
    CaseError,
    Check,
    CheckFailed,
    CheckOutcome,
    Collected,
    DefinitionError,
    Exercise,
    Input,
    numbered,
)
from course.checks.registry import extend, get, load_all, register

__all__ = ["ALL", "DEFAULT", "Case", "CaseError", "Check", "CheckFailed", "CheckOutcome", "Collected",
           "DefinitionError", "Exercise", "Input", "check", "extend", "get", "hint", "load_all", "numbered",
           "register"]


def check(exercise_id: str, answer: Any) -> Any:
    """Run the public checks of one exercise on `answer` and return a printable report."""
    from course.checks.runner import check as _check

    return _check(exercise_id, answer)


def hint(exercise_id: str) -> Any:
    """The next hint for one exercise: a nudge, then the concept, then the shape of the code."""
    from course.checks.report import hint as _hint

    return _hint(exercise_id)
