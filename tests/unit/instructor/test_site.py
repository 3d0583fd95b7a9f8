"""The website's build pieces that need no Sphinx run (the site itself is tested by tests/browser/test_website.py)."""

from __future__ import annotations

import nbformat

from course.paths import LESSONS, START_PAGE
from instructor import site
from instructor.hosted import launch_line
from instructor.notebooks import BANNER_TAG, SITE, run


def test_lessons_lose_their_banner_and_the_start_page_gets_the_table_of_contents():
    lesson = nbformat.read(LESSONS / "01_two_ways.ipynb", as_version=4)
    assert BANNER_TAG in lesson.cells[0].metadata.get("tags", [])
    lesson = run(SITE, lesson)
    assert all(BANNER_TAG not in cell.metadata.get("tags", []) for cell in lesson.cells)
    start = site._for_the_web(nbformat.read(LESSONS / START_PAGE, as_version=4), ["01_two_ways", "02_x"])
    assert start.cells[-1].source.startswith("```{toctree}") and "\n01_two_ways\n02_x\n" in start.cells[-1].source


def test_launch_links_need_a_repository_and_a_hub():
    assert "launch_buttons" not in site.theme_options(None, "main", None)
    options = site.theme_options("https://github.com/org/repo", "main", "https://hub.example.org")
    assert options["launch_buttons"] == {"binderhub_url": site.BINDER, "notebook_interface": "jupyterlab",
                                         "jupyterhub_url": "https://hub.example.org"}
    assert options["path_to_docs"] == LESSONS.name  # launch links open lessons/NN_*.ipynb in the repository
    assert "jupyterhub_url" not in site.theme_options("https://github.com/org/repo", "main", None)["launch_buttons"]


def test_pages_open_on_colab_and_kaggle_only_from_a_learner_repository_on_github():
    lesson = nbformat.read(LESSONS / "01_two_ways.ipynb", as_version=4)
    hosted = site.hosted_repository("https://github.com/org/repo", "main")
    page = run(SITE, lesson, text=launch_line("01_two_ways.ipynb", hosted))
    colab = "https://colab.research.google.com/github/org/repo/blob/main/lessons/01_two_ways.ipynb"
    assert colab in page.cells[0].source
    assert page.cells[1].source.startswith("# 01 · ")  # the page title follows the links
    assert site.hosted_repository("https://gitlab.com/org/repo", "main") is None  # Colab opens GitHub only
    assert site.hosted_repository(None, "main") is None
    bare = run(SITE, nbformat.read(LESSONS / "01_two_ways.ipynb", as_version=4))
    assert "colab" not in bare.cells[0].source.lower()


def test_the_configuration_is_python():
    conf = site.CONF.format(root="00_start_here", widget=site.WIDGET_VIEW,
                            theme=site.theme_options("https://github.com/org/repo", "main", None))
    namespace: dict = {}
    exec(compile(conf, "conf.py", "exec"), namespace)
    assert namespace["nb_execution_mode"] == "off" and namespace["html_theme"] == "sphinx_book_theme"
    assert namespace["nb_ipywidgets_js"] == {}  # no JavaScript from a CDN
