"""course.setup() and side-effect-free imports."""

import os
import subprocess
import sys

from course.paths import ROOT


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_importing_the_packages_has_no_side_effects():
    out = run_python(
        "import random, sys, numpy as np, matplotlib\n"
        "rc = dict(matplotlib.rcParams); state = random.getstate(); np_state = np.random.get_state()[1].copy()\n"
        "import course, widgets\n"
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules, 'heavy import'\n"
        "assert 'sklearn' not in sys.modules, 'course imported scikit-learn eagerly'\n"
        "assert dict(matplotlib.rcParams) == rc, 'rcParams changed'\n"
        "assert random.getstate() == state and (np.random.get_state()[1] == np_state).all(), 'seeded'\n"
        "print(course.__file__, widgets.__file__)\n"
    )
    assert str(ROOT / "course") in out and str(ROOT / "widgets") in out  # the repository's, not a namesake


def test_setup_seeds_resets_names_and_prints_versions_once():
    out = run_python(
        "import course, keras, numpy as np\n"
        "from tensorflow.python.framework import config\n"
        "course.setup(seed=3); a = np.random.rand(3); w1 = keras.layers.Dense(2); w1.build((None, 2))\n"
        "course.setup(seed=3); b = np.random.rand(3); w2 = keras.layers.Dense(2); w2.build((None, 2))\n"
        "assert (a == b).all(), 'numpy not reseeded'\n"
        "assert (w1.kernel.numpy() == w2.kernel.numpy()).all(), 'keras initialisers not reseeded'\n"
        "assert w2.name == 'dense', f'clear_session not called: {w2.name}'\n"
        "assert config.is_op_determinism_enabled()\n"
    )
    assert out.count("Keras 3.15") == 1, out
    assert out.startswith("✓ ready: Python 3.") and "backend tensorflow" in out


def test_setup_says_nothing_on_stderr_and_honours_the_backend():
    """The learner's first output is one clean line: TensorFlow's C++ start-up lines ("Could not find
    cuda drivers ...") are written before any setting can silence them, so setup silences the descriptor."""
    done = subprocess.run([sys.executable, "-c", "import course; course.setup()"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env={**os.environ, "KERAS_BACKEND": "tensorflow"})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    probe = "import course, sys; course.setup(); print('tensorflow' in sys.modules)"
    jax = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={**os.environ, "KERAS_BACKEND": "jax"})
    assert jax.returncode == 0, jax.stderr
    assert "backend jax" in jax.stdout and jax.stdout.strip().endswith("False")  # JAX never loads TensorFlow
