"""Typical wrong answers ("mutants") for every exercise, and the code that grades them in-process.

Each `lessonNN.py` here defines answer functions as a learner writes them in the notebook (with
`keras`, `layers` and `np` in scope), each with one typical mistake, registered with `@mutant`.
`test_mutations.py` asserts that every mutant loses points in grading and that a public check
flags it with a message naming the mistake, unless only a hidden grading case can reveal it.
"""

from __future__ import annotations

import importlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[3]
LESSONS = sorted(p.stem.removeprefix("lesson") for p in Path(__file__).parent.glob("lesson*.py"))
PREAMBLE = "import keras, numpy as np\nfrom keras import layers\n"


@dataclass(frozen=True)
class Mutant:
    exercise: str  # "01.2"
    name: str  # what the learner got wrong, short
    function: Callable
    words: tuple[str, ...] = ()  # words the public report must contain (case-insensitive)
    hidden_only: str = ""  # why no public check can see it: only a hidden grading case reveals it
    grading_blind: str = ""  # why grading cannot see it (the public check must)

    @property
    def id(self) -> str:
        return f"{self.exercise}-{self.name.replace(' ', '_')}"


MUTANTS: list[Mutant] = []


def mutant(exercise: str, name: str, words: tuple[str, ...] = (), hidden_only: str = "",
           grading_blind: str = "") -> Callable:
    """Register the decorated answer function as a typical wrong answer to `exercise`."""
    def register(function: Callable) -> Callable:
        MUTANTS.append(Mutant(exercise, name, function, tuple(words), hidden_only, grading_blind))
        return function
    return register


def load_mutants() -> list[Mutant]:
    if not MUTANTS:
        for lesson in LESSONS:
            importlib.import_module(f"mutants.lesson{lesson}")
    return MUTANTS


def solution_answers(folder: str = "solutions") -> dict[str, Callable]:
    """Every exercise's function from the notebooks' exercise cells: the solutions, or the stubs
    learners start from (`folder="lessons"`)."""
    answers = {}
    for path in sorted((ROOT / folder).glob("[0-9]*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            meta = cell.get("metadata", {}).get("course", {})
            if meta.get("kind") == "solution":
                namespace: dict[str, Any] = {}
                exec(PREAMBLE + "".join(cell["source"]), namespace)
                functions = [v for k, v in namespace.items() if callable(v) and not k.startswith("_")
                             and getattr(v, "__module__", None) is None]
                answers[meta["id"]] = functions[-1]
    return answers


@dataclass
class Grade:
    points: float
    max_points: float
    failed: list[str] = field(default_factory=list)  # "description: message" of each failed check


def grade(exercise_id: str, function: Callable) -> Grade:
    """Grade `function` as the course grader does: the real collect cell, files, `load_value`, checks."""
    import warnings

    import keras

    from instructor.exercises import get
    from instructor.grading.artifacts import collect_in_process
    from instructor.grading.grader import run_grading_checks

    exercise = get(exercise_id)
    keras.utils.set_random_seed(0)  # what course.setup() does at the top of the notebook
    with tempfile.TemporaryDirectory(prefix="kt-mutant-") as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        collected = collect_in_process(exercise, function, Path(folder))
        outcomes = run_grading_checks(exercise, collected)
    result = Grade(0.0, float(exercise.points))
    for check, outcome in zip(exercise.graded_checks, outcomes):
        if outcome.passed:
            result.points += check.points
        else:
            result.failed.append(f"{outcome.description}: {outcome.message}")
    return result


def public_report(exercise_id: str, function: Callable) -> Any:
    """The learner's `course.check(exercise_id, function)` report."""
    import keras

    import course

    keras.utils.set_random_seed(0)
    return course.check(exercise_id, function)
