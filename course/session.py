"""`course.setup()`: the first code cell of every notebook calls it.

It honours `KERAS_BACKEND` (tensorflow, jax or torch; TensorFlow when unset) and says which backend
runs. On JAX and PyTorch it never imports TensorFlow, which costs seconds. TensorFlow's C++ start-up
lines ("Could not find cuda drivers ...") are written to the process's stderr before any Python
setting can silence them, so the import happens with that file descriptor pointed elsewhere.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import sys
import warnings
from collections.abc import Iterator

from course.settings import KERNEL_ENV

BACKENDS = ("tensorflow", "jax", "torch")
_versions_shown = False


def backend_name() -> str:
    """The backend Keras will use: `KERAS_BACKEND`, else TensorFlow (Keras's own default)."""
    name = os.environ.get("KERAS_BACKEND", "tensorflow")
    if name not in BACKENDS:
        raise ValueError(f"KERAS_BACKEND={name!r}: the course runs on {', '.join(BACKENDS)}")
    return name


@contextlib.contextmanager
def quiet_native_stderr() -> Iterator[None]:
    """Send what C/C++ code writes to file descriptor 2 to /dev/null for the duration (Python's own
    warnings and errors still show: they go through `sys.stderr`, not this descriptor)."""
    try:
        saved = os.dup(2)
    except OSError:  # no real descriptor 2 (an embedded interpreter): nothing to quiet
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def import_keras() -> object:
    """`import keras` with the backend's native start-up noise silenced (nothing to do once loaded:
    the checks call this before each use)."""
    if "keras" in sys.modules and (backend_name() != "tensorflow" or "tensorflow" in sys.modules):
        return sys.modules["keras"]
    for name, value in KERNEL_ENV.items():
        os.environ.setdefault(name, value)  # only effective before the backend is imported
    with quiet_native_stderr():
        import keras
        if backend_name() == "tensorflow":
            import tensorflow  # noqa: F401  (its C++ lines are printed on import)
    return keras


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
    """The backend's logs at ERROR only (TensorFlow's and absl's); no deprecation chatter."""
    import_keras()
    if backend_name() == "tensorflow" or "tensorflow" in sys.modules:
        import absl.logging
        import tensorflow as tf

        absl.logging.set_verbosity(absl.logging.ERROR)
        tf.get_logger().setLevel(logging.ERROR)
    # Deprecation chatter from inside the backends and NumPy is not the learner's business.
    warnings.filterwarnings("ignore", category=DeprecationWarning)


def _skip_tensorflow_seed() -> None:
    """`keras.utils.set_random_seed` also seeds TensorFlow whenever it is installed (for tf.data),
    importing it: seconds on JAX and PyTorch, where the course never uses tf.data. Tell Keras's lazy
    TensorFlow handle it is unavailable, unless TensorFlow is already loaded."""
    if "tensorflow" in sys.modules:
        return
    from keras.src.utils import module_utils

    module_utils.tensorflow._available = False


def _notebook_display() -> None:
    """Inline plots, and short tracebacks: a deliberate Keras error shows its one line that matters
    (`ValueError: ...`) under the cell that raised it, not 25-60 lines of Keras's own frames
    (`%xmode Context` brings them back)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and getattr(shell, "kernel", None) is not None:
        shell.run_line_magic("matplotlib", "inline")
        shell.InteractiveTB.set_mode(mode="Minimal")  # what %xmode Minimal does, without its printed line


def backend_version(name: str) -> str:
    module = {"tensorflow": "tensorflow", "jax": "jax", "torch": "torch"}[name]
    return getattr(sys.modules.get(module) or __import__(module), "__version__", "?")


def setup(seed: int = 0) -> None:
    """Seed everything, make ops deterministic, reset Keras names, quiet the logs, plot inline.

    Safe to call again: later calls reseed and reset without printing the versions twice.
    """
    global _versions_shown
    keras = import_keras()
    backend = keras.backend.backend()
    quiet_logging()
    if backend == "tensorflow":
        import tensorflow as tf

        _limit_threads()
        tf.config.experimental.enable_op_determinism()
    else:
        _skip_tensorflow_seed()
    if backend == "torch":
        import torch

        torch.use_deterministic_algorithms(True, warn_only=True)
        torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", torch.get_num_threads())))
    keras.utils.set_random_seed(seed)
    keras.backend.clear_session()
    _notebook_display()
    if not _versions_shown:
        _versions_shown = True
        print(f"✓ ready: Python {platform.python_version()} · Keras {keras.__version__} · backend {backend} "
              f"{backend_version(backend)} · seed {seed}")
