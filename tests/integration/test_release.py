"""The learner bundle (`python -m course release`): no answers in it, and it works on its own."""

from __future__ import annotations

import ast
import json
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from fresh_env import environment, fresh_python

from course.checks.registry import load_all
from course.notebooks import exercise_id
from course.paths import ROOT, SOLUTIONS
from instructor import release
from instructor.hosted import Repository, install_cell
from instructor.leaks import normalised, solution_lines, taught_lines
from instructor.notebooks import INSTALL_CELL_ID

LESSON = "02_shapes_and_building.ipynb"  # the quickest lesson, for the runs in a fresh environment
REPOSITORY = Repository.parse("https://github.com/example/keras-two-ways-lessons")  # where it would be pushed


def text_lines(path: Path) -> list[str]:
    if path.suffix == ".ipynb":
        return [line for cell in nbformat.read(path, as_version=4).cells for line in cell.source.splitlines()]
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """A bundle released for a repository: its install cells are scanned and run like every other cell."""
    out = tmp_path_factory.mktemp("release") / "keras-two-ways"
    release.write_bundle(out, repository=REPOSITORY)
    return out


def bundle_files(bundle: Path) -> list[Path]:
    return [p for p in bundle.rglob("*") if p.is_file() and p.suffix not in (".keras", ".npz")]


def test_the_bundle_holds_the_learner_side_only(bundle):
    top = sorted(p.name for p in bundle.iterdir())
    assert top == sorted([".gitignore", "LICENSE-CODE", "LICENSE-TEXT", "Makefile", "README.md", "conftest.py",
                          "course", "environment.yml", "lessons", "pyproject.toml", "requirements-torch.txt",
                          "requirements.txt", "widgets"])
    assert not list(bundle.rglob("solutions")) and not list(bundle.rglob("instructor"))
    assert not (bundle / ".git").exists()
    requirements = (bundle / "requirements.txt").read_text()
    assert "tensorflow" in requirements and "nbval" in requirements and "playwright" not in requirements
    for path in sorted((bundle / "lessons").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code"), path.name
        text = "\n".join(c.source for c in nb.cells)
        assert "Authors" not in text and "solutions/" not in text, f"{path.name} speaks to authors"


def test_every_notebook_and_the_readme_open_on_colab_and_kaggle(bundle, tmp_path):
    notebooks = sorted((bundle / "lessons").glob("*.ipynb"))
    assert len(notebooks) == len(list(SOLUTIONS.glob("[0-9]*.ipynb"))) + 1  # and the start page
    for path in notebooks:
        cells = nbformat.read(path, as_version=4).cells
        assert REPOSITORY.links(path.name) in cells[0].source, path.name
        first = next(cell for cell in cells if cell.cell_type == "code")
        assert first.source == install_cell(REPOSITORY), path.name
    readme = (bundle / "README.md").read_text()
    assert "## Open in Colab or Kaggle" in readme and REPOSITORY.colab("00_start_here.ipynb") in readme
    assert all(REPOSITORY.links(path.name) in readme for path in notebooks if path.name != "00_start_here.ipynb")
    plain = tmp_path / "plain"  # released without a repository: no link to nowhere, no install cell
    release.write_bundle(plain)
    text = "\n".join(p.read_text() for p in [plain / "README.md", *(plain / "lessons").glob("*.ipynb")])
    assert "colab" not in text.lower() and "kaggle" not in text.lower() and INSTALL_CELL_ID not in text


def test_no_line_of_any_solution_is_in_the_bundle(bundle):
    solutions, taught = solution_lines(), taught_lines()
    leaks = []
    for path in bundle_files(bundle):
        where = path.relative_to(bundle).as_posix()
        for line in text_lines(path):
            line = normalised(line)
            if line in solutions and not (where.startswith("lessons/") and line in taught):
                leaks.append(f"{where}: {line!r} (the answer in {solutions[line]})")
    assert not leaks, "solution code in the learner bundle:\n" + "\n".join(sorted(set(leaks)))


def reference_functions() -> dict[str, list[str]]:
    """Each reference implementation of the instructor's exercise modules (the functions that build
    a reference model or the data shipped from one), as its distinctive body lines."""
    found = {}
    for path in sorted((ROOT / "instructor" / "exercises").glob("lesson*.py")):
        source = path.read_text()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef):
                continue
            shipped = any("shipped" in ast.unparse(decorator) for decorator in node.decorator_list)
            if "reference" in node.name or shipped:
                body = ast.get_source_segment(source, node).splitlines()[1:]
                lines = [normalised(line) for line in body]
                found[f"{path.stem}.{node.name}"] = [line for line in lines if len(line) >= 30
                                                     and not line.startswith(('"""', "import ", "from "))]
    return found


def test_no_reference_implementation_is_in_the_runtime(bundle):
    runtime = {path.relative_to(bundle).as_posix(): {normalised(line) for line in text_lines(path)}
               for path in bundle_files(bundle) if not path.relative_to(bundle).as_posix().startswith("lessons/")}
    found = []
    for name, lines in reference_functions().items():
        for where, present in runtime.items():
            shared = [line for line in lines if line in present]
            if shared and len(shared) >= min(2, len(lines)):
                found.append(f"{name} in {where}: {shared}")
    assert not found, "reference implementations in the learner bundle:\n" + "\n".join(found)


def test_hidden_checks_are_nowhere_in_the_bundle(bundle):
    text = "\n".join(path.read_text(encoding="utf-8", errors="ignore") for path in bundle_files(bundle))
    hidden = [c.description for graded in load_all(graded=True).values() for c in graded.checks if c.hidden]
    assert hidden and not [d for d in hidden if d in text]


# ---- a fresh environment made from the bundle alone ---------------------------------------------


@pytest.fixture(scope="module")
def fresh(bundle, tmp_path_factory) -> Path:
    """A new virtual environment whose only course code is the bundle's (see tests/fixtures/fresh_env.py)."""
    return fresh_python(tmp_path_factory.mktemp("venv"), bundle)


def run(python: Path, *args: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env=environment())


def test_the_bundle_imports_its_own_code_and_no_instructor_kit(fresh, bundle):
    done = run(fresh, "-c", "import course, widgets, course.checks as c; print(course.__file__, widgets.__file__, "
               "len(c.load_all()))\ntry:\n import instructor\nexcept ModuleNotFoundError: print('no instructor')",
               cwd=bundle)
    assert done.returncode == 0, done.stderr
    assert str(bundle / "course") in done.stdout and str(bundle / "widgets") in done.stdout
    assert "no instructor" in done.stdout and done.stdout.split()[2] == str(len(load_all()))
    grade = run(fresh, "-m", "course", "grade", "x.ipynb", cwd=bundle)
    assert grade.returncode == 2 and "instructor kit" in grade.stderr


def solved_copy(bundle: Path, tmp: Path) -> Path:
    """The bundle's lesson with every exercise cell replaced by the solution's answer."""
    lesson = nbformat.read(bundle / "lessons" / LESSON, as_version=4)
    answers = {exercise_id(c): c.source for c in nbformat.read(SOLUTIONS / LESSON, as_version=4).cells
               if exercise_id(c)}
    for cell in lesson.cells:
        if exercise_id(cell):
            cell.source = answers[exercise_id(cell)]
    path = tmp / LESSON
    nbformat.write(lesson, path)
    return path


def test_validate_reports_untouched_and_solved_lessons(fresh, bundle, tmp_path):
    untouched = run(fresh, "-m", "course", "validate", f"lessons/{LESSON}", cwd=bundle)
    assert untouched.returncode == 1, untouched.stdout + untouched.stderr
    assert "ran all" in untouched.stdout and untouched.stdout.count("not answered") == 3
    solved = run(fresh, "-m", "course", "validate", str(solved_copy(bundle, tmp_path)), cwd=bundle)
    assert solved.returncode == 0, solved.stdout + solved.stderr
    assert "3 of 3 exercises pass their public checks" in solved.stdout


def test_validate_names_the_cell_where_a_notebook_stops(fresh, bundle, tmp_path):
    nb = nbformat.read(bundle / "lessons" / LESSON, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[2].source = "raise RuntimeError('oops')"
    nbformat.write(nb, tmp_path / LESSON)
    done = run(fresh, "-m", "course", "validate", str(tmp_path / LESSON), cwd=bundle)
    assert done.returncode == 1
    assert "stopped at code cell [3]" in done.stdout and "RuntimeError: oops" in done.stdout
    (tmp_path / "broken.ipynb").write_text("not json")
    assert run(fresh, "-m", "course", "validate", str(tmp_path / "broken.ipynb"), cwd=bundle).returncode == 2


def test_the_bundle_runs_a_lesson_with_its_stubs(fresh, bundle):
    done = run(fresh, "-m", "pytest", "-n", "0", "-q", f"lessons/{LESSON}", cwd=bundle)
    assert done.returncode == 0 and " passed" in done.stdout, done.stdout[-2000:]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_bundle_serves_its_lessons_in_jupyterlab(fresh, bundle):
    port = free_port()
    options = ["--no-browser", f"--port={port}", "--ServerApp.token=", "--ip=127.0.0.1"]
    asked = run(fresh, "-c", "import json, sys; from pathlib import Path; from course import bootstrap; "
                f"print(json.dumps(bootstrap.command('lab', {options!r}, Path(sys.executable))))", cwd=bundle)
    argv = json.loads(asked.stdout)  # what `make lab` runs in the bundle, with the bundle's own paths
    assert f"--notebook-dir={bundle}" in argv
    server = subprocess.Popen(argv, cwd=bundle, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment())
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/lessons", timeout=2) as answer:
                    names = {item["name"] for item in json.load(answer)["content"]}
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not answer within 60 s")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert {"00_start_here.ipynb", LESSON} <= names
