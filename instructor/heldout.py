"""How well the checks catch mistakes they were not written against (issue #13's acceptance).

    python -m course heldout [--out DIR] [--jobs 2] [--lessons 01,06]

The held-out answers (`instructor/wrong_answers/heldout/lessonNN.py`, in the one format of
`instructor.wrong_answers`) were written from the exercise text alone, never from the checks. Each lesson gets as many
students as its exercises have wrong answers at most; student k's notebook is the lesson with the
k-th wrong answer in each exercise cell (the solution where an exercise has fewer). The real
`python -m course grade` grades them as a class; a wrong answer "loses points" when its exercise
scores below full marks. Each answer is also run through `course.check` here, as the learner sees it
in the notebook ("flagged" when a public check fails). Targets: ≥ 95 % lose points, ≥ 85 % flagged.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from course.notebooks import exercise_id, lesson_file
from course.paths import ROOT, SOLUTIONS, TEST_ARTIFACTS
from instructor.notebooks import CLEAN, run
from instructor.wrong_answers import Wrong, load, public_report

LOSE_TARGET, FLAG_TARGET = 0.95, 0.85


@dataclass
class Outcome:
    exercise: str
    mistake: str
    student: str
    loses_points: bool = False
    flagged: bool = False
    grade: str = ""  # "points/max" in the gradebook
    report: str = ""  # the first failed public check, or why none failed


def submission(number: str, answers: dict[str, str]) -> nbformat.NotebookNode:
    """The lesson as a learner hands it in, with `answers` (id → source) in its exercise cells."""
    nb = run(CLEAN, nbformat.read(lesson_file(SOLUTIONS, number), as_version=4))
    for cell in nb.cells:
        if exercise_id(cell) in answers:
            cell.source = answers[exercise_id(cell)].strip() + "\n"
    return nb


def class_of(wrong: list[Wrong], folder: Path) -> list[Outcome]:
    """Write the held-out class's notebooks into `folder`; one outcome per wrong answer."""
    outcomes = []
    by_lesson: dict[str, dict[str, list[Any]]] = {}
    for answer in wrong:
        by_lesson.setdefault(answer.exercise[:2], {}).setdefault(answer.exercise, []).append(answer)
    for number, exercises in sorted(by_lesson.items()):
        for k in range(max(len(answers) for answers in exercises.values())):
            student = f"student{k + 1:02d}"
            chosen = {eid: answers[k] for eid, answers in exercises.items() if k < len(answers)}
            path = folder / student / lesson_file(SOLUTIONS, number).name
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(submission(number, {eid: a.source for eid, a in chosen.items()}), path)
            outcomes += [Outcome(eid, a.mistake, student) for eid, a in chosen.items()]
    return outcomes


def grade_class(folder: Path, out: Path, jobs: int) -> dict[tuple[str, str], tuple[float, float]]:
    """(student, exercise) → (points, max) from the real grader's results."""
    notebooks = sorted(folder.glob("*/*.ipynb"))
    done = subprocess.run([sys.executable, "-m", "course", "grade", *map(str, notebooks), "--out", str(out),
                           "--jobs", str(jobs)], cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"python -m course grade failed (exit {done.returncode})")
    scores = {}
    for path in sorted((out / "results").glob("*.json")):
        result = json.loads(path.read_text())
        student = Path(result["path"]).parent.name
        for exercise in result.get("exercises", []):
            scores[(student, exercise["id"])] = (exercise["points"], exercise["max_points"])
    return scores


def public_flag(answer: Wrong) -> tuple[bool, str]:
    """Whether `course.check` flags the answer in the notebook, and the first thing it says."""
    report = public_report(answer.exercise, answer.source)
    text = repr(report).splitlines()
    failed = [line.strip() for line in text if line.strip().startswith("✗")] or text[1:2]
    return not report.passed, failed[0] if failed else ""


def measure(out: Path | None = None, jobs: int = 2, lessons: set[str] | None = None) -> list[Outcome]:
    wrong = load("heldout", lessons)
    with tempfile.TemporaryDirectory(prefix="kt-heldout-") as tmp:
        work = Path(tmp)
        outcomes = class_of(wrong, work / "class")
        scores = grade_class(work / "class", out or work / "graded", jobs)
    by_key = {(a.exercise, a.mistake): a for a in wrong}
    for outcome in outcomes:
        points, maximum = scores.get((outcome.student, outcome.exercise), (0.0, 0.0))
        outcome.grade = f"{points:g}/{maximum:g}"
        outcome.loses_points = points < maximum or maximum == 0
        outcome.flagged, outcome.report = public_flag(by_key[(outcome.exercise, outcome.mistake)])
    return outcomes


def summary(outcomes: list[Outcome]) -> dict[str, Any]:
    total = len(outcomes)
    lose = sum(o.loses_points for o in outcomes)
    flagged = sum(o.flagged for o in outcomes)
    return {"total": total, "lose_points": lose, "flagged": flagged,
            "lose_share": lose / total if total else 0.0, "flag_share": flagged / total if total else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course heldout", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="keep the grader's output (grades.csv, feedback/) here")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--lessons", help="only these lessons, e.g. 01,06")
    args = parser.parse_args(argv)
    lessons = set(args.lessons.split(",")) if args.lessons else None
    outcomes = measure(args.out, args.jobs, lessons)
    report = TEST_ARTIFACTS / "heldout.csv"
    report.parent.mkdir(exist_ok=True)
    with report.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["exercise", "mistake", "grade", "loses points", "flagged in public", "public report"])
        for o in outcomes:
            writer.writerow([o.exercise, o.mistake, o.grade, o.loses_points, o.flagged, o.report])
    for o in outcomes:
        if not (o.loses_points and o.flagged):
            print(f"  {o.exercise} {o.mistake!r}: grade {o.grade}, "
                  f"{'flagged' if o.flagged else 'not flagged'} in public ({o.report})")
    score = summary(outcomes)
    (TEST_ARTIFACTS / "heldout-score.json").write_text(json.dumps(score))
    print(f"held-out: {score['total']} wrong answers; {score['lose_points']} lose points "
          f"({score['lose_share']:.0%}, target {LOSE_TARGET:.0%}), {score['flagged']} flagged by a public check "
          f"({score['flag_share']:.0%}, target {FLAG_TARGET:.0%}). Details: {report.relative_to(ROOT)}")
    return 0 if score["lose_share"] >= LOSE_TARGET and score["flag_share"] >= FLAG_TARGET else 1
