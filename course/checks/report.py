"""What the learner sees: the report `course.check` prints, and the hint ladder `course.hint` walks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from course.checks.model import CheckOutcome, Exercise


@dataclass
class Report:
    exercise: Exercise
    outcomes: list[CheckOutcome] = field(default_factory=list)
    problem: str = ""  # set when the answer could not be checked at all (the course's words)
    raw: str = ""  # the error behind `problem`, as Python or Keras wrote it
    problem_hint: str = ""

    @property
    def passed(self) -> bool:
        return not self.problem and all(outcome.passed for outcome in self.outcomes if not outcome.advice)

    def explanations(self) -> str:
        """Everything the course itself says (no raw error text): what a message must name."""
        parts = [self.problem, self.problem_hint]
        for outcome in self.outcomes:
            if not outcome.passed:
                parts += [outcome.description, outcome.message, outcome.hint]
        return "\n".join(part for part in parts if part)

    def __repr__(self) -> str:
        head = f"Exercise {self.exercise.id.lstrip('0')} · {self.exercise.title}"
        stuck = f'Stuck? course.hint("{self.exercise.id}") shows a hint; call it again for the next one.'
        if self.problem:
            lines = [head, f"  {self.problem}" + (f": {self.raw}" if self.raw else "")]
            if self.problem_hint:
                lines.append(f"  hint: {self.problem_hint}")
            return "\n".join(lines + ([stuck] if self.exercise.hints else []))
        lines = [head]
        for outcome in self.outcomes:
            mark = "✓" if outcome.passed else ("△" if outcome.advice else "✗")
            advice = " (advice: not graded)" if outcome.advice else ""
            lines.append(f"  {mark} {outcome.description}{advice}")
            if outcome.passed and outcome.message:
                lines.append(f"      {outcome.message}")
            if not outcome.passed:
                lines.append(f"      {outcome.message}" + (f": {outcome.raw}" if outcome.raw else ""))
                if outcome.hint:
                    lines.append(f"      hint: {outcome.hint}")
        graded = [outcome for outcome in self.outcomes if not outcome.advice]
        passed = sum(outcome.passed for outcome in graded)
        verdict = "Well done" if self.passed else "Not yet"
        lines.append(f"{verdict}: {passed} of {len(graded)} public checks pass. Grading runs more checks.")
        if not all(outcome.passed for outcome in self.outcomes) and self.exercise.hints:
            lines.append(stuck)
        return "\n".join(lines)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


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
    from course.checks.registry import get

    exercise = get(exercise_id)
    if not exercise.hints:
        return Hint(exercise_id, 0, 0, "this exercise has no hints.")
    number = min(_HINTS_SHOWN.get(exercise_id, 0) + 1, len(exercise.hints))
    _HINTS_SHOWN[exercise_id] = number
    return Hint(exercise_id, number, len(exercise.hints), exercise.hints[number - 1])
