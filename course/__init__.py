"""Course tooling for Keras Two Ways: setup, offline data, lesson build and checks.

Importing this package has no side effects and imports neither TensorFlow nor scikit-learn;
submodules load on first use (`course.data`, `instructor.build`, ...) and `course.setup()` does the work.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

_SUBMODULES = {"build", "checks", "data", "refresh", "session"}

__all__ = ["check", "setup", *sorted(_SUBMODULES)]


def setup(seed: int = 0) -> None:
    """Prepare a notebook: seeds, determinism, quiet logs, inline plots. See `course.session`."""
    from course.session import setup as _setup

    _setup(seed)


def check(exercise_id: str, answer: Any) -> Any:
    """Run the public checks of one exercise on `answer`. See `course.checks`."""
    from course.checks import check as _check

    return _check(exercise_id, answer)


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        return importlib.import_module(f"course.{name}")
    raise AttributeError(f"module 'course' has no attribute {name!r}")
