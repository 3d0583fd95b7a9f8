"""The course map: one entry per lesson, the same in the start page and the README."""

import nbformat

from course.catalog import LESSONS as COURSE_MAP
from course.paths import LESSONS, ROOT, SOLUTIONS, START_PAGE
from instructor import catalog

README = (ROOT / "README.md").read_text()


def test_every_solution_is_on_the_map_in_order():
    assert [lesson.file for lesson in COURSE_MAP] == [p.name for p in sorted(SOLUTIONS.glob("[0-9]*"))]


def test_start_page_links_every_lesson_with_its_title_and_time():
    page = nbformat.read(LESSONS / START_PAGE, as_version=4)
    text = "\n".join(cell.source for cell in page.cells)
    for lesson in COURSE_MAP:
        assert f"[{lesson.title(SOLUTIONS)}]({lesson.file})" in text
        assert f"{lesson.minutes(SOLUTIONS)} min" in text
        assert lesson.title(LESSONS) == lesson.title(SOLUTIONS)  # read the same after the lesson's banner
    assert "Which API should I use?" in text


def test_readme_lesson_table_follows_the_map():
    table = catalog.lesson_table(link_prefix="lessons/")
    assert table in README, f"paste this table into the README's Lessons section:\n{table}"




def test_given_launch_links_the_map_has_a_column_for_them():
    table = catalog.lesson_table(launch=lambda file: f"[Open]({file})").splitlines()
    assert table[0].endswith("| Time | Open it online |") and table[1] == "|---|---|---|---|---|"
    assert all(row.endswith(f"| [Open]({lesson.file}) |") for row, lesson in zip(table[2:], COURSE_MAP))
    page = "\n".join(cell.source for cell in catalog.start_page(launch=lambda file: f"[Open]({file})").cells)
    assert "[Open](05_multiple_inputs.ipynb)" in page
