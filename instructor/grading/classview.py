"""The class in one view, for the instructor: `class.html` and `class.csv`, written with `grades.csv`.

Per lesson: each exercise's points distribution, each check's failure rate, the most frequent
failure messages (hidden checks' included: this page is the instructor's), a learners × exercises
heat map (SVG, with the same numbers as a table), and the rows to look at: not submitted, late,
wrong lesson, not a notebook, duplicates.
"""

from __future__ import annotations

import csv
import html
from collections import Counter
from pathlib import Path

from instructor.grading.gradebook import Row, number

TOP_MESSAGES = 10


def _by_lesson(made: list[Row]) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for row in made:
        found.setdefault(row.result.lesson or "unknown", []).append(row)
    return found


def summary(made: list[Row]) -> list[list[str]]:
    """The class's numbers, one fact per line: `section, lesson, item, measure, value`."""
    lines = [["section", "lesson", "item", "measure", "value"]]
    for lesson, group in sorted(_by_lesson(made).items()):
        scored = [row for row in group if row.result.scored]
        exercises = sorted({e.id: e for row in scored for e in row.result.exercises}.items())
        for eid, exercise in exercises:
            points = [next((e.points for e in row.result.exercises if e.id == eid), 0.0) for row in scored]
            lines.append(["exercise", lesson, eid, "mean points", number(round(sum(points) / len(points), 2))])
            lines.append(["exercise", lesson, eid, "max points", number(exercise.max_points)])
            for value, count in sorted(Counter(points).items()):
                lines.append(["exercise", lesson, eid, f"learners with {number(value)} points", str(count)])
        checks: dict[tuple[str, str], list[bool]] = {}
        messages: Counter = Counter()
        for row in scored:
            for e in row.result.exercises:
                for check in e.checks:
                    checks.setdefault((e.id, check.name), []).append(check.passed)
                    if not check.passed:
                        messages[(e.id, check.message or check.name)] += 1
        for (eid, name), passed in sorted(checks.items()):
            rate = 1 - sum(passed) / len(passed)
            lines.append(["check", lesson, f"{eid} · {name}", "failure rate", f"{rate:.0%}"])
        for (eid, message), count in messages.most_common(TOP_MESSAGES):
            lines.append(["message", lesson, eid, message, str(count)])
        for row in group:
            r = row.result
            flags = ([r.status] if not r.scored else []) + ([f"{row.late_days} day(s) late"] if row.late_days else [])
            flags += [f"same as {', '.join(row.duplicates_of)}"] if row.duplicates_of else []
            for flag in flags:
                lines.append(["attention", lesson, r.learner, flag, r.reason if flag == r.status else ""])
    return lines


def heat_map(group: list[Row], lesson: str) -> str:
    """Learners × exercises, shaded by the share of points; an SVG image with a title and a description."""
    rows = sorted(group, key=lambda row: row.result.learner)
    eids = sorted({e.id for row in rows for e in row.result.exercises})
    cell, left, top = 28, 140, 30
    width, height = left + cell * max(len(eids), 1), top + cell * len(rows)
    e = html.escape
    parts = [f"<svg role='img' aria-labelledby='map-{lesson}-t map-{lesson}-d' width='{width}' height='{height}' "
             f"xmlns='http://www.w3.org/2000/svg' font-family='system-ui, sans-serif' font-size='12'>",
             f"<title id='map-{lesson}-t'>Points per learner and exercise, lesson {e(lesson)}</title>",
             f"<desc id='map-{lesson}-d'>Darker is more points; the table below gives the same numbers.</desc>"]
    for j, eid in enumerate(eids):
        parts.append(f"<text x='{left + j * cell + 2}' y='{top - 8}'>{e(eid[3:])}</text>")
    for i, row in enumerate(rows):
        y = top + i * cell
        parts.append(f"<text x='0' y='{y + 18}'>{e(row.result.learner[:20])}</text>")
        points = {x.id: x for x in row.result.exercises}
        for j, eid in enumerate(eids):
            x = points.get(eid)
            share = x.points / x.max_points if x and x.max_points else 0.0
            shade = f"hsl(210, 60%, {95 - 60 * share:.0f}%)" if x else "#eee"
            label = f"{number(x.points)} of {number(x.max_points)}" if x else row.result.status
            parts.append(f"<rect x='{left + j * cell}' y='{y}' width='{cell - 2}' height='{cell - 2}' fill='{shade}'>"
                         f"<title>{e(row.result.learner)}, {e(eid)}: {e(label)}</title></rect>")
    return "".join(parts + ["</svg>"])


def heat_table(group: list[Row], lesson: str) -> str:
    """The heat map's numbers, as a table a screen reader can read."""
    e = html.escape
    rows = sorted(group, key=lambda row: row.result.learner)
    eids = sorted({x.id for row in rows for x in row.result.exercises})
    head = "".join(f"<th scope='col'>{e(eid)}</th>" for eid in eids)
    body = []
    for row in rows:
        points = {x.id: number(x.points) for x in row.result.exercises}
        cells = "".join(f"<td>{points.get(eid, '–')}</td>" for eid in eids)
        body.append(f"<tr><th scope='row'>{e(row.result.learner)}</th>{cells}<td>{e(row.result.status)}</td></tr>")
    return (f"<details><summary>The heat map as a table</summary><table><caption>Points per learner and exercise, "
            f"lesson {e(lesson)}</caption><thead><tr><th scope='col'>Learner</th>{head}<th scope='col'>Status</th>"
            f"</tr></thead><tbody>{''.join(body)}</tbody></table></details>")


def _table(caption: str, header: list[str], lines: list[list[str]]) -> str:
    e = html.escape
    if not lines:
        return f"<p>{e(caption)}: none.</p>"
    head = "".join(f"<th scope='col'>{e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in line) + "</tr>" for line in lines)
    return f"<table><caption>{e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; } caption { text-align: left; font-weight: bold; }
th, td { padding: .2rem .5rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
"""


def page(made: list[Row]) -> str:
    facts = summary(made)[1:]
    parts = ["<!doctype html>", "<html lang='en'>", "<head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>", "<title>The class</title>",
             f"<style>{STYLE}</style></head>", "<body><main>", "<h1>The class</h1>"]
    for lesson, group in sorted(_by_lesson(made).items()):
        mine = [f for f in facts if f[1] == lesson]
        parts.append(f"<h2>Lesson {html.escape(lesson)}</h2>")
        statuses = Counter(row.result.status.split(" (")[0] for row in group)
        parts.append("<p>" + html.escape(", ".join(f"{n} {s}" for s, n in sorted(statuses.items()))) + ".</p>")
        parts.append(_table("Points per exercise", ["exercise", "measure", "value"],
                            [[f[2], f[3], f[4]] for f in mine if f[0] == "exercise"]))
        parts.append(_table("Failure rate per check", ["check", "failure rate"],
                            [[f[2], f[4]] for f in mine if f[0] == "check"]))
        parts.append(_table("Most frequent failure messages", ["exercise", "message", "learners"],
                            [[f[2], f[3], f[4]] for f in mine if f[0] == "message"]))
        parts.append("<h3>Learners × exercises</h3>" + heat_map(group, lesson) + heat_table(group, lesson))
        parts.append(_table("To look at: not graded, late, duplicates", ["learner", "what", "reason"],
                            [[f[2], f[3], f[4]] for f in mine if f[0] == "attention"]))
    return "\n".join(parts + ["</main></body></html>"])


def write_class_view(made: list[Row], out: Path) -> Path:
    with (out / "class.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(summary(made))
    path = out / "class.html"
    path.write_text(page(made), encoding="utf-8")
    return path
