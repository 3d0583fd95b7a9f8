"""Every solution on the Keras backend this process is given (`make test BACKEND=jax ARGS="-m backends"`).

Stored outputs are TensorFlow's, so nbval's strict comparison cannot run on JAX or PyTorch. Each
solution is executed in a fresh kernel on the chosen backend instead, and held to what does not
depend on the backend:

- every cell runs, except those tagged `raises-exception`, and those raise the exception class the
  stored TensorFlow run raised (or, where the class is the backend's own, the one the cell's
  `course.raises_on` metadata names for this backend);
- a cell whose stored output holds no decimal number (shapes, names, parameter counts, summaries,
  verdicts) prints the same text, unless its `course.prints_otherwise_on` metadata names this
  backend (then it must differ, as the lesson says); outputs with decimals (losses, accuracies, predictions) come from
  training whose random streams differ by backend, and cells tagged `nbval-ignore-output` are skipped
  as nbval skips them.

`.ci/run` runs this on JAX and on PyTorch after `make test`; `make test` itself stays on TensorFlow.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from course.execute import execute
from course.notebooks import lesson_files, prints_otherwise_on, raises_on
from course.paths import ROOT, SOLUTIONS
from course.session import backend_name

pytestmark = pytest.mark.backends
DECIMAL = re.compile(r"\d\.[\d,\s\]]")  # 0.93, or numpy's 2. and 1.,
# The one line that names the backend on purpose: course.setup()'s "✓ ready: ..." line.
READY_LINE = re.compile(r"^✓ ready:.*$", re.M)
SIZE = re.compile(r"\(\d+(\.\d+)? [KMG]?B\)")


def sanitizers() -> list[tuple[re.Pattern[str], str]]:
    """nbval's sanitize rules (tests/nbval_sanitize.cfg), so both sides are compared as nbval would."""
    from nbval.plugin import get_sanitize_patterns

    text = (ROOT / "tests" / "nbval_sanitize.cfg").read_text(encoding="utf-8")
    return [(re.compile(regex), replace) for regex, replace in get_sanitize_patterns(text)] + [
        (READY_LINE, "✓ ready"),
        (SIZE, "(SIZE)"),  # a summary's byte sizes: then its parameter counts are compared
    ]


def text_of(cell: nbformat.NotebookNode, rules: list[tuple[re.Pattern[str], str]]) -> str:
    """A code cell's stdout and plain-text results, sanitized (stderr is never compared, as in make test)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream" and output.name == "stdout":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.get("data", {}).get("text/plain", ""))
    text = "".join(parts)
    for regex, replace in rules:
        text = regex.sub(replace, text)
    return text.strip()


def error_name(cell: nbformat.NotebookNode) -> str | None:
    return next((o.ename for o in cell.get("outputs", []) if o.output_type == "error"), None)


def cell_label(index: int, cell: nbformat.NotebookNode) -> str:
    first = next((line for line in cell.source.splitlines() if line.strip()), "")
    return f"cell {index} ({first[:60]!r})"


@pytest.mark.parametrize("path", lesson_files(SOLUTIONS), ids=lambda p: p.stem)
def test_solution_runs_on_this_backend(path):
    stored = nbformat.read(path, as_version=4)
    fresh = nbformat.read(path, as_version=4)
    execute(fresh, cwd=path.parent, timeout=300)  # an error outside a raises-exception cell names its cell
    rules = sanitizers()
    problems = []
    for index, (before, after) in enumerate(zip(stored.cells, fresh.cells)):
        if before.cell_type != "code":
            continue
        tags = before.metadata.get("tags", [])
        if "raises-exception" in tags:
            want = raises_on(before).get(backend_name(), error_name(before))
            if error_name(after) != want:
                raised = f"raised {error_name(after)}" if error_name(after) else "raised nothing"
                problems.append(f"{cell_label(index, before)}: expected {want} on {backend_name()}, {raised}")
            continue
        if "nbval-ignore-output" in tags:
            continue
        want = text_of(before, rules)
        if DECIMAL.search(want):
            continue
        got = text_of(after, rules)
        if backend_name() in prints_otherwise_on(before):
            if got == want:  # a stale declaration would hide a real change
                problems.append(f"{cell_label(index, before)} prints as on TensorFlow: drop {backend_name()} "
                                "from its course.prints_otherwise_on")
            continue
        if got != want:
            problems.append(f"{cell_label(index, before)} prints otherwise on {backend_name()}:\n"
                            f"--- TensorFlow (stored)\n{want}\n--- {backend_name()}\n{got}")
    assert not problems, f"{path.name} on {backend_name()}:\n" + "\n\n".join(problems)
