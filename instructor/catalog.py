"""The start page and the README's lesson table, written from the course map (`course.catalog`).

`lessons/00_start_here.ipynb` (written by `instructor.build`, opened by `make lab`) and the README's
table both follow the map; a test keeps the README in step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import nbformat

from course import guide
from course.catalog import LESSONS
from course.paths import SOLUTIONS

__all__ = ["LESSONS", "lesson_table", "start_page"]


GLOSSARY = """\
## Glossary

The words lesson 01 uses before [lesson 04](04_training_loop.ipynb) explains training properly. The course
assumes Python, a little NumPy, and the idea of a neural network trained on examples; these entries are enough
to start.

- **Dense layer**: `layers.Dense(units)`: `units` units, each of which computes a weighted sum of *all* the
  layer's inputs plus a bias and passes it through the layer's activation. On `n` inputs it has `n × units +
  units` parameters ([lesson 01](01_two_ways.ipynb), exercise 1.1).
- **Activation**: the function a layer applies to its result, set with `activation=`. `"relu"` (`max(0, x)`)
  is the usual choice for hidden layers. Without `activation=`, a `Dense` layer is linear.
- **Softmax**: the activation of a classifier's last layer: it turns one score per class into probabilities
  that are positive and sum to 1. The predicted class is the one with the largest probability.
- **Loss**: the number training makes smaller; it measures how wrong the predictions are. Set it in
  `compile(loss=...)`: `"sparse_categorical_crossentropy"` for integer class labels with a softmax output,
  `"binary_crossentropy"` for one sigmoid output ([lesson 04](04_training_loop.ipynb)).
- **Optimizer**: the rule that changes the weights, step by step, to reduce the loss.
  `compile(optimizer="adam")` uses Adam with its default learning rate of 0.001;
  `keras.optimizers.Adam(learning_rate=...)` sets another (Keras 2's `lr=` is gone) ([lesson
  04](04_training_loop.ipynb)).
- **Epoch**: one pass of `fit` over the whole training set; `fit(..., epochs=20)` makes twenty ([lesson
  04](04_training_loop.ipynb)).
- **Batch**: the group of samples behind one update of the weights. `fit(..., batch_size=32)` (also the
  default) cuts the training set into batches of 32, so one epoch makes many small updates ([lesson
  04](04_training_loop.ipynb)).
- **Validation split**: `fit(..., validation_split=0.2)` holds back the *last* 20 % of the training rows,
  never trains on them, and reports the loss and metrics on them after every epoch as `val_loss`,
  `val_accuracy`, … It tells you how well the model does on data it has not learned from ([lesson
  04](04_training_loop.ipynb)).
"""

WHICH_API = f"""\
## Which API should I use?

Ask the model questions in order (the first "yes" decides), then the last two whatever the answer:

{guide.short_table()}

The functional API (`keras.Input` → layer calls → `keras.Model(inputs, outputs)`) keeps what Sequential
gives for free: a summary before any data, an architecture picture, `get_config` and saving. A subclass
with its own `call()` trades them for plain Python: no shapes or parameter counts until it is called, a
single box in `plot_model`, and a config that holds only the constructor's arguments, so reloading needs the class
itself (and a `get_config` of your own when the constructor takes layers or models).

Three facts the course proves with code: `Sequential` *is* a `keras.Model` (a subclass: it trains, saves
and nests like any model); "the Model class" means two different styles, the functional API and
subclassing; and the styles mix freely: a Sequential can be a layer in a functional model, and a functional
model can sit inside a subclassed one. [Lesson 11](11_subclassing_and_choosing.ipynb) makes the choice in
detail, with the full table and a quiz; the table, the quiz, exercise 11.2 and this short version are all
written from one statement of the guide, `course.guide`.
"""

# How a learner validates a lesson from a notebook cell (a bare `python` in a terminal may be another one).
VALIDATE_IN_A_CELL = '!"{sys.executable}" -m course validate '  # then the lesson's file name

HOW_TO_WORK = """\
## How to work

1. Open a lesson from the map below (a click opens it in a new tab).
2. Run its cells in order with **Shift+Enter**. Cells marked `YOUR CODE HERE` are exercises.
3. After each exercise, run the `course.check(...)` cell below it: it says what passes and what to fix.
   Stuck? `course.hint("01.2")` shows a hint for that exercise, a little more each time you ask.
4. Only the exercise cells are graded: the grader puts them into its own copy of the lesson (your other
   cells are not used) and tries more inputs than the notebook does. Keep any helper you need inside an
   exercise cell.
5. Before handing a lesson in, run it in a fresh kernel, as the grader does: every cell in order, then each
   exercise's public checks. In a notebook cell of a lesson, or of this page:

   ```python
   import sys
   """ + VALIDATE_IN_A_CELL + """01_two_ways.ipynb
   ```

   In a terminal at the course's folder: `.venv/bin/python -m course validate lessons/01_two_ways.ipynb`
   (Windows: `.venv\\Scripts\\python -m course validate lessons\\01_two_ways.ipynb`). A bare `python` in
   JupyterLab's terminal may be another Python, without the course's packages.

The pictures of models in lessons 03 and 11 come from `keras.utils.plot_model`, which needs the `pydot`
package and the Graphviz programs (`dot`). If such a cell says one of them is missing, install it or skip
the picture: nothing later depends on it. The course's own `widgets` need neither.

Run the next cell once: it checks that Keras and the course packages load on this machine."""

MAP_NOTE = (
    "Lessons 07 and 08 write small layers of their own (`IdentityResidual`, `AbsLayer`): a subclass of "
    "`keras.layers.Layer` with a `call`. What these need is explained where they appear; the appendix, "
    "[lesson 13](13_custom_layers.ipynb), teaches custom layers properly (`build`, `add_weight`, masks): "
    "read it alongside 07 if you want the whole story first.")


def lesson_table(solutions: Path | None = None, link_prefix: str = "",
                 launch: Callable[[str], str] | None = None) -> str:
    """The course map as a Markdown table (the README's has `link_prefix="lessons/"`); `launch` (a lesson's
    file → its Colab and Kaggle links, `instructor.hosted.Repository.links`) adds a column.

    Lessons still being written (no solution yet) are left out; a test requires every one to exist.
    """
    solutions = solutions or SOLUTIONS
    header, rule = "| # | Lesson | What it teaches | Time |", "|---|---|---|---|"
    if launch:
        header, rule = header + " Open it online |", rule + "---|"
    rows = [f"| {lesson.number} | [{lesson.title(solutions)}]({link_prefix}{lesson.file}) | {lesson.teaches} | "
            f"{lesson.minutes(solutions)} min |" + (f" {launch(lesson.file)} |" if launch else "")
            for lesson in LESSONS if (solutions / lesson.file).exists()]
    return "\n".join([header, rule, *rows])


def start_page(solutions: Path | None = None, launch: Callable[[str], str] | None = None) -> nbformat.NotebookNode:
    """The notebook `make lab` opens: the course map with links (and, given `launch`, each lesson's Colab and
    Kaggle links), and the API choice in short."""
    cells = [
        nbformat.v4.new_markdown_cell(
            "# Keras Two Ways · Start here\n\n"
            "Every lesson builds a task twice, with `keras.Sequential` and with the functional API, proves the "
            "two are the same model, then shows what only the functional API can do. Everything runs offline, "
            "in seconds, on a laptop CPU."),
        nbformat.v4.new_markdown_cell(HOW_TO_WORK),
        nbformat.v4.new_code_cell("import course\nimport widgets  # noqa: F401  (checks that it imports)\n\n"
                                  "course.setup(seed=0)"),
        nbformat.v4.new_markdown_cell(f"## The course map\n\n{lesson_table(solutions, launch=launch)}\n\n{MAP_NOTE}"),
        nbformat.v4.new_markdown_cell(GLOSSARY),
        nbformat.v4.new_markdown_cell(WHICH_API),
    ]
    for index, cell in enumerate(cells):
        cell.id = f"start-{index}"
    return nbformat.v4.new_notebook(cells=cells)
