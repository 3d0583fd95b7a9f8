"""`python -m course export canvas|moodle GRADED --roster roster.csv`: a gradebook import file.

    python -m course export canvas graded --roster roster.csv --out canvas-02.csv
    python -m course export moodle graded --roster roster.csv --out moodle-02.csv

Every learner on the roster gets a line (0 when nothing was graded for them), so the import
accounts for the whole class; a graded learner missing from the roster stops the export (their
grade would be lost silently). The points are `final` from `grades.csv` (overrides and the late
penalty applied), one column per lesson graded in the folder.

- **Canvas** (Grades › Import): columns `Student`, `ID`, `SIS User ID`, `SIS Login ID`, `Section`,
  then one column per assignment; the second line, `Points Possible`, gives each new assignment's
  maximum. Canvas matches learners on `ID`, `SIS User ID` or `SIS Login ID`: give the roster a
  `canvas_id`, `sis_user_id` or `sis_login_id` column (else the roster id is used as the SIS login).
- **Moodle** (Grades › Import › CSV file): one line per learner, `Email address` to identify them
  (map it in "Identify user by"), `ID number` and `Username` when the roster has `idnumber` or
  `username`, then one grade column and one feedback column per lesson to map onto grade items.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from instructor.grading.gradebook import Policy, Row, number, read_overrides, rows
from instructor.grading.roster import Learner, read_roster


def lesson_title(stem: str) -> str:
    """The assignment's name in the LMS: `Lesson 02 · shapes and building`."""
    return f"Lesson {stem[:2]} · {stem[3:].replace('_', ' ')}"


def gradebook(graded: Path, roster: dict[str, Learner]) -> tuple[list[str], dict[tuple[str, str], Row]]:
    """(lessons, (learner, lesson) → row) from a grading folder; refuses learners the roster lacks."""
    from instructor.grading.report import read_results

    made = rows(read_results(graded), read_overrides(graded), Policy.load(graded))
    strangers = sorted({row.result.learner for row in made} - set(roster))
    if strangers:
        raise SystemExit(f"python -m course export: {', '.join(strangers)} graded but not on the roster: add them "
                         "(or an alias) to the roster, or their grades would be left out")
    lessons = sorted({row.result.lesson for row in made if row.result.lesson})
    return lessons, {(row.result.learner, row.result.lesson): row for row in made}


def maxima(by_key: dict[tuple[str, str], Row], lessons: list[str]) -> dict[str, float]:
    return {lesson: max((row.result.max_score for (_, les), row in by_key.items() if les == lesson), default=0.0)
            for lesson in lessons}


def canvas(roster: dict[str, Learner], lessons: list[str], by_key: dict[tuple[str, str], Row]) -> list[list[str]]:
    top = maxima(by_key, lessons)
    lines = [["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] + [lesson_title(s) for s in lessons],
             ["Points Possible", "", "", "", ""] + [number(top[s]) for s in lessons]]
    for learner in roster.values():
        extra = learner.extra
        login = extra.get("sis_login_id") or ("" if extra.get("canvas_id") or extra.get("sis_user_id") else learner.id)
        lines.append([learner.name or learner.id, extra.get("canvas_id", ""), extra.get("sis_user_id", ""), login,
                      extra.get("section", "")]
                     + [number(by_key[(learner.id, s)].final) if (learner.id, s) in by_key else "0" for s in lessons])
    return lines


def moodle(roster: dict[str, Learner], lessons: list[str], by_key: dict[tuple[str, str], Row]) -> list[list[str]]:
    lines = [["Email address", "ID number", "Username", "Full name"]
             + [column for s in lessons for column in (lesson_title(s), f"{lesson_title(s)} feedback")]]
    for learner in roster.values():
        cells = [learner.email, learner.extra.get("idnumber", ""), learner.extra.get("username", ""),
                 learner.name or learner.id]
        for s in lessons:
            row = by_key.get((learner.id, s))
            if row is None:
                cells += ["0", "not submitted"]
                continue
            said = [row.result.status] + ([f"{row.late_days} day(s) late, {row.penalty:.0%} off"] if row.late_days
                                          else []) + row.adjustments
            cells += [number(row.final), "; ".join(said)]
        lines.append(cells)
    return lines


FORMATS = {"canvas": canvas, "moodle": moodle}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course export", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lms", choices=sorted(FORMATS))
    parser.add_argument("graded", type=Path, help="the --out folder of `python -m course grade`")
    parser.add_argument("--roster", type=Path, required=True, help="the class list (see `grade --roster`)")
    parser.add_argument("--out", type=Path, help="the CSV to write (default: GRADED/<lms>.csv)")
    args = parser.parse_args(argv)
    if not (args.graded / "results").is_dir():
        parser.error(f"{args.graded} has no results/ folder: is it the --out of a grading run?")
    roster = read_roster(args.roster)
    lessons, by_key = gradebook(args.graded, roster)
    out = args.out or args.graded / f"{args.lms}.csv"
    with out.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(FORMATS[args.lms](roster, lessons, by_key))
    graded = sum(1 for learner in roster for s in lessons if (learner, s) in by_key)
    print(f"Wrote {out}: {len(roster)} learner(s), {len(lessons)} lesson(s), {graded} row(s) from the gradebook.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
