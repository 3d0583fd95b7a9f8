"""instructor.hosted: the learner repository's Colab and Kaggle links, and the cell that installs the course
(run here in-process for its three cases; tests/integration/test_colab.py installs for real)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import types
from importlib import metadata

import nbformat
import pytest

from course.answer_scope import outside_notes
from course.paths import ROOT
from instructor import hosted
from instructor.hosted import Repository, RepositoryError
from instructor.notebooks import INSTALL_CELL_ID, AddInstallCell, run

REPO = Repository.parse("https://github.com/owner/lessons")


def test_the_links_have_the_forms_colab_and_kaggle_document():
    assert REPO.colab("01_two_ways.ipynb") == (
        "https://colab.research.google.com/github/owner/lessons/blob/main/lessons/01_two_ways.ipynb")
    assert REPO.kaggle("01_two_ways.ipynb") == (
        "https://kaggle.com/kernels/welcome?src=https://github.com/owner/lessons/blob/main/lessons/01_two_ways.ipynb")
    assert REPO.links("01_two_ways.ipynb") == (
        f"[Open in Colab]({REPO.colab('01_two_ways.ipynb')}) · [Open in Kaggle]({REPO.kaggle('01_two_ways.ipynb')})")
    assert Repository.parse("https://github.com/o/n", "v2").colab("x.ipynb").endswith("/o/n/blob/v2/lessons/x.ipynb")
    assert Repository.parse("https://github.com/o/n", "v2").requirement == "git+https://github.com/o/n@v2"
    assert hosted.launch_line("x.ipynb", None) == ""  # no repository, no link


@pytest.mark.parametrize("url", ["https://github.com/owner/lessons.git", "https://github.com/owner/lessons/",
                                 " https://github.com/owner/lessons "])
def test_a_github_url_is_read_in_its_usual_spellings(url):
    assert Repository.parse(url) == REPO


@pytest.mark.parametrize("url", ["https://gitlab.com/owner/lessons", "http://github.com/owner/lessons",
                                 "https://github.com/owner", "git@github.com:owner/lessons.git", "../lessons"])
def test_anything_but_a_github_repository_is_refused(url):
    with pytest.raises(RepositoryError, match="https://github.com/OWNER/NAME"):
        Repository.parse(url)


def test_the_pins_are_requirements_txt_lines():
    requirements = (ROOT / "requirements.txt").read_text()
    assert hosted.pins() == ["keras~=3.15.0", "anywidget~=0.11.0"]
    assert all(f"\n{pin} " in requirements for pin in hosted.pins())
    with pytest.raises(ValueError, match="pins no nonsense"):
        hosted.pins(("nonsense",))


def run_cell(source: str) -> str:
    """Run the cell's source as a kernel would, and return what it prints."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "install-cell", "exec"), {})
    return out.getvalue()


@pytest.fixture
def pip(monkeypatch):
    """pip as the cell calls it, never run: `pip.argv` records the calls, `pip.returncode` is its answer, and
    `pip.upgrades` ({distribution: version}) is what it changes in the installed distributions."""
    calls = types.SimpleNamespace(argv=[], returncode=0, upgrades={})
    installed = {"keras": "3.8.0", "numpy": "2.4.1"}  # a runtime's own, say

    def fake_run(argv, *args, **kwargs):
        calls.argv.append(argv)
        installed.update(calls.upgrades)
        return subprocess.CompletedProcess(argv, calls.returncode)

    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setattr(metadata, "distributions", lambda: [
        types.SimpleNamespace(metadata={"Name": name}, version=version) for name, version in installed.items()])
    monkeypatch.setattr(metadata, "packages_distributions", lambda: {name: [name] for name in installed})
    return calls


@pytest.fixture
def alone(monkeypatch):
    """A kernel where `import course` fails (Colab, Kaggle) and neither Keras nor NumPy is imported yet."""
    monkeypatch.setitem(sys.modules, "course", None)  # `import course` raises ModuleNotFoundError
    for name in ("keras", "numpy"):
        monkeypatch.delitem(sys.modules, name, raising=False)  # put back afterwards


def test_where_the_course_imports_the_cell_does_nothing_and_prints_nothing(pip):
    assert run_cell(hosted.install_cell(REPO)) == ""
    assert pip.argv == []


def test_opened_alone_it_installs_the_course_and_the_pins_and_needs_no_restart(pip, alone):
    pip.upgrades = {"keras": "3.15.1"}  # Keras changes, but nothing had imported it
    printed = run_cell(hosted.install_cell(REPO))
    assert pip.argv == [[sys.executable, "-m", "pip", "install", "-q", "git+https://github.com/owner/lessons@main",
                         "keras~=3.15.0", "anywidget~=0.11.0"]]
    assert printed == "Installed the course: no restart needed, run the next cells.\n"


def test_with_keras_imported_before_it_changed_it_asks_for_a_restart(pip, alone, monkeypatch):
    monkeypatch.setitem(sys.modules, "keras", types.ModuleType("keras"))  # Colab's 3.8, imported by an earlier cell
    monkeypatch.setitem(sys.modules, "numpy", types.ModuleType("numpy"))  # imported, but pip leaves it as it is
    pip.upgrades = {"keras": "3.15.1"}
    printed = run_cell(hosted.install_cell(REPO))
    assert printed.startswith("Installed the course, but keras changed after it was imported: restart the session")
    assert "Runtime › Restart session" in printed and "numpy" not in printed


def test_when_pip_fails_it_says_so(pip, alone):
    pip.returncode = 1
    with pytest.raises(RuntimeError, match="switch Internet on"):
        run_cell(hosted.install_cell(REPO))


def test_the_cell_passes_the_course_linter():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--config", str(ROOT / "pyproject.toml"),
                           "--stdin-filename", "install.py", "-"], input=hosted.install_cell(REPO) + "\n",
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout  # (a file needs the final newline a cell has not)


def test_validate_counts_what_the_install_cell_defines_as_the_learners(pip):
    """The grader's copy of a lesson has no install cell: an answer that leans on its `sys` must be told."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import course", id="0123abcd")])
    nb = run([AddInstallCell], nb, install=hosted.install_cell(REPO))
    answer = nbformat.v4.new_code_cell("def f():\n    return sys.version", id="4567abcd",
                                       metadata={"course": {"exercise": "99.1"}})
    nb.cells.append(answer)
    assert [c.id for c in nb.cells] == [INSTALL_CELL_ID, "0123abcd", "4567abcd"]
    notes = outside_notes([dict(c) for c in nb.cells], {"99.1": "f"})
    assert "your answer uses `sys`" in notes["99.1"][0]
