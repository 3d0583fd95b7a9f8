"""Answers that are a dict of named NumPy arrays (11.3, 13.1): one check of their keys, types and shapes."""

from __future__ import annotations

from typing import Any

import numpy as np

from course.checks import CheckFailed


def named_arrays(result: Any, shapes: dict[str, tuple[int, ...]], convert: str, shape_hint: str = "") -> dict:
    """`result` as a dict with exactly the keys of `shapes`, each a NumPy array of that shape.
    `convert` says how to turn a tensor into an array; `shape_hint` what to do about a wrong shape."""
    keys = sorted(shapes)
    if not isinstance(result, dict) or sorted(result) != keys:
        got = sorted(result) if isinstance(result, dict) else type(result).__name__
        raise CheckFailed(f"expected a dict with keys {' and '.join(repr(k) for k in keys)}, got {got}")
    for key in keys:
        value = result[key]
        if not isinstance(value, np.ndarray):
            raise CheckFailed(f"{key!r} has type {type(value).__name__}, not a NumPy array", convert)
        if value.shape != tuple(shapes[key]):
            raise CheckFailed(f"{key!r} has shape {value.shape}, expected {tuple(shapes[key])}", shape_hint)
    return result
