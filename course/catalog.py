"""The course map: what each lesson teaches and how long it takes, and the start page built from it.

Lesson titles come from each solution's first heading (`# 05 · Several inputs`); this module adds
what the title cannot say. The README's lesson table and `lessons/00_start_here.ipynb` (written by
`course.build`, opened by `make lab`) both follow it; a test keeps the README in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
START_PAGE = "00_start_here.ipynb"


@dataclass(frozen=True)
class Lesson:
    file: str
    teaches: str
    minutes: int

    @property
    def number(self) -> str:
        return self.file[:2]

    def title(self, solutions: Path | None = None) -> str:
        """The title in the solution's first heading, without the number."""
        nb = nbformat.read((solutions or ROOT / "solutions") / self.file, as_version=4)
        heading = nb.cells[0].source.splitlines()[0]
        return re.sub(r"^#\s*\d\d\s*·\s*", "", heading).strip()


LESSONS = (
    Lesson("01_two_ways.ipynb", "One digits classifier built with `Sequential` and with the functional API, "
           "proven to be the same model; where `Sequential` stops", 30),
    Lesson("02_shapes_and_building.ipynb", "Unbuilt models, `build`, `keras.Input`; shape errors at "
           "construction versus at `fit`; the `add()`/`summary()`/`pop()` loop", 30),
    Lesson("03_inspecting_models.ipynb", "Layers, weights and parameter counts; `.input` versus `.inputs`; "
           "Sequential → functional; feature extraction; `plot_model`", 35),
    Lesson("04_training_loop.ipynb", "`compile`/`fit`/`evaluate`/`predict`, curves, callbacks and a width "
           "sweep: training does not care which API built the model", 40),
    Lesson("05_multiple_inputs.ipynb", "Wide & Deep and three named inputs; lists versus dicts; the errors "
           "for wrong order and wrong keys", 40),
    Lesson("06_multiple_outputs.ipynb", "Two heads on one trunk; losses, metrics and `loss_weights` per "
           "output; what `evaluate` and `predict` return; an auxiliary output", 45),
    Lesson("07_skip_connections.ipynb", "Residual and concatenate skips; the shape-mismatch error and the "
           "projection fix; a residual block as a custom layer", 40),
    Lesson("08_shared_layers.ipynb", "One encoder on two inputs: a siamese \"same digit?\" network; proof "
           "of sharing; a serialisable layer instead of `Lambda`", 40),
    Lesson("09_models_as_layers.ipynb", "Nesting models; feature extraction; transfer learning with "
           "`trainable = False`; ensembles; encoder and autoencoder from one graph", 45),
    Lesson("10_surgery_and_saving.ipynb", "`get_config`, `to_json`, `clone_model`; `.keras` and "
           "`.weights.h5`; a new head on a trained graph; `pop()` versus rewiring", 40),
    Lesson("11_subclassing_and_choosing.ipynb", "The same model subclassed and what it loses; the "
           "`training` argument; mixing styles; choosing an API, with a quiz", 40),
    Lesson("12_capstone.ipynb", "Two inputs, two outputs, a shared block and a residual connection: "
           "built, trained, saved and graded", 60),
)

WHICH_API = """\
## Which API should I use?

| Your model | Use |
|---|---|
| One input, one output, each layer feeding the next | `keras.Sequential`: the shortest code |
| Several inputs or outputs, shared layers, skips, branches, sub-models | the functional API |
| Python control flow on the data, or a structure that changes from call to call | a subclass of `keras.Model` |

The functional API (`keras.Input` → layer calls → `keras.Model(inputs, outputs)`) keeps what Sequential
gives for free: a summary before any data, an architecture picture, `get_config` and saving. A subclass
with its own `call()` trades them for plain Python: no summary until it is called, a single box in
`plot_model`, and a `get_config` you write yourself before it can be saved and reloaded.

Three facts the course proves with code: `Sequential` *is* a `keras.Model` (a subclass: it trains, saves
and nests like any model); "the Model class" means two different styles, the functional API and
subclassing; and the styles mix freely: a Sequential can be a layer in a functional model, and a functional
model can sit inside a subclassed one. Lesson 11 makes the choice in detail and ends with a quiz.
"""


def lesson_table(solutions: Path | None = None, link_prefix: str = "") -> str:
    """The course map as a Markdown table (the README's has `link_prefix="lessons/"`).

    Lessons still being written (no solution yet) are left out; a test requires every one to exist.
    """
    solutions = solutions or ROOT / "solutions"
    rows = [f"| {lesson.number} | [{lesson.title(solutions)}]({link_prefix}{lesson.file}) | {lesson.teaches} | "
            f"{lesson.minutes} min |" for lesson in LESSONS if (solutions / lesson.file).exists()]
    return "\n".join(["| # | Lesson | What it teaches | Time |", "|---|---|---|---|", *rows])


def start_page(solutions: Path | None = None) -> nbformat.NotebookNode:
    """The notebook `make lab` opens: the course map with links, and the API choice in short."""
    cells = [
        nbformat.v4.new_markdown_cell(
            "# Keras Two Ways · Start here\n\n"
            "Every lesson builds a task twice, with `keras.Sequential` and with the functional API, proves the "
            "two are the same model, then shows what only the functional API can do. Everything runs offline, "
            "in seconds, on a laptop CPU."),
        nbformat.v4.new_markdown_cell(
            "## How to work\n\n"
            "1. Open a lesson from the map below (a click opens it in a new tab).\n"
            "2. Run its cells in order with **Shift+Enter**. Cells marked `YOUR CODE HERE` are exercises.\n"
            "3. After each exercise, run the `course.check(...)` cell below it: it says what passes and what "
            "to fix.\n\n"
            "Run the next cell once: it checks that Keras and the course packages load on this machine."),
        nbformat.v4.new_code_cell("import course\nimport widgets  # noqa: F401  (checks that it imports)\n\n"
                                  "course.setup(seed=0)"),
        nbformat.v4.new_markdown_cell(f"## The course map\n\n{lesson_table(solutions)}"),
        nbformat.v4.new_markdown_cell(WHICH_API),
    ]
    for index, cell in enumerate(cells):
        cell.id = f"start-{index}"
    return nbformat.v4.new_notebook(cells=cells)
