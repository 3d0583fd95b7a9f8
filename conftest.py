"""Test-suite settings for every notebook, so `pytest` alone (or `make test`) does the right thing.

- Notebooks under solutions/ and lessons/ are collected by nbval in strict mode. Solutions carry
  outputs from `make outputs`, so a change in what they print fails; lessons carry none, so they are
  only executed (nbval compares nothing for a cell without a stored execution count).
- Kernels get the same environment as `make outputs` (course.settings.TEST_ENV): one TensorFlow
  thread each, quiet logs, fixed hash seed and table width.
- stderr is never compared: TensorFlow writes log lines there that vary between runs.

The learner bundle (`make release`) ships this file as it is, to run its lessons.
"""

from __future__ import annotations

import os
from pathlib import Path

from course.backends import IN_KERNEL_ONLY
from course.settings import TEST_ENV

os.environ.update(TEST_ENV)  # notebook kernels inherit this process's environment
# A lesson's per-backend table runs only the kernel's own backend under test; each other backend's row
# is checked when the lesson runs on that backend (course.backends).
os.environ.setdefault(IN_KERNEL_ONLY, "1")

collect_ignore_glob = [".venv/*", "**/.ipynb_checkpoints/*", "tests/fixtures/*", "test-artifacts/*"]


def pytest_configure(config) -> None:
    option = config.option
    if not (option.nbval or option.nbval_lax):
        option.nbval = True
    option.nbval_current_env = True
    sanitize = Path(__file__).parent / "tests" / "nbval_sanitize.cfg"  # the learner bundle has none
    if option.nbval_sanitize_with is None and sanitize.exists():
        option.nbval_sanitize_with = str(sanitize)
    if float(option.nbval_cell_timeout) == 2000:  # nbval's default: far too long for a 20 s notebook
        option.nbval_cell_timeout = 120
    if float(option.nbval_kernel_startup_timeout) == 60:
        option.nbval_kernel_startup_timeout = 180


def pytest_collectstart(collector) -> None:
    if getattr(collector, "path", None) is not None and collector.path.suffix == ".ipynb":
        collector.skip_compare += ("stderr",)
