"""Evidence for every number in the lessons' prose: one study per module, one committed table per study.

A sentence such as "over seeds 0–4 it reached 0.62–0.82" rests on more runs than the cell above it.
Such a number comes from a *study*: a module here (`lesson04_width_sweep.py`) that registers itself
with `@study(...)` and returns a small JSON-able table (rounded numbers, the seeds, what the seeds
vary, the protocol in words). `python -m course evidence [NAME ...]` (`make evidence`) re-runs
studies in this process, seeded, with the test kernels' numerics (`course.settings.TEST_ENV`), and
writes `tables/NAME.json`, which is committed. `--check` re-runs them and exits 1 naming any table
that does not reproduce; `--cheap` keeps only the studies marked cheap (CI runs those).

The markdown cell that states a table's number binds it by metadata (see `course.notebooks.claims`),
and `tests/content/test_evidence.py` checks every bound number against its table.

Importing this package imports every study module but no TensorFlow: a study imports Keras inside
its function, so the test that reads tables stays fast.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

TABLES = Path(__file__).parent / "tables"


@dataclass(frozen=True)
class Study:
    name: str
    lesson: str  # "04": the lesson whose prose the table backs
    cheap: bool  # about a minute or less on the 2-core machine: CI re-runs it
    run: Callable[[], dict]
    # Absolute tolerance when comparing a re-run with the table. 0: the numbers must reproduce
    # exactly (fixed seeds, one thread per op); set it only where the study says noise is expected.
    tolerance: float = 0.0

    @property
    def path(self) -> Path:
        return TABLES / f"{self.name}.json"


_STUDIES: dict[str, Study] = {}


def study(name: str, *, lesson: str, cheap: bool, tolerance: float = 0.0) -> Callable:
    """Register the decorated function as the study `name` (a table file name: lowercase, `_`)."""

    def register(function: Callable[[], dict]) -> Callable[[], dict]:
        if name in _STUDIES and _STUDIES[name].run is not function:
            raise ValueError(f"two studies named {name!r}")
        _STUDIES[name] = Study(name, lesson, cheap, function, tolerance)
        return function

    return register


def studies() -> dict[str, Study]:
    """Every study, by name (imports each module of this package once)."""
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    return dict(sorted(_STUDIES.items()))


def committed_tables() -> dict[str, Path]:
    return {path.stem: path for path in sorted(TABLES.glob("*.json"))}


def read_table(name: str) -> dict:
    return json.loads((TABLES / f"{name}.json").read_text(encoding="utf-8"))


def table_of(found: Study, result: dict) -> dict:
    """What is written to tables/NAME.json: the study's identity, then what it returned (JSON types only)."""
    for key in ("protocol", "seeds", "seeds_vary", "results"):
        if key not in result:
            raise ValueError(f"study {found.name}: its table needs {key!r} (protocol, seeds, seeds_vary, results)")
    return json.loads(json.dumps({"study": found.name, "lesson": found.lesson, **result}))


def write_table(found: Study, table: dict) -> Path:
    TABLES.mkdir(exist_ok=True)
    found.path.write_text(json.dumps(table, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return found.path


def lookup(table: Any, dotted: str) -> Any:
    """`table["results"]["width_1"]["min"]` for "results.width_1.min" (list items by index)."""
    value = table
    for part in dotted.split("."):
        if isinstance(value, list):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise KeyError(f"no {part!r} in {dotted!r}")
    return value


def differences(expected: Any, actual: Any, tolerance: float = 0.0, where: str = "") -> list[str]:
    """Where a re-run table differs from the committed one (numbers within `tolerance` agree)."""
    here = where or "(table)"
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in sorted(set(expected) | set(actual)):
            path = f"{where}.{key}" if where else key
            if key not in expected or key not in actual:
                found.append(f"{path}: only in the {'re-run' if key in actual else 'committed table'}")
            else:
                found += differences(expected[key], actual[key], tolerance, path)
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{here}: {len(expected)} items committed, {len(actual)} re-run"]
        return [found for i, (e, a) in enumerate(zip(expected, actual))
                for found in differences(e, a, tolerance, f"{where}.{i}")]
    numbers = (int, float)
    if isinstance(expected, numbers) and isinstance(actual, numbers) and not isinstance(expected, bool):
        return [] if abs(expected - actual) <= tolerance else [f"{here}: committed {expected}, re-run {actual}"]
    return [] if expected == actual else [f"{here}: committed {expected!r}, re-run {actual!r}"]
