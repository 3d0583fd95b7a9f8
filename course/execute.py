"""Run a notebook in a fresh kernel of this very Python environment: one client configuration for
`validate`, the refresh, the grader, the website and the benchmarks."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, Callable

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec
from nbclient import NotebookClient

from course.settings import kernel_environment


class CurrentEnvKernelManager(AsyncKernelManager):
    """A kernel started with this Python, whatever kernelspec the notebook names (as nbval's
    `--nbval-current-env` does): a `python3` kernelspec installed elsewhere on the machine could
    otherwise win over the course's `.venv`."""

    @property
    def kernel_spec(self) -> KernelSpec:
        from ipykernel.kernelspec import get_kernel_dict

        return KernelSpec(**get_kernel_dict())


def notebook_client(nb: nbformat.NotebookNode, cwd: Path, timeout: float = 300, **options: Any) -> NotebookClient:
    """An nbclient client for `nb` in a kernel of this environment, with the course's settings:
    no timing metadata, no widget state, `cwd` as the kernel's working directory."""
    return NotebookClient(nb, km=CurrentEnvKernelManager(), timeout=timeout, record_timing=False,
                          store_widget_state=False, resources={"metadata": {"path": str(cwd)}}, **options)


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
    client = notebook_client(
        nb, cwd, timeout,
        timeout_func=timeout_func,
        allow_errors=allow_errors,
        interrupt_on_timeout=allow_errors,
        error_on_timeout={"ename": "CellTimeoutError", "evalue": "the cell ran past its time limit and was stopped",
                          "traceback": []} if allow_errors else None,
    )
    # The kernel's own log lines (TensorFlow's C++ logging) go nowhere.
    client.execute(stderr=subprocess.DEVNULL, env=env if env is not None else kernel_environment())
    return nb
