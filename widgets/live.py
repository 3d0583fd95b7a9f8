"""Tools that follow training: live curves during `fit`, and the multi-output loss-weight trade-off.

Both draw into an `ipywidgets.Output` with `append_display_data` (never `with out:`), so nothing
leaks into the cell's own output when notebooks run under nbval. Both also display a PNG of their
latest state and a sentence next to the widget view, the static fallback that stored notebooks,
GitHub and nbconvert show.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any, Callable, Iterable

import ipywidgets as ipw
import keras
import matplotlib.pyplot as plt
from IPython.display import display

from widgets.curves import plot_history
from widgets.frontend import keyboard_safe
from widgets.static import StaticFallback
from widgets.style import LINES


def png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=72, facecolor="white")
    return buffer.getvalue()


class _CurvesView(StaticFallback):
    """What `LiveCurves` displays: the Output widget, plus the last picture and a sentence for static views."""

    def __init__(self, curves: "LiveCurves") -> None:
        self.curves = curves

    def widget_bundle(self, **kwargs: Any) -> dict[str, Any]:
        return dict(self.curves.output._repr_mimebundle_() or {})

    def static_bundle(self) -> dict[str, Any]:
        bundle: dict[str, Any] = {"text/plain": self.curves.text()}
        if self.curves._figure is not None:
            bundle["image/png"] = png(self.curves._figure)
        return bundle

    def __repr__(self) -> str:  # what `display` prints outside a notebook
        return self.curves.text()


class LiveCurves(keras.callbacks.Callback):
    """A Keras callback that redraws one plot of the training curves as training goes.

    Use with `verbose=0`: `model.fit(x, y, epochs=20, verbose=0, callbacks=[LiveCurves()])`.
    The plot appears under the cell when training starts and is redrawn about ten times per fit
    (or every `every` epochs); `.history` holds the logged values.
    """

    def __init__(self, metrics: Iterable[str] | None = None, every: int | None = None,
                 label: str = "training") -> None:
        super().__init__()
        if every is not None and every < 1:
            raise ValueError(f"every must be a positive number of epochs, got {every}")
        self.metrics = tuple(metrics) if metrics is not None else None
        self.every, self.label = every, label
        self.output = ipw.Output(layout=ipw.Layout(min_height="240px"))
        self.history: dict[str, list[float]] = defaultdict(list)
        self.redraws = 0
        self._drawn_epochs = 0
        self._shown = False
        self._figure: Any = None
        self._lines: dict[str, Any] = {}
        self._handle: Any = None

    def text(self) -> str:
        """The displayed sentence; fixed at the start of training, so a re-run stores the same text."""
        metrics = " and ".join(self.metrics) if self.metrics else "the loss and every compiled metric"
        epochs, every = (self.params or {}).get("epochs", "?"), self._interval()
        return (f"Live training curves ({self.label}): {metrics} over {epochs} epoch{'s' * (epochs != 1)}, "
                f"redrawn every {every} epoch{'s' * (every != 1)}; the picture shows the last redraw.")

    def on_train_begin(self, logs: dict | None = None) -> None:
        self.history.clear()
        self._figure, self._lines = None, {}
        if not self._shown:
            self._shown = True
            self._handle = display(_CurvesView(self), display_id=True)

    def _interval(self) -> int:
        if self.every is not None:
            return self.every
        return max(1, int((self.params or {}).get("epochs", 10)) // 10)

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        for key, value in (logs or {}).items():
            self.history[key].append(float(value))
        if (epoch + 1) % self._interval() == 0:
            self.redraw()

    def on_train_end(self, logs: dict | None = None) -> None:
        if self.history and self._epochs() != self._drawn_epochs:  # the last epochs were not drawn yet
            self.redraw()
        if self._handle is not None:  # the final curves join the stored output (update_display_data)
            self._handle.update(_CurvesView(self))

    def _epochs(self) -> int:
        return max((len(values) for values in self.history.values()), default=0)

    def shown_metrics(self) -> tuple[str, ...]:
        if self.metrics is not None:
            return self.metrics
        return tuple(k for k in self.history if not k.startswith("val_") and k != "learning_rate")

    def redraw(self) -> None:
        """Update the lines of one figure (drawn on first use) and show it again."""
        if not self.history:
            return
        if self._figure is None:
            self._figure = plot_history({self.label: dict(self.history)}, metrics=self.shown_metrics())
            for ax, metric in zip(self._figure.axes, self.shown_metrics()):
                for line, key in zip(ax.get_lines(), [metric, f"val_{metric}"]):
                    self._lines[key] = (ax, line)
        else:
            for key, (ax, line) in self._lines.items():
                values = self.history.get(key, [])
                line.set_data(range(1, len(values) + 1), values)
                ax.relim()
                ax.autoscale_view()
        self.output.clear_output(wait=True)
        self.output.append_display_data(self._figure)
        self.redraws += 1
        self._drawn_epochs = self._epochs()

    def __repr__(self) -> str:
        return f"LiveCurves(metrics={self.metrics}, every={self.every})"


class LossWeightsExplorer(StaticFallback, ipw.VBox):
    """The trade-off between two heads of a multi-output model as their loss weights change.

    `train(weights)` trains a fresh model with `loss_weights=weights` (a dict keyed by the two
    head names) and returns a score per head, e.g. `{"digit": 0.95, "is_odd": 0.97}`. The slider
    sets the first head's weight w (the second gets 1 - w); each run adds points to the plot.
    """

    def __init__(self, train: Callable[[dict[str, float]], dict[str, float]], heads: tuple[str, str],
                 score_name: str = "score") -> None:
        if len(heads) != 2:
            raise ValueError(f"LossWeightsExplorer compares two heads, got {heads!r}")
        self.train, self.heads, self.score_name = train, tuple(heads), score_name
        self.runs: dict[float, dict[str, float]] = {}
        self.slider = ipw.FloatSlider(value=0.5, min=0.0, max=1.0, step=0.1, readout_format=".1f",
                                      description=f"w({heads[0]})", continuous_update=False)
        self.button = ipw.Button(description="train", button_style="primary", icon="play")
        self.button.on_click(lambda _: self.run(self.slider.value))
        self.status = ipw.HTML(f"<i>weights: {heads[0]} = w, {heads[1]} = 1 - w</i>")
        self.output = ipw.Output()
        super().__init__([ipw.HBox([self.slider, self.button]), self.status, self.output])
        self.add_class("kt-loss-weights")
        keyboard_safe(self)

    def weights(self, w: float) -> dict[str, float]:
        if not 0.0 <= w <= 1.0:
            raise ValueError(f"the weight must be between 0 and 1, got {w}")
        return {self.heads[0]: round(w, 3), self.heads[1]: round(1.0 - w, 3)}

    def run(self, w: float) -> dict[str, float]:
        """Train with weight `w` on the first head; record and plot the scores."""
        scores = self.train(self.weights(w))
        missing = [h for h in self.heads if h not in scores]
        if missing:
            raise KeyError(f"train() must return a score for each head; missing {missing}, got {sorted(scores)}")
        self.runs[round(w, 3)] = {h: float(scores[h]) for h in self.heads}
        self.status.value = "<br>".join(f"w = {w:.1f}: " + ", ".join(f"{h} {s:.3f}" for h, s in run.items())
                                        for w, run in sorted(self.runs.items()))
        self.output.clear_output(wait=True)
        self.output.append_display_data(self.figure())
        return self.runs[round(w, 3)]

    def sweep(self, values: Iterable[float]) -> dict[float, dict[str, float]]:
        for w in values:
            self.run(w)
        return dict(sorted(self.runs.items()))

    def figure(self) -> Any:
        figure, ax = plt.subplots(figsize=(5, 3), facecolor="white")  # a light card, legible on dark themes too
        ws = sorted(self.runs)
        if not ws:
            ax.text(0.5, 0.5, "no runs yet: choose w and press train", ha="center", va="center",
                    transform=ax.transAxes, color=LINES)
        for head, marker in zip(self.heads, "os"):
            ax.plot(ws, [self.runs[w][head] for w in ws], marker=marker, label=head)
        ax.set(xlabel=f"loss weight of {self.heads[0]} (w); {self.heads[1]} gets 1 - w", ylabel=self.score_name,
               xlim=(-0.05, 1.05))
        ax.grid(alpha=0.3)
        if ws:
            ax.legend()
        figure.tight_layout()
        plt.close(figure)
        return figure

    def text(self) -> str:
        """What the explorer shows, in words (scores left out: they vary in the last digits between machines)."""
        runs = ", ".join(f"{w:.1f}" for w in sorted(self.runs)) or "none yet"
        return (f"Loss-weight explorer: {self.score_name} of heads {self.heads[0]} and {self.heads[1]} against the "
                f"weight w of {self.heads[0]} ({self.heads[1]} gets 1 - w); runs at w = {runs}.")

    def static_bundle(self) -> dict[str, Any]:
        return {"image/png": png(self.figure()), "text/plain": self.text()}

    def __repr__(self) -> str:
        return f"LossWeightsExplorer(heads={self.heads}, runs={len(self.runs)})"
