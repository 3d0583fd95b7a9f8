"""The data the public checks compare with, computed from the references and shipped to learners.

An instructor module registers a builder with `@shipped("08.2-encoder")`; it returns a Keras model
(saved as `.keras`), a dict of arrays (`.npz`) or of plain values (`.json`). `write()` puts them in
`course/exercises/data/`; `stale()` (a test) says when a reference changed and the data did not.

    python -m course expectations [--check]
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any, Callable

import numpy as np

from course.exercises.given import FOLDER

BUILDERS: dict[str, Callable[[], Any]] = {}


def shipped(name: str) -> Callable[[Callable[[], Any]], Callable[[], Any]]:
    """Register a builder of shipped data under a file stem such as "01.3-stack"."""
    def register(builder: Callable[[], Any]) -> Callable[[], Any]:
        if name in BUILDERS:
            raise ValueError(f"shipped data {name!r} is registered twice")
        BUILDERS[name] = builder
        return builder
    return register


def builders() -> dict[str, Callable[[], Any]]:
    from course.checks.registry import load_all

    load_all(graded=True)
    return BUILDERS


def write(folder: Path = FOLDER) -> list[Path]:
    """Build every shipped file into `folder`; return the paths written."""
    import keras

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in sorted(builders().items()):
        # Fresh name counters: generated layer names then do not depend on what this process built
        # before (another test, an earlier builder), and `stale()` compares them.
        keras.backend.clear_session()
        value = builder()
        if isinstance(value, keras.Model):
            path = folder / f"{name}.keras"
            value.save(path)
        elif all(isinstance(array, np.ndarray) for array in value.values()):
            path = folder / f"{name}.npz"
            np.savez(path, **value)
        else:
            path = folder / f"{name}.json"
            path.write_text(json.dumps(value, indent=1, sort_keys=True) + "\n")
        written.append(path)
    return written


def _same(a: Path, b: Path) -> bool:
    if a.suffix == ".json":
        return a.read_text() == b.read_text()
    if a.suffix == ".npz":
        with np.load(a) as left, np.load(b) as right:
            return sorted(left.files) == sorted(right.files) and all(
                left[k].shape == right[k].shape and np.allclose(left[k], right[k], atol=1e-6) for k in left.files)
    import keras

    one, two = keras.models.load_model(a), keras.models.load_model(b)
    return _architecture(one) == _architecture(two) and all(
        np.allclose(x, y, atol=1e-6) for x, y in zip(one.get_weights(), two.get_weights()))


def _architecture(model: Any) -> str:
    """The model's config without the counters Keras appends to default names (`input_layer_3`)."""
    return re.sub(r'"([a-z][a-z_]*?)_\d+"', r'"\1"', model.to_json())


def stale(folder: Path = FOLDER) -> list[str]:
    """Shipped files that differ from what the references build now, are missing, or are orphans."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = {path.name: path for path in write(Path(tmp))}
        have = {path.name: path for path in folder.glob("*") if path.suffix in (".keras", ".npz", ".json")}
        problems = [f"{name}: missing" for name in sorted(set(fresh) - set(have))]
        problems += [f"{name}: no builder makes it" for name in sorted(set(have) - set(fresh))]
        problems += [f"{name}: differs from what its reference builds" for name in sorted(set(fresh) & set(have))
                     if not _same(fresh[name], have[name])]
    return problems


def function_of(model: Any, x: np.ndarray) -> dict[str, np.ndarray]:
    """What `expect.same_function` compares with: a model's weights, an input and its predictions."""
    weights = {f"w{i}": np.asarray(w) for i, w in enumerate(model.get_weights())}
    return {"x": np.asarray(x), "y": np.asarray(model.predict(x, verbose=0)), **weights}
