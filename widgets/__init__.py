"""Architecture pictures and interactive tools for Keras models.

    architecture_graph(model)   the call graph: nodes (one per layer call) and edges
    plot_architecture(model)    an SVG picture (no Graphviz, no matplotlib); PNG/PDF through .savefig
    describe(model)             the architecture in plain words: the pictures' text alternative
    compare(model_a, model_b)   two architectures side by side, with a structural diff
    to_code(model, api=...)     Python source rebuilding the model (functional or Sequential)
    export(model, "m.svg")      PNG, SVG or PDF
    explore(model)              hover a layer to light up its inbound path; click or pick one for details
    LayerStackBuilder(...)      add and pop layers with buttons; live summary and picture
    LiveCurves()                a Keras callback that redraws the training curves every epoch
    LossWeightsExplorer(...)    the loss_weights trade-off between two heads
    ApiQuiz()                   which API fits? Sequential, Functional or Subclassing, for eleven sketches
    plot_history({...})         training curves from History objects

Importing this package has no side effects and imports neither TensorFlow nor matplotlib: the
interactive tools load on first use. Every interactive tool also displays a picture of its state
and a sentence, so stored notebooks, GitHub and nbconvert show something where the widget was.
"""

from __future__ import annotations

import importlib
from typing import Any

from widgets.codegen import SequentialError, to_code
from widgets.compare import Comparison, compare
from widgets.curves import plot_history
from widgets.description import describe
from widgets.extract import architecture_graph
from widgets.graph import Graph, Node, NotAModelError
from widgets.render import export, plot_architecture

_LAZY = {
    "explore": "widgets.explorer",
    "Explorer": "widgets.explorer",
    "LayerStackBuilder": "widgets.builder",
    "LiveCurves": "widgets.live",
    "LossWeightsExplorer": "widgets.live",
    "ApiQuiz": "widgets.quiz",
}

__all__ = [
    "Comparison", "Graph", "Node", "NotAModelError", "SequentialError", "architecture_graph", "compare",
    "describe", "export", "plot_architecture", "plot_history", "to_code", *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'widgets' has no attribute {name!r}")
