"""Intake: from the paths on the command line to one task per (learner, lesson), before any kernel.

Nothing here runs learner code. Each file is read as plain JSON to learn what it is; a file that
cannot be graded (missing, an HTML or .py export, another lesson's notebook) gets its row here,
with the lesson's maximum and a reason that says how to fix it, so it can never score by accident.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from course.catalog import LESSONS
from course.notebooks import exercise_id, lesson_of_cells
from instructor.grading.roster import Learner, identify, lesson_in_name

NOT_SUBMITTED = "not submitted"
NOT_A_NOTEBOOK = "not a notebook"
WRONG_LESSON = "wrong lesson"
UNKNOWN_LESSON = "unknown lesson"
GRADED = "graded"
STUB = "YOUR CODE HERE"


@dataclass
class Task:
    """One row of the gradebook to be: a learner's file for a lesson, or why there is none."""

    learner: str
    lesson: str  # "02"; "" when no lesson can be told
    path: Path | None = None
    status: str = GRADED  # GRADED means "to grade"; anything else is final
    reason: str = ""
    notes: list[str] = field(default_factory=list)
    on_roster: bool = True
    submitted_at: str = ""  # ISO time in UTC, from the file's modification time
    file_sha256: str = ""
    answer_hashes: dict[str, str] = field(default_factory=dict)  # exercise id → hash of its answer cell
    from_roster: bool = False  # a rostered learner none of the given paths belongs to (see `plan`)

    @property
    def runnable(self) -> bool:
        """Whether the file goes to a kernel (graded, or graded although misnamed)."""
        return self.path is not None and (self.status == GRADED or self.status.startswith("misnamed"))

    @property
    def key(self) -> str:
        """`alice__02_shapes_and_building`: the row's name everywhere (results, feedback, runs)."""
        return f"{self.learner}__{lesson_stem(self.lesson) or 'unknown'}"


def lesson_stem(number: str) -> str:
    return next((lesson.stem for lesson in LESSONS if lesson.number == number), "")


def expand(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(files, missing paths): folders are searched for files (hidden files and checkpoints skipped)."""
    files, missing = [], []
    for path in paths:
        if path.is_dir():
            files += [p for p in sorted(path.rglob("*")) if p.is_file()
                      and not any(part.startswith(".") for part in p.relative_to(path).parts)]
        elif path.is_file():
            files.append(path)
        else:
            missing.append(path)
    return sorted(set(files), key=str), missing


def not_a_notebook(path: Path, data: bytes) -> str:
    """Why a file that is not notebook JSON cannot be graded, with what to hand in instead."""
    head = data[:512].lstrip().lower()
    suffix = path.suffix.lower()
    fix = "hand in the .ipynb file (in JupyterLab: File › Download, or the file itself)"
    if suffix in (".html", ".htm") or head.startswith((b"<!doctype html", b"<html")):
        return f"this is an HTML export, not the notebook: {fix}"
    if suffix == ".py" or head.startswith((b"#!", b"# %%", b"import ", b"from ", b"def ")):
        return f"this is a .py export (Python code), not the notebook: {fix}"
    if suffix == ".pdf" or head.startswith(b"%pdf"):
        return f"this is a PDF, not the notebook: {fix}"
    if head.startswith(b"pk"):
        return f"this is a zip archive: unpack it and {fix}"
    return f"not JSON, so not a Jupyter notebook (damaged, or another kind of file): {fix}"


def read_cells(path: Path) -> tuple[list[dict[str, Any]] | None, str]:
    """(the notebook's cells, "") or (None, why it is not a notebook)."""
    data = path.read_bytes()
    try:
        nb = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, not_a_notebook(path, data)
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        return None, "JSON, but not a Jupyter notebook (no cells): hand in the .ipynb file"
    return [c for c in nb["cells"] if isinstance(c, dict)], ""


def answer_hashes(cells: list[dict[str, Any]]) -> dict[str, str]:
    """A hash per answered exercise, blind to comments, blank lines and spacing (stubs skipped)."""
    by_id: dict[str, list[str]] = {}
    for cell in cells:
        eid = exercise_id(cell)
        if eid:
            source = cell.get("source", "")
            by_id.setdefault(eid, []).append("".join(source) if isinstance(source, list) else str(source))
    hashes = {}
    for eid, sources in by_id.items():
        text = "\n".join(sources)
        if STUB in text:
            continue
        lines = [re.sub(r"\s+", " ", line.split("#")[0]).strip() for line in text.splitlines()]
        hashes[eid] = hashlib.sha256("\n".join(x for x in lines if x).encode()).hexdigest()[:16]
    return hashes


def inspect(task: Task, expected: str) -> Task:
    """Fill in what a file is: its time, hashes, and whether it can be graded as lesson `expected`."""
    path = task.path
    task.submitted_at = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat(timespec="seconds")
    task.file_sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    cells, problem = read_cells(path)
    if cells is None:
        task.status, task.reason = NOT_A_NOTEBOOK, problem
        return task
    holds = lesson_of_cells(cells)
    task.lesson = expected or holds
    if not task.lesson:
        task.status, task.reason = UNKNOWN_LESSON, (
            "cannot tell which lesson this is: it has no exercise cells of one lesson and its name does not "
            "say (e.g. 02_shapes_and_building.ipynb); give --lesson NN")
    elif holds and holds != task.lesson:
        task.status = WRONG_LESSON
        task.reason = (f"this notebook holds the exercises of lesson {holds} ({lesson_stem(holds)}), not lesson "
                       f"{task.lesson}: hand in {lesson_stem(task.lesson)}.ipynb")
    task.answer_hashes = answer_hashes(cells)
    return task


def _rank(path: Path, lesson: str) -> tuple[int, float]:
    """Which of a learner's files for a lesson to grade: the exact name first, then the newest."""
    return (int(path.name == f"{lesson_stem(lesson)}.ipynb" or path.name.endswith(f"_{lesson_stem(lesson)}.ipynb")),
            path.stat().st_mtime)


def plan(paths: list[Path], roster: dict[str, Learner] | None, lesson: str = "") -> list[Task]:
    """One task per (learner, lesson): every file found, every missing path, every rostered learner.

    `lesson` ("02") is the lesson being graded; by default each file's name says which it is.
    Several files of one learner for one lesson: the best named (then the newest) is graded, and
    the row says which files were left out. Rostered learners none of the paths belongs to get a
    `not submitted` task marked `from_roster`: the caller keeps a row it already has for them (so
    re-grading one learner's file leaves the rest of the class alone).
    """
    files, missing = expand(paths)
    by_key: dict[tuple[str, str], list[Path]] = {}
    known: dict[str, bool] = {}
    for path in files:
        learner, on_roster = identify(path, roster)
        known[learner] = on_roster
        by_key.setdefault((learner, lesson or lesson_in_name(path.name)), []).append(path)
    tasks: list[Task] = []
    for (learner, expected), found in sorted(by_key.items()):
        found.sort(key=lambda p: _rank(p, expected), reverse=True)
        task = inspect(Task(learner, expected, found[0], on_roster=known[learner]), expected)
        if len(found) > 1:
            task.notes.append(f"{len(found)} files for this lesson: graded {found[0].name} "
                              f"(the best named, then the newest); left out {', '.join(p.name for p in found[1:])}")
        if not known[learner] and roster is not None:
            task.notes.append("this learner is not on the roster")
        expected_name = f"{lesson_stem(task.lesson)}.ipynb"
        if task.status == GRADED and task.lesson and not task.path.name.endswith(expected_name):
            task.status = f"misnamed (found {task.path.name})"
            task.notes.append(f"the file was named {task.path.name}, not {expected_name}: graded anyway")
        tasks.append(task)
    tasks = one_per_key(tasks)
    covered = {(t.learner, t.lesson) for t in tasks}
    for path in missing:
        learner, on_roster = identify(path, roster)
        number = lesson or lesson_in_name(path.name)
        if (learner, number) not in covered:
            tasks.append(Task(learner, number, None, NOT_SUBMITTED, f"no such file: {path}", on_roster=on_roster))
            covered.add((learner, number))
    lessons = {lesson} if lesson else {number for _, number in covered if number}
    for learner in roster or {}:
        for number in sorted(lessons):
            if (learner, number) not in covered:
                tasks.append(Task(learner, number, None, NOT_SUBMITTED, "nothing handed in for this lesson",
                                  from_roster=True))
    return sorted(tasks, key=lambda t: t.key)


def one_per_key(tasks: list[Task]) -> list[Task]:
    """One task per row key: files whose names did not say the lesson can turn out to be of a lesson
    the learner handed in under its name too; the runnable one (else the first) is kept, and says so."""
    kept: dict[str, Task] = {}
    for task in tasks:
        other = kept.get(task.key)
        if other is None:
            kept[task.key] = task
            continue
        keep, drop = (task, other) if task.runnable and not other.runnable else (other, task)
        keep.notes.append(f"also found {drop.path.name if drop.path else 'another file'} for this lesson: left out")
        kept[task.key] = keep
    return list(kept.values())


def shard(tasks: list[Task], k: int, n: int) -> list[Task]:
    """The K-th of N shards, by learner: all of a learner's rows stay together, whatever was given."""
    learners = sorted({t.learner for t in tasks})
    mine = set(learners[k - 1::n])
    return [t for t in tasks if t.learner in mine]
