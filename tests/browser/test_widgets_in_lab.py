"""The course's widgets in a real JupyterLab: keys stay in their controls, and a saved notebook
reopened with a fresh kernel still shows their pictures (trials, part L, findings 8 and 12)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Locator, Page, expect
from test_lab import open_in_lab, run_all_cells

from instructor.notebooks import NOTEBOOK_METADATA

pytestmark = pytest.mark.browser  # a real JupyterLab in Chromium: .ci/run runs these after make test

NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"
CELLS = f"{NOTEBOOK} .jp-Notebook > .jp-Cell"
# The keys JupyterLab binds in command mode: next cell, insert below, delete (d d), cut.
KEYS = ("ArrowDown", "b", "d", "d", "x", "Enter")


def write_notebook(root: Path, name: str, *sources: str) -> None:
    cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata=NOTEBOOK_METADATA), root / name)


def notebook_state(page: Page) -> tuple[int, int]:
    """(number of cells, index of the active cell)."""
    return page.evaluate("""selector => {
        const cells = [...document.querySelectorAll(selector)];
        return [cells.length, cells.findIndex(c => c.classList.contains('jp-mod-active'))];
    }""", CELLS)


def press_keys(page: Page, control: Locator, keys: tuple[str, ...] = KEYS) -> None:
    control.focus()
    for key in keys:
        page.keyboard.press(key)


def test_widget_controls_keep_their_keys(page: Page, lab, screenshot):
    url, root = lab
    write_notebook(
        root, "keys.ipynb",
        "import keras\nimport widgets\n\nbuilder = widgets.LayerStackBuilder((64,))\nbuilder",
        "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, name='a'),\n"
        "                          keras.layers.Dense(2, name='b')], name='m')\nwidgets.explore(model)",
        "widgets.ApiQuiz()",
    )
    open_in_lab(page, url, "keys.ipynb")
    run_all_cells(page, 3)
    before = notebook_state(page)
    builder, explorer, quiz = page.locator(".kt-builder"), page.locator(".kt-explorer"), page.locator(".kt-quiz")

    picker = builder.locator("select")
    first = picker.input_value()
    press_keys(page, picker, ("ArrowDown",))
    expect(picker).not_to_have_value(first)  # the next preset, not the next cell
    press_keys(page, picker, ("b", "d", "d", "x"))
    assert notebook_state(page) == before

    text = builder.locator("input[type=text]")
    press_keys(page, text, ("b", "d", "x", "ArrowDown"))
    expect(text).to_have_value("bdx")
    press_keys(page, text, ("Backspace",) * 3)
    expect(text).to_have_value("")
    assert notebook_state(page) == before

    boxes = builder.locator("svg g.box")
    press_keys(page, builder.get_by_role("button", name="add"))  # Enter adds a layer; the rest does nothing
    expect(boxes).to_have_count(2)
    press_keys(page, builder.get_by_role("button", name="pop"), ("b", "d", "d", "x", "ArrowDown", "Enter"))
    expect(builder).to_contain_text("add a first layer")
    assert notebook_state(page) == before

    layer = explorer.locator("select")
    press_keys(page, layer, ("ArrowDown", "b", "d", "d", "x"))
    expect(explorer.locator(".kt-details")).to_contain_text("inbound path")
    assert notebook_state(page) == before

    answer = quiz.locator(".widget-toggle-buttons").first.get_by_role("button").first
    press_keys(page, answer)
    expect(quiz).to_contain_text("1 answered")
    press_keys(page, quiz.get_by_role("button", name="start again"))
    expect(quiz).to_contain_text("0 answered")
    assert notebook_state(page) == before


def test_a_saved_notebook_reopened_with_a_fresh_kernel_shows_the_widgets(page: Page, lab, screenshot):
    url, root = lab
    write_notebook(root, "saved.ipynb",
                   "import widgets\n\nwidgets.LayerStackBuilder((64,), specs=('Dense(32, relu)',))")
    open_in_lab(page, url, "saved.ipynb")
    run_all_cells(page, 1)
    expect(page.locator(".kt-builder svg g.box")).to_have_count(2)
    page.locator(f"{NOTEBOOK} .jp-Cell").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    page.wait_for_function(  # saved with the widget state (the course's saveState setting)
        "() => !document.querySelector('.jp-mod-dirty')", polling=200)
    saved = json.loads((root / "saved.ipynb").read_text())
    assert "application/vnd.jupyter.widget-state+json" in saved["metadata"].get("widgets", {})

    for session in page.request.get(f"{url}/api/sessions").json():  # as if JupyterLab was closed
        page.request.delete(f"{url}/api/sessions/{session['id']}")
    open_in_lab(page, url, "saved.ipynb")
    output = page.locator(f"{NOTEBOOK} .jp-OutputArea").first
    expect(output.locator(".kt-builder svg g.box")).to_have_count(2)
    expect(output).not_to_contain_text("Error displaying widget")
