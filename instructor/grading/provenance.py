"""Which course produced a grade: the version in pyproject.toml and the git commit, when known.

Printed on every feedback page and stored in every result, so a regrade request can be answered
with the code that gave the grade.
"""

from __future__ import annotations

import functools
import re
import subprocess
from datetime import datetime, timezone

from course.paths import ROOT


@functools.cache
def course_version() -> str:
    """`0.3.0 (git 945b0fc)`, `0.3.0`, or `unknown`."""
    version = "unknown"
    try:
        found = re.search(r'^version\s*=\s*"([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M)
        version = found.group(1) if found else version
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{version} (git {commit})" if commit else version


def keras_backend() -> str:
    """The Keras backend the grade was computed on (`--backend`, else `KERAS_BACKEND`, else tensorflow)."""
    from course.session import backend_name

    return backend_name()


def now() -> str:
    """The current time in UTC, ISO format, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
