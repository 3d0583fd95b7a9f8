"""What an exercise is: its cases, its checks, and what the answer returned for each case.

Data only (no Keras, no report formatting): the learner's `course.check` and the course grader
both build on it. An exercise is one object, registered once (`course.checks.registry`); the
instructor kit extends that same object with grading-only cases and hidden checks, and every
check names the case it reads, so a definition that names a missing case fails at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

DEFAULT = "default"  # the case a check reads unless it names another
ALL = None  # a check with case=ALL gets the whole `Collected` (every case's result and the inputs)
CASE_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")  # case names become file names in grading


class DefinitionError(ValueError):
    """An exercise definition that cannot work (a check naming a missing case, a clash...)."""


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
    hidden: bool = False  # grading only: feedback names the check; only the instructor sees its message
    case: str | None = DEFAULT  # the case whose result `test` gets, by name; ALL (None): the whole Collected
    graded: bool = True  # False: not scored itself (a graded check covers it, or it is advice)
    advice: bool = False  # shown as advice (△) in the notebook, never a failure: what grading cannot see


@dataclass(frozen=True)
class Input:
    """An argument the checker builds and hands to the answer: a shipped model or array in the
    notebook, the same (or the grader's own) in grading. Named in `Exercise.inputs`."""

    name: str


@dataclass(frozen=True)
class Case:
    """One call of the answer function, by name. Public cases run in the notebook and in grading;
    grading-only ones (`public=False`) are added by the instructor kit."""

    name: str
    args: tuple = ()
    public: bool = True


@dataclass(frozen=True)
class CaseError:
    """A case whose call raised, timed out or returned something that could not be saved.

    `message` is the course's own words (which call, what went wrong), `raw` the exception text
    as Keras or Python wrote it, `hint` what to try (recognised from the error, if anything)."""

    message: str
    raw: str = ""
    hint: str = ""


@dataclass
class CheckOutcome:
    description: str
    passed: bool
    message: str = ""  # what failed (the course's words); for a passed check, its note ("" if none)
    hint: str = ""
    raw: str = ""  # the exception text behind a failure, when the answer itself raised
    advice: bool = False  # a notebook-only check: shown, never graded


@dataclass
class Collected:
    """What the answer returned for each case, by case name: the same kind of value in the notebook
    (live objects) and in the grader (loaded from the files the submission saved)."""

    cases: tuple[Case, ...]
    values: dict[str, Any]
    inputs: Mapping[str, Any] = field(default_factory=dict)
    # The arguments each case was called with, in the notebook only (the grader's calls ran in the
    # submission's kernel): what notebook-only checks of object identity compare with.
    arguments: dict[str, tuple] = field(default_factory=dict)

    def value(self, case: str = DEFAULT) -> Any:
        if case not in self.values:
            raise CheckFailed(f"case {case!r} was not run")
        value = self.values[case]
        if isinstance(value, CaseError):
            raise CheckFailed(value.message + (f": {value.raw}" if value.raw else ""), value.hint)
        if unanswered(value):
            raise CheckFailed("not answered: the function returned None")
        return value

    def args(self, case: str = DEFAULT) -> tuple:
        """The arguments `case` is defined with (`Input` placeholders included)."""
        return next(c.args for c in self.cases if c.name == case)

    def given_to_answer(self, obj: Any, case: str = DEFAULT) -> bool:
        """Whether `obj` (the returned model, or one of its layers) is a model `case` gave the answer,
        or one of that model's layers: object identity in the notebook; in the grader, what the
        collect cell recorded of it in the submission's kernel."""
        if case in self.arguments:
            return any(obj is arg or any(obj is layer for layer in getattr(arg, "layers", ()))
                       for arg in self.arguments[case])
        returned = self.values.get(case)
        itself, layers = getattr(returned, "grader_given", (False, set()))
        if obj is returned:
            return itself
        return any(obj is layer for layer in getattr(returned, "layers", ())) and getattr(obj, "name", None) in layers

    def pair(self, name: str, case: str = DEFAULT) -> tuple[Any, Any]:
        """(the input `name`, the answer's result for `case`)."""
        return self.inputs[name], self.value(case)

    def table(self, public: bool = True) -> dict[tuple, Any]:
        """The answer's result by argument tuple, for the public cases (or the grading-only ones)."""
        return {case.args: self.value(case.name) for case in self.cases
                if case.public == public and case.name in self.values}


def unanswered(value: Any) -> bool:
    """True for what an untouched stub gives: `...` or None."""
    return value is ... or value is None


def _cases(spec: Mapping[str, Any], public: bool, where: str) -> tuple[Case, ...]:
    if not isinstance(spec, Mapping):
        raise DefinitionError(f"{where}: cases are named: give a dict such as {{'default': (32,)}}")
    cases = []
    for name, args in spec.items():
        if not isinstance(name, str) or not CASE_NAME.match(name):
            raise DefinitionError(f"{where}: case name {name!r} must be lower_case letters, digits and _")
        args = args.args if isinstance(args, Case) else args
        cases.append(Case(name, tuple(args), public))
    return tuple(cases)


def numbered(prefix: str, argument_tuples: list[tuple]) -> dict[str, tuple]:
    """Cases named prefix_1, prefix_2, ... for a table of arguments that checks read as a whole."""
    return {f"{prefix}_{i}": tuple(args) for i, args in enumerate(argument_tuples, 1)}


class Exercise:
    """One exercise, defined once: the answer function's name, its named cases and the checks run
    on what it returns. The instructor kit adds grading-only cases and hidden checks to this same
    object with `extend` (`course.checks.registry.extend`); learners never receive them."""

    def __init__(self, id: str, title: str, function: str, cases: Mapping[str, Any] | None = None,
                 checks: list[Check] | tuple[Check, ...] = (), inputs: dict[str, Callable[[], Any]] | None = None,
                 hints: tuple[str, ...] = (), timeout: float = 120.0,
                 errors: tuple[tuple[tuple[str, ...], str], ...] = ()) -> None:
        self.id, self.title, self.function = id, title, function
        self._cases = _cases({DEFAULT: ()} if cases is None else cases, True, f"exercise {id}")
        self._checks = self._public_checks = tuple(checks)
        # Builds each `Input` the cases name; called afresh for every case (an answer may change it).
        self.inputs: dict[str, Callable[[], Any]] = dict(inputs or {})
        # The hint ladder `course.hint(id)` walks: a nudge, then the concept, then the shape of the code.
        self.hints = tuple(hints)
        self.timeout = timeout  # seconds for the grader's calls of this answer (training included)
        # Errors the answer itself may raise, recognised by words in their text: (words, what it means).
        self.errors = tuple(errors)
        self.grading_loaded = False  # set by the registry once the kit's grading part was imported
        self._extended = False
        names = [case.name for case in self._cases]
        if len(set(names)) != len(names):
            raise DefinitionError(f"exercise {id}: two cases share a name")
        for check in self._checks:
            if check.advice and check.graded:
                raise DefinitionError(f"exercise {id}: advice {check.description!r} cannot be graded (graded=False)")
            if check.hidden:
                raise DefinitionError(f"exercise {id}: hidden check {check.description!r} belongs in the "
                                      "instructor kit (extend), not in what learners receive")
            self._check_reads(check, {case.name for case in self._cases})

    def _check_reads(self, check: Check, names: set[str]) -> None:
        if check.case is not ALL and check.case not in names:
            raise DefinitionError(
                f"exercise {self.id}: check {check.description!r} reads case {check.case!r}, which is not "
                f"defined (cases: {', '.join(sorted(names))})")

    def extend(self, cases: Mapping[str, Any] | None = None, checks: list[Check] | tuple[Check, ...] = (),
               inputs: dict[str, Callable[[], Any]] | None = None, timeout: float | None = None) -> "Exercise":
        """Add the grading part: grading-only cases, graded checks learners never see (usually
        hidden), the inputs they name, another time limit. Once per exercise."""
        if self._extended:
            raise DefinitionError(f"exercise {self.id} is extended twice")
        extra = _cases(cases or {}, False, f"exercise {self.id} (grading)")
        names = {case.name for case in self._cases}
        clash = names & {case.name for case in extra}
        if clash:
            raise DefinitionError(f"exercise {self.id}: grading case {sorted(clash)} has a public case's name")
        every = names | {case.name for case in extra}
        for check in checks:
            self._check_reads(check, every)
        self._cases += extra
        self._checks += tuple(checks)  # shown in feedback; their messages only to the instructor if hidden
        self.inputs.update(inputs or {})
        self.timeout = timeout or self.timeout
        self._extended = True
        return self

    @property
    def cases(self) -> tuple[Case, ...]:
        return self._cases

    @property
    def checks(self) -> tuple[Check, ...]:
        return self._checks

    @property
    def public_cases(self) -> tuple[Case, ...]:
        return tuple(case for case in self._cases if case.public)

    @property
    def public_checks(self) -> tuple[Check, ...]:
        """What `course.check` runs in the notebook: the checks defined with the exercise."""
        return self._public_checks

    @property
    def graded_checks(self) -> tuple[Check, ...]:
        return tuple(check for check in self._checks if check.graded)

    @property
    def points(self) -> int:
        """What the exercise is worth in grading (public and grading checks together)."""
        if not self.grading_loaded:
            raise LookupError(f"exercise {self.id}: its points need the grading part "
                              "(course.checks.registry.get(id, graded=True), in the instructor kit)")
        return sum(check.points for check in self.graded_checks)

    def explain(self, error: str) -> str:
        """What an error the answer raised means for this exercise ("" if it is not recognised)."""
        for words, meaning in self.errors:
            if all(word in error for word in words):
                return meaning
        return ""

    def __repr__(self) -> str:
        return f"Exercise({self.id!r}, {self.title!r})"
