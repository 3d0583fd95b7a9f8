"""course.backends: a snippet run per backend in its own process, the table, and `expect=`.

Each test starts a Python process of another backend, so the file runs with the other backend tests,
after `make test` (`.ci/run`, on JAX and on PyTorch; or `make test ARGS="tests/backends -m backends"`)."""

from __future__ import annotations

import pytest

from course import backends
from course.session import backend_name, import_keras

pytestmark = pytest.mark.backends
# Another backend than this process's, the quickest to start first (JAX: about two seconds).
OTHER = next(name for name in ("jax", "torch", "tensorflow") if name != backend_name())
ONLY_OTHER = (OTHER,)


@pytest.fixture(autouse=True)
def every_row_runs(monkeypatch):
    """conftest.py limits tables to the kernel's own backend; these tests run the other rows."""
    monkeypatch.delenv(backends.IN_KERNEL_ONLY, raising=False)


def test_a_snippet_runs_in_a_process_of_the_named_backend(capsys):
    outcomes = backends.on_each_backend("print(keras.backend.backend())", {OTHER: "ok"}, backends=ONLY_OTHER)
    assert outcomes[OTHER] == backends.Outcome(OTHER, "ok", OTHER)
    assert f"{OTHER:<11}ok              {OTHER}" in capsys.readouterr().out


def test_an_exception_is_reported_by_class_and_first_line():
    outcomes = backends.on_each_backend("raise ValueError('first line\\nsecond line')", {OTHER: "ValueError"},
                                        backends=ONLY_OTHER)
    assert outcomes[OTHER].result == "ValueError" and outcomes[OTHER].text == "first line"


def test_a_backend_that_behaves_otherwise_fails_with_its_name():
    with pytest.raises(AssertionError, match=f"{OTHER}: expected ValueError, got ok"):
        backends.on_each_backend("x = 1", {OTHER: "ValueError"}, backends=ONLY_OTHER)


def test_a_missing_backend_is_shown_and_not_checked(monkeypatch, capsys):
    monkeypatch.setattr(backends, "installed", lambda name: False)
    outcomes = backends.on_each_backend("raise SystemExit", {OTHER: "ValueError"}, backends=ONLY_OTHER)
    assert outcomes[OTHER].result == backends.NOT_INSTALLED
    assert "not installed" in capsys.readouterr().out


def test_expect_names_only_known_backends():
    with pytest.raises(ValueError, match="backends are"):
        backends.on_each_backend("x = 1", {"theano": "ok"}, backends=ONLY_OTHER)


def test_expect_can_hold_the_text_too():
    backends.on_each_backend("print('did not move')", {OTHER: ("ok", "did not move")}, backends=ONLY_OTHER)
    with pytest.raises(AssertionError, match="expected \\('ok', 'moved'\\)"):
        backends.on_each_backend("print('did not move')", {OTHER: ("ok", "moved")}, backends=ONLY_OTHER)


def test_the_kernels_own_backend_runs_in_the_kernel():
    import_keras()  # as in a lesson's kernel after course.setup()
    here = backend_name()
    outcomes = backends.on_each_backend("import os\nprint(os.getpid())", backends=(here,))
    import os

    assert outcomes[here].text == str(os.getpid())


def test_under_test_only_the_kernels_own_backend_runs(monkeypatch):
    """The suite checks each other row when it runs the lesson on that backend: no process here."""
    monkeypatch.setenv(backends.IN_KERNEL_ONLY, "1")
    import_keras()
    outcomes = backends.on_each_backend("print(keras.backend.backend())", {OTHER: "ValueError"})
    here = backend_name()
    assert outcomes[here].result == "ok" and outcomes[here].text == here
    assert {o.result for name, o in outcomes.items() if name != here} <= {backends.NOT_RUN, backends.NOT_INSTALLED}
