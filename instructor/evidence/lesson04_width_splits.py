"""Lesson 04's wine width sweep again, with the seed also picking the split (which wines are validated).

The fixed-split study (`lesson04_width_sweep`) varies only the initial weights and the batch order, so
its 34 validation wines are always the same. Whether "4 units ahead by one wine" means anything depends
on those wines too: here each seed also draws a new train/test split (`course.data.load_wine(seed=...)`)
and so a new set of 34 validation wines.
"""

from __future__ import annotations

from instructor.evidence import study
from instructor.evidence.lesson04_width_sweep import sweep


@study("lesson04_width_splits", lesson="04", cheap=True)
def width_splits() -> dict:
    return sweep(split_too=True)
