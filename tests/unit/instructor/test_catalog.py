"""The course map: one entry per lesson, the same in the start page and the README."""

import nbformat

from course.paths import ROOT, START_PAGE
from instructor import build, catalog

README = (ROOT / "README.md").read_text()


def test_every_solution_is_on_the_map_in_order():
    assert [lesson.file for lesson in catalog.LESSONS] == [p.name for p in sorted(build.SOLUTIONS.glob("[0-9]*"))]


def test_start_page_links_every_lesson_with_its_title_and_time():
    page = nbformat.read(build.LESSONS / START_PAGE, as_version=4)
    text = "\n".join(cell.source for cell in page.cells)
    for lesson in catalog.LESSONS:
        assert f"[{lesson.title()}]({lesson.file})" in text
        assert (build.LESSONS / lesson.file).exists()
    assert "Which API should I use?" in text


def test_readme_lesson_table_follows_the_map():
    table = catalog.lesson_table(link_prefix="lessons/")
    assert table in README, f"paste this table into the README's Lessons section:\n{table}"


def test_start_page_is_opened_by_make_lab():
    from course import bootstrap

    assert bootstrap.START_URL.endswith(f"lessons/{START_PAGE}")
