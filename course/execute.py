"""Run a notebook in a fresh kernel of this very Python environment (refresh and grading)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec
from nbclient import NotebookClient

from course.settings import kernel_environment


class CurrentEnvKernelManager(AsyncKernelManager):
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


def execute(
    nb: nbformat.NotebookNode,
    cwd: Path,
    timeout: float = 300,
    *,
    allow_errors: bool = False,
    timeout_func: Callable[[nbformat.NotebookNode], float | None] | None = None,
    env: dict[str, str] | None = None,
) -> nbformat.NotebookNode:
    """Execute `nb` in place with the test settings.

    By default an error outside a `raises-exception` cell raises `CellExecutionError`. With
    `allow_errors=True` (grading) errors are recorded and execution goes on, and a cell that runs
    past its timeout is interrupted and recorded as a `CellTimeoutError` output.
    """
    client = NotebookClient(
        nb,
        km=CurrentEnvKernelManager(),
        timeout=timeout,
        timeout_func=timeout_func,
        allow_errors=allow_errors,
        interrupt_on_timeout=allow_errors,
        error_on_timeout={"ename": "CellTimeoutError", "evalue": "the cell ran past its time limit and was stopped",
                          "traceback": []} if allow_errors else None,
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
        store_widget_state=False,
    )
    # The kernel's own log lines (TensorFlow's C++ logging) go nowhere.
    client.execute(stderr=subprocess.DEVNULL, env=env if env is not None else kernel_environment())
    return nb
