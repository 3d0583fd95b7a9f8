"""JupyterLab's Dark theme: the pictures and widgets stay legible, and their buttons work from the keyboard.

Legibility is measured, not eyeballed: text colour against the colour behind it (computed
styles for inline SVG (architecture pictures and widgets) and HTML; pixels for PNG pictures), with
WCAG's 4.5:1 contrast for normal text. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import nbformat
import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from test_lab import open_in_lab, open_notebook, run_all_cells

from course.paths import TEST_ARTIFACTS
from instructor.notebooks import NOTEBOOK_METADATA
from widgets.quiz_items import ITEMS

pytestmark = pytest.mark.browser  # a real JupyterLab in Chromium: .ci/run runs these after make test

ARTIFACTS = TEST_ARTIFACTS
THEMES = "/lab/api/settings/@jupyterlab/apputils-extension:themes"
WCAG_TEXT = 4.5

# For an element: its text colour and the first opaque background colour behind it.
TEXT_AND_BACKGROUND = """element => {
    let node = element, background = null;
    while (node && node.nodeType === 1) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour && !/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') { background = colour; break; }
        node = node.parentElement;
    }
    return [getComputedStyle(element).color, background];
}"""

# For an inline architecture SVG: the background, and per box its tint, tint opacity and text fills.
SVG_COLOURS = """svg => ({
    background: getComputedStyle(svg.querySelector('rect.bg')).fill,
    title: getComputedStyle(svg.querySelector('text.title')).fill,
    boxes: [...svg.querySelectorAll('g.box')].map(g => {
        const style = getComputedStyle(g.querySelector('rect.b'));
        return {tint: style.fill, opacity: parseFloat(style.fillOpacity),
                texts: [...g.querySelectorAll(':scope > text')].map(t => getComputedStyle(t).fill)};
    }),
})"""


def rgba(css: str) -> tuple[float, float, float, float]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    return (*values[:3], values[3] if len(values) > 3 else 1.0)


def over(top: tuple, bottom: tuple, alpha: float | None = None) -> tuple[float, float, float]:
    """`top` composited over the opaque `bottom` (alpha from `top`, or given)."""
    a = top[3] if alpha is None else alpha
    return tuple(t * a + b * (1 - a) for t, b in zip(top[:3], bottom[:3]))


def luminance(rgb: tuple) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple, b: tuple) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def dark(page: Page, lab) -> Iterator[None]:
    """JupyterLab Dark for one test, set through the settings API; Light again afterwards."""
    url, _ = lab

    def theme(name: str) -> None:
        response = page.request.put(url + THEMES, data={"raw": f'{{"theme": "{name}"}}'})
        assert response.ok, response.text()

    theme("JupyterLab Dark")
    try:
        yield
    finally:
        theme("JupyterLab Light")


def expect_dark_page(page: Page) -> None:
    expect(page.locator("body")).to_have_attribute("data-jp-theme-light", "false")
    colour, background = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").evaluate(
        TEXT_AND_BACKGROUND)
    assert luminance(rgba(background)) < 0.1, f"the notebook is not dark: {background}"


def assert_legible_html(locator, what: str) -> None:
    colour, background = locator.evaluate(TEXT_AND_BACKGROUND)
    text, behind = rgba(colour), rgba(background)
    ratio = contrast(over(text, behind), behind)
    assert ratio >= WCAG_TEXT, f"{what}: text {colour} on {background} has contrast {ratio:.1f}"


def assert_legible_svg(svg, what: str) -> None:
    colours = svg.evaluate(SVG_COLOURS)
    background = rgba(colours["background"])
    assert luminance(background) < 0.1, f"{what}: the picture ignores the dark theme ({colours['background']})"
    ratio = contrast(over(rgba(colours["title"]), background), background)
    assert ratio >= WCAG_TEXT, f"{what}: title contrast {ratio:.1f}"
    for box in colours["boxes"]:
        behind = over(rgba(box["tint"]), background, box["opacity"])
        for fill in box["texts"]:
            ratio = contrast(over(rgba(fill), behind), behind)
            assert ratio >= WCAG_TEXT, f"{what}: box text {fill} on {behind} has contrast {ratio:.1f}"


def assert_legible_image(locator, what: str) -> None:
    """An <img>: its most common colour is the background; its darkest pixels are text."""
    picture = Image.open(io.BytesIO(locator.screenshot())).convert("RGB")
    ARTIFACTS.mkdir(exist_ok=True)
    picture.save(ARTIFACTS / f"dark-{what}.png")
    counts = sorted(picture.getcolors(maxcolors=1 << 20), reverse=True)
    background = counts[0][1]
    assert luminance(background) > 0.8, f"{what}: the picture has no opaque light card ({background})"
    darkest = min((colour for _, colour in counts), key=luminance)
    ratio = contrast(darkest, background)
    assert ratio >= WCAG_TEXT, f"{what}: darkest text {darkest} on {background} has contrast {ratio:.1f}"


def test_lesson_01_reads_right_in_the_dark_theme(page: Page, lab, dark, screenshot):
    nb = open_notebook(page, lab, "01_two_ways.ipynb")
    run_all_cells(page, sum(c.cell_type == "code" for c in nb.cells))
    expect_dark_page(page)

    # plot_architecture and compare offer their SVG as HTML too: inline, it takes the theme's colours.
    pictures = page.locator(".jp-RenderedHTML > svg")
    expect(pictures.first).to_be_visible()
    assert not page.locator(".jp-RenderedSVG img").count(), "an architecture picture shows as a (white) <img>"
    for i in range(pictures.count()):
        pictures.nth(i).scroll_into_view_if_needed()
        assert_legible_svg(pictures.nth(i), f"picture {i}")
    curves = page.locator(".jp-RenderedImage img").first  # plot_history's PNG: a white card
    curves.scroll_into_view_if_needed()
    assert_legible_image(curves, "curves")

    explorer = page.locator(".kt-explorer").last
    svg = explorer.locator("svg")
    svg.scroll_into_view_if_needed()
    expect(svg).to_be_visible()
    assert_legible_svg(svg, "explorer")
    assert_legible_html(explorer.locator("i").first, "explorer hint")

    picker = explorer.locator("select")  # the keyboard's way to what hovering shows
    picker.focus()
    page.keyboard.press("End")
    expect(explorer.locator(".kt-details")).to_contain_text("inbound path")
    assert_legible_html(explorer.locator(".kt-details"), "explorer details")
    explorer.screenshot(path=str(ARTIFACTS / "dark-explorer.png"))


def test_widget_buttons_work_from_the_keyboard_in_the_dark_theme(page: Page, lab, dark, screenshot):
    url, root = lab
    code = ("import widgets\n\nbuilder = widgets.LayerStackBuilder((64,))\nbuilder",
            "widgets.ApiQuiz()")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in code], metadata=NOTEBOOK_METADATA)
    nbformat.write(nb, root / "keyboard.ipynb")
    open_in_lab(page, url, "keyboard.ipynb")
    run_all_cells(page, len(code))
    expect_dark_page(page)

    builder = page.locator(".kt-builder")
    add = builder.get_by_role("button", name="add")
    add.focus()
    page.keyboard.press("Enter")
    expect(builder.locator("svg g.box")).to_have_count(2)  # the input and the new layer
    page.keyboard.press("Space")  # focus stays on the button
    expect(builder.locator("svg g.box")).to_have_count(3)
    assert_legible_html(builder.locator("pre").first, "builder summary")
    assert_legible_svg(builder.locator("svg"), "builder picture")

    quiz = page.locator(".kt-quiz")
    first = quiz.locator(".widget-toggle-buttons").first.get_by_role("button", name=ITEMS[0].answer, exact=True)
    first.focus()
    page.keyboard.press("Enter")
    expect(quiz).to_contain_text(f"Right: {ITEMS[0].answer}")
    assert_legible_html(quiz.locator(".widget-html-content").first, "quiz sketch")
    assert_legible_html(quiz.get_by_text(f"Right: {ITEMS[0].answer}").first, "quiz feedback")
    quiz.screenshot(path=str(ARTIFACTS / "dark-quiz.png"))
