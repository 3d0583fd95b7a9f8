"""Exercises and their checks: `course.check("01.2", build_stack)` right after an exercise.

Each exercise is defined once, in `course/exercises/lessonNN.py`: the answer function's name, the
cases it is called on and the checks run on what it returns (behaviour and structure, never source
text). The same check code runs in two places on the same kind of `Collected` result:

- `check()` runs the public cases and public checks in the learner's kernel, on live objects; it
  never raises and prints a stable report that says grading runs more checks;
- the course grader runs every case and every graded check outside the submission's kernel, on what
  the submission saved. The grading-only cases, the hidden checks and the references behind them
  are added by the instructor kit, which learners never receive.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np


class CheckFailed(AssertionError):
    """Raised by a check: `message` says what is wrong, `hint` what to try."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Check:
    description: str
    # Raises CheckFailed (or AssertionError) when the answer is wrong; may return a short note that is
    # shown even when it passes (the numbers an outcome check measured).
    test: Callable[[Any], str | None]
    points: int = 1
    hidden: bool = False  # grading only: feedback names the check but does not show its message
    # The case whose result `test` gets (an index into the exercise's cases), or None: the whole
    # `Collected` (every case's result and the inputs, for checks that compare several).
    case: int | None = 0
    graded: bool = True  # False: the notebook only (object identity, which no saved file keeps)


@dataclass(frozen=True)
class Input:
    """An argument the checker builds and hands to the answer: a shipped model or array in the
    notebook, the same (or the grader's own) in grading. Named in `Exercise.inputs`."""

    name: str


@dataclass(frozen=True)
class Case:
    """One call of the answer function. Public cases run in the notebook and in grading; the
    grading-only ones (`public=False`) live in the instructor kit."""

    args: tuple = ()
    public: bool = True


@dataclass(frozen=True)
class CaseError:
    """A case whose call raised, timed out or returned something that could not be saved."""

    message: str


@dataclass
class Collected:
    """What the answer returned for each case, the same kind of value in the notebook (live objects)
    and in the grader (loaded from the files the submission saved), with the inputs it was given."""

    cases: list[Case]
    values: list[Any]
    inputs: dict[str, Any] = field(default_factory=dict)
    # The arguments each case was called with, in the notebook only (the grader's calls ran in the
    # submission's kernel): what notebook-only checks of object identity compare with.
    arguments: list[tuple] = field(default_factory=list)

    def value(self, index: int = 0) -> Any:
        if index >= len(self.values):
            raise CheckFailed(f"case {index} was not run")
        value = self.values[index]
        if isinstance(value, CaseError):
            raise CheckFailed(value.message, keras2_hint(value.message))
        if unanswered(value):
            raise CheckFailed("not answered: the function returned None")
        return value

    def given_to_answer(self, obj: Any, index: int = 0) -> bool:
        """Whether `obj` is a model case `index` gave the answer, or one of that model's layers."""
        return any(obj is arg or any(obj is layer for layer in getattr(arg, "layers", ()))
                   for arg in self.arguments[index])

    def pair(self, name: str, index: int = 0) -> tuple[Any, Any]:
        """(the input `name`, the answer's result for case `index`)."""
        return self.inputs[name], self.value(index)

    def table(self, public: bool = True) -> dict[tuple, Any]:
        """The answer's result by argument tuple, for the public cases (or the grading-only ones)."""
        return {case.args: self.value(i) for i, case in enumerate(self.cases[:len(self.values)])
                if case.public == public}


@dataclass(frozen=True)
class Exercise:
    """One exercise, defined once: the answer function's name, the cases it is called on, and the
    checks run on what it returns. `course.check` runs the public cases and checks in the notebook;
    the grader runs them all on what the submission saved. The grading-only cases and hidden
    checks are added by the instructor kit, which learners never get.
    """

    id: str
    title: str
    function: str  # the answer function's name in the notebook
    cases: tuple[Case, ...] = (Case(),)
    checks: tuple[Check, ...] = ()
    # Builds each `Input` the cases name; called afresh for every case (an answer may change it).
    inputs: dict[str, Callable[[], Any]] = field(default_factory=dict)
    # The hint ladder `course.hint(id)` walks: a nudge, then the concept, then the shape of the code
    # (never a line of the solution).
    hints: tuple[str, ...] = ()
    timeout: float = 120.0  # seconds for the grader's calls of this answer (training included)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cases", tuple(c if isinstance(c, Case) else Case(tuple(c)) for c in self.cases))
        object.__setattr__(self, "checks", tuple(self.checks))
        public = sum(case.public for case in self.cases)
        if any(not case.public for case in self.cases[:public]):
            raise ValueError(f"exercise {self.id}: public cases come first")
        for check in self.checks:
            if not check.hidden and check.case is not None and check.case >= public:
                raise ValueError(f"exercise {self.id}: public check {check.description!r} reads a grading-only case")

    @property
    def public_cases(self) -> tuple[Case, ...]:
        return tuple(case for case in self.cases if case.public)

    @property
    def public_checks(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.hidden)

    @property
    def graded_checks(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.graded)

    @property
    def points(self) -> int:
        """What the exercise is worth in grading."""
        return sum(check.points for check in self.graded_checks)


REGISTRY: dict[str, Exercise] = {}


def register(exercise: Exercise) -> Exercise:
    if exercise.id in REGISTRY:
        raise ValueError(f"exercise {exercise.id} is registered twice")
    REGISTRY[exercise.id] = exercise
    return exercise


def _lesson_modules() -> list[str]:
    import course.exercises as package

    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("lesson"))


def load_all() -> dict[str, Exercise]:
    """Every exercise of the course (each lesson's module is imported once, whatever came first)."""
    for name in _lesson_modules():
        importlib.import_module(f"course.exercises.{name}")
    return REGISTRY


def get(exercise_id: str) -> Exercise:
    """One exercise by id ("01.2"): its lesson's module is imported on demand."""
    module = f"lesson{exercise_id.split('.')[0]}"
    if module in _lesson_modules():
        importlib.import_module(f"course.exercises.{module}")
    try:
        return REGISTRY[exercise_id]
    except KeyError:
        known = ", ".join(sorted(load_all()))
        raise KeyError(f"no exercise {exercise_id!r}; known exercises: {known}") from None


def unanswered(value: Any) -> bool:
    """True for what an untouched stub gives: `...` or None."""
    return value is ... or value is None


@dataclass
class CheckOutcome:
    description: str
    passed: bool
    message: str = ""  # what failed; for a passed check, its note ("" if none)
    hint: str = ""


@dataclass
class Report:
    exercise: Exercise
    outcomes: list[CheckOutcome] = field(default_factory=list)
    problem: str = ""  # set when the answer could not be checked at all

    @property
    def passed(self) -> bool:
        return not self.problem and all(outcome.passed for outcome in self.outcomes)

    def __repr__(self) -> str:
        head = f"Exercise {self.exercise.id.lstrip('0')} · {self.exercise.title}"
        stuck = f'Stuck? course.hint("{self.exercise.id}") shows a hint; call it again for the next one.'
        if self.problem:
            return f"{head}\n  {self.problem}" + (f"\n{stuck}" if self.exercise.hints else "")
        lines = [head]
        for outcome in self.outcomes:
            mark = "✓" if outcome.passed else "✗"
            lines.append(f"  {mark} {outcome.description}")
            if outcome.passed and outcome.message:
                lines.append(f"      {outcome.message}")
            if not outcome.passed:
                lines.append(f"      {outcome.message}")
                if outcome.hint:
                    lines.append(f"      hint: {outcome.hint}")
        passed = sum(outcome.passed for outcome in self.outcomes)
        verdict = "Well done" if self.passed else "Not yet"
        lines.append(
            f"{verdict}: {passed} of {len(self.outcomes)} public checks pass. Grading runs more checks."
        )
        if not self.passed and self.exercise.hints:
            lines.append(stuck)
        return "\n".join(lines)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


def run_check(check: Check, collected: Collected) -> CheckOutcome:
    """One check on what the answer returned: the same code in the notebook and in the grader."""
    try:
        note = check.test(collected if check.case is None else collected.value(check.case))
    except CheckFailed as failure:
        return CheckOutcome(check.description, False, failure.message, failure.hint)
    except AssertionError as failure:
        return CheckOutcome(check.description, False, str(failure) or "the check failed")
    except Exception as error:  # the learner's object misbehaved: report it, don't raise
        return CheckOutcome(check.description, False, f"{type(error).__name__}: {error}", keras2_hint(str(error)))
    return CheckOutcome(check.description, True, note if isinstance(note, str) else "")


def resolve(value: Any, inputs: dict[str, Callable[[], Any]]) -> Any:
    """A case's arguments with each `Input` built afresh."""
    if isinstance(value, Input):
        return inputs[value.name]()
    if isinstance(value, tuple):
        return tuple(resolve(v, inputs) for v in value)
    if isinstance(value, list):
        return [resolve(v, inputs) for v in value]
    return value


def input_names(value: Any) -> set[str]:
    if isinstance(value, Input):
        return {value.name}
    if isinstance(value, (tuple, list)):
        return set().union(*(input_names(v) for v in value)) if value else set()
    return set()


class LazyInputs(dict):
    """The inputs a check may compare with, each built on first use (most checks never ask)."""

    def __init__(self, builders: dict[str, Callable[[], Any]]) -> None:
        super().__init__()
        self.builders = builders

    def __missing__(self, name: str) -> Any:
        if name not in self.builders:
            raise KeyError(name)
        self[name] = self.builders[name]()
        return self[name]


def collect(exercise: Exercise, answer: Callable, cases: tuple[Case, ...]) -> Collected:
    """Call the answer on `cases` in this process (the notebook's side of the grader's collect cell)."""
    names = set().union(*(input_names(case.args) for case in cases)) if cases else set()
    inputs = LazyInputs({name: exercise.inputs[name] for name in sorted(names)})
    values: list[Any] = []
    arguments: list[tuple] = []
    for case in cases:
        arguments.append(())
        try:
            arguments[-1] = resolve(case.args, exercise.inputs)
            values.append(answer(*arguments[-1]))
        except Exception as error:  # the answer's own error is its result, as in the grader's collect cell
            values.append(CaseError(f"your code raised {type(error).__name__}: {error}"))
    return Collected(list(cases), values, inputs, arguments)


def run_checks(exercise: Exercise, answer: Any) -> Report:
    """The public cases and checks of `exercise` on the learner's live answer."""
    report = Report(exercise)
    if unanswered(answer):
        report.problem = "not answered yet: replace `...` with your code, run that cell, then this one."
        return report
    if not callable(answer):
        report.problem = (f"expected the function {exercise.function}, got a {type(answer).__name__}: "
                          f"pass the function itself, course.check(\"{exercise.id}\", {exercise.function}).")
        return report
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        collected = collect(exercise, answer, exercise.public_cases)
    # When the first call fails there is nothing to check; a later case's error is reported by the
    # checks that read it, in their own words (as in grading).
    first = collected.values[0] if collected.values else None
    if isinstance(first, CaseError):
        hint = keras2_hint(first.message) or warning_hint(caught)
        report.problem = first.message + (f"\n  hint: {hint}" if hint else "")
        return report
    if collected.values and all(unanswered(value) for value in collected.values):
        report.problem = ("not answered yet: your function returns None (is a `return` missing?); return what the "
                          "exercise asks for, then run its cell and this one again.")
        return report
    report.outcomes = [run_check(check, collected) for check in exercise.public_checks]
    hint = warning_hint(caught)
    if hint:
        report.outcomes.append(CheckOutcome("builds without Keras warnings", False, hint))
    return report


INPUT_SHAPE_HINT = ("Keras 3 wants `keras.Input(shape=(n,))` as the first element of the model, "
                    "not `input_shape=` or `input_dim=` on a layer.")

# Keras 2 idioms and stale attributes, recognised in the error they end in, and what Keras 3 wants.
KERAS2_IDIOMS: list[tuple[tuple[str, ...], str]] = [
    (("has no attribute 'output_shape'",),
     "`output_shape` is Keras 2: in Keras 3 read `tuple(layer.output.shape)` (or `model.outputs[0].shape`)."),
    (("has no attribute 'input_shape'",),
     "`input_shape` is Keras 2: in Keras 3 read `tuple(layer.input.shape)` (or `model.inputs[0].shape`)."),
    (("has never been called and thus has no defined input", "has no defined inputs yet"),
     "a Sequential model's `.input` fails in Keras 3: use `model.inputs[0]` (the single input tensor)."),
    (("has never been called and thus has no defined output",),
     "a Sequential model's `.output` fails in Keras 3: use `model.outputs[0]` (the single output tensor)."),
    (("Argument(s) not recognized: {'lr'",),
     "`lr=` is Keras 2: Keras 3 optimizers take `learning_rate=`, e.g. keras.optimizers.Adam(learning_rate=1e-3)."),
    (("Cannot convert",), "shapes are tuples in Keras 3: `shape=(64,)`, not `shape=64` or `shape=(64)`."),
    (("is not connected to `inputs`", "Graph disconnected"),
     "every output must be computed from this model's own keras.Input: call the layers (or models) on it, "
     "e.g. `m(pixels)`, instead of reusing another model's `.output`."),
    (("Inputs have incompatible shapes",),
     "Add, Subtract, Multiply and Average need tensors of one shape: add tensors of equal size (padding='same' keeps "
     "a convolution's size) or project one side first (a Dense, or a 1×1 Conv2D for channels)."),
    (("All operation names should be unique",),
     "two layers or inputs of one model share a name: give each its own name=; if you reused another model's "
     "tensors (`m.outputs[0]`, `m.input`), call the model on your own keras.Input instead, e.g. `m(pixels)`."),
    (("module 'keras.backend' has no attribute",),
     "`keras.backend` functions are Keras 2: use `keras.ops` (e.g. keras.ops.sum) or a layer."),
]


def keras2_hint(message: str) -> str:
    """What Keras 3 wants instead, when an error message shows a Keras 2 idiom ("" otherwise)."""
    for needles, hint in KERAS2_IDIOMS:
        if any(needle in message for needle in needles):
            return hint
    return ""


def warning_hint(caught: list[warnings.WarningMessage]) -> str:
    """Turn the Keras 2 idioms Keras 3 warns about into advice."""
    for warning in caught:
        text = str(warning.message)
        if "input_shape" in text or "input_dim" in text:
            return INPUT_SHAPE_HINT
    return ""


@dataclass
class Hint:
    exercise_id: str
    number: int
    total: int
    text: str

    def __repr__(self) -> str:
        more = ("call course.hint again for the next one." if self.number < self.total
                else "that was the last hint; the lesson's worked example above shows the same steps.")
        return f"Hint {self.number} of {self.total} for exercise {self.exercise_id.lstrip('0')}: {self.text}\n({more})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


_HINTS_SHOWN: dict[str, int] = {}


def hint(exercise_id: str) -> Hint:
    """The next hint of the exercise's ladder (the last one again once all were shown)."""
    exercise = get(exercise_id)
    if not exercise.hints:
        return Hint(exercise_id, 0, 0, "this exercise has no hints.")
    number = min(_HINTS_SHOWN.get(exercise_id, 0) + 1, len(exercise.hints))
    _HINTS_SHOWN[exercise_id] = number
    return Hint(exercise_id, number, len(exercise.hints), exercise.hints[number - 1])


def check(exercise_id: str, answer: Any) -> Report:
    """Run the public checks of one exercise on `answer` and return a printable report.

    The learner's random state is restored afterwards, so checking does not change what later
    cells compute.
    """
    try:
        exercise = get(exercise_id)
    except KeyError as error:
        return Report(Exercise(exercise_id, "unknown exercise", ""), problem=str(error.args[0]))
    python_state, numpy_state = random.getstate(), np.random.get_state()
    try:
        return run_checks(exercise, answer)
    finally:
        random.setstate(python_state)
        np.random.set_state(numpy_state)
