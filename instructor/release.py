"""The learner bundle: what an instructor hands out, with no answers in it (`make release DIR=...`).

It holds the lessons (stubs, no outputs, a banner that speaks to learners), the start page, the
learner runtime (`course/`: setup, data, public checks and the data they compare with, validate,
the two commands), `widgets/`, the learner's part of `requirements.txt`, `environment.yml`, a
Makefile and a README with the same two commands, the pytest settings that run every lesson, and
the licences. No solutions, no `instructor/` (references, grading checks, hidden cases), no stored
outputs, no git history. `tests/integration/test_release.py` scans every bundle for leaks.

Given the repository the bundle will be pushed to (`--repository https://github.com/OWNER/NAME`), every
lesson, the start page and the README carry links that open the lessons on Colab and Kaggle, and each
notebook gets a code cell that installs the course there (`instructor.hosted`); the bundle's
pyproject.toml is what that cell installs (`pip install git+https://github.com/OWNER/NAME@BRANCH`).

    python -m course release DIR [--zip] [--repository URL [--branch main]]
"""

from __future__ import annotations

import shutil
from pathlib import Path

from course.notebooks import lesson_files
from course.paths import LESSONS, ROOT, SOLUTIONS, START_PAGE
from instructor import build, catalog
from instructor.hosted import Repository

RUNTIME = ("course", "widgets")  # the learner's packages, copied whole
FILES = ("environment.yml", "requirements-torch.txt", "conftest.py", "LICENSE-CODE", "LICENSE-TEXT")
INSTRUCTOR_ONLY = "# Instructor kit only"  # requirements.txt: this line and everything below stay home
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints",
                              "benchmark.py")  # widgets.benchmark measures against plot_model: an author's tool


class ReleaseError(ValueError):
    """The bundle cannot be written where asked."""


def learner_requirements() -> str:
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    if INSTRUCTOR_ONLY not in text:
        raise ReleaseError(f"requirements.txt has no {INSTRUCTOR_ONLY!r} line to cut at")
    return text[: text.index(INSTRUCTOR_ONLY)].rstrip() + "\n"


PYPROJECT = '''[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "keras-two-ways-lessons"
version = "0.1.0"
description = "Keras Two Ways, the learner's bundle: lessons on Keras 3's Sequential and functional APIs."
readme = "README.md"
requires-python = ">=3.10,<3.13"
license = "MIT AND CC-BY-4.0"  # code MIT (LICENSE-CODE), lesson text CC BY 4.0 (LICENSE-TEXT)
license-files = ["LICENSE-CODE", "LICENSE-TEXT"]

# `pip install git+URL` installs the learner runtime and its data, no dependencies: a hosted runtime
# (Colab, Kaggle) keeps its own TensorFlow; the notebooks' install cell adds the pinned Keras.
[tool.setuptools.packages.find]
include = ["course*", "widgets*"]

[tool.setuptools.package-data]
course = ["exercises/data/*", "lab/*.json"]

[tool.pytest.ini_options]
# `make test` runs every lesson as it is, stubs untouched: each must run top to bottom.
testpaths = ["lessons"]
addopts = "-p no:cacheprovider --dist loadscope"
'''

MAKEFILE = '''# Keras Two Ways. `make lab` opens the course in JupyterLab; `make test` runs every lesson.
# The first run creates .venv and installs the pinned requirements (see course/bootstrap.py).

PYTHON ?= python3
BOOTSTRAP = $(PYTHON) -m course.bootstrap
# BACKEND=jax|torch|tensorflow runs the course on that Keras backend (torch: `make torch` first)
ifdef BACKEND
export KERAS_BACKEND := $(BACKEND)
endif

.PHONY: help lab test torch validate

help:
\t@echo "make lab                 start JupyterLab on the course"
\t@echo "make test                run every lesson top to bottom (your answers included)"
\t@echo "make torch               add the PyTorch backend (~1 GB), then make lab BACKEND=torch"
\t@echo "make validate NB=lessons/01_two_ways.ipynb   check a lesson as the grader will run it"

lab:
\t$(BOOTSTRAP) lab $(ARGS)

test:
\t$(BOOTSTRAP) test $(ARGS)

torch:
\t$(BOOTSTRAP) run -m pip install --quiet -r requirements-torch.txt

validate:
\t$(BOOTSTRAP) run -m course validate $(NB)
'''

README = '''# Keras Two Ways

An interactive Jupyter course on Keras 3 that builds every task twice: once with `keras.Sequential`,
once with the functional API (`keras.Input` → layers → `keras.Model`). Each lesson proves the two
builds are the same model, then shows what only the functional API can do. Everything runs offline,
on a CPU, in seconds per notebook, and every exercise checks itself.

## Start

On Linux or macOS with Python 3.11 (3.10–3.12 should work) and `make`:

```bash
make lab     # JupyterLab on the course, opened at the start page (lessons/00_start_here.ipynb)
make test    # run every lesson top to bottom, with your answers in it
```

The first run creates `.venv` and installs the pinned `requirements.txt` (a few minutes); later runs
start at once. Another Python: `make lab PYTHON=python3.11`. On Windows: `py -3.11 -m course.bootstrap lab`
and `py -3.11 -m course.bootstrap test`. With conda: `conda env create -f environment.yml`, then
`jupyter lab lessons/00_start_here.ipynb`.

The lessons run on every Keras backend: TensorFlow (the default), JAX (`make lab BACKEND=jax`) and
PyTorch (`make torch` once, then `make lab BACKEND=torch`). The setup cell's line names the backend
in use; where Keras behaves differently by backend, a lesson shows a table of each one's behaviour.

## Work through a lesson

1. Open a lesson from the start page and run its cells in order (**Shift+Enter**).
2. Cells marked `YOUR CODE HERE` are exercises: write the function, run the cell, then run the
   `course.check(...)` cell below it. It says what passes and what to fix.
3. Stuck? `course.hint("01.2")` shows a hint for that exercise, a little more each time you ask.
4. Before you hand a lesson in, check it the way the grader will run it, in a fresh kernel:

   ```bash
   .venv/bin/python -m course validate lessons/01_two_ways.ipynb
   ```

   It runs every cell in order, then every exercise's public checks, and prints one line per
   exercise. It exits with 0 when every public check passes. The grader runs more checks, on other
   inputs, so make your functions work for any arguments, not only the ones in the notebook.
5. Only the exercise cells are graded. The grader puts your exercise cells into a fresh copy of the
   lesson and runs that, so code in cells you added (a helper function, a second `def` of the
   answer below the stub) is not there when it grades. Keep each answer, and every helper it uses,
   inside its exercise cell; `validate` tells you when an answer relies on code outside it.
{online}
## What is here

| Folder or file | What it holds |
|---|---|
| `lessons/` | The notebooks you work in. |
| `course/` | The course's runtime: setup, offline data sets, the exercise checks, `validate`, the two commands. |
| `widgets/` | Architecture pictures and interactive tools for Keras models, no Graphviz needed. |
| `requirements.txt`, `environment.yml` | The pinned packages. |

## Licences

Code (packages, notebook code cells): MIT, see `LICENSE-CODE`. Lesson text: CC BY 4.0, see
`LICENSE-TEXT`.
'''


ONLINE = '''
## Open in Colab or Kaggle

No installation needed: open the start page on [Colab]({colab}) or [Kaggle]({kaggle}), or a lesson
from this table. Opened there, a notebook's first code cell installs the course (`pip install
{requirement}`, with the pinned Keras) and says whether the session must restart (when Keras, say, was
imported before the install changed it); where the course is installed already (`make lab`, Binder) it
does nothing. On Kaggle, switch *Internet* on in the notebook's settings first. Your work stays in your
Colab or Kaggle account: download the `.ipynb` to hand it in.

{table}
'''


def readme(repository: Repository | None = None) -> str:
    """The learner README; given the learner repository, with the links that open each lesson online."""
    online = "" if repository is None else ONLINE.format(
        colab=repository.colab(START_PAGE), kaggle=repository.kaggle(START_PAGE), requirement=repository.requirement,
        table=catalog.lesson_table(SOLUTIONS, link_prefix=f"{LESSONS.name}/", launch=repository.links))
    return README.format(online=online)


def lesson_texts(repository: Repository | None = None) -> dict[str, str]:
    """Every lesson as learners get it, and the start page."""
    texts = {path.name: build.build_lesson(path, for_learners=True, repository=repository)
             for path in lesson_files(SOLUTIONS)}
    texts[START_PAGE] = build.build_start_page(repository)
    return texts


def write_bundle(out: Path, zip_too: bool = False, repository: Repository | None = None) -> list[Path]:
    """Write the learner bundle into `out` (new or empty); return every file written. Given the learner
    `repository`, its notebooks and README open on Colab and Kaggle from there."""
    out = out.resolve()
    own = [ROOT, LESSONS, SOLUTIONS, *(ROOT / name for name in (*RUNTIME, "instructor", "tests"))]
    if any(out == folder or folder in out.parents for folder in own[1:]) or out == ROOT:
        raise ReleaseError(f"{out} is the course's own folder: give a new folder outside it")
    if out.exists() and any(out.iterdir()):
        raise ReleaseError(f"{out} is not empty: give a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    (out / LESSONS.name).mkdir()
    for name, text in lesson_texts(repository).items():
        (out / LESSONS.name / name).write_text(text, encoding="utf-8")
    for package in RUNTIME:
        shutil.copytree(ROOT / package, out / package, ignore=SKIP)
    for name in FILES:
        shutil.copy2(ROOT / name, out / name)
    (out / "requirements.txt").write_text(learner_requirements(), encoding="utf-8")
    (out / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (out / "Makefile").write_text(MAKEFILE, encoding="utf-8")
    (out / "README.md").write_text(readme(repository), encoding="utf-8")
    (out / ".gitignore").write_text(".venv/\n__pycache__/\n*.egg-info/\n.ipynb_checkpoints/\n", encoding="utf-8")
    files = sorted(p for p in out.rglob("*") if p.is_file())
    if zip_too:
        shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
    return files
