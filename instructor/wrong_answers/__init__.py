"""Wrong answers to the exercises, in one format, and the one harness that grades them in-process.

Two sets, kept apart because they measure different things:

- `mutants/`: typical mistakes written *against* the checks; every one must lose points and be
  flagged by a public check whose message names the mistake (`words`), unless marked `hidden_only`
  (only a grading case can see it) or `grading_blind` (only the notebook can: object identity).
  `tests/integration/test_mutations.py` holds them to it; `make test` prints the mutation score.
- `heldout/`: mistakes written from the exercise text alone, by people who never read the checks;
  `python -m course heldout` grades them as a class with the real grader (issue #13's measure).

Each `lessonNN.py` holds `WRONG`, a list of `Wrong`: the exercise, the mistake in a few words, and
the source a learner leaves in the exercise cell (it defines the exercise's function, and may use
`keras`, `layers` and `np` as the notebooks import them).
"""

from __future__ import annotations

import importlib
import pkgutil
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

PREAMBLE = "import keras\nimport numpy as np\nfrom keras import layers\n"
KINDS = ("mutants", "heldout")


@dataclass(frozen=True)
class Wrong:
    exercise: str  # "01.2"
    mistake: str  # what the learner got wrong, short
    source: str  # the exercise cell as the learner leaves it
    words: tuple[str, ...] = ()  # mutants: words the public report's own text must contain
    hidden_only: str = ""  # mutants: why no public check can see it (a grading-only case reveals it)
    grading_blind: str = ""  # mutants: why grading cannot see it (the notebook's check must)
    only_on: tuple[str, ...] = ()  # mutants: the Keras backends where it is a mistake at all (empty: every one)

    @property
    def id(self) -> str:
        return f"{self.exercise}-{self.mistake.replace(' ', '_')}"


def load(kind: str, lessons: set[str] | None = None) -> list[Wrong]:
    """Every wrong answer of one set ("mutants" or "heldout"), lesson by lesson."""
    if kind not in KINDS:
        raise ValueError(f"no set {kind!r}: {', '.join(KINDS)}")
    package = importlib.import_module(f"{__name__}.{kind}")
    found: list[Wrong] = []
    for module in sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("lesson")):
        if lessons is None or module.removeprefix("lesson") in lessons:
            found += importlib.import_module(f"{package.__name__}.{module}").WRONG
    return found


def answer_function(source: str, function: str) -> Callable | None:
    """The function a cell's source defines (None when it raises or defines no such function)."""
    namespace: dict[str, Any] = {"__name__": "__answer__"}
    try:
        exec(PREAMBLE + source, namespace)
    except Exception:  # a broken cell: the notebook would stop there, and the check finds no function
        return None
    return namespace.get(function)


def solution_sources(folder: Path) -> dict[str, str]:
    """Each exercise's answer cell in the notebooks of `folder` (the solutions, or the lessons' stubs)."""
    import nbformat

    from course.notebooks import exercise_id, lesson_files

    sources = {}
    for path in lesson_files(folder):
        for cell in nbformat.read(path, as_version=4).cells:
            if exercise_id(cell):
                sources[exercise_id(cell)] = cell.source
    return sources


@dataclass
class Grade:
    points: float
    max_points: float
    failed: list[str] = field(default_factory=list)  # "description: message" of each failed check


def grade(exercise_id: str, source: str) -> Grade:
    """Grade a cell's source as the course grader does, in this process: the real collect cell,
    the saved files, `load_value`, the graded checks (seeded as `course.setup()` seeds a notebook)."""
    from course.session import import_keras

    keras = import_keras()  # quietly: the backend's start-up lines stay out of the terminal

    from course.checks.registry import get
    from instructor.grading.artifacts import collect_in_process
    from instructor.grading.grader import run_grading_checks

    exercise = get(exercise_id, graded=True)
    function = answer_function(source, exercise.function)
    keras.utils.set_random_seed(0)
    with tempfile.TemporaryDirectory(prefix="kt-wrong-") as folder, warnings.catch_warnings():
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


def public_report(exercise_id: str, source: str) -> Any:
    """The learner's `course.check(exercise_id, function)` report for a cell's source."""
    from course.session import import_keras

    keras = import_keras()

    import course
    from course.checks.registry import get

    function = answer_function(source, get(exercise_id).function)
    keras.utils.set_random_seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return course.check(exercise_id, function)
