"""Every notebook transform of the kit, as nbconvert preprocessors chained by name (nbgrader's pattern).

nbconvert's stock `ClearOutputPreprocessor`, `ClearMetadataPreprocessor` and `TagRemovePreprocessor`
do what they can; the course adds small ones for what is its own (solution and hidden regions, the
exercise cells written from the registry, the banner, portable outputs). Which cell is which comes
from `course.notebooks`, the one place that knows the conventions.

    LESSON       solution → the learner's lesson (stubs, no outputs, no evidence claims, a banner, and,
                 given a learner repository, the cell that installs the course on Colab or Kaggle)
    REFRESH      an executed solution → what is stored (portable outputs, allowed metadata only)
    SITE         an executed lesson → a website page (its own banner: the Colab and Kaggle links, or none;
                 portable outputs)
    TEMPLATE     a solution → the notebook the grader fills with a submission's answers
    NBGRADER     a solution → nbgrader's source notebook (see instructor.nbgrader)

`run(chain, nb)` applies a chain in order and returns the notebook.
"""

from __future__ import annotations

import sysconfig
from typing import Any, Callable, Iterable

import nbformat
from nbconvert.preprocessors import (
    ClearMetadataPreprocessor,
    ClearOutputPreprocessor,
    Preprocessor,
    TagRemovePreprocessor,
)
from traitlets import Unicode

from course.notebooks import KEY, WIDGET_VIEW, check_id, exercise_id, prompt_id
from course.paths import ROOT

BANNER_TAG = "generated-banner"
INSTALL_TAG = "generated-install"
# Not a template id (course.answer_scope): the grader's copy of a lesson has no install cell, so `validate`
# counts what that cell defines as the learner's, as the grader will.
INSTALL_CELL_ID = "install-course"
# Notebook metadata that lessons keep: enough for JupyterLab to pick a Python 3 kernel.
NOTEBOOK_METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


class BuildError(ValueError):
    """A solution notebook whose markers cannot be turned into a lesson."""


class ClearSolutionRegions(Preprocessor):
    """Replace each `### BEGIN SOLUTION` … `### END SOLUTION` region by a stub with the same
    indentation; an exercise cell without markers becomes a stub as a whole."""

    begin = Unicode("### BEGIN SOLUTION").tag(config=True)
    end = Unicode("### END SOLUTION").tag(config=True)
    code_stub = Unicode("...  # YOUR CODE HERE").tag(config=True)
    text_stub = Unicode("YOUR ANSWER HERE").tag(config=True)

    def preprocess_cell(self, cell: Any, resources: dict, index: int) -> tuple[Any, dict]:
        stub = self.code_stub if cell.cell_type == "code" else self.text_stub
        if exercise_id(cell) and not has_region(cell.source, self.begin):
            cell.source = stub
        else:
            cell.source = replace_regions(cell.source, self.begin, self.end, stub, f"cell {index}")
        return cell, resources


class RemoveHiddenRegions(Preprocessor):
    """Drop `### BEGIN HIDDEN TESTS` … `### END HIDDEN TESTS` regions (nbgrader's spelling)."""

    begin = Unicode("### BEGIN HIDDEN TESTS").tag(config=True)
    end = Unicode("### END HIDDEN TESTS").tag(config=True)

    def preprocess_cell(self, cell: Any, resources: dict, index: int) -> tuple[Any, dict]:
        cell.source = replace_regions(cell.source, self.begin, self.end, None, f"cell {index}")
        return cell, resources


def has_region(source: str, begin: str) -> bool:
    return any(line.strip() == begin for line in source.splitlines())


def replace_regions(source: str, begin: str, end: str, stub: str | None, where: str) -> str:
    """`source` with every begin…end region replaced by `stub` (indented like the marker), or dropped."""
    out: list[str] = []
    inside = False
    for number, line in enumerate(source.splitlines(), 1):
        marker = line.strip()
        if marker == begin:
            if inside:
                raise BuildError(f"{where}, line {number}: {begin!r} inside an open {begin!r}")
            inside = True
            if stub is not None:
                out.append(line[: len(line) - len(line.lstrip())] + stub)
        elif marker == end:
            if not inside:
                raise BuildError(f"{where}, line {number}: {end!r} without {begin!r}")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise BuildError(f"{where}: {begin!r} is never closed")
    return "\n".join(out)


def exercise_heading(exercise: Any) -> str:
    """The first line of an exercise's prompt, written from the registry."""
    number = f"{exercise.id.split('.')[0].lstrip('0')}.{exercise.id.split('.')[1]}"
    points = exercise.points
    return f"### Exercise {number} · {exercise.title} · {points} point{'s' if points != 1 else ''}"


def check_call(exercise: Any) -> str:
    """The source of an exercise's check cell, written from the registry."""
    return f'course.check("{exercise.id}", {exercise.function})'


class SyncExerciseCells(Preprocessor):
    """Write what a notebook must show of each exercise from the registry: the prompt's heading
    (number, title, points) and the check cell. The author writes neither by hand."""

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        from course.checks.registry import get

        for cell in nb.cells:
            if prompt_id(cell):
                lines = cell.source.split("\n")
                lines[0] = exercise_heading(get(prompt_id(cell), graded=True))
                cell.source = "\n".join(lines)
            elif check_id(cell):
                cell.source = check_call(get(check_id(cell), graded=True))
        return nb, resources


class AddBanner(Preprocessor):
    """Put the generated lesson's first cell in front: where it comes from, or (for learners) what to do
    and where to open it. No text, no banner."""

    text = Unicode("").tag(config=True)

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        if not self.text:
            return nb, resources
        cell = nbformat.v4.new_markdown_cell(self.text, metadata={"tags": [BANNER_TAG]})
        cell.id = BANNER_TAG
        nb.cells.insert(0, cell)
        return nb, resources


class AddInstallCell(Preprocessor):
    """Put the cell that installs the course where it is missing (`instructor.hosted.install_cell`) just
    before the first code cell, so a notebook opened alone on Colab or Kaggle can run. No source, no cell."""

    install = Unicode("").tag(config=True)

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        if not self.install:
            return nb, resources
        cell = nbformat.v4.new_code_cell(self.install, metadata={"tags": [INSTALL_TAG]})
        cell.id = INSTALL_CELL_ID
        first = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
        nb.cells.insert(first, cell)
        return nb, resources


class PortableOutputs(Preprocessor):
    """Drop what varies between runs and machines from executed outputs: stderr streams, widget
    views (random model ids) and this machine's paths in tracebacks."""

    def preprocess_cell(self, cell: Any, resources: dict, index: int) -> tuple[Any, dict]:
        if cell.cell_type != "code":
            return cell, resources
        cell.outputs = [out for out in cell.outputs if not (out.output_type == "stream" and out.name == "stderr")]
        for out in cell.outputs:
            out.get("data", {}).pop(WIDGET_VIEW, None)
            if out.output_type == "error":
                out.traceback = [without_local_paths(line) for line in out.traceback]
        return cell, resources


def without_local_paths(text: str) -> str:
    """Tracebacks name files; show them relative to site-packages and the repository, not this machine."""
    return text.replace(sysconfig.get_paths()["purelib"] + "/", "site-packages/").replace(f"{ROOT}/", "")


class DropCheckCells(Preprocessor):
    """Remove the `course.check(...)` cells: the grader checks answers itself."""

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        nb.cells = [cell for cell in nb.cells if not check_id(cell)]
        return nb, resources


class DropEvidenceClaims(Preprocessor):
    """Remove the evidence claims from markdown metadata: the tables they name are the instructor's."""

    def preprocess_cell(self, cell: Any, resources: dict, index: int) -> tuple[Any, dict]:
        marks = cell.metadata.get(KEY)
        if isinstance(marks, dict) and "claims" in marks:
            del marks["claims"]
            if not marks:
                del cell.metadata[KEY]
        return cell, resources


class SetNotebookMetadata(Preprocessor):
    """Exactly the notebook metadata lessons keep (an allowlist), whatever the source carried."""

    def preprocess(self, nb: Any, resources: dict) -> tuple[Any, dict]:
        nb.metadata = nbformat.from_dict(NOTEBOOK_METADATA)
        return nb, resources


def allowed_cell_metadata() -> ClearMetadataPreprocessor:
    """Code cells keep only the course's own marks and their tags (an allowlist, not a denylist)."""
    return ClearMetadataPreprocessor(preserve_cell_metadata_mask={"course", "tags"}, clear_notebook_metadata=False)


Chain = list[Callable[[], Preprocessor]]

LESSON: Chain = [SyncExerciseCells, ClearSolutionRegions, RemoveHiddenRegions, ClearOutputPreprocessor,
                 allowed_cell_metadata, DropEvidenceClaims, SetNotebookMetadata, AddBanner, AddInstallCell]
SYNC: Chain = [SyncExerciseCells]
REFRESH: Chain = [PortableOutputs, allowed_cell_metadata, SetNotebookMetadata]
SITE: Chain = [lambda: TagRemovePreprocessor(remove_cell_tags={BANNER_TAG, INSTALL_TAG}), PortableOutputs, AddBanner]
TEMPLATE: Chain = [ClearOutputPreprocessor, DropCheckCells]
CLEAN: Chain = [ClearOutputPreprocessor]


def run(chain: Iterable[Callable[[], Preprocessor]], nb: Any, **settings: Any) -> Any:
    """Apply each preprocessor of `chain` to `nb` in order (settings go to those that have them)."""
    resources: dict = {}
    for make in chain:
        preprocessor = make()
        for name, value in settings.items():
            if preprocessor.has_trait(name):
                setattr(preprocessor, name, value)
        nb, resources = preprocessor.preprocess(nb, resources)
    return nb
