"""The Gradescope autograder, run in a temporary folder shaped like Gradescope's `/autograder`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from course.paths import SOLUTIONS
from instructor.grading.gradescope import main

STEM = "02_shapes_and_building"


@pytest.mark.long  # a whole notebook through run_autograder: .ci/run
def test_a_solution_gets_full_marks_through_run_autograder(tmp_path):
    assert main(["02", str(tmp_path / "autograder.zip")]) == 0
    root = tmp_path / "autograder"
    with zipfile.ZipFile(tmp_path / "autograder.zip") as archive:
        names = set(archive.namelist())
        assert {"setup.sh", "run_autograder", "requirements.txt", f"solutions/{STEM}.ipynb"} <= names
        assert not any("__pycache__" in name for name in names)
        archive.extractall(root / "source")
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    (root / "run_autograder").chmod(0o755)
    (root / "submission").mkdir()
    shutil.copy(SOLUTIONS / f"{STEM}.ipynb", root / "submission" / f"{STEM}.ipynb")
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "AUTOGRADER_PYTHON": sys.executable}
    done = subprocess.run(["bash", str(root / "run_autograder")], capture_output=True, text=True, env=env,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads((root / "results" / "results.json").read_text())
    assert results["score"] == 12 == sum(t["max_score"] for t in results["tests"])
    assert {t["visibility"] for t in results["tests"]} == {"visible", "after_published"}
    assert [t["number"] for t in results["tests"] if t["visibility"] == "visible"] == ["02.1", "02.2", "02.3"]
