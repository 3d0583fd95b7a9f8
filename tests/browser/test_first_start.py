"""A learner's first `make lab`: the start page opens at once, with no news prompt and no kernel picker."""

from __future__ import annotations

import json
import shutil
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from a11y import JUPYTERLAB_CONTROLS, axe_violations
from labserver import free_port, serving
from playwright.sync_api import Page, expect

from course import bootstrap
from course.paths import LESSONS, START_PAGE
from course.settings import KERNEL_ENV, kernel_environment

pytestmark = pytest.mark.browser  # a real JupyterLab in Chromium: .ci/run runs these after make test

KERNEL_TIMEOUT = 120_000  # ms: kernel start on a loaded 2-core machine
QUIET = 5_000  # ms the page must stay free of pop-ups once the kernel is idle


@pytest.fixture(scope="module")
def first_lab(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """(URL, home) of JupyterLab started as `make lab` starts it, with empty user settings: a first start.

    Test-only: a free port, no token, no browser, and a copy of the start page as the root
    instead of the repository, so that autosave cannot touch lessons/.
    The user folders are temporary: this machine's own settings neither help nor hinder.
    """
    home = tmp_path_factory.mktemp("first-start")
    (home / "root" / LESSONS.name).mkdir(parents=True)
    shutil.copy(LESSONS / START_PAGE, home / "root" / LESSONS.name)
    port = free_port()
    argv = bootstrap.command("lab", ["--no-browser", "--ip=127.0.0.1", f"--port={port}", "--ServerApp.token=",
                                     "--ServerApp.password="], Path(sys.executable))
    argv[argv.index(f"--notebook-dir={bootstrap.ROOT}")] = f"--notebook-dir={home / 'root'}"
    env = kernel_environment(settings=KERNEL_ENV) | {
        "JUPYTERLAB_SETTINGS_DIR": str(home / "user-settings"), "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
    }
    url = f"http://127.0.0.1:{port}"
    with serving(argv, f"{url}/api/status", cwd=bootstrap.ROOT, env=env, log=home / "server.log"):
        yield url, home


def test_first_start_opens_the_start_page_quietly(page: Page, first_lab, screenshot):
    url, home = first_lab
    page.goto(url)  # the default URL, which the browser `make lab` starts is sent to
    expect(page).to_have_url(f"{url}{bootstrap.START_URL}", timeout=30_000)
    expect(page.get_by_role("tab", name=START_PAGE)).to_be_visible(timeout=KERNEL_TIMEOUT)
    expect(page.locator("#jp-main-statusbar")).to_contain_text("Idle", timeout=KERNEL_TIMEOUT)
    page.wait_for_timeout(QUIET)  # a news prompt or a kernel picker would come a moment after the page
    expect(page.locator(".jp-Dialog")).to_have_count(0)
    expect(page.get_by_text("official Jupyter news")).to_have_count(0)
    expect(page.locator(".jp-Notebook")).to_contain_text("Keras Two Ways")
    # JupyterLab asks for a kernel only when the notebook names none it has: the start page names python3
    wanted = nbformat.read(LESSONS / START_PAGE, as_version=4).metadata.kernelspec.name
    with urllib.request.urlopen(f"{url}/api/sessions") as answer:
        assert [s["kernel"]["name"] for s in json.load(answer)] == [wanted]
    assert not [p for p in (home / "user-settings").rglob("*") if p.is_file()], "the learner's settings were written"


def test_start_page_passes_axe(page: Page, first_lab, screenshot):
    """The course map as JupyterLab renders it: the cells' content, without JupyterLab's own controls."""
    url, _ = first_lab
    page.goto(f"{url}{bootstrap.START_URL}")
    expect(page.locator(".jp-Notebook")).to_contain_text("The course map", timeout=KERNEL_TIMEOUT)
    cells = {"include": [".jp-Notebook .jp-Cell"], "exclude": JUPYTERLAB_CONTROLS}
    assert not axe_violations(page, cells, name="the start page in JupyterLab")
