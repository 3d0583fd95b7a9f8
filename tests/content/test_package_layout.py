"""The two sides: the learner runtime (course/, widgets/) never imports the instructor kit."""

import ast
import subprocess
import sys
from pathlib import Path

from course.paths import ROOT

LEARNER_PACKAGES = ("course", "widgets")


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_learner_side_imports_nothing_of_the_instructor_side():
    offenders = {}
    for package in LEARNER_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            bad = {m for m in imported_modules(path) if m.split(".")[0] in ("instructor", "tests")}
            text = path.read_text()
            if bad or "instructor." in text.replace("instructor kit", ""):
                offenders[str(path.relative_to(ROOT))] = sorted(bad) or ["names instructor.* in its text"]
    assert not offenders, offenders


def test_learner_commands_and_instructor_commands():
    done = subprocess.run([sys.executable, "-m", "course", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "validate" in done.stdout and "release" in done.stdout
    done = subprocess.run([sys.executable, "-m", "course", "nonsense"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "no command 'nonsense'" in done.stderr
