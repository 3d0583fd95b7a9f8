"""`LayerStackBuilder`: grow a Sequential model with buttons and watch its summary and picture.

The builder keeps a list of layer specs and rebuilds a fresh `keras.Sequential` from them after
every change, so a layer that does not fit is never left half-added: Keras's own error is shown
and the stack stays as it was.
"""

from __future__ import annotations

import html
import itertools
import re
from typing import Any, Callable

import ipywidgets as ipw

from widgets.extract import architecture_graph
from widgets.frontend import keyboard_safe
from widgets.graph import Graph
from widgets.static import StaticFallback
from widgets.style import HIGHLIGHT
from widgets.svg import Picture, interactive_svg, message_picture

# Preset layers: label → factory taking the layer's name.
PRESETS: dict[str, Callable[[str], Any]] = {}


def _presets() -> dict[str, Callable[[str], Any]]:
    if not PRESETS:
        from keras import layers

        PRESETS.update({
            "Dense(32, relu)": lambda name: layers.Dense(32, activation="relu", name=name),
            "Dense(16, relu)": lambda name: layers.Dense(16, activation="relu", name=name),
            "Dense(10, softmax)": lambda name: layers.Dense(10, activation="softmax", name=name),
            "Dropout(0.2)": lambda name: layers.Dropout(0.2, name=name),
            "BatchNormalization()": lambda name: layers.BatchNormalization(name=name),
            "Reshape((8, 8, 1))": lambda name: layers.Reshape((8, 8, 1), name=name),
            "Conv2D(8, 3, relu)": lambda name: layers.Conv2D(8, 3, activation="relu", padding="same", name=name),
            "MaxPooling2D()": lambda name: layers.MaxPooling2D(name=name),
            "Flatten()": lambda name: layers.Flatten(name=name),
            "Concatenate()": lambda name: layers.Concatenate(name=name),
        })
    return PRESETS


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_ids = itertools.count(1)


def summary_text(graph: Graph) -> str:
    """A plain-text summary table, like `model.summary()` but drawn from the graph.

    (`model.summary(print_fn=...)` makes rich emit an empty display in Jupyter.)
    """
    rows = [(f"{n.layer_name} ({n.class_name})", n.shape_text(), f"{n.params:,}") for n in graph.nodes.values()]
    header = ("Layer (type)", "Output Shape", "Param #")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(3)]
    line = "  ".join(f"{{:<{widths[0]}}} {{:<{widths[1]}}} {{:>{widths[2]}}}".split())
    table = [f"Model: {graph.name!r}", line.format(*header), "-" * (sum(widths) + 4)]
    table += [line.format(*row) for row in rows]
    table.append(f"Total params: {graph.total_params:,}")
    return "\n".join(table)


def _layer_name(spec: str, position: int) -> str:
    kind = re.match(r"\w+", spec).group(0)
    return re.sub(r"(?<!^)(?=[A-Z])", "_", kind).lower().replace("2_d", "2d") + f"_{position}"


class LayerStackBuilder(StaticFallback, ipw.VBox):
    """Add and pop layers of a Sequential model; see its live summary and architecture.

    Use the buttons in JupyterLab, or `add("Dense(32, relu)")` / `pop()` from code. A spec is a
    preset label or a Python expression such as `layers.Dense(16, activation="tanh")`.
    """

    def __init__(self, shape: tuple[int, ...] = (64,), specs: tuple[str, ...] = (),
                 name: str = "stack") -> None:
        if not isinstance(shape, tuple) or not all(isinstance(d, int) for d in shape):
            raise TypeError(f"shape must be a tuple of ints such as (64,), got {shape!r}")
        self.shape, self.name = shape, name
        self.specs: list[str] = []
        self.model: Any = None
        self.error = ""
        self.choice = ipw.Dropdown(options=list(_presets()), description="Layer:", layout=ipw.Layout(width="280px"))
        self.custom = ipw.Text(placeholder='or type e.g. layers.Dense(16, activation="tanh")',
                               layout=ipw.Layout(width="340px"))
        self.add_button = ipw.Button(description="add", button_style="primary", icon="plus")
        self.pop_button = ipw.Button(description="pop", icon="minus")
        self.reset_button = ipw.Button(description="reset", icon="undo")
        self.add_button.on_click(lambda _: self._add_from_controls())
        # The text box wins only while it holds text: picking in the list empties it, so the list's
        # choice is what the next click adds, and a layer added from the text box clears it.
        self.choice.observe(lambda _: setattr(self.custom, "value", ""), names="value")
        self.pop_button.on_click(lambda _: self.pop())
        self.reset_button.on_click(lambda _: self.reset())
        self.message = ipw.HTML()
        self.summary = ipw.HTML()
        self.picture = ipw.HTML()
        controls = ipw.HBox([self.choice, self.custom, self.add_button, self.pop_button, self.reset_button])
        panels = ipw.HBox([self.summary, self.picture])
        super().__init__([controls, self.message, panels])
        self.add_class("kt-builder")
        keyboard_safe(self)
        self._rebuild(list(specs))
        if self.error:
            raise ValueError(f"the starting layers do not fit: {self.error}")

    def _make_layer(self, spec: str, position: int) -> Any:
        if spec in _presets():
            return _presets()[spec](_layer_name(spec, position))
        import keras
        from keras import layers

        try:
            layer = eval(spec, {"keras": keras, "layers": layers})  # the learner's own kernel and code
        except Exception as error:
            raise ValueError(f"could not make a layer from {spec!r}: {type(error).__name__}: {error}") from None
        if not isinstance(layer, keras.layers.Layer):
            raise ValueError(f"{spec!r} gives a {type(layer).__name__}, not a layer such as layers.Dense(8)")
        return layer

    def _rebuild(self, specs: list[str]) -> bool:
        import keras

        try:
            built = [self._make_layer(spec, i) for i, spec in enumerate(specs, 1)]
            model = keras.Sequential([keras.Input(shape=self.shape), *built], name=self.name)
        except Exception as error:  # Keras's own words are the lesson: show them
            self.error = f"{type(error).__name__}: {_ANSI.sub('', str(error)).strip()}"
            refused = html.escape(specs[-1]) if specs else "the input"
            # Theme text colour (legible on light and dark) and a red bar, rather than red text.
            self.message.value = (f"<pre style='white-space:pre-wrap;border-left:4px solid {HIGHLIGHT};"
                                  f"padding-left:6px'>✗ Keras refused {refused}:\n{html.escape(self.error)}</pre>")
            return False
        self.specs, self.model, self.error = specs, model, ""
        if not specs:  # Keras builds a Sequential only once it holds a layer
            self.message.value = f"<span>Input shape {self.shape}: add a first layer.</span>"
            self.summary.value = self.picture.value = ""
            return True
        plural = "s" * (len(specs) != 1)
        self.message.value = f"<span>{len(specs)} layer{plural} · {model.count_params():,} params</span>"
        graph = architecture_graph(model)
        self.summary.value = f"<pre style='font-size:11px'>{html.escape(summary_text(graph))}</pre>"
        self.picture.value = interactive_svg(graph, f"kt-builder-{next(_ids)}", self.text()).svg
        return True

    def _add_from_controls(self) -> bool:
        """What the add button does: the typed expression if there is one, else the list's choice."""
        typed = self.custom.value.strip()
        added = self.add(typed or self.choice.value)
        if added and typed:
            self.custom.value = ""
        return added

    def add(self, spec: str) -> bool:
        """Add a layer on top; False (and Keras's error in the widget) if it does not fit."""
        return self._rebuild(self.specs + [spec])

    def pop(self) -> bool:
        """Remove the top layer; False when the stack is already empty."""
        return bool(self.specs) and self._rebuild(self.specs[:-1])

    def reset(self) -> None:
        self._rebuild([])

    def text(self) -> str:
        """What the builder shows, in words: the stack, its summary, and Keras's last refusal."""
        if not self.specs:
            text = f"Layer-stack builder: input shape {self.shape}, no layers yet."
        else:
            text = (f"Layer-stack builder: {len(self.specs)} layer{'s' * (len(self.specs) != 1)} on input shape "
                    f"{self.shape}: {', '.join(self.specs)}.\n" + summary_text(architecture_graph(self.model)))
        if self.error:
            text += f"\nKeras refused the last layer: {self.error}"
        return text

    def static_picture(self) -> Picture:
        """The current stack as a self-contained SVG (the architecture, or a note while it is empty)."""
        if not self.specs:
            return message_picture(f"Input shape {self.shape}: add a first layer.", "Empty layer stack", self.text())
        return interactive_svg(architecture_graph(self.model), None, self.text())

    def __repr__(self) -> str:
        return f"LayerStackBuilder(shape={self.shape}, layers={self.specs})"
