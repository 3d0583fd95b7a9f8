"""The two-command bootstrap: a stamp keyed on the requirements, no reinstall when nothing changed."""

import json
import subprocess
import sys
from pathlib import Path

from course import bootstrap


def test_key_follows_the_requirements(tmp_path, monkeypatch):
    for name in bootstrap.KEYED_FILES:
        (tmp_path / name).write_text(f"{name}\n")
    monkeypatch.setattr(bootstrap, "ROOT", tmp_path)
    first = bootstrap.requirements_key()
    assert bootstrap.requirements_key() == first
    (tmp_path / "requirements.txt").write_text("tensorflow~=2.21.0\n")
    assert bootstrap.requirements_key() != first


def test_rerun_with_nothing_changed_does_not_reinstall():
    assert bootstrap.STAMP.read_text().strip() == bootstrap.requirements_key(), (
        "the test suite should run in the .venv that `make test` installed"
    )
    done = subprocess.run(
        [sys.executable, "-m", "course.bootstrap", "install"],
        cwd=bootstrap.ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Installing" not in done.stdout and "Creating" not in done.stdout


def test_test_command_runs_notebooks_in_parallel_by_scope():
    argv = bootstrap.command("test", ["-k", "x"], bootstrap.venv_python())
    assert argv[1:3] == ["-m", "pytest"] and "loadscope" in argv and argv[-2:] == ["-k", "x"]


def test_kernel_settings_win_over_the_environment_they_extend():
    from course.settings import TEST_ENV, kernel_environment

    built = kernel_environment({"PATH": "/bin", "PYTHONHASHSEED": "7"})
    assert built["PATH"] == "/bin" and all(built[name] == value for name, value in TEST_ENV.items())


def test_lab_opens_the_start_page():
    argv = bootstrap.command("lab", [], bootstrap.venv_python())
    assert f"--LabApp.default_url={bootstrap.START_URL}" in argv  # ServerApp's is overridden by LabApp's
    assert (bootstrap.ROOT / bootstrap.START_URL.removeprefix("/lab/tree/")).exists()


def test_lab_defaults_hide_no_settings_of_the_environment():
    """`make lab` points JupyterLab's app settings folder at the course's: it must not hide the venv's own."""
    argv = bootstrap.command("lab", [], bootstrap.venv_python())
    assert f"--LabApp.app_settings_dir={bootstrap.LAB_SETTINGS}" in argv
    overrides = json.loads((bootstrap.LAB_SETTINGS / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert not (Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings").exists()
