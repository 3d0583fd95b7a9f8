"""What counts as giving an answer away: the lines of every solution region and their key expressions.

One definition for every leak scan: the learner bundle (no solution line anywhere in it), the hint
ladders and the messages the public checks print (no line, no key expression of the exercise's own
solution). Lines the lessons demonstrate outside their exercises are taught, not leaked; a few
generic lines (`return model`) identify no answer and are listed once here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import nbformat

from course.notebooks import exercise_id, lesson_files
from course.paths import SOLUTIONS

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
# Solution lines too generic to identify an answer: the one place they are listed.
EXEMPT = {
    "return model", "model.compile(", "optimizer=\"adam\",", "keras.Input(shape=(64,)),",
    "return keras.Sequential([", "keras.utils.set_random_seed(0)", "super().__init__(**kwargs)",
    "self.encoder = encoder", "config = layer.get_config()", "return None", "rng = np.random.default_rng(seed)",
}
PUNCTUATION = re.compile(r"^[\s()\[\]{},:]*$")
MIN_EXPRESSION = 12  # shorter right-hand sides (`x[:, 0]`) say too little to count as the answer


def normalised(line: str) -> str:
    """A code line without its comment and with single spaces; "" for blank, comment and generic lines."""
    line = re.sub(r"\s+#.*$", "", line).strip()
    line = re.sub(r"\s+", " ", line)
    return "" if not line or line.startswith("#") or PUNCTUATION.match(line) or line in EXEMPT else line


def region_lines(source: str) -> list[str]:
    """The normalised lines inside a cell's solution regions."""
    found, inside = [], False
    for line in source.splitlines():
        if line.strip() in (BEGIN, END):
            inside = line.strip() == BEGIN
        elif inside and normalised(line):
            found.append(normalised(line))
    return found


@lru_cache(maxsize=None)
def solution_lines(folder: Path = SOLUTIONS) -> dict[str, str]:
    """Every line of every solution region, normalised, with the notebook it comes from."""
    found: dict[str, str] = {}
    for path in lesson_files(folder):
        for cell in nbformat.read(path, as_version=4).cells:
            for line in region_lines(cell.source):
                found.setdefault(line, path.name)
    return found


@lru_cache(maxsize=None)
def taught_lines(folder: Path = SOLUTIONS) -> frozenset[str]:
    """Lines the lessons demonstrate outside their exercises: taught on purpose, not leaked."""
    return frozenset(normalised(line) for path in lesson_files(folder)
                     for cell in nbformat.read(path, as_version=4).cells
                     if cell.cell_type == "code" and not exercise_id(cell) for line in cell.source.splitlines())


@lru_cache(maxsize=None)
def exercise_answer(exercise: str, folder: Path = SOLUTIONS) -> tuple[str, ...]:
    """One exercise's solution lines and key expressions (the right-hand side of an assignment or a
    return), minus what the lessons teach elsewhere."""
    taught = taught_lines(folder)
    found: list[str] = []
    for path in lesson_files(folder):
        for cell in nbformat.read(path, as_version=4).cells:
            if exercise_id(cell) != exercise:
                continue
            for line in region_lines(cell.source):
                if line in taught:
                    continue
                found.append(line)
                expression = re.sub(r"^(return |[\w\[\], .]+ = )", "", line)
                if expression != line and len(expression) >= MIN_EXPRESSION and expression not in taught:
                    found.append(expression)
    return tuple(dict.fromkeys(found))


def leaked_lines(exercise: str, text: str) -> list[str]:
    """The solution lines or key expressions of `exercise` that `text` contains."""
    flat = re.sub(r"\s+", " ", text)
    return [line for line in exercise_answer(exercise) if line in flat]
