"""course.backends: a snippet run per backend in its own process, the table, and `expect=`."""

from __future__ import annotations

import pytest

from course import backends
from course.session import import_keras

# JAX starts in about two seconds; the suite's other backend (TensorFlow) is exercised by every lesson.
FAST = ("jax",)


@pytest.fixture(autouse=True)
def every_row_runs(monkeypatch):
    """conftest.py limits tables to the kernel's own backend; these tests run the other rows."""
    monkeypatch.delenv(backends.IN_KERNEL_ONLY, raising=False)


def test_a_snippet_runs_in_a_process_of_the_named_backend(capsys):
    outcomes = backends.on_each_backend("print(keras.backend.backend())", {"jax": "ok"}, backends=FAST)
    assert outcomes["jax"] == backends.Outcome("jax", "ok", "jax")
    assert "jax        ok              jax" in capsys.readouterr().out


def test_an_exception_is_reported_by_class_and_first_line():
    outcomes = backends.on_each_backend("raise ValueError('first line\\nsecond line')", {"jax": "ValueError"},
                                        backends=FAST)
    assert outcomes["jax"].result == "ValueError" and outcomes["jax"].text == "first line"


def test_a_backend_that_behaves_otherwise_fails_with_its_name():
    with pytest.raises(AssertionError, match="jax: expected ValueError, got ok"):
        backends.on_each_backend("x = 1", {"jax": "ValueError"}, backends=FAST)


def test_a_missing_backend_is_shown_and_not_checked(monkeypatch, capsys):
    monkeypatch.setattr(backends, "installed", lambda name: False)
    outcomes = backends.on_each_backend("raise SystemExit", {"jax": "ValueError"}, backends=FAST)
    assert outcomes["jax"].result == backends.NOT_INSTALLED
    assert "not installed" in capsys.readouterr().out


def test_expect_names_only_known_backends():
    with pytest.raises(ValueError, match="backends are"):
        backends.on_each_backend("x = 1", {"theano": "ok"}, backends=FAST)


def test_expect_can_hold_the_text_too():
    backends.on_each_backend("print('did not move')", {"jax": ("ok", "did not move")}, backends=FAST)
    with pytest.raises(AssertionError, match="expected \\('ok', 'moved'\\)"):
        backends.on_each_backend("print('did not move')", {"jax": ("ok", "moved")}, backends=FAST)


def test_under_test_only_the_kernels_own_backend_runs(monkeypatch, capsys):
    """The suite checks each other row when it runs the lesson on that backend: no process here."""
    monkeypatch.setenv(backends.IN_KERNEL_ONLY, "1")
    import_keras()  # as in a lesson's kernel after course.setup()
    outcomes = backends.on_each_backend("print(keras.backend.backend())", {"jax": "ValueError"})
    here = backends.backend_name()
    assert outcomes[here].result == "ok" and outcomes[here].text == here
    assert {o.result for name, o in outcomes.items() if name != here} <= {backends.NOT_RUN, backends.NOT_INSTALLED}
