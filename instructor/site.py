"""The course website (`make site`): the start page and every lesson as a static, searchable site.

Sphinx with myst-nb and sphinx-book-theme, all from PyPI: the build needs no network (Jupyter
Book 2 / mystmd fetches its theme at build time). The pages show what a learner sees after
running a lesson top to bottom: each lesson from lessons/ (stubs, no answers) is executed in a
fresh kernel with the test settings, as `make outputs` runs the solutions, so demonstrations
show their outputs and pictures and the exercises stay empty. Each lesson page has launch links
(Binder and, given a hub, JupyterHub through nbgitpuller) to the learners' repository and, when it is
on GitHub, every page starts with the links that open it on Colab and Kaggle (`instructor.hosted`).

    python -m course site [--out _site] [--repository URL] [--branch main] [--jupyterhub URL]
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from course.notebooks import WIDGET_VIEW, lesson_files
from course.paths import LESSONS, ROOT, START_PAGE
from instructor.hosted import Repository, RepositoryError, launch_line
from instructor.notebooks import SITE, run

OUT = ROOT / "_site"
BINDER = "https://mybinder.org"

CONF = """\
# Written by instructor/site.py for one build; edit that file, not this one.
project = "Keras Two Ways"
author = "Keras Two Ways authors"
copyright = "Keras Two Ways authors; code MIT, lesson text CC BY 4.0"
language = "en"
extensions = ["myst_nb", "sphinx.ext.githubpages"]
root_doc = {root!r}
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
nb_execution_mode = "off"  # executed beforehand with the course's own settings
nb_output_stderr = "remove"
nb_ipywidgets_js = {{}}  # no widget JavaScript from a CDN: pages show each output's static picture
nb_mime_priority_overrides = [("html", {widget!r}, None)]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type", "misc.highlighting_failure"]  # tracebacks are not Python
html_theme = "sphinx_book_theme"
html_title = "Keras Two Ways"
html_copy_source = True  # the download button offers the executed notebook
html_theme_options = {theme!r}
html_static_path = ["_static"]
html_css_files = ["course.css"]
"""

# Keras's summaries are rich's HTML with fixed terminal colours, too light on a white page
# (WCAG contrast < 4.5); in the light theme they get darker shades of the same hues.
CSS = """\
html[data-theme="light"] .output pre span[style*="#00af00"] { color: #1a7f1a !important; }
html[data-theme="light"] .output pre span[style*="#00d7ff"] { color: #00708f !important; }
html[data-theme="light"] .output pre span[style*="#0087ff"] { color: #005fb8 !important; }
html[data-theme="light"] .output pre span[style*="#ff0000"] { color: #b00000 !important; }
"""


def _execute(path: str, scratch: str, banner: str = "") -> str:
    """Run one lesson as a learner would, stubs untouched; its errors-on-purpose are kept, stderr is not.
    The page's banner (`banner`: its Colab and Kaggle links, or none) replaces the lesson's."""
    from course.execute import execute

    nb = nbformat.read(path, as_version=4)
    execute(nb, cwd=Path(scratch))
    return nbformat.writes(run(SITE, nb, text=banner))


def hosted_repository(repository: str | None, branch: str) -> Repository | None:
    """The learner repository as Colab and Kaggle see it, if it is on GitHub (else they get no links)."""
    try:
        return Repository.parse(repository, branch) if repository else None
    except RepositoryError:
        return None


def _for_the_web(nb: nbformat.NotebookNode, lessons: list[str] | None = None) -> nbformat.NotebookNode:
    """Give the start page the site's table of contents (the SITE chain already dropped the banner)."""
    if lessons:
        toctree = "\n".join(["```{toctree}", ":hidden:", ":maxdepth: 1", "", *lessons, "```"])
        nb.cells.append(nbformat.v4.new_markdown_cell(toctree))
    return nb


def theme_options(repository: str | None, branch: str, jupyterhub: str | None) -> dict:
    options: dict = {"home_page_in_toc": True, "show_toc_level": 2}
    if repository:
        launch = {"binderhub_url": BINDER, "notebook_interface": "jupyterlab"}
        if jupyterhub:
            launch["jupyterhub_url"] = jupyterhub
        options.update(repository_url=repository, repository_branch=branch, path_to_docs=LESSONS.name,
                       use_repository_button=True, launch_buttons=launch)
    return options


def default_repository() -> str | None:
    """The checkout's `origin` as an https URL, if it has one: where the launch links point by default."""
    done = subprocess.run(["git", "remote", "get-url", "origin"], cwd=ROOT, capture_output=True, text=True)
    url = done.stdout.strip() if done.returncode == 0 else ""
    if url.startswith("git@"):
        url = "https://" + url[4:].replace(":", "/", 1)
    return url.removesuffix(".git") if url.startswith("https://") else None  # a local path launches nothing


def build(out: Path = OUT, *, repository: str | None = None, branch: str = "main", jupyterhub: str | None = None,
          jobs: int = 2, hosted: Repository | None = None) -> Path:
    """Execute the lessons and build the site into `out` (replaced); return the path of its index.html.
    `repository` gets the Binder and JupyterHub links; `hosted` (the learner repository on GitHub) the Colab
    and Kaggle links."""
    from sphinx.application import Sphinx

    notebooks = [LESSONS / START_PAGE, *lesson_files(LESSONS)]
    lessons = [p.stem for p in notebooks if p.name != START_PAGE]
    with tempfile.TemporaryDirectory(prefix="course-site-") as tmp:
        source, scratch = Path(tmp) / "source", Path(tmp) / "scratch"
        source.mkdir()
        scratch.mkdir()
        start = time.perf_counter()
        context = multiprocessing.get_context("spawn")  # fresh interpreters: no state shared with this one
        banners = [launch_line(path.name, hosted) for path in notebooks]
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            executed = pool.map(_execute, map(str, notebooks), [str(scratch)] * len(notebooks), banners)
            for path, text in zip(notebooks, executed):
                nb = _for_the_web(nbformat.reads(text, as_version=4), lessons if path.name == START_PAGE else None)
                nbformat.write(nb, source / path.name)
        print(f"executed {len(notebooks)} notebooks in {time.perf_counter() - start:.0f} s", flush=True)
        conf = CONF.format(root=Path(START_PAGE).stem, widget=WIDGET_VIEW,
                           theme=theme_options(repository, branch, jupyterhub))
        (source / "conf.py").write_text(conf, encoding="utf-8")
        (source / "_static").mkdir()
        (source / "_static" / "course.css").write_text(CSS, encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        app = Sphinx(str(source), str(source), str(out), str(Path(tmp) / "doctrees"), "html",
                     status=None, warning=sys.stderr, freshenv=True, warningiserror=False)
        app.build()
        if app.statuscode:
            raise RuntimeError(f"Sphinx failed with status {app.statuscode}")
    (out / "index.html").write_text(_redirect(f"{Path(START_PAGE).stem}.html"), encoding="utf-8")
    return out / "index.html"


def _redirect(target: str) -> str:
    """index.html for static hosts: the course map is the start page."""
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Keras Two Ways</title>"
            f"<meta http-equiv='refresh' content='0; url={target}'></head>"
            f"<body><main><a href='{target}'>Keras Two Ways: the course map</a></main></body></html>")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course site", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: _site, replaced)")
    parser.add_argument("--repository", default=None,
                        help="the learners' repository the launch links open (default for Binder and JupyterHub: "
                             "this checkout's origin; Colab and Kaggle links only for one given here, on GitHub)")
    parser.add_argument("--branch", default="main", help="its branch (default: main)")
    parser.add_argument("--jupyterhub", default=None, help="a JupyterHub's URL for nbgitpuller launch links")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed at once (default: 2)")
    args = parser.parse_args(argv)
    repository = args.repository or default_repository()
    if repository is None:
        print("no --repository and no git remote: the pages get no launch links")
    # Colab and Kaggle run a notebook only with its install cell, which the learner bundle has and this
    # checkout's lessons/ do not: their links need the learner repository, named (not guessed from origin).
    hosted = hosted_repository(args.repository, args.branch)
    if hosted is None:
        print("no --repository on GitHub: the pages get no Colab or Kaggle links")
    start = time.perf_counter()
    index = build(args.out, repository=repository, branch=args.branch, jupyterhub=args.jupyterhub, jobs=args.jobs,
                  hosted=hosted)
    print(f"wrote {index.parent} in {time.perf_counter() - start:.0f} s; open {index}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
