"""The environment every notebook kernel runs with, defined once. Standard library only.

`KERNEL_ENV` is what any kernel of the course gets (quiet TensorFlow, the numerics the stored
outputs were made with); `TEST_ENV` adds what makes outputs portable between machines (one thread
per op, so reductions add up in a fixed order and two kernels share two cores; rich's table width).
"""

from __future__ import annotations

import os
from typing import Mapping

KERNEL_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "CUDA_VISIBLE_DEVICES": "-1",
    "PYTHONHASHSEED": "0",
}

TEST_ENV = {
    **KERNEL_ENV,
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "JUPYTER_COLUMNS": "115",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
}


def kernel_environment(base: Mapping[str, str] | None = None,
                       settings: Mapping[str, str] = TEST_ENV) -> dict[str, str]:
    """The environment a kernel starts with: `base` (default: this process's) with `settings` on top."""
    return {**(os.environ if base is None else base), **settings}
