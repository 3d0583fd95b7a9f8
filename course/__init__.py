"""The learner's runtime of Keras Two Ways: setup, offline data and the exercises' public checks.

This package ships to learners (`make release`); the instructor kit (`instructor/`) builds on it and
is never imported from here. Importing it has no side effects and imports neither TensorFlow nor
scikit-learn; submodules load on first use (`course.data`, ...) and `course.setup()` does the work.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

_SUBMODULES = {"backends", "checks", "data", "session", "validate"}

__all__ = ["check", "hint", "setup", *sorted(_SUBMODULES)]


def setup(seed: int = 0) -> None:
    """Prepare a notebook: seeds, determinism, quiet logs, inline plots. See `course.session`."""
    from course.session import setup as _setup

    _setup(seed)


def check(exercise_id: str, answer: Any) -> Any:
    """Run the public checks of one exercise on `answer`. See `course.checks`."""
    from course.checks import check as _check

    return _check(exercise_id, answer)


def hint(exercise_id: str) -> Any:
    """The next hint for one exercise: a nudge, then the concept, then the shape of the code."""
    from course.checks import hint as _hint

    return _hint(exercise_id)


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        return importlib.import_module(f"course.{name}")
    raise AttributeError(f"module 'course' has no attribute {name!r}")
