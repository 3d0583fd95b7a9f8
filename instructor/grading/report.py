"""One `results/<learner>__<lesson>.json` and one `feedback/<learner>__<lesson>.html` per row, and the
gradebook (`grades.csv`, built by `gradebook`)."""

from __future__ import annotations

import html
import json
from dataclasses import asdict
from pathlib import Path

from instructor.grading.classview import write_class_view
from instructor.grading.gradebook import Policy, Row, number, read_overrides, rows, write_csv
from instructor.grading.grader import SubmissionResult, result_from_json


def write_result(result: SubmissionResult, out: Path) -> None:
    """Save one row's result and its feedback (re-grading a learner replaces both)."""
    (out / "results").mkdir(parents=True, exist_ok=True)
    (out / "feedback").mkdir(parents=True, exist_ok=True)
    (out / "results" / f"{result.submission}.json").write_text(json.dumps(asdict(result), indent=1))
    (out / "feedback" / f"{result.submission}.html").write_text(feedback_html(result), encoding="utf-8")


def read_results(out: Path) -> list[SubmissionResult]:
    return [result_from_json(json.loads(p.read_text())) for p in sorted((out / "results").glob("*.json"))]


def write_gradebook(results: list[SubmissionResult], out: Path) -> Path:
    """`grades.csv` with the folder's overrides, late rule and duplicate flags applied; every
    feedback page is written again so it shows them too, and so is the class view."""
    made = rows(results, read_overrides(out), Policy.load(out))
    (out / "feedback").mkdir(parents=True, exist_ok=True)
    for row in made:
        (out / "feedback" / f"{row.result.submission}.html").write_text(feedback_html(row.result, row),
                                                                          encoding="utf-8")
    write_class_view(made, out)
    return write_csv(made, out)


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
.score { font-size: 1.2rem; } .pass { color: #2b7a2b; } .fail { color: #c0392b; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: #555; padding-bottom: .25rem; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid #eee; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid #ccc; }
tbody th { font-weight: normal; }
th:first-child, td:first-child { width: 5rem; white-space: nowrap; }
th:last-child, td:last-child { width: 4rem; white-space: nowrap; text-align: right; }
.note { color: #555; font-style: italic; } .hidden { color: #595959; }
"""

MARKS = {True: "<span class='pass' aria-hidden='true'>✓</span> passed",  # the word, not only a coloured sign
         False: "<span class='fail' aria-hidden='true'>✗</span> failed"}


def feedback_html(result: SubmissionResult, row: Row | None = None) -> str:
    """A page for the learner: score per exercise, public checks with messages, hidden ones by name.

    A complete English document (language, title, landmarks) with captioned tables and header
    cells, so that screen readers announce each check with its result and points.
    """
    e = html.escape
    title = f"Feedback for {e(result.submission)}"
    parts = ["<!doctype html>", "<html lang='en'>", "<head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             f"<title>{title}</title>", f"<style>{STYLE}</style></head>", "<body><main>", f"<h1>{title}</h1>",
             f"<p class='note'>Graded {e(result.graded_at or 'at an unknown time')} by the course grader, "
             f"version {e(result.course_version or 'unknown')}, on Keras's {e(result.backend or 'tensorflow')} "
             "backend.</p>"]
    adjustments = row.adjustments if row else []
    late = (f"Handed in {e(result.submitted_at)}, {row.late_days} day(s) late: {row.penalty:.0%} off, "
            f"final {number(row.final)} / {number(result.max_score)}.") if row and row.late_days else ""
    if not result.scored:
        what = {"not submitted": "Nothing was graded", "wrong lesson": "This notebook was not graded",
                }.get(result.status, "This notebook could not be graded")
        parts.append(f"<p class='fail'>{what} ({e(result.status)}): {e(result.reason)}</p>")
        parts += [f"<p class='note'>{e(note)}</p>" for note in result.notes + adjustments]
        return "\n".join(parts + ["</main></body></html>"])
    score = row.score if row else result.score
    parts.append(f"<p class='score'>Lesson {e(result.lesson)}: <b>{number(score)} / "
                 f"{number(result.max_score)}</b> points</p>")
    parts += [f"<p class='note'>{e(note)}</p>" for note in result.notes + adjustments + ([late] if late else [])]
    for exercise in result.exercises:
        shown = e(exercise.id.lstrip("0"))
        parts.append(f"<h2>Exercise {shown} · {e(exercise.title)}: {number(exercise.points)} / "
                     f"{number(exercise.max_points)}</h2>")
        parts += [f"<p class='note'>{e(note)}</p>" for note in exercise.notes]
        rows = []
        for check in exercise.checks:
            label = e(check.name) + (" <span class='hidden'>(grading check)</span>" if check.hidden else "")
            # A hidden check's message stays in the instructor's results/*.json, never on the learner's page.
            detail = f"<br><small>{e(check.message)}</small>" if check.message and not check.hidden else ""
            rows.append(f"<tr><td>{MARKS[check.passed]}</td><th scope='row'>{label}{detail}</th>"
                        f"<td>{number(check.points)} / {number(check.max_points)}</td></tr>")
        parts.append(f"<table><caption>Checks of exercise {shown}</caption>"
                     "<thead><tr><th scope='col'>Result</th><th scope='col'>Check</th>"
                     "<th scope='col'>Points</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    parts.append("<p class='note'>Grading checks are named but not explained: the public checks in the "
                 "notebook say what to fix.</p>")
    return "\n".join(parts + ["</main></body></html>"])
