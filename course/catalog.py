"""The course map as data: the lessons in order, and what each teaches. Standard library only.

The list of lessons is defined here, once: the lesson build, the release, the refresh, the grader,
the benchmarks and the website all read it (never a glob). A lesson's title and time are read from
its notebook's introduction (`# 05 · Several inputs`, `**Time**: about 40 minutes`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Lesson:
    file: str
    teaches: str

    @property
    def number(self) -> str:
        return self.file[:2]

    @property
    def stem(self) -> str:
        return self.file.removesuffix(".ipynb")

    def _intro(self, folder: Path) -> str:
        """The introduction cell (`# NN · Title`), in a solution or in a lesson after its banner."""
        cells = json.loads((folder / self.file).read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and source.startswith(f"# {self.number} "):
                return source
        raise ValueError(f"{self.file}: no introduction cell starting `# {self.number} · Title`")

    def title(self, folder: Path) -> str:
        """The title in the notebook's first heading, without the number."""
        heading = self._intro(folder).splitlines()[0]
        return re.sub(r"^#\s*\d\d\s*·\s*", "", heading).strip()

    def minutes(self, folder: Path) -> int:
        """The time the introduction announces (`**Time**: about 40 minutes`)."""
        found = re.search(r"\*\*Time\*\*: about (\d+) minutes", self._intro(folder))
        if found is None:
            raise ValueError(f"{self.file}: the first cell must say `**Time**: about N minutes`")
        return int(found.group(1))


LESSONS = (
    Lesson("01_two_ways.ipynb", "One digits classifier built with `Sequential` and with the functional API, "
           "proven to be the same model; where `Sequential` stops"),
    Lesson("02_shapes_and_building.ipynb", "Unbuilt models, `build`, `keras.Input`; shape errors at "
           "construction versus at `fit`; the `add()`/`summary()`/`pop()` loop"),
    Lesson("03_inspecting_models.ipynb", "Layers, weights and parameter counts; `.input` versus `.inputs`; "
           "Sequential → functional; feature extraction; `plot_model`"),
    Lesson("04_training_loop.ipynb", "`compile`/`fit`/`evaluate`/`predict`, curves, callbacks, TensorBoard "
           "logs and a width sweep: training does not care which API built the model"),
    Lesson("05_multiple_inputs.ipynb", "Wide & Deep and three named inputs; lists versus dicts; the errors "
           "for wrong order and wrong keys"),
    Lesson("06_multiple_outputs.ipynb", "Two heads on one trunk; losses, metrics and `loss_weights` per "
           "output; what `evaluate` and `predict` return; an auxiliary output"),
    Lesson("07_skip_connections.ipynb", "Residual and concatenate skips; the shape-mismatch error and the "
           "projection fix; a residual block as a custom layer"),
    Lesson("08_shared_layers.ipynb", "One encoder on two inputs: a siamese \"same digit?\" network; proof "
           "of sharing; a serialisable layer instead of `Lambda`"),
    Lesson("09_models_as_layers.ipynb", "Nesting models; feature extraction; freezing, recompiling and "
           "fine-tuning; ensembles; an encoder and an autoencoder from one graph"),
    Lesson("10_surgery_and_saving.ipynb", "`get_config`, `to_json`, `clone_model`; `.keras` and "
           "`.weights.h5` and their errors; `export()` and `TFSMLayer`; a new head on a trained graph; `pop()` "
           "versus rewiring"),
    Lesson("11_subclassing_and_choosing.ipynb", "The same model subclassed and what it loses; the "
           "`training` argument and Python control flow in `call`; mixing styles and saving a subclass that holds "
           "a model; choosing an API, with a quiz"),
    Lesson("12_capstone.ipynb", "Two inputs, two outputs, a shared block and a residual connection: "
           "built, trained, saved and graded"),
    Lesson("13_custom_layers.ipynb", "Layers that own their weights (`build`, `add_weight`) in a "
           "Sequential and its functional twin; padding masks: `Masking`, `mask_zero`, `compute_mask`"),
)


def lesson(number: str) -> Lesson:
    """The lesson with this number ("05")."""
    for entry in LESSONS:
        if entry.number == number:
            return entry
    raise KeyError(f"no lesson {number!r}; lessons: {', '.join(entry.number for entry in LESSONS)}")
