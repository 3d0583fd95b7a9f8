"""What the public checks are given: input models and expected values, shipped as data.

The instructor kit computes these files once from its reference implementations
(`python -m course expectations`); the checks here compare with them, so no answer code ships.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

FOLDER = Path(__file__).parent / "data"


def model(name: str) -> Any:
    """A fresh copy of a shipped model (an answer may change the model it is given)."""
    import keras

    return keras.models.load_model(FOLDER / f"{name}.keras")


def arrays(name: str) -> dict[str, np.ndarray]:
    """Shipped arrays by name, e.g. the weights, inputs and predictions of a reference model."""
    with np.load(FOLDER / f"{name}.npz", allow_pickle=False) as archive:
        return {key: archive[key] for key in archive.files}


def json_data(name: str) -> Any:
    """Shipped plain values (a digest, a table of numbers)."""
    return json.loads((FOLDER / f"{name}.json").read_text())
