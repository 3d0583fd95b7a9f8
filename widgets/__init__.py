"""Architecture pictures and interactive tools for Keras models.

    architecture_graph(model)   the call graph: nodes (one per layer call) and edges
    plot_architecture(model)    a matplotlib Figure, no Graphviz needed
    compare(model_a, model_b)   two architectures side by side, with a structural diff
    to_code(model, api=...)     Python source rebuilding the model (functional or Sequential)
    export(model, "m.svg")      PNG, SVG or PDF

Importing this package has no side effects and does not import TensorFlow.
"""

from widgets.codegen import SequentialError, to_code
from widgets.compare import Comparison, compare
from widgets.curves import plot_history
from widgets.graph import Graph, Node, NotAModelError, architecture_graph
from widgets.render import export, plot_architecture

__all__ = [
    "Comparison", "Graph", "Node", "NotAModelError", "SequentialError", "architecture_graph", "compare",
    "export", "plot_architecture", "plot_history", "to_code",
]
