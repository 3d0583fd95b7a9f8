"""`python -m course gradescope LESSON OUT.zip`: a Gradescope autograder that runs the real grader.

    python -m course gradescope 02 autograder-02.zip

The zip holds `setup.sh` (installs the pinned `requirements.txt` in a venv), `run_autograder`, and
the kit (`course/`, `instructor/`, `solutions/`, `widgets/`). `run_autograder` grades the files in
`/autograder/submission` as the lesson with `python -m course grade` and writes
`/autograder/results/results.json` in Gradescope's schema: per exercise, one test with the public
checks (visible, with their messages) and one with the grading checks (`after_published`, named
but not explained), so the points add up to the lesson's maximum whatever the status.
`AUTOGRADER_ROOT` and `AUTOGRADER_PYTHON` override `/autograder` and the venv's python, so a test
can run it in a temporary folder shaped like Gradescope's.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from course.paths import ROOT
from instructor.grading.intake import lesson_stem

KIT = ("course", "instructor", "solutions", "widgets")
KIT_FILES = ("requirements.txt", "pyproject.toml", "LICENSE-CODE")

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the image.
set -euo pipefail
apt-get install -y python3-venv > /dev/null
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install --quiet --upgrade pip
/autograder/venv/bin/pip install --quiet -r /autograder/source/requirements.txt
"""

RUN = """#!/usr/bin/env bash
# Gradescope runs this for every submission; AUTOGRADER_ROOT and AUTOGRADER_PYTHON are for tests.
set -euo pipefail
ROOT="${{AUTOGRADER_ROOT:-/autograder}}"
PYTHON="${{AUTOGRADER_PYTHON:-$ROOT/venv/bin/python}}"
cd "$ROOT/source"
PYTHONPATH="$ROOT/source" exec "$PYTHON" -m instructor.grading.gradescope run --lesson {lesson} --root "$ROOT"
"""


def build(lesson: str, out: Path, root: Path = ROOT) -> Path:
    """Write the autograder zip for one lesson ("02")."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("setup.sh", SETUP), ("run_autograder", RUN.format(lesson=lesson))):
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFREG | 0o755) << 16  # executable once unpacked
            archive.writestr(info, text)
        for folder in KIT:
            for path in sorted((root / folder).rglob("*")):
                parts = path.relative_to(root).parts
                if path.is_file() and not any(p.startswith(".") or p == "__pycache__" for p in parts):
                    archive.write(path, "/".join(parts))
        for name in KIT_FILES:
            if (root / name).exists():
                archive.write(root / name, name)
    return out


def gradescope_results(result: dict[str, Any], max_by_exercise: dict[str, tuple[str, float, float]]) -> dict:
    """Gradescope's results.json for one graded row (`results/*.json`).

    `max_by_exercise`: id → (title, public points, grading-check points), so a row that was not
    graded still lists every exercise at 0 out of its maximum."""
    scored = result["status"] == "graded" or result["status"].startswith("misnamed")
    exercises = {e["id"]: e for e in result.get("exercises", [])} if scored else {}
    tests = []
    for eid, (title, public_max, hidden_max) in max_by_exercise.items():
        exercise = exercises.get(eid, {"checks": [], "notes": []})
        public = [c for c in exercise["checks"] if not c["hidden"]]
        hidden = [c for c in exercise["checks"] if c["hidden"]]
        lines = [f"{'✓' if c['passed'] else '✗'} {c['name']}" + (f": {c['message']}" if c.get("message") else "")
                 for c in public] + [f"note: {n}" for n in exercise["notes"]]
        tests.append({"name": f"{eid} {title}", "number": eid, "score": sum(c["points"] for c in public),
                      "max_score": public_max, "output": "\n".join(lines) or result["reason"],
                      "visibility": "visible"})
        if hidden_max:
            tests.append({"name": f"{eid} {title}: grading checks", "number": f"{eid}.g",
                          "score": sum(c["points"] for c in hidden), "max_score": hidden_max,
                          "output": "\n".join(f"{'✓' if c['passed'] else '✗'} {c['name']}" for c in hidden),
                          "visibility": "after_published"})
    head = [f"{result['status']}: {result['reason']}" if result.get("reason") else result["status"]]
    return {"score": sum(t["score"] for t in tests), "output": "\n".join(head + result.get("notes", [])),
            "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}


def exercise_maxima(lesson: str) -> dict[str, tuple[str, float, float]]:
    from course.checks.registry import load_all

    return {eid: (ex.title, float(sum(c.points for c in ex.graded_checks if not c.hidden)),
                  float(sum(c.points for c in ex.graded_checks if c.hidden)))
            for eid, ex in sorted(load_all(graded=True).items()) if eid.startswith(f"{lesson}.")}


def run(lesson: str, root: Path) -> int:
    """Grade `root/submission` as the lesson and write `root/results/results.json`."""
    from instructor.grading.cli import grade_command

    (root / "results").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kt-gradescope-") as tmp:
        out = Path(tmp) / "graded"
        grade_command([str(root / "submission"), "--lesson", lesson, "--out", str(out)])
        found = sorted((out / "results").glob("*.json"))
        result = json.loads(found[0].read_text()) if found else {
            "status": "not submitted", "reason": f"no file in the submission: hand in {lesson_stem(lesson)}.ipynb",
            "notes": []}
    data = gradescope_results(result, exercise_maxima(lesson))
    (root / "results" / "results.json").write_text(json.dumps(data, indent=1))
    print(f"Wrote {root / 'results' / 'results.json'}: {data['score']:g} points.")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "run":
        parser = argparse.ArgumentParser(prog="python -m instructor.grading.gradescope run")
        parser.add_argument("--lesson", required=True)
        parser.add_argument("--root", type=Path, default=Path(os.environ.get("AUTOGRADER_ROOT", "/autograder")))
        args = parser.parse_args(argv[1:])
        return run(args.lesson, args.root)
    parser = argparse.ArgumentParser(prog="python -m course gradescope", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lesson", help="the lesson number, e.g. 02")
    parser.add_argument("out", type=Path, help="the zip to write")
    args = parser.parse_args(argv)
    if not lesson_stem(args.lesson):
        parser.error(f"no lesson {args.lesson!r}: give its number, e.g. 02")
    path = build(args.lesson, args.out)
    print(f"Wrote {path}: upload it as the autograder of lesson {args.lesson} on Gradescope.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
