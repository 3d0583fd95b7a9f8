"""Run one snippet on every Keras backend, each in its own Python process, and show what happened.

A process can hold only one Keras backend, so a lesson that says "TensorFlow is silent here, JAX
raises" proves it by running the snippet once per other backend in a subprocess (`KERAS_BACKEND`
set), and on the kernel's own backend in the kernel (in a namespace of its own: seconds saved, the
same Keras), and printing one table. `expect=` states what the text claims; an installed backend that behaves
otherwise fails the cell, so the claim is checked wherever the lesson runs. A backend that is not
installed is shown as such and not checked (PyTorch is optional: `pip install -r requirements-torch.txt`).

The test suite sets `COURSE_BACKENDS_IN_KERNEL_ONLY=1`: a table then runs only the kernel's own
backend (in the kernel, seconds), and each other row is checked when the suite runs the lesson on that
backend (`.ci/run` runs every lesson on JAX and on PyTorch), instead of starting every backend's
process in every run.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from course.session import BACKENDS, backend_name

# What the snippet's process runs first: the course's quiet setup, no banner.
PRELUDE = "import course.session as _s; _s.quiet_logging()\nimport keras, numpy as np\n"
OK = "ok"
NOT_INSTALLED = "not installed"
NOT_RUN = "not run here"
IN_KERNEL_ONLY = "COURSE_BACKENDS_IN_KERNEL_ONLY"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def installed(backend: str) -> bool:
    """Whether `backend`'s framework can be imported here (without importing it): each backend's
    name is its package's."""
    return importlib.util.find_spec(backend) is not None


@dataclass(frozen=True)
class Outcome:
    """What one backend did with the snippet: `ok` or an exception class name, and its text."""

    backend: str
    result: str  # "ok", "not installed", or the exception class name ("ValueError")
    text: str  # the last line the snippet printed, or the exception's first line

    def row(self, width: int = 16) -> str:
        return f"{self.backend:<11}{self.result:<{width}}{shorten(self.text)}"


def _outcome(backend: str, error: BaseException | None, printed: str) -> Outcome:
    if error is not None:
        return Outcome(backend, type(error).__name__, " ".join(first_line(error).split()))
    lines = [line for line in printed.splitlines() if line.strip()]
    return Outcome(backend, OK, lines[-1].strip() if lines else "")


def run_here(backend: str, code: str) -> Outcome:
    """The snippet on this process's own backend, in a fresh namespace, its prints captured."""
    printed, error = io.StringIO(), None
    with contextlib.redirect_stdout(printed):
        try:
            exec(compile(PRELUDE + textwrap.dedent(code), "<snippet>", "exec"), {})
        except Exception as raised:  # the outcome, as in the subprocess
            error = raised
    return _outcome(backend, error, printed.getvalue())


def _run_elsewhere(backend: str, code: str, timeout: float) -> Outcome:
    """The snippet in a fresh Python process on `backend`, which reports its outcome as one JSON line."""
    report = ("import json, sys, dataclasses; from course.backends import run_here; "
              "print(json.dumps(dataclasses.asdict(run_here(sys.argv[1], sys.argv[2]))))")
    env = {**os.environ, "KERAS_BACKEND": backend}
    done = subprocess.run([sys.executable, "-c", report, backend, code], env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)
    if done.returncode != 0:  # the process itself died (a crash in native code, out of memory)
        tail = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        return Outcome(backend, "crashed", tail.strip())
    return Outcome(**json.loads(done.stdout.strip().splitlines()[-1]))


def first_line(error: BaseException) -> str:
    """The line of an error that says what went wrong: Keras puts "Exception encountered when calling
    X.call()." and terminal colour codes before it."""
    lines = [ANSI.sub("", line).strip() for line in str(error).splitlines()]
    said = [line for line in lines if line and not line.startswith("Exception encountered when calling")]
    return said[0] if said else ""


def shorten(text: str, width: int = 104) -> str:
    """One line of at most `width` characters for the table (errors of some backends run to a paragraph)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class Outcomes(dict):
    """Each backend's `Outcome`, by name. The table is already printed, so a notebook shows nothing more."""

    def _ipython_display_(self) -> None:
        pass


def _as_expected(outcome: Outcome, want: str | tuple[str, str]) -> bool:
    if outcome.result in (NOT_INSTALLED, NOT_RUN):
        return True  # nothing to check here; the table says so
    return (outcome.result, outcome.text) == want if isinstance(want, tuple) else outcome.result == want


def on_each_backend(code: str, expect: dict[str, str | tuple[str, str]] | None = None, *,
                    backends: tuple[str, ...] = BACKENDS, timeout: float = 300) -> Outcomes:
    """Run `code` once per backend in a fresh process, print one row per backend, and return the outcomes.

    `code` may print; its last printed line is shown. `expect` maps a backend to `"ok"` or to the
    exception class the lesson says it raises (`{"tensorflow": "ok", "jax": "ValueError"}`), or to
    that and the exact text shown (`("ok", "did not move")`); an installed backend that does
    otherwise raises `AssertionError` naming it.
    """
    expect = expect or {}
    unknown = set(expect) - set(backends)
    if unknown:
        raise ValueError(f"expect= names {sorted(unknown)}: the backends are {', '.join(backends)}")
    here = backend_name() if "keras" in sys.modules else None  # a kernel whose Keras is loaded runs its own row
    others = {name: installed(name) for name in backends if name != here}
    in_kernel_only = os.environ.get(IN_KERNEL_ONLY) == "1" and here is not None
    outcomes = Outcomes()
    with ThreadPoolExecutor(max_workers=2) as pool:  # the other backends' processes meanwhile
        runs = {name: pool.submit(_run_elsewhere, name, code, timeout)
                for name, present in others.items() if present and not in_kernel_only}
        for name in backends:
            if name == here:
                outcomes[name] = run_here(name, code)
            elif name in runs:
                outcomes[name] = runs[name].result()
            else:
                outcomes[name] = Outcome(name, NOT_RUN if others[name] else NOT_INSTALLED, "")
    width = max(16, *(len(outcome.result) + 2 for outcome in outcomes.values()))
    print(f"{'backend':<11}{'result':<{width}}output or error")
    for outcome in outcomes.values():
        print(outcome.row(width))
    wrong = [f"{name}: expected {want}, got {outcomes[name].result} ({outcomes[name].text})"
             for name, want in expect.items() if not _as_expected(outcomes[name], want)]
    if wrong:
        raise AssertionError("a backend behaved otherwise than the lesson says:\n" + "\n".join(wrong))
    return outcomes
