"""Refresh the stored outputs of solution notebooks (`make outputs`).

Each notebook runs top to bottom in a fresh kernel with the test suite's settings; then what
differs between machines or runs is dropped (stderr, timing and widget metadata) so that nbval's
strict comparison in `make test` holds on any machine. Outputs are never saved by hand.
"""

from __future__ import annotations

import sysconfig
import time
from pathlib import Path

import nbformat

from course.execute import execute
from course.paths import ROOT, SOLUTIONS
from instructor.build import NOTEBOOK_METADATA

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"  # random model ids; nbval never compares them


def portable(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop the parts of an executed notebook that vary between runs and machines."""
    nb.metadata = nbformat.from_dict(NOTEBOOK_METADATA)
    for cell in nb.cells:
        for volatile in ("execution", "collapsed", "scrolled"):
            cell.metadata.pop(volatile, None)
        if cell.cell_type == "code":
            cell.outputs = [
                out for out in cell.outputs if not (out.output_type == "stream" and out.name == "stderr")
            ]
            for out in cell.outputs:
                out.get("data", {}).pop(WIDGET_VIEW, None)
                if out.output_type == "error":
                    out.traceback = [_without_local_paths(line) for line in out.traceback]
    return nb


def _without_local_paths(text: str) -> str:
    """Tracebacks name files; show them relative to site-packages and the repository, not this machine."""
    return text.replace(sysconfig.get_paths()["purelib"] + "/", "site-packages/").replace(f"{ROOT}/", "")


class RefreshError(RuntimeError):
    """A solution cell raised an error it is not tagged to raise; the notebook file is left as it was."""


def failed_cell(nb: nbformat.NotebookNode) -> str:
    """Where execution stopped: 'code cell 7 (In [7]): ValueError: ...' with the cell's first line."""
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for number, cell in enumerate(code_cells):
        for out in cell.outputs:
            if out.output_type == "error" and "raises-exception" not in cell.metadata.get("tags", []):
                first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                return (f"code cell {number} (In [{cell.execution_count}], starting {first_line!r}) raised "
                        f"{out.ename}: {out.evalue.splitlines()[0] if out.evalue else ''}")
    return "a cell failed (see the traceback above)"


def refresh(path: Path) -> float:
    """Re-execute one solution notebook and rewrite it with its new outputs; return seconds taken."""
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    start = time.perf_counter()
    try:
        execute(nb, cwd=path.parent)
    except CellExecutionError:
        raise RefreshError(f"{path.name}: {failed_cell(nb)}") from None
    seconds = time.perf_counter() - start
    nbformat.write(portable(nb), path)
    return seconds


def solution_paths(names: list[str]) -> list[Path]:
    if not names:
        return sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))
    paths = [Path(name) if Path(name).exists() else SOLUTIONS / name for name in names]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise SystemExit(f"no such solution notebook: {', '.join(missing)} (look in solutions/)")
    return paths
