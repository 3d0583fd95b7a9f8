"""One linter for the packages, the tests and the notebooks (ruff; settings in pyproject.toml)."""

import subprocess
import sys

from course.paths import ROOT


def test_ruff_finds_nothing():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "course", "widgets", "instructor", "tests", "conftest.py", "solutions",
         "lessons", "--output-format", "concise"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
