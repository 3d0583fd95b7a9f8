"""The grading side of every exercise: cases, grader-built inputs, grading checks (some hidden),
points, and the reference implementations behind them. Learners never receive this package.

Each `instructor/exercises/lessonNN.py` attaches a `Graded` to the public exercise of the same id
(`course/exercises/lessonNN.py`), reusing its check functions, and registers the data the public
checks compare with (`instructor.expectations.shipped`).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable

from course import checks
from course.checks import Check, CheckFailed, unanswered


@dataclass(frozen=True)
class Input:
    """A grading argument the grader builds itself (a model, an array) and hands to the answer."""

    name: str


@dataclass(frozen=True)
class CaseError:
    """A grading case whose call raised, timed out or returned something that could not be saved."""

    message: str


@dataclass
class Collected:
    """What an answer produced for each grading case, as loaded by the grader."""

    values: list[Any]
    inputs: dict[str, Any] = field(default_factory=dict)

    def value(self, index: int = 0) -> Any:
        if index >= len(self.values):
            raise CheckFailed(f"grading case {index} was not run")
        value = self.values[index]
        if isinstance(value, CaseError):
            raise CheckFailed(value.message, checks.keras2_hint(value.message))
        if unanswered(value):
            raise CheckFailed("not answered: the function returned None")
        return value


@dataclass(frozen=True)
class Graded:
    """How the grader grades one exercise."""

    exercise: checks.Exercise  # the public side
    function: str  # the answer function's name in the notebook
    cases: list[tuple]  # argument tuples, which may hold Input placeholders
    checks: list[Check]
    inputs: dict[str, Callable[[], Any]] = field(default_factory=dict)
    timeout: float = 120.0  # seconds for the grader's calls of this answer (training included)

    @property
    def id(self) -> str:
        return self.exercise.id

    @property
    def title(self) -> str:
        return self.exercise.title

    @property
    def points(self) -> int:
        """What the exercise is worth: the points of its grading checks."""
        return sum(check.points for check in self.checks)


GRADED: dict[str, Graded] = {}


def grade(exercise_id: str, **how: Any) -> Graded:
    """Register how to grade the public exercise `exercise_id`."""
    if exercise_id in GRADED:
        raise ValueError(f"exercise {exercise_id} is graded twice")
    GRADED[exercise_id] = Graded(checks.get(exercise_id), **how)
    return GRADED[exercise_id]


def load_all() -> dict[str, Graded]:
    """Every graded exercise (imports each `instructor/exercises/lesson*.py` once)."""
    import instructor.exercises as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith("lesson"):
            importlib.import_module(f"instructor.exercises.{module.name}")
    return GRADED


def get(exercise_id: str) -> Graded:
    try:
        return load_all()[exercise_id]
    except KeyError:
        raise KeyError(f"no graded exercise {exercise_id!r}; known: {', '.join(sorted(GRADED))}") from None


def on_case(index: int, test: Callable[[Any], None]) -> Callable[[Collected], None]:
    """A grading test that applies a single-value test to grading case `index`."""
    return lambda collected: test(collected.value(index))


def on_first_case(public: list[Check], index: int = 0) -> list[Check]:
    """The same checks (names, points, hidden flags) applied to grading case `index`."""
    return [Check(c.description, on_case(index, c.test), c.points, c.hidden) for c in public]


def on_input(name: str, test: Callable[[tuple], None], index: int = 0) -> Callable[[Collected], None]:
    """A grading test on (the grader's input `name`, the answer's result for grading case `index`):
    the grading twin of a public check that gets (given model, result)."""
    return lambda collected: test((collected.inputs[name], collected.value(index)))


def graded_table(matches: Callable[[dict], None], cases: list[tuple], indexes: range) -> Callable[[Collected], None]:
    """A grading test: `matches` on the answer's results for grading cases `indexes`."""
    return lambda collected: matches({cases[i]: collected.value(i) for i in indexes})
