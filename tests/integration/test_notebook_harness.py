"""The notebook harness can fail: a broken cell fails the run, naming the notebook and the cell."""

import subprocess
import sys

import nbformat

from course.paths import ROOT


def test_a_failing_cell_fails_the_run_and_is_named(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("x / 0"),
        nbformat.v4.new_code_cell("print('never reached')"),
    ])
    nbformat.write(nb, tmp_path / "broken.ipynb")
    (tmp_path / "conftest.py").write_text((ROOT / "conftest.py").read_text())  # the course's settings
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "nbval_sanitize.cfg").write_text("")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "broken.ipynb"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 1, done.stdout
    assert "FAILED broken.ipynb::Cell 1" in done.stdout
    assert "ZeroDivisionError" in done.stdout and "x / 0" in done.stdout
