"""The class list (`--roster roster.csv`) and who handed in a file: one learner id per person.

    id,name,email,aliases,extension_days
    alice,Alice Martin,alice@example.org,,
    jdoe,Jane Doe,jane@example.org,doe_jane_12345;Jane Doe,2

`aliases` (separated by `;`) are the other names a learner's files come under, such as the
`lastname_firstname_12345` prefix of a Canvas or Moodle bulk download. `extension_days` (optional)
moves that learner's due date. Other columns are kept for the LMS exports (`canvas_id`,
`sis_user_id`, `sis_login_id`, `section`, `username`, `idnumber`). A learner's id never depends
on which files are graded together.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from course.catalog import LESSONS
from course.notebooks import lesson_number


@dataclass(frozen=True)
class Learner:
    id: str
    name: str = ""
    email: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)
    extension_days: float = 0.0
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # other columns (LMS ids)


class RosterError(ValueError):
    """A roster the grader cannot use; the message says which line and why."""


def read_roster(path: Path) -> dict[str, Learner]:
    """Learners by id, in the file's order."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    learners: dict[str, Learner] = {}
    for line, row in enumerate(rows, 2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("id"):
            raise RosterError(f"{path}:{line}: every row needs an id (columns: id, name, email, aliases, "
                              "extension_days)")
        if row["id"] in learners:
            raise RosterError(f"{path}:{line}: the id {row['id']!r} is listed twice")
        try:
            extension = float(row.get("extension_days") or 0)
        except ValueError:
            raise RosterError(f"{path}:{line}: extension_days must be a number of days") from None
        aliases = tuple(a.strip() for a in row.get("aliases", "").split(";") if a.strip())
        extra = {k: v for k, v in row.items() if k not in ("id", "name", "email", "aliases", "extension_days")}
        learners[row["id"]] = Learner(row["id"], row.get("name", ""), row.get("email", ""), aliases, extension, extra)
    return learners


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def names_a_lesson(name: str) -> bool:
    """Whether a file name starts with a lesson number (`02_…`): then its folder names the learner."""
    return bool(lesson_number(name))


def identify(path: Path, roster: dict[str, Learner] | None) -> tuple[str, bool]:
    """(learner id, whether the roster knows them) for a submitted file.

    The file name's prefix before the lesson's name when it has one (`doe_jane_12345_02_….ipynb`, a
    flat LMS download), else the learner's folder (`submissions/alice/02_….ipynb`, `alice/hw.ipynb`).
    With a roster, ids and aliases are matched on the folder name first, then on the start of the
    file name (longest match wins).
    """
    folder, stem = path.parent.name, path.stem
    if roster:
        names = {_key(alias): learner.id for learner in roster.values() for alias in (learner.id, *learner.aliases)}
        if _key(folder) in names:
            return names[_key(folder)], True
        stem_key = _key(stem)
        starts = [k for k in names if stem_key == k or stem_key.startswith(k + "_")]
        if starts:
            return names[max(starts, key=len)], True
    number = lesson_in_name(path.name)
    if number and not names_a_lesson(path.name):  # `doe_jane_12345_02_….ipynb`: a flat LMS download
        stem_of = next(lesson.stem for lesson in LESSONS if lesson.number == number)
        prefix = stem.split(stem_of)[0].rstrip("_- ")
        if prefix:
            return prefix, False
    return folder or stem, False


def lesson_in_name(name: str) -> str:
    """"02" when a file name starts with a lesson number or holds a lesson's name anywhere
    (`doe_jane_12345_02_shapes_and_building.ipynb`), else ""."""
    if names_a_lesson(name):
        return lesson_number(name)
    for lesson in LESSONS:
        if lesson.stem in name:
            return lesson.number
    return ""
