"""Run an exercise's answer on its cases and its checks on the results: the same code in the
learner's notebook (`course.check`) and in the course grader (on what a submission saved)."""

from __future__ import annotations

import random
import warnings
from typing import Any, Callable

import numpy as np

from course.checks.model import (
    ALL,
    Case,
    CaseError,
    Check,
    CheckFailed,
    CheckOutcome,
    Collected,
    Exercise,
    Input,
    unanswered,
)
from course.exercises.keras2 import keras2_hint, warning_hint
from course.session import import_keras


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


def call_text(function: str, args: tuple) -> str:
    """How a case's call reads in a message: `build_late(30)`, `extract(<sequential>, 'hidden')`."""
    def show(value: Any) -> str:
        if isinstance(value, Input):
            return f"<{value.name}>"
        if isinstance(value, list):
            return "[" + ", ".join(map(show, value)) + "]"
        return repr(value)
    return f"{function}({', '.join(map(show, args))})"


def answer_error(exercise: Exercise, case: Case, error: BaseException | str) -> CaseError:
    """The answer raised on `case`: which call, the raw error, and what it means when recognised."""
    raw = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    hint = exercise.explain(raw) or keras2_hint(raw)
    return CaseError(f"your code raised an error in {call_text(exercise.function, case.args)}", raw, hint)


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
    import_keras()  # first in this process: the backend's start-up lines stay out of the terminal
    names = set().union(*(input_names(case.args) for case in cases)) if cases else set()
    inputs = LazyInputs({name: exercise.inputs[name] for name in sorted(names)})
    values: dict[str, Any] = {}
    arguments: dict[str, tuple] = {}
    for case in cases:
        arguments[case.name] = ()
        try:
            arguments[case.name] = resolve(case.args, exercise.inputs)
            values[case.name] = answer(*arguments[case.name])
        except Exception as error:  # the answer's own error is its result, as in the grader's collect cell
            values[case.name] = answer_error(exercise, case, error)
    return Collected(tuple(cases), values, inputs, arguments)


def run_check(check: Check, collected: Collected) -> CheckOutcome:
    """One check on what the answer returned: the same code in the notebook and in the grader."""
    import_keras()  # the grader runs checks without collecting first: same quiet start-up
    advice = check.advice
    if check.case is not ALL:
        value = collected.values.get(check.case)
        if isinstance(value, CaseError):  # the answer raised on the case this check reads
            return CheckOutcome(check.description, False, value.message, value.hint, value.raw, advice)
    try:
        note = check.test(collected if check.case is ALL else collected.value(check.case))
    except CheckFailed as failure:
        return CheckOutcome(check.description, False, failure.message, failure.hint, advice=advice)
    except AssertionError as failure:
        return CheckOutcome(check.description, False, str(failure) or "the check failed", advice=advice)
    except Exception as error:  # the learner's object misbehaved: report it, don't raise
        raw = f"{type(error).__name__}: {error}"
        return CheckOutcome(check.description, False, "the returned object raised an error while being checked",
                            keras2_hint(raw), raw, advice)
    return CheckOutcome(check.description, True, note if isinstance(note, str) else "", advice=advice)


def run_checks(exercise: Exercise, answer: Any) -> Any:
    """The public cases and checks of `exercise` on the learner's live answer: a `Report`."""
    from course.checks.report import Report

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
    first = collected.values.get(exercise.public_cases[0].name) if exercise.public_cases else None
    if isinstance(first, CaseError):
        report.problem, report.raw = first.message, first.raw
        report.problem_hint = first.hint or warning_hint(caught)
        return report
    if collected.values and all(unanswered(value) for value in collected.values.values()):
        report.problem = ("not answered yet: your function returns None (is a `return` missing?); return what the "
                          "exercise asks for, then run its cell and this one again.")
        return report
    report.outcomes = [run_check(check, collected) for check in exercise.public_checks]
    hint = warning_hint(caught)
    if hint:
        report.outcomes.append(CheckOutcome("builds without Keras warnings", False, "Keras warned", hint))
    return report


def check(exercise_id: str, answer: Any) -> Any:
    """Run the public checks of one exercise on `answer` and return a printable report.

    The learner's random state is restored afterwards, so checking does not change what later
    cells compute.
    """
    from course.checks.registry import get
    from course.checks.report import Report

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
