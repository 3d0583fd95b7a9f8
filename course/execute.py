"""Run a notebook in a fresh kernel of this very Python environment (refresh, later grading)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec
from nbclient import NotebookClient

from course.bootstrap import TEST_ENV


class CurrentEnvKernelManager(KernelManager):
    """A kernel started with `sys.executable`, whatever kernelspec the notebook names.

    A `python3` kernelspec installed elsewhere on the machine could otherwise win over the
    course's `.venv` (the same reason nbval has `--nbval-current-env`).
    """

    @property
    def kernel_spec(self) -> KernelSpec:
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python (course environment)",
            language="python",
        )


def execute(nb: nbformat.NotebookNode, cwd: Path, timeout: float = 300) -> nbformat.NotebookNode:
    """Execute `nb` in place with the test settings; errors outside `raises-exception` cells raise."""
    saved = dict(os.environ)
    os.environ.update(TEST_ENV)  # the kernel inherits this process's environment
    try:
        NotebookClient(
            nb,
            km=CurrentEnvKernelManager(),
            timeout=timeout,
            resources={"metadata": {"path": str(cwd)}},
            record_timing=False,
            store_widget_state=False,
        ).execute(stderr=subprocess.DEVNULL)  # the kernel process's own log lines
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return nb
