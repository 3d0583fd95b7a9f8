"""A lesson opened alone, as on Colab or Kaggle: its first code cell installs the course from the learner
repository, and the lesson's setup cell then runs.

What stands in for the real thing, so that nothing is downloaded:
- GitHub: the released bundle, committed on branch `main` of a local git repository; a git setting
  (`url.<bundle>.insteadOf`, in a gitconfig of the test's own) sends pip's clone of
  `https://github.com/example/...` there, so the install cell runs exactly as released;
- the hosted runtime: a new virtual environment without system site-packages whose third-party
  packages (TensorFlow, Keras at the pinned version, ipykernel, pip, setuptools) are this environment's,
  reached through a `.pth` file (tests/fixtures/fresh_env.py), and where `import course` fails;
- PyPI: none. pip runs with no index (the pins are already satisfied) and without build isolation
  (its build backend, setuptools, is among those packages).

Marked `long` (a kernel, a pip build and TensorFlow's import): `.ci/run` runs it, `make test` does not.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import nbformat
import pytest
from fresh_env import environment, fresh_python

from course.settings import TEST_ENV
from instructor import release
from instructor.hosted import Repository
from instructor.notebooks import INSTALL_CELL_ID

pytestmark = pytest.mark.long
LESSON = "02_shapes_and_building.ipynb"  # the quickest lesson
REPOSITORY = Repository.parse("https://github.com/example/keras-two-ways-lessons")

# Runs in the new environment, where `course` cannot help: a kernel of that very Python (a `python3`
# kernelspec elsewhere on the machine could otherwise win), the notebook's cells in order.
DRIVER = """\
import sys

import nbformat
from ipykernel.kernelspec import get_kernel_dict
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec
from nbclient import NotebookClient


class ThisPython(AsyncKernelManager):
    @property
    def kernel_spec(self):
        return KernelSpec(**get_kernel_dict())


path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, km=ThisPython(), timeout=600, resources={"metadata": {"path": sys.argv[2]}}).execute()
nbformat.write(nb, path)
"""

CHECK = """\
import importlib.resources, course
print("course from", course.__file__)
print("data files", len(list((importlib.resources.files("course") / "exercises" / "data").iterdir())))
try:
    import instructor
except ModuleNotFoundError:
    print("no instructor kit")"""


@pytest.fixture(scope="module")
def github(tmp_path_factory) -> tuple[Path, Path]:
    """The released bundle as a git repository on `main`, and a gitconfig that sends GitHub's URL to it."""
    where = tmp_path_factory.mktemp("github")
    bundle = where / "keras-two-ways-lessons"
    release.write_bundle(bundle, repository=REPOSITORY)
    git = ["git", "-c", "user.name=course", "-c", "user.email=course@example.org", "-C", str(bundle)]
    for step in (["init", "-q", "-b", REPOSITORY.branch], ["add", "-A"], ["commit", "-q", "-m", "release"]):
        subprocess.run(git + step, check=True)
    config = where / "gitconfig"
    config.write_text(f'[url "{bundle.as_uri()}"]\n\tinsteadOf = {REPOSITORY.url}\n')
    return bundle, config


def test_a_lesson_opened_alone_installs_the_course_then_runs_its_setup(github, tmp_path):
    bundle, gitconfig = github
    python = fresh_python(tmp_path / "runtime")  # no course in it
    env = environment(**TEST_ENV, GIT_CONFIG_GLOBAL=str(gitconfig), GIT_CONFIG_NOSYSTEM="1",
                      PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0",  # pip's spelling for --no-build-isolation
                      PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_CACHE_DIR=str(tmp_path / "pip-cache"))
    before = subprocess.run([str(python), "-c", "import course"], capture_output=True, text=True, env=env,
                            cwd=tmp_path)
    assert "No module named 'course'" in before.stderr

    alone = tmp_path / "alone"  # the lesson, downloaded by itself into an empty folder
    alone.mkdir()
    nb = nbformat.read(bundle / "lessons" / LESSON, as_version=4)
    code = [index for index, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    install, setup = nb.cells[code[0]], nb.cells[code[1]]
    assert install.id == INSTALL_CELL_ID and "course.setup(" in setup.source
    # The lesson up to its setup cell; then the install cell again, and what the install brought.
    nb.cells = [*nb.cells[: code[1] + 1], nbformat.v4.new_code_cell(install.source),
                nbformat.v4.new_code_cell(CHECK)]
    nbformat.write(nb, alone / LESSON)
    (tmp_path / "driver.py").write_text(DRIVER)
    done = subprocess.run([str(python), str(tmp_path / "driver.py"), str(alone / LESSON), str(alone)],
                          capture_output=True, text=True, env=env, timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]

    ran = [cell for cell in nbformat.read(alone / LESSON, as_version=4).cells if cell.cell_type == "code"]
    printed = ["".join(out.get("text", "") for out in cell.outputs if out.get("name") == "stdout") for cell in ran]
    assert printed[0] == "Installed the course: no restart needed, run the next cells.\n"
    assert "✓ ready" in printed[1]  # the lesson's setup cell: course.setup() says what runs
    assert printed[2] == ""  # once installed, the cell is silent
    site = next((tmp_path / "runtime" / "env").glob("lib/python*/site-packages"))
    shipped = len(list((bundle / "course" / "exercises" / "data").iterdir()))
    assert printed[3] == f"course from {site}/course/__init__.py\ndata files {shipped}\nno instructor kit\n"
    assert sorted(p.name for p in alone.iterdir()) == [LESSON]  # nothing written beside the lesson
