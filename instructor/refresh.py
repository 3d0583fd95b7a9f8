"""Refresh the stored outputs of solution notebooks (`make outputs`).

Each notebook runs top to bottom in a fresh kernel with the test suite's settings; then what
differs between machines or runs is dropped (stderr, timing and widget metadata) so that nbval's
strict comparison in `make test` holds on any machine. Outputs are never saved by hand.
"""

from __future__ import annotations

import time
from pathlib import Path

import nbformat

from course.execute import execute
from course.notebooks import error_summary, first_line, lesson_files, raises_exception
from course.paths import SOLUTIONS
from instructor.notebooks import CLEAN, REFRESH, run


def portable(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop the parts of an executed notebook that vary between runs and machines."""
    return run(REFRESH, nb)


class RefreshError(RuntimeError):
    """A solution cell raised an error it is not tagged to raise; the notebook file is left as it was."""


def failed_cell(nb: nbformat.NotebookNode) -> str:
    """Where execution stopped: 'code cell 7 (In [7], starting ...) raised ValueError: ...'."""
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for number, cell in enumerate(code_cells):
        if any(out.output_type == "error" for out in cell.outputs) and not raises_exception(cell):
            return (f"code cell {number} (In [{cell.execution_count}], starting {first_line(cell)!r}) raised "
                    f"{error_summary(cell)}")
    return "a cell failed (see the traceback above)"


def refresh(path: Path) -> float:
    """Re-execute one solution notebook and rewrite it with its new outputs; return seconds taken."""
    from nbclient.exceptions import CellExecutionError

    nb = run(CLEAN, nbformat.read(path, as_version=4))
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
        return lesson_files(SOLUTIONS)
    paths = [Path(name) if Path(name).exists() else SOLUTIONS / name for name in names]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise SystemExit(f"no such solution notebook: {', '.join(missing)} (look in solutions/)")
    return paths
