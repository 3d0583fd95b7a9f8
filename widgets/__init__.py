"""Architecture pictures and interactive tools for Keras models.

Importing this package has no side effects and does not import TensorFlow.
"""

from widgets.curves import plot_history

__all__ = ["plot_history"]
