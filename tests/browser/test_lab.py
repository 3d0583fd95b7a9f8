"""Lessons in a real JupyterLab: run every cell, then use the widgets with the mouse."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page, expect

from course.paths import ROOT, SOLUTIONS, START_PAGE
from instructor import catalog
from instructor.notebooks import NOTEBOOK_METADATA
from widgets.quiz_items import APIS, ITEMS
from widgets.style import HIGHLIGHT, HOVER

pytestmark = pytest.mark.browser  # a real JupyterLab in Chromium: .ci/run runs these after make test


def rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


HIGHLIGHT_RGB, HOVER_RGB = rgb(HIGHLIGHT), rgb(HOVER)
KERNEL_TIMEOUT = 120_000  # ms: kernel start plus `import keras` on a loaded 2-core machine
RUN_TIMEOUT = 180_000


def open_notebook(page: Page, lab: tuple[str, Path], name: str, folder: str = "solutions") -> nbformat.NotebookNode:
    """Open a copy of <folder>/<name> without stored outputs, once its kernel is idle."""
    url, root = lab
    nb = nbformat.read(ROOT / folder / name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, root / name)
    open_in_lab(page, url, name)
    return nb


def open_in_lab(page: Page, url: str, name: str) -> None:
    """Open a notebook of the server's root and wait until its kernel is idle."""
    page.goto(f"{url}/lab/tree/{name}?reset")  # ?reset: a fresh workspace, no tabs restored
    expect(page.locator("#jp-main-statusbar")).to_contain_text("Idle", timeout=KERNEL_TIMEOUT)


def run_all_cells(page: Page, code_cells: int) -> None:
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    prompts = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt")
    expect(prompts).to_have_count(code_cells)
    page.wait_for_function(  # every prompt shows an execution count: each cell ran and finished
        """n => {
            const prompts = [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];
            return prompts.length === n && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        arg=code_cells, timeout=RUN_TIMEOUT, polling=250,
    )
    expect(page.locator("#jp-main-statusbar")).to_contain_text("Idle")


def error_outputs(page: Page) -> list[str]:
    """Tracebacks and anything else written to stderr (JupyterLab renders both the same way)."""
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    return [errors.nth(i).inner_text()[:300] for i in range(errors.count())]


def stroke(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).stroke")


def test_lesson_01_runs_and_its_explorer_highlights_inbound_paths(page: Page, lab, screenshot):
    nb = open_notebook(page, lab, "01_two_ways.ipynb")
    expected_errors = sum("raises-exception" in c.metadata.get("tags", []) for c in nb.cells)
    run_all_cells(page, sum(c.cell_type == "code" for c in nb.cells))
    assert len(error_outputs(page)) == expected_errors, error_outputs(page)

    explorer = page.locator(".kt-explorer").last
    svg = explorer.locator("svg")
    expect(svg).to_be_visible()
    svg.scroll_into_view_if_needed()
    boxes = svg.locator("g.box")
    last = boxes.count() - 1  # the output layer: every edge is on its inbound path
    edge = svg.locator(f"g.a-n{last} path").first
    assert stroke(edge) not in (HIGHLIGHT_RGB, HOVER_RGB)
    boxes.nth(last).hover()
    expect(edge).to_have_css("stroke", HOVER_RGB)  # hover and selection differ in colour
    page.mouse.move(0, 0)
    expect(edge).not_to_have_css("stroke", HOVER_RGB)

    picker = explorer.locator("select")
    picker.select_option(index=last + 1)  # option 0 is "(choose a layer)"
    expect(explorer.locator(".kt-details")).to_contain_text("inbound path")
    expect(svg.locator(f"g.a-n{last} path").first).to_have_css("stroke", HIGHLIGHT_RGB)
    boxes.first.click()  # a click on a box selects its layer
    page.wait_for_function("select => select.selectedIndex === 1", arg=picker.element_handle())
    expect(svg.locator(f"g.a-n{last} path").first).not_to_have_css("stroke", HIGHLIGHT_RGB)


def test_layer_stack_builder_adds_a_layer(page: Page, lab, screenshot):
    nb = open_notebook(page, lab, "02_shapes_and_building.ipynb")
    run_all_cells(page, sum(c.cell_type == "code" for c in nb.cells))

    builder = page.locator(".kt-builder").last
    builder.scroll_into_view_if_needed()
    summary, picture = builder.locator("pre").first, builder.locator("svg")
    before_rows, before_boxes = summary.inner_text().count("\n"), picture.locator("g.box").count()
    builder.get_by_role("button", name="add").click()
    expect(picture.locator("g.box")).to_have_count(before_boxes + 1)
    assert summary.inner_text().count("\n") > before_rows
    expect(builder).to_contain_text("layers ·")


def test_start_page_links_open_the_lessons(page: Page, lab, screenshot):
    url, root = lab
    first = catalog.LESSONS[0]
    (root / first.file).write_bytes((ROOT / "lessons" / first.file).read_bytes())
    open_notebook(page, lab, START_PAGE, folder="lessons")
    page.get_by_role("link", name=first.title(SOLUTIONS)).click()
    expect(page.get_by_role("tab", name=first.file)).to_be_visible()
    expect(page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")).to_contain_text("YOUR CODE HERE")


def test_api_quiz_marks_answers_and_keeps_score(page: Page, lab, screenshot):
    url, root = lab
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import widgets\n\nwidgets.ApiQuiz()")],
                                  metadata=NOTEBOOK_METADATA)  # names the kernel: no kernel-picker dialog
    nbformat.write(nb, root / "quiz.ipynb")
    open_in_lab(page, url, "quiz.ipynb")
    run_all_cells(page, 1)

    quiz = page.locator(".kt-quiz")
    choices = quiz.locator(".widget-toggle-buttons")
    expect(choices).to_have_count(len(ITEMS))
    expect(quiz).to_contain_text(f"Score: 0 / {len(ITEMS)}")
    first, second = ITEMS[0], ITEMS[1]
    choices.nth(0).get_by_role("button", name=first.answer, exact=True).click()
    expect(quiz).to_contain_text(f"Right: {first.answer}")
    expect(quiz).to_contain_text(f"Score: 1 / {len(ITEMS)} (1 answered)")
    wrong = next(api for api in APIS if api != second.answer)
    choices.nth(1).get_by_role("button", name=wrong, exact=True).click()
    expect(quiz).to_contain_text(f"Score: 1 / {len(ITEMS)} (2 answered)")
