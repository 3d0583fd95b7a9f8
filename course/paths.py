"""Where things are, defined once. Standard library only (the bootstrap imports it before installing).

The same names serve the instructor checkout and the learner bundle: the bundle simply has no
`solutions/` folder.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the repository, or the unpacked learner bundle
LESSONS = ROOT / "lessons"
SOLUTIONS = ROOT / "solutions"  # instructor checkout only
VENV = ROOT / ".venv"
START_PAGE = "00_start_here.ipynb"
TEST_ARTIFACTS = ROOT / "test-artifacts"  # screenshots, scores and reports of test and bench runs (git-ignored)
LAB_SETTINGS = Path(__file__).resolve().parent / "lab"  # JupyterLab defaults for `make lab` (overrides.json)
