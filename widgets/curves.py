"""Training curves from Keras `History` objects, drawn with matplotlib."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _history_dict(history: Any) -> dict[str, list[float]]:
    if hasattr(history, "history"):
        return dict(history.history)
    if isinstance(history, Mapping):
        return dict(history)
    raise TypeError(
        f"plot_history expects keras History objects (what model.fit returns), got {type(history).__name__}"
    )


def plot_history(histories: Mapping[str, Any], metrics: tuple[str, ...] = ("loss",)) -> Figure:
    """One panel per metric; one line per run (dashed for validation). Returns the Figure.

    `histories` maps a label to a `History` (or its `.history` dict), e.g.
    `plot_history({"Sequential": h_seq, "functional": h_func}, metrics=("loss", "accuracy"))`.
    """
    if not isinstance(histories, Mapping) or not histories:
        raise TypeError("plot_history expects a dict such as {'Sequential': history}, not a bare History")
    import matplotlib.pyplot as plt

    runs = {label: _history_dict(h) for label, h in histories.items()}
    # An opaque white card: legible on JupyterLab's dark theme as on the light one.
    figure, axes = plt.subplots(1, len(metrics), figsize=(5 * len(metrics), 3.2), squeeze=False, facecolor="white")
    styles = ["-", "--", ":", "-."]
    for ax, metric in zip(axes[0], metrics):
        for i, (label, logs) in enumerate(runs.items()):
            if metric not in logs:
                raise KeyError(f"{label!r} has no {metric!r}; it has {sorted(logs)}")
            epochs = range(1, len(logs[metric]) + 1)
            line, = ax.plot(epochs, logs[metric], styles[i % 4], label=f"{label}", lw=2.5 - i * 0.8)
            if f"val_{metric}" in logs:
                ax.plot(epochs, logs[f"val_{metric}"], styles[i % 4], color=line.get_color(),
                        alpha=0.45, label=f"{label} (validation)", lw=2.5 - i * 0.8)
        ax.set(title=metric, xlabel="epoch")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    figure.tight_layout()
    plt.close(figure)  # shown once, as the cell's value, not again by the inline backend
    return figure
