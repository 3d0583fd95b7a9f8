"""Every data set the course uses, offline: scikit-learn's bundled sets and generators.

Nothing here touches the network (`keras.datasets` and `sklearn.datasets.fetch_*` would).
Splits are stratified for classification and fixed by `seed`, so every run sees the same rows.

    (x_train, y_train), (x_test, y_test) = course.data.load_digits()
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

import numpy as np
from sklearn import datasets
from sklearn.model_selection import train_test_split


@dataclass(frozen=True, repr=False)
class Dataset:
    """A fixed train/test split. Unpacks like `keras.datasets`: `(x_train, y_train), (x_test, y_test)`."""

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    feature_names: list[str] = field(default_factory=list)
    target_names: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        return iter(((self.x_train, self.y_train), (self.x_test, self.y_test)))

    def __repr__(self) -> str:
        return (
            f"Dataset({self.name!r}: {len(self.x_train)} train / {len(self.x_test)} test, "
            f"x {self.x_train.shape[1:]}, y {self.y_train.shape[1:] or 'scalar'})"
        )


def _split(
    name: str,
    x: np.ndarray,
    y: np.ndarray,
    *,
    test_size: float,
    seed: int,
    classification: bool,
    standardize: bool = False,
    feature_names: list[str] | None = None,
    target_names: list[str] | None = None,
) -> Dataset:
    x = np.asarray(x, dtype="float32")
    y = np.asarray(y, dtype="int64" if classification else "float32")
    x_train, x_test, y_train, y_test = train_test_split(
        x, y, test_size=test_size, random_state=seed, stratify=y if classification else None
    )
    if standardize:  # statistics from the training rows only, as a careful learner would
        mean, std = x_train.mean(axis=0), x_train.std(axis=0) + 1e-7
        x_train, x_test = (x_train - mean) / std, (x_test - mean) / std
    return Dataset(
        name,
        x_train.astype("float32"),
        y_train,
        x_test.astype("float32"),
        y_test,
        list(feature_names or []),
        [str(t) for t in (target_names if target_names is not None else [])],
    )


def load_digits(test_size: float = 0.25, seed: int = 0, images: bool = False) -> Dataset:
    """8×8 handwritten digits, 10 classes, 1,797 samples. Pixels scaled to [0, 1].

    `images=False` gives flat rows of 64 pixels; `images=True` gives (8, 8, 1) arrays for CNNs.
    """
    bunch = datasets.load_digits()
    x = bunch.data / 16.0
    if images:
        x = x.reshape(-1, 8, 8, 1)
    return _split(
        "digits", x, bunch.target, test_size=test_size, seed=seed, classification=True,
        feature_names=list(bunch.feature_names), target_names=list(bunch.target_names),
    )


def _classification(loader: Callable, name: str) -> Callable[..., Dataset]:
    def load(test_size: float = 0.25, seed: int = 0, standardize: bool = True) -> Dataset:
        bunch = loader()
        return _split(
            name, bunch.data, bunch.target, test_size=test_size, seed=seed, classification=True,
            standardize=standardize, feature_names=list(bunch.feature_names),
            target_names=list(bunch.target_names),
        )

    load.__name__ = f"load_{name}"
    load.__doc__ = (
        f"scikit-learn's bundled {name} set. Features standardised with training statistics "
        "unless `standardize=False` (use that with a `Normalization` layer)."
    )
    return load


load_iris = _classification(datasets.load_iris, "iris")
load_wine = _classification(datasets.load_wine, "wine")
load_breast_cancer = _classification(datasets.load_breast_cancer, "breast_cancer")


def load_diabetes(test_size: float = 0.25, seed: int = 0) -> Dataset:
    """442 patients, 10 (already centred and scaled) features, disease progression to regress."""
    bunch = datasets.load_diabetes()
    return _split(
        "diabetes", bunch.data, bunch.target, test_size=test_size, seed=seed,
        classification=False, feature_names=list(bunch.feature_names),
    )


def load_linnerud(test_size: float = 0.25, seed: int = 0) -> Dataset:
    """20 athletes: 3 exercise features, 3 physiological targets (tiny multi-output regression)."""
    bunch = datasets.load_linnerud()
    return _split(
        "linnerud", bunch.data, bunch.target, test_size=test_size, seed=seed,
        classification=False, feature_names=list(bunch.feature_names),
        target_names=list(bunch.target_names),
    )


def make_moons(n_samples: int = 1000, noise: float = 0.2, test_size: float = 0.25, seed: int = 0) -> Dataset:
    """Two interleaving half-moons in 2-D: a small non-linear binary problem."""
    x, y = datasets.make_moons(n_samples=n_samples, noise=noise, random_state=seed)
    return _split(
        "moons", x, y, test_size=test_size, seed=seed, classification=True,
        feature_names=["x0", "x1"], target_names=["0", "1"],
    )


LOADERS: dict[str, Callable[..., Dataset]] = {
    "digits": load_digits,
    "iris": load_iris,
    "wine": load_wine,
    "breast_cancer": load_breast_cancer,
    "diabetes": load_diabetes,
    "linnerud": load_linnerud,
    "moons": make_moons,
}
