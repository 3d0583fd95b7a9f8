"""Architecture pictures and interactive tools for Keras models.

Importing this package has no side effects and does not import TensorFlow.
"""

from widgets.curves import plot_history
from widgets.graph import Graph, Node, NotAModelError, architecture_graph

__all__ = ["Graph", "Node", "NotAModelError", "architecture_graph", "plot_history"]
