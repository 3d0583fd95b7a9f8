"""Build the notebook the grader runs: the instructor's lesson with the learner's answers in it.

Every cell comes from the instructor's solution notebook except the exercise cells, which come
from the submission, found by `metadata.course.id` (never by position). Learners move, split,
duplicate and delete cells, and JupyterLab re-saves notebooks; so:

- consecutive cells with the same id are one answer, split in pieces (joined);
- several separate copies of an exercise: the last one counts (as when running top to bottom);
- a cell that lost its metadata (pasted into a new cell) is found by the `def name(` it defines;
- a missing exercise gets the lesson's stub, scores 0, and the feedback says why.

`course.check(...)` cells are dropped: the grader checks answers itself. Learner code outside the
exercise cells is dropped too; `course.answer_scope` says what that loses, here and in `validate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Protocol

import nbformat

from course.answer_scope import outside_notes, template_names
from course.notebooks import exercise_id, lesson_file, lesson_number, lesson_of_cells
from course.paths import SOLUTIONS
from instructor.notebooks import TEMPLATE, ClearSolutionRegions, run


class NotGradable(ValueError):
    """A submission the grader cannot work with (not a notebook, unknown lesson); the reason says why."""


class ExerciseLike(Protocol):
    id: str
    function: str  # the answer's function name, to find a cell that lost its metadata


@dataclass
class Assembled:
    notebook: nbformat.NotebookNode
    lesson: str  # "01_two_ways"
    exercises: list[ExerciseLike]
    notes: dict[str, list[str]] = field(default_factory=dict)  # exercise id → what the grader noticed


def read_submission(path: Path) -> nbformat.NotebookNode:
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:  # a corrupt file, a zip, a PDF, a .py renamed .ipynb
        raise NotGradable(f"not a readable Jupyter notebook ({type(error).__name__}: {str(error)[:200]})") from None
    if not isinstance(nb.get("cells"), list):
        raise NotGradable("not a Jupyter notebook: it has no cells")
    return nb


def find_template(nb: nbformat.NotebookNode, path: Path, solutions: Path = SOLUTIONS, lesson: str = "") -> Path:
    """The instructor notebook a submission answers: the lesson being graded ("02"), else by its
    exercise ids, else by its file name. (Intake has already refused a notebook of another lesson.)"""
    number = lesson or lesson_of_cells(nb.cells) or lesson_number(path)
    if not number:
        raise NotGradable(
            "cannot tell which lesson this is: it has no exercise cells of one lesson and its name "
            "does not start with the lesson number (e.g. 01_two_ways.ipynb)"
        )
    try:
        found = lesson_file(solutions, number)
    except KeyError:
        found = None
    if found is None or not found.exists():
        raise NotGradable(f"no instructor notebook for lesson {number} in {solutions}")
    return found


def _answer_cells(nb: nbformat.NotebookNode, exercise: ExerciseLike) -> tuple[str | None, list[str]]:
    """The submission's source for one exercise, and notes on how it was found."""
    cells = nb.cells
    matches = [i for i, c in enumerate(cells) if exercise_id(c) == exercise.id]
    notes = []
    if not matches and exercise.function:
        pattern = re.compile(rf"^\s*def {re.escape(exercise.function)}\(", re.M)
        matches = [i for i, c in enumerate(cells) if c.get("cell_type") == "code" and pattern.search(c.source)]
        if matches:
            notes.append("found by its function name: the cell had lost its exercise metadata")
    if not matches:
        return None, [f"exercise cell {exercise.id} not found in the submission: scored 0"]
    groups: list[list[int]] = []  # runs of consecutive cells: one answer split in pieces
    for index in matches:
        if groups and index == groups[-1][-1] + 1:
            groups[-1].append(index)
        else:
            groups.append([index])
    if len(groups) > 1:
        notes.append(f"{len(groups)} copies of the exercise cell: graded the last one")
    chosen = groups[-1]
    if len(chosen) > 1:
        notes.append(f"the answer was split over {len(chosen)} cells: joined")
    return "\n".join(cells[i].source for i in chosen), notes


def assemble(submission: nbformat.NotebookNode, path: Path, exercises: Mapping[str, ExerciseLike],
             solutions: Path = SOLUTIONS, lesson: str = "") -> Assembled:
    template_path = find_template(submission, path, solutions, lesson)
    template = run(TEMPLATE, nbformat.read(template_path, as_version=4))
    result = Assembled(template, template_path.stem, [])
    # What this assembly drops (learner code outside exercise cells), said as `validate` says it.
    functions = {exercise_id(c): exercises[exercise_id(c)].function for c in template.cells
                 if exercise_id(c) in exercises}
    dropped = outside_notes(submission.cells, functions, template_names(template.cells))
    stub = ClearSolutionRegions()
    for index, cell in enumerate(template.cells):
        eid = exercise_id(cell)
        if eid and eid in exercises:
            exercise = exercises[eid]
            result.exercises.append(exercise)
            source, notes = _answer_cells(submission, exercise)
            cell.source = source if source is not None else stub.preprocess_cell(cell, {}, index)[0].source
            result.notes[eid] = notes + dropped.get(eid, [])
    return result
