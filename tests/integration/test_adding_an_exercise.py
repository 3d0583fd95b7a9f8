"""The README's "Adding an exercise" recipe is true: in a scratch copy of the repository, a toy
exercise is added by editing four files, `make lessons` writes the rest, and the real grader grades it.
A copy of the repository and a real kernel: marked `long`, run by `.ci/run` after `make test`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course.paths import ROOT

pytestmark = pytest.mark.long

SOLUTION = "solutions/01_two_ways.ipynb"
HAND_EDITED = {
    SOLUTION,  # 1. the prompt, the answer (with its solution region) and the check cell
    "course/exercises/lesson01.py",  # 2. the exercise: cases, public checks, hints
    "instructor/exercises/lesson01.py",  # 3. its grading part: a case learners never see, a hidden check
    "instructor/wrong_answers/mutants/lesson01.py",  # 4. typical wrong answers
}

EXERCISE = '''

def stack_params(sizes):
    """Dense parameters of a stack of layer widths, input width first."""
    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))


def counts_dense_stacks(result):
    if result != stack_params((64, 32, 10)):
        raise CheckFailed(f"expected {stack_params((64, 32, 10)):,} parameters, got {result}",
                          "each layer has one weight per input and unit, plus one bias per unit.")


register(Exercise(
    id="01.4",
    title="Parameters of a whole stack",
    function="stack_params",
    cases={"default": ((64, 32, 10),)},
    hints=("Add up the layers.", "Each Dense layer: inputs × units + units.", "Shape: a sum over neighbours."),
    checks=[Check("counts a stack of 64 → 32 → 10", counts_dense_stacks, points=2)],
))
'''
GRADING = '''

extend("01.4", cases={"short": ((8, 4),)},
       checks=[Check("counts another stack", lambda result: None if result == 36 else 1 / 0, hidden=True,
                     case="short")])
'''
MUTANTS = '''
WRONG += [
    Wrong("01.4", "forgets the biases",
          "def stack_params(sizes):\\n    return sum(a * b for a, b in zip(sizes, sizes[1:]))\\n", words=("bias",)),
    Wrong("01.4", "hard-coded", "def stack_params(sizes):\\n    return 2410\\n", hidden_only="another stack is graded"),
    Wrong("01.4", "one layer only", "def stack_params(sizes):\\n    return sizes[0] * sizes[1] + sizes[1]\\n",
          words=("parameters",)),
]
'''


def add_cells(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith("## Recap"))
    nb.cells[at:at] = [
        nbformat.v4.new_markdown_cell("### Exercise\n\nWrite `stack_params(sizes)`.",
                                      metadata={"course": {"prompt": "01.4"}}),
        nbformat.v4.new_code_cell("def stack_params(sizes):\n    ### BEGIN SOLUTION\n"
                                  "    return sum(a * b + b for a, b in zip(sizes, sizes[1:]))\n    ### END SOLUTION",
                                  metadata={"course": {"exercise": "01.4"}}),
        nbformat.v4.new_code_cell("", metadata={"course": {"check": "01.4"}}),
    ]
    nbformat.write(nb, path)


def test_a_toy_exercise_takes_four_files_and_is_graded(tmp_path):
    scratch = tmp_path / "course"
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in filter(None, listed.stdout.split("\0")):
        if (ROOT / name).is_file():
            (scratch / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, scratch / name)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(scratch)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "scratch"], check=True)

    add_cells(scratch / SOLUTION)
    with (scratch / "course/exercises/lesson01.py").open("a") as module:
        module.write(EXERCISE)
    with (scratch / "instructor/exercises/lesson01.py").open("a") as module:
        module.write(GRADING)
    with (scratch / "instructor/wrong_answers/mutants/lesson01.py").open("a") as module:
        module.write(MUTANTS)

    env = {**os.environ, "PYTHONPATH": str(scratch)}  # the scratch copy's packages, not this checkout's
    built = subprocess.run([sys.executable, "-m", "course", "build"], cwd=scratch, env=env, capture_output=True,
                           text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    solution = nbformat.read(scratch / SOLUTION, as_version=4)
    assert any(c.source.startswith("### Exercise 1.4 · Parameters of a whole stack · 3 points") for c in solution.cells)
    assert any(c.source == 'course.check("01.4", stack_params)' for c in solution.cells)

    changed = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True, check=True).stdout
    changed = {line[3:] for line in changed.splitlines()}
    assert changed - {"lessons/01_two_ways.ipynb"} == HAND_EDITED  # the lesson is generated

    graded = subprocess.run([sys.executable, "-m", "course", "grade", SOLUTION, "--out", "out"], cwd=scratch,
                            env=env, capture_output=True, text=True, timeout=600)
    assert graded.returncode == 0, graded.stderr
    result = json.loads(next((scratch / "out" / "results").glob("*.json")).read_text())
    toy = next(e for e in result["exercises"] if e["id"] == "01.4")
    assert (toy["points"], toy["max_points"]) == (3, 3) and result["score"] == result["max_score"]
