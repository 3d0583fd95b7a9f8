"""Static renders: each interactive output keeps a picture once its widget view is gone.

A notebook using every widget runs in a fresh kernel like `make outputs` runs the solutions, its
outputs go through the same clean-up (`instructor.refresh.portable`, which drops the widget view),
and nbconvert's HTML must then show a picture in every widget cell, as GitHub and nbviewer would.
"""

import os

import nbformat
import pytest
from bs4 import BeautifulSoup

from course.execute import execute
from course.notebooks import WIDGET_VIEW
from course.paths import ROOT
from course.settings import kernel_environment
from instructor.notebooks import NOTEBOOK_METADATA
from instructor.refresh import portable

SETUP = '''\
import keras
import numpy as np
from keras import layers

import widgets

keras.utils.set_random_seed(0)
inputs = keras.Input(shape=(4,), name="x")
hidden = layers.Dense(8, activation="relu", name="hidden")(inputs)
model = keras.Model(inputs, layers.Dense(1, name="out")(hidden), name="tiny")
model.compile(optimizer="adam", loss="mse")
x, y = np.random.rand(32, 4).astype("float32"), np.random.rand(32, 1).astype("float32")
'''

# tag → (code, what text/plain must say)
WIDGET_CELLS = {
    "plot-architecture": ("widgets.plot_architecture(model)", "tiny: a functional model"),
    "compare": ("widgets.compare(model, model)", "Same architecture"),
    "explorer": ('explorer = widgets.explore(model)\nexplorer.select("hidden")\nexplorer',
                 "Chosen layer: hidden (Dense)"),
    "builder": ('widgets.LayerStackBuilder((64,), specs=("Dense(32, relu)",))', "Layer-stack builder: 1 layer"),
    "live-curves": ("_ = model.fit(x, y, epochs=3, verbose=0, callbacks=[widgets.LiveCurves()])",
                    "Live training curves (training)"),
    "loss-weights": ('trade_off = widgets.LossWeightsExplorer(lambda w: {"a": w["a"], "b": 1 - w["a"]}, '
                     'heads=("a", "b"))\n_ = trade_off.sweep([0.0, 0.5, 1.0])\ntrade_off',
                     "runs at w = 0.0, 0.5, 1.0"),
    "quiz": ('quiz = widgets.ApiQuiz()\n_ = quiz.answer(0, "Sequential")\nquiz', "Score 1 / 11"),
}


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> nbformat.NotebookNode:
    cells = [nbformat.v4.new_code_cell(SETUP)]
    for tag, (code, _) in WIDGET_CELLS.items():
        cells.append(nbformat.v4.new_code_cell(code, metadata={"tags": [tag]}))
    nb = nbformat.v4.new_notebook(cells=cells, metadata=NOTEBOOK_METADATA)
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))  # this checkout's widgets
    execute(nb, cwd=tmp_path_factory.mktemp("static"), env=kernel_environment({**os.environ, "PYTHONPATH": path}))
    return portable(nb)


def outputs_of(nb: nbformat.NotebookNode, tag: str) -> list:
    return next(c.outputs for c in nb.cells if tag in c.metadata.get("tags", []))


@pytest.mark.parametrize("tag", list(WIDGET_CELLS))
def test_stored_output_keeps_a_picture_and_says_what_it_shows(executed, tag):
    outputs = [o for o in outputs_of(executed, tag) if o.output_type in ("display_data", "execute_result")]
    assert outputs, f"{tag}: no rich output"
    data = outputs[-1].data
    assert WIDGET_VIEW not in data  # what `make outputs` stores
    assert {"image/svg+xml", "image/png"} & set(data), f"{tag}: no picture in {sorted(data)}"
    assert WIDGET_CELLS[tag][1] in data["text/plain"]
    assert "nodes)" not in data["text/plain"] and "Output(layout" not in data["text/plain"]


def test_nbconvert_html_shows_a_picture_in_every_widget_cell(executed):
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(executed)
    soup = BeautifulSoup(body, "html.parser")
    for tag in WIDGET_CELLS:
        cell = soup.select_one(f".celltag_{tag}")
        assert cell is not None, f"no cell tagged {tag} in the HTML"
        outputs = cell.select(".jp-OutputArea-output")
        assert any(o.find("svg") or o.find("img") for o in outputs), f"{tag}: no picture in {outputs}"
