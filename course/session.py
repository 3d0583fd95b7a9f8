"""`course.setup()`: the first code cell of every notebook calls it."""

from __future__ import annotations

import logging
import os
import platform
import warnings

from course.settings import KERNEL_ENV

_versions_shown = False


def _limit_threads() -> None:
    """Honour TF_NUM_*_THREADS (set by the test harness so two kernels share two cores)."""
    import tensorflow as tf

    intra = os.environ.get("TF_NUM_INTRAOP_THREADS")
    inter = os.environ.get("TF_NUM_INTEROP_THREADS")
    try:
        if intra:
            tf.config.threading.set_intra_op_parallelism_threads(int(intra))
        if inter:
            tf.config.threading.set_inter_op_parallelism_threads(int(inter))
    except RuntimeError:
        pass  # TensorFlow already started its thread pools in this kernel; keep them.


def quiet_logging() -> None:
    """TensorFlow's and absl's logs at ERROR only; no deprecation chatter."""
    import absl.logging
    import tensorflow as tf

    absl.logging.set_verbosity(absl.logging.ERROR)
    tf.get_logger().setLevel(logging.ERROR)
    # Deprecation chatter from inside TensorFlow and NumPy is not the learner's business.
    warnings.filterwarnings("ignore", category=DeprecationWarning)


def _inline_plots() -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and getattr(shell, "kernel", None) is not None:
        shell.run_line_magic("matplotlib", "inline")


def setup(seed: int = 0) -> None:
    """Seed everything, make ops deterministic, reset Keras names, quiet the logs, plot inline.

    Safe to call again: later calls reseed and reset without printing the versions twice.
    """
    global _versions_shown
    for name, value in KERNEL_ENV.items():
        os.environ.setdefault(name, value)  # only effective before TensorFlow is imported
    import keras
    import tensorflow as tf

    _limit_threads()
    quiet_logging()
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    keras.backend.clear_session()
    _inline_plots()
    if not _versions_shown:
        _versions_shown = True
        print(
            f"Python {platform.python_version()} · TensorFlow {tf.__version__} · "
            f"Keras {keras.__version__} · backend {keras.backend.backend()} · seed {seed}"
        )
