"""The course website (`make site`) served locally: every lesson with its pictures, launch links,
search, no broken internal link, and axe-core finds nothing serious.

Building the site executes every lesson (minutes), so these tests carry the `site` mark, which
`make test` leaves out; `.ci/run` runs them after it (`make test ARGS="-m site"`). With
COURSE_SITE set to a built site (`make site`), they test that one instead of building their own.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import nbformat
import pytest
from a11y import axe_violations
from labserver import free_port, serving
from playwright.sync_api import Page, expect

from course.paths import SOLUTIONS, START_PAGE
from instructor import catalog
from instructor import site as course_site
from instructor.hosted import Repository

pytestmark = pytest.mark.site
REPOSITORY, HUB = "https://github.com/example/keras-two-ways-lessons", "https://hub.example.org"
hosted = Repository.parse(REPOSITORY)  # .ci/run builds the site with this --repository


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    built = os.environ.get("COURSE_SITE")
    if built:
        return Path(built)
    out = tmp_path_factory.mktemp("site") / "_site"
    course_site.build(out, repository=REPOSITORY, jupyterhub=HUB, hosted=hosted)
    return out


@pytest.fixture(scope="module")
def served(site, tmp_path_factory) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    argv = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)]
    with serving(argv, f"{url}/index.html", cwd=site, env=os.environ,
                 log=tmp_path_factory.mktemp("http") / "server.log"):
        yield url


class Links(HTMLParser):
    """Every href and src of a page, and every id it defines (for #fragments)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src"} and value:
                self.links.append(value)
            elif name in {"id", "name"} and value:
                self.ids.add(value)


def picture_outputs(notebook: Path) -> int:
    """Outputs of the executed lesson (the download button's copy) that carry a picture."""
    nb = nbformat.read(notebook, as_version=4)
    return sum(any(kind in out.get("data", {}) for kind in ("image/png", "image/svg+xml"))
               for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs)


def test_every_lesson_page_shows_its_pictures_and_launch_links(page: Page, site, served, screenshot):
    shown = 0
    for lesson in catalog.LESSONS:
        stem = Path(lesson.file).stem
        page.goto(f"{served}/{stem}.html", wait_until="load")
        expect(page.locator("main h1").first).to_contain_text(lesson.title(SOLUTIONS).split("`")[0].strip())
        broken = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                               ".map(i => i.src)")
        assert not broken, f"{stem}: pictures that did not load: {broken}"
        # an output with HTML as well (widgets.compare) is shown as that HTML, its picture an inline <svg>
        pictures = page.locator(".cell_output img, .cell_output svg:not(svg svg)").count()
        assert pictures == picture_outputs(site / "_sources" / lesson.file), f"{stem}: not every picture shown"
        shown += pictures
        binder = page.locator(f"a[href*='/v2/'][href$='urlpath=lab/tree/lessons/{lesson.file}']")
        expect(binder).to_have_count(1)
        hub = page.locator(f"a[href*='/hub/user-redirect/git-pull?'][href*='lessons/{lesson.file}']")
        expect(hub).to_have_count(1)
        for service in (hosted.colab(lesson.file), hosted.kaggle(lesson.file)):  # instructor.hosted's forms
            expect(page.locator(f"main a[href='{service}']")).to_have_count(1)
    assert shown >= len(catalog.LESSONS)
    page.goto(f"{served}/{catalog.LESSONS[0].file.removesuffix('.ipynb')}.html")  # the screenshot's page


def test_the_start_page_is_the_home_page_and_links_every_lesson(page: Page, served):
    page.goto(served)
    expect(page).to_have_url(f"{served}/{Path(START_PAGE).stem}.html")
    for lesson in catalog.LESSONS:
        expect(page.locator(f"main a[href='{Path(lesson.file).stem}.html']").first).to_be_visible()


def test_search_finds_a_lesson(page: Page, served):
    page.goto(f"{served}/search.html?q=residual")
    expect(page.locator("#search-results")).to_contain_text("Skip and residual connections", timeout=30_000)


def test_no_internal_link_is_broken(served):
    """Crawl every page from the home page; every internal href and src answers and every #fragment exists."""
    pages: dict[str, Links] = {}
    queue, checked, broken = [f"{served}/index.html"], set(), []
    while queue:
        url = queue.pop()
        if url in pages:
            continue
        with urllib.request.urlopen(url) as answer:
            parser = Links()
            parser.feed(answer.read().decode("utf-8", "replace"))
        pages[url] = parser
        for link in parser.links:
            target, _ = urldefrag(urljoin(url, link))
            if urlparse(target).netloc != urlparse(served).netloc or target in checked:
                continue
            checked.add(target)
            try:
                urllib.request.urlopen(target).close()
            except urllib.error.HTTPError as error:
                broken.append(f"{url}: {link} ({error.code})")
                continue
            if target.endswith(".html"):
                queue.append(target)
    for url, parser in pages.items():
        for link in parser.links:
            target, fragment = urldefrag(urljoin(url, link))
            if fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{url}: {link} (no #{fragment})")
    assert len(pages) > len(catalog.LESSONS)
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("name", [Path(START_PAGE).stem, "07_skip_connections"])
def test_site_pages_pass_axe(page: Page, served, name):
    page.goto(f"{served}/{name}.html", wait_until="load")
    assert not axe_violations(page, name=f"the website's {name}.html")
