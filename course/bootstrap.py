"""Create `.venv`, install the pinned requirements once, then run a course command.

Standard library only: it runs before anything is installed, from the repository root::

    python3 -m course.bootstrap lab       # JupyterLab on the course (make lab)
    python3 -m course.bootstrap test      # the whole test suite (make test)
    python3 -m course.bootstrap run ARGS  # `.venv`'s python with ARGS (make lessons, make outputs)

The install is skipped while `.venv/.installed` holds the hash of `requirements.txt` and
`pyproject.toml`. The stamp is written only after pip succeeds, so an interrupted install is
repaired by running the same command again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from course.paths import LAB_SETTINGS, LESSONS, ROOT, START_PAGE, VENV
from course.settings import KERNEL_ENV, kernel_environment

STAMP = VENV / ".installed"
KEYED_FILES = ("requirements.txt", "pyproject.toml")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def requirements_key() -> str:
    digest = hashlib.sha256()
    for name in KEYED_FILES:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()[:16]


def _works(python: Path) -> bool:
    if not python.exists():
        return False
    probe = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True)
    return probe.returncode == 0


def ensure_environment() -> Path:
    """Return `.venv`'s python, creating or repairing the environment when needed."""
    python = venv_python()
    if not _works(python):
        if VENV.exists():
            print(f"Repairing {VENV.name}: it has no working python/pip.", flush=True)
            shutil.rmtree(VENV)
        print(f"Creating {VENV.name} with Python {sys.version.split()[0]} ...", flush=True)
        venv.create(VENV, with_pip=True)
    key = requirements_key()
    if STAMP.exists() and STAMP.read_text().strip() == key:
        return python
    print("Installing the pinned requirements (a few minutes the first time) ...", flush=True)
    STAMP.unlink(missing_ok=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check"]
    subprocess.run(pip + ["--quiet", "--upgrade", "pip"], check=True)
    subprocess.run(pip + ["-r", str(ROOT / "requirements.txt"), "-e", str(ROOT)], check=True)
    STAMP.write_text(key + "\n")
    return python


START_URL = f"/lab/tree/{LESSONS.name}/{START_PAGE}"  # the course map; later ARGS win


def command(action: str, extra: list[str], python: Path) -> list[str]:
    if action == "lab":
        # Jupyter refuses to run as root (containers, CI, Binder-like machines) without this flag.
        as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        # LabApp's own default_url ("/lab", the Launcher) wins over ServerApp's, so set LabApp's.
        # app_settings_dir holds the course's overrides.json: defaults (no news prompt, no update
        # check) under the learner's own settings, which still win; the venv has no such folder.
        return [str(python), "-m", "jupyterlab", f"--notebook-dir={ROOT}", f"--LabApp.default_url={START_URL}",
                f"--LabApp.app_settings_dir={LAB_SETTINGS}", *as_root, *extra]
    if action == "test":
        return [str(python), "-m", "pytest", "-n", "2", "--dist", "loadscope", "--durations=10", *extra]
    if action == "run":
        return [str(python), *extra]
    raise SystemExit(f"unknown action {action!r}: use lab, test, install or run")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        raise SystemExit(__doc__)
    action, extra = args[0], args[1:]
    if action not in {"lab", "test", "install", "run"}:
        raise SystemExit(f"unknown action {action!r}: use lab, test, install or run")
    if sys.version_info < (3, 10):
        raise SystemExit(
            f"Python {sys.version.split()[0]} is too old: the course needs 3.10-3.12 (3.11 is tested). "
            "Run with a newer one, e.g. `make test PYTHON=python3.11`."
        )
    python = ensure_environment()
    if action == "install":
        return 0
    os.chdir(ROOT)
    try:
        return subprocess.run(command(action, extra, python), env=kernel_environment(settings=KERNEL_ENV)).returncode
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
