"""The course's notebook conventions, defined once. Standard library only.

Which cell is an exercise's answer, its prompt or its check; which lesson a notebook or a file
belongs to; how a failed cell is summarised in one line; the widget-view MIME type. `validate`,
the lesson build, the grader's assembly, the nbgrader export, the refresh and the website all ask
here, so they cannot disagree.

An exercise is marked by cell metadata holding only its id (everything else comes from the exercise
registry): `{"course": {"exercise": "07.1"}}` on the answer cell, `{"course": {"prompt": "07.1"}}` on
the markdown cell that states it (its heading line is written by `make lessons`), and
`{"course": {"check": "07.1"}}` on the `course.check(...)` cell below it (written the same way).

A number in the prose that rests on more than the cell above it (a range "over seeds 0–4", "ahead
on three seeds", "within noise") comes from an evidence table (`instructor/evidence/tables/NAME.json`,
written by `python -m course evidence NAME`), and the markdown cell that states it *binds* it:

    {"course": {"claims": [{"study": "lesson04_width_sweep", "value": "results.width_1.min", "text": "0.62"},
                           {"study": "lesson04_width_sweep", "value": "results.width_1.max", "text": "0.82"}]}}

`study` names the table, `value` is a dotted path into it (list items by index), and `text` is the
number exactly as the cell writes it: it must occur in the cell's source and equal the table's value
written with the same number of decimals ("1.00" for 1.0, "3" for 3; a whole number may be written as a
word, "three"). A range "0.62–0.82" is two claims. `tests/content/test_evidence.py` checks every claim,
and fails on a cell that speaks of seeds or noise (its `PHRASES`) without any claim.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from course.catalog import LESSONS, Lesson

KEY = "course"  # the cell-metadata key of every course convention
RAISES = "raises-exception"  # the tag of a cell that shows an error on purpose (nbval, nbclient, JupyterLab)
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"  # random model ids: never stored, never compared


def _meta(cell: Any) -> dict:
    meta = cell.get("metadata", {}).get(KEY, {}) if isinstance(cell, dict) else {}
    return meta if isinstance(meta, dict) else {}


def exercise_id(cell: Any) -> str | None:
    """The id of the exercise whose answer this cell holds ("07.1"), or None.

    Notebooks handed out before the id-only metadata carry `{"id": ..., "kind": "solution"}`: read too."""
    meta = _meta(cell)
    found = meta.get("exercise") or (meta.get("id") if meta.get("kind") == "solution" else None)
    return found if isinstance(found, str) else None


def prompt_id(cell: Any) -> str | None:
    """The id of the exercise this markdown cell states, or None."""
    found = _meta(cell).get("prompt")
    return found if isinstance(found, str) else None


def check_id(cell: Any) -> str | None:
    """The id of the exercise this `course.check(...)` cell checks, or None."""
    found = _meta(cell).get("check")
    return found if isinstance(found, str) else None


def raises_on(cell: Any) -> dict[str, str]:
    """For a `raises-exception` cell whose error class depends on the Keras backend (a raw shape
    error comes from the backend's own matmul): `{"torch": "RuntimeError", ...}`. A backend not
    named raises the class of the stored TensorFlow run."""
    found = _meta(cell).get("raises_on", {})
    if not isinstance(found, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in found.items()):
        raise ValueError(f"course.raises_on must map backend names to exception class names, got {found!r}")
    return found


def prints_otherwise_on(cell: Any) -> list[str]:
    """The backends on which a code cell's output differs from the stored TensorFlow one by Keras's own
    doing (the lesson's text says how), `["torch"]`: the backend test then requires the difference."""
    found = _meta(cell).get("prints_otherwise_on", [])
    if not isinstance(found, list) or not all(isinstance(name, str) for name in found):
        raise ValueError(f"course.prints_otherwise_on must be a list of backend names, got {found!r}")
    return found


def claims(cell: Any) -> list[dict]:
    """The evidence claims a markdown cell binds: `[{"study": ..., "value": ..., "text": ...}, ...]`.

    Raises ValueError when the metadata is there but not a list of such dicts (a typo must not pass)."""
    found = _meta(cell).get("claims", [])
    keys = {"study", "value", "text"}
    if not isinstance(found, list) or not all(
        isinstance(c, dict) and set(c) == keys and all(isinstance(c[k], str) for k in keys) for c in found
    ):
        raise ValueError(f"course.claims must be a list of {{study, value, text}} strings, got {found!r}")
    return found


def exercise_ids(cells: Iterable[Any]) -> list[str]:
    """The exercises answered in a notebook, in order (each once)."""
    seen: list[str] = []
    for cell in cells:
        found = exercise_id(cell)
        if found and found not in seen:
            seen.append(found)
    return seen


def raises_exception(cell: Any) -> bool:
    return RAISES in cell.get("metadata", {}).get("tags", [])


def lesson_number(name: str | Path) -> str:
    """"05" for `05_multiple_inputs.ipynb` (or any name starting with two digits and `_`), else ""."""
    found = re.match(r"(\d\d)_", Path(name).name)
    return found.group(1) if found else ""


def lesson_of_cells(cells: Iterable[Any]) -> str:
    """The lesson a notebook's exercise cells belong to ("" if none, or of several lessons)."""
    numbers = {eid.split(".")[0] for eid in exercise_ids(cells)}
    return numbers.pop() if len(numbers) == 1 else ""


def lesson_files(folder: Path) -> list[Path]:
    """Every lesson of the course map in `folder`, in course order (those that exist there)."""
    return [folder / entry.file for entry in LESSONS if (folder / entry.file).exists()]


def lesson_file(folder: Path, number: str) -> Path:
    """The lesson with this number in `folder` ("05" → folder/05_multiple_inputs.ipynb)."""
    entry: Lesson = next((e for e in LESSONS if e.number == number), None)
    if entry is None:
        raise KeyError(f"no lesson {number!r}")
    return folder / entry.file


def first_line(cell: Any) -> str:
    source = "".join(cell.get("source", ""))
    return source.strip().splitlines()[0] if source.strip() else ""


def error_summary(cell: Any) -> str:
    """A failed cell's error in one line: `ValueError: the first line of its message`."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            value = str(out.get("evalue", ""))
            return f"{out.get('ename', 'Error')}: {value.splitlines()[0] if value else ''}"[:300]
    return "the cell failed"
