"""The two-headed digit models (lessons 06 and 12): their heads, their targets and their accuracies, written once."""

from __future__ import annotations

from typing import Any

import numpy as np

HEADS = {"digit": (None, 10), "is_odd": (None, 1)}  # output name: shape
METRICS = {"digit": ["accuracy"], "is_odd": ["accuracy"]}


def outputs_are(got: dict[str, tuple], hint: str) -> None:
    """The outputs a model has (name: shape) are the two heads."""
    from course.checks import CheckFailed

    if got != HEADS:
        raise CheckFailed(f"expected outputs {HEADS}, got {got}", hint)


def targets(labels: Any) -> dict[str, np.ndarray]:
    """Both heads' targets for digit labels: the digit itself and whether it is odd (0. or 1.)."""
    labels = np.asarray(labels)
    return {"digit": labels, "is_odd": (labels % 2).astype("float32")}


def accuracies(predicted: dict[str, Any], labels: Any) -> dict[str, float]:
    """Each head's accuracy: `predicted` holds both heads' outputs (keyed by name), `labels` the digits."""
    labels = np.asarray(labels)
    return {"digit": float(np.mean(np.argmax(np.asarray(predicted["digit"]), axis=-1) == labels)),
            "is_odd": float(np.mean((np.asarray(predicted["is_odd"])[:, 0] > 0.5) == (labels % 2 == 1)))}
