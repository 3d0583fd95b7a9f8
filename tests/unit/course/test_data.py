"""course.data: offline, deterministic, correctly split."""

import socket
import urllib.request

import numpy as np
import pytest

from course import data


@pytest.fixture
def no_network(monkeypatch):
    """Make every outgoing connection fail, as on a machine with no network at all."""

    def refuse(*args, **kwargs):
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_the_block_really_blocks(no_network):
    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.com", timeout=2)


@pytest.mark.parametrize("name", sorted(data.LOADERS))
def test_every_data_set_loads_offline(no_network, name):
    dataset = data.LOADERS[name]()
    (x_train, y_train), (x_test, y_test) = dataset
    assert len(x_train) == len(y_train) > len(x_test) == len(y_test) > 0
    assert x_train.dtype == np.float32 and x_test.dtype == np.float32
    assert np.isfinite(x_train).all()


@pytest.mark.parametrize("name", sorted(data.LOADERS))
def test_splits_are_fixed_by_seed(name):
    first, again, other = data.LOADERS[name](), data.LOADERS[name](), data.LOADERS[name](seed=1)
    np.testing.assert_array_equal(first.x_train, again.x_train)
    np.testing.assert_array_equal(first.y_test, again.y_test)
    assert not np.array_equal(first.x_train, other.x_train)


def test_digits_are_scaled_flat_or_images():
    flat = data.load_digits()
    assert flat.x_train.shape == (1347, 64) and flat.x_test.shape == (450, 64)
    assert flat.x_train.min() == 0.0 and flat.x_train.max() == 1.0
    assert data.load_digits(images=True).x_train.shape == (1347, 8, 8, 1)
    assert flat.target_names == [str(d) for d in range(10)]


def test_classification_splits_are_stratified():
    digits = data.load_digits()
    train_share = np.bincount(digits.y_train) / len(digits.y_train)
    test_share = np.bincount(digits.y_test) / len(digits.y_test)
    np.testing.assert_allclose(train_share, test_share, atol=0.01)


def test_standardisation_uses_training_rows_only():
    wine = data.load_wine()
    np.testing.assert_allclose(wine.x_train.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(wine.x_train.std(axis=0), 1, atol=1e-3)
    assert np.abs(wine.x_test.mean(axis=0)).max() > 1e-3  # test rows were not used for the statistics
    raw = data.load_wine(standardize=False)
    assert raw.x_train.max() > 100  # proline, in its own units


def test_regression_targets_are_float():
    assert data.load_diabetes().y_train.dtype == np.float32
    assert data.load_linnerud().y_train.shape[1:] == (3,)


def test_repr_names_the_split():
    assert repr(data.load_iris()) == "Dataset('iris': 112 train / 38 test, x (4,), y scalar)"
