"""A real JupyterLab on a free localhost port, driven by Playwright in Debian's Chromium.

Playwright cannot download its own browser here, so the tests use the system's `chromium`
(`apt-get install chromium`); without it they are skipped with that instruction. The server runs
in a temporary root holding copies of the notebooks under test, with the course's JupyterLab
defaults (`course/lab/overrides.json`, as `make lab` gives them) and test-only settings: no token,
no XSRF check, no news pop-up, no update check, every cell rendered (no windowing).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from labserver import free_port, serving

from course.paths import LAB_SETTINGS, TEST_ARTIFACTS
from course.settings import TEST_ENV

ARTIFACTS = TEST_ARTIFACTS
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
SETTINGS = {  # JupyterLab user settings for the test server: plugin id → settings
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


def chromium() -> str | None:
    return next(filter(None, map(shutil.which, BROWSERS)), None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    path = chromium()
    if path is None:
        pytest.skip("browser tests need Chromium: run `apt-get install chromium` (Debian/Ubuntu) and retry")
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run"]
    return {**browser_type_launch_args, "executable_path": path, "headless": True, "args": flags}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


def write_settings(folder: Path) -> None:
    for plugin, values in SETTINGS.items():
        package, name = plugin.rsplit("/", 1)
        path = folder / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


@pytest.fixture(scope="session")
def lab(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """(base URL, root folder) of a running JupyterLab; copy notebooks into the folder to open them."""
    home = tmp_path_factory.mktemp("lab")
    root, settings = home / "root", home / "settings"
    root.mkdir()
    write_settings(settings)
    port = free_port()
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.root_dir={root}", "--ServerApp.token=", "--ServerApp.password=",
               "--ServerApp.disable_check_xsrf=True", f"--LabApp.app_settings_dir={LAB_SETTINGS}",  # as `make lab`
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI runs as root; JupyterLab refuses to start otherwise
    env = {**os.environ, **TEST_ENV, "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces")}
    url = f"http://127.0.0.1:{port}"
    with serving(command, f"{url}/api/status", cwd=root, env=env, log=home / "server.log"):
        yield url, root


@pytest.fixture
def screenshot(page, request) -> Iterator[None]:
    """Save a screenshot of the page after each test, passed or failed, in test-artifacts/."""
    yield
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=False)
