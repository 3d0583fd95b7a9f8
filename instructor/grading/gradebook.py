"""From results to grades: manual overrides, the late rule, duplicate flags, and `grades.csv`.

Results (`results/*.json`) hold what the grader measured and are replaced when a learner is
re-graded. What the instructor decides lives beside them and is applied every time the gradebook
is written, so it survives re-grading:

- `overrides.csv`: `learner,lesson,exercise,points,reason`; points `+1`, `-2` (a change) or `=3`
  (a value); an empty exercise (or `*`) adjusts the lesson's total;
- `policy.json`: the due date and the late rule, saved by `grade --due … --late-penalty …`.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from instructor.grading.grader import SubmissionResult

OVERRIDES = "overrides.csv"
POLICY = "policy.json"


@dataclass(frozen=True)
class Override:
    learner: str
    lesson: str  # "02" (or the lesson's file stem)
    exercise: str  # "02.1", or "" for the lesson's total
    points: str  # "+1", "-2", "=3"
    reason: str

    def applies_to(self, result: SubmissionResult) -> bool:
        return self.learner == result.learner and result.lesson.startswith(self.lesson[:2])


class OverrideError(ValueError):
    """A line of overrides.csv the grader cannot apply; the message says which and why."""


def read_overrides(folder: Path) -> list[Override]:
    path = folder / OVERRIDES
    if not path.exists():
        return []
    found = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for line, row in enumerate(csv.DictReader(handle), 2):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            if not row.get("learner") or not re.fullmatch(r"[+=-]?\d+(\.\d+)?", row.get("points", "")):
                raise OverrideError(f"{path}:{line}: needs learner, lesson, exercise, points (+1, -2 or =3), reason")
            exercise = "" if row.get("exercise") in ("", "*") else row["exercise"]
            found.append(Override(row["learner"], row.get("lesson", ""), exercise, row["points"],
                                  row.get("reason", "")))
    return found


@dataclass
class Policy:
    """The late rule: `penalty_per_day` (0.1 = 10 % a day) from the due date, up to `cap` (1 = 100 %)."""

    due: str = ""  # ISO date-time, UTC unless it says otherwise
    penalty_per_day: float = 0.0
    cap: float = 1.0

    def save(self, folder: Path) -> None:
        (folder / POLICY).write_text(json.dumps(asdict(self), indent=1))

    @classmethod
    def load(cls, folder: Path) -> "Policy":
        path = folder / POLICY
        return cls(**json.loads(path.read_text())) if path.exists() else cls()


def parse_time(text: str) -> datetime:
    """An ISO date or date-time; UTC when no offset is given (a bare date means the end of that day)."""
    value = datetime.fromisoformat(text.strip())
    if len(text.strip()) == 10:
        value = value.replace(hour=23, minute=59, second=59)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def parse_rate(text: str) -> float:
    """`10%/day`, `10%` or `0.1` → 0.1."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(%?)\s*(?:/\s*day)?\s*", text)
    if not found:
        raise ValueError(f"give a penalty like 10%/day, not {text!r}")
    return float(found.group(1)) / (100 if found.group(2) else 1)


def late_days(submitted_at: str, due: str, extension_days: float = 0.0) -> int:
    """Whole days (started) after the due date plus the learner's extension; 0 when on time."""
    if not submitted_at or not due:
        return 0
    late = (parse_time(submitted_at) - parse_time(due)).total_seconds() / 86400 - extension_days
    return max(0, math.ceil(late)) if late > 0 else 0


@dataclass
class Row:
    """One learner and lesson, as the gradebook shows it."""

    result: SubmissionResult
    score: float = 0.0  # after overrides
    late_days: int = 0
    penalty: float = 0.0  # fraction taken off
    final: float = 0.0
    duplicates_of: list[str] = field(default_factory=list)
    adjustments: list[str] = field(default_factory=list)  # overrides applied, in words

    @property
    def percentage(self) -> float:
        return round(100 * self.score / self.result.max_score, 1) if self.result.max_score else 0.0


def apply_overrides(result: SubmissionResult, overrides: list[Override]) -> tuple[float, list[str]]:
    """The score after the instructor's overrides (each exercise kept within 0..its maximum)."""
    points = {e.id: e.points for e in result.exercises}
    maxima = {e.id: e.max_points for e in result.exercises}
    total_change, said = 0.0, []
    for override in (o for o in overrides if o.applies_to(result)):
        value = float(override.points.lstrip("="))  # "+5", "-1", "=3"
        where = f"exercise {override.exercise}" if override.exercise else "the total"
        said.append(f"{where}: {override.points} by the instructor ({override.reason or 'no reason given'})")
        if override.exercise and override.exercise in points:
            new = value if override.points.startswith("=") else points[override.exercise] + value
            points[override.exercise] = min(max(new, 0.0), maxima[override.exercise])
        elif override.exercise:
            said[-1] += ": no such exercise in this lesson, not applied"
        elif override.points.startswith("="):
            total_change = value - sum(points.values())
        else:
            total_change += value
    score = min(max(sum(points.values()) + total_change, 0.0), result.max_score)
    return round(score, 2), said


def duplicates(results: list[SubmissionResult]) -> dict[str, list[str]]:
    """Row key → who else handed in the same file, or the same answer cell (per exercise), in that lesson."""
    found: dict[str, list[str]] = {r.submission: [] for r in results}
    files: dict[tuple[str, str], list[SubmissionResult]] = {}
    answers: dict[tuple[str, str, str], list[SubmissionResult]] = {}
    for r in results:
        if r.file_sha256:
            files.setdefault((r.lesson, r.file_sha256), []).append(r)
        for eid, digest in r.answer_hashes.items():
            answers.setdefault((r.lesson, eid, digest), []).append(r)
    for group in files.values():
        for r in group:
            found[r.submission] += [f"{o.learner} (identical file)" for o in group if o is not r]
    for (_, eid, _), group in answers.items():
        for r in group:
            found[r.submission] += [f"{o.learner} ({eid})" for o in group if o is not r
                                    and f"{o.learner} (identical file)" not in found[r.submission]]
    return found


def rows(results: list[SubmissionResult], overrides: list[Override], policy: Policy) -> list[Row]:
    """Every result as a gradebook row: overrides, then the late penalty on the adjusted score."""
    same = duplicates(results)
    made = []
    for result in sorted(results, key=lambda r: r.submission):
        row = Row(result, duplicates_of=same[result.submission])
        row.score, row.adjustments = apply_overrides(result, overrides)
        if result.scored:
            row.late_days = late_days(result.submitted_at, policy.due, result.extension_days)
            row.penalty = round(min(policy.cap, policy.penalty_per_day * row.late_days), 4)
        row.final = round(row.score * (1 - row.penalty), 2)
        made.append(row)
    return made


COLUMNS = ["submission", "learner", "name", "lesson", "score", "max_score", "percentage", "submitted_at",
           "late_days", "penalty", "final", "status", "reason", "duplicates_of", "overrides"]


def number(value: float) -> str:
    """Points as people write them: 5, 2.5."""
    return f"{value:g}"


def write_csv(made: list[Row], out: Path) -> Path:
    """`grades.csv`: one row per learner and lesson, then one column per exercise."""
    exercise_ids = sorted({e.id for row in made for e in row.result.exercises})
    path = out / "grades.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS + [f"exercise {eid}" for eid in exercise_ids])
        for row in made:
            r = row.result
            points = {e.id: number(e.points) for e in r.exercises}
            writer.writerow([r.submission, r.learner, r.name, r.lesson[:2], number(row.score), number(r.max_score),
                             number(row.percentage), r.submitted_at, row.late_days, f"{row.penalty:.0%}",
                             number(row.final), r.status, r.reason, "; ".join(row.duplicates_of),
                             "; ".join(row.adjustments)] + [points.get(eid, "") for eid in exercise_ids])
    return path
