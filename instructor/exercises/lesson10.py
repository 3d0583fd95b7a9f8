"""Lesson 10 · the given models (shipped: functional and Sequential); grading: deeper models, another activation
and another class count."""

from __future__ import annotations

from typing import Any

from course.checks import ALL, Check, Input, extend
from course.exercises.lesson10 import CLONE_TESTS, HEAD_TESTS, PARITY_TESTS, every
from instructor.expectations import shipped


def digits_model(hidden: tuple[int, ...], sequential: bool, seed: int, names: tuple[str, ...] = ()) -> Any:
    """A small digits classifier: Dense layers (relu) named `names` (or hidden_1, ...), then `digit`."""
    import keras
    from keras import layers

    keras.utils.set_random_seed(seed)
    names = names or tuple(f"hidden_{i + 1}" for i in range(len(hidden)))
    stack = [layers.Dense(units, activation="relu", name=name) for units, name in zip(hidden, names)]
    stack.append(layers.Dense(10, activation="softmax", name="digit"))
    if sequential:
        return keras.Sequential([keras.Input(shape=(64,)), *stack], name="seq_digits")
    x = pixels = keras.Input(shape=(64,), name="pixels")
    for layer in stack:
        x = layer(x)
    return keras.Model(pixels, x, name="func_digits")


@shipped("10.1-model")
def activation_model() -> Any:
    return digits_model((16, 16), sequential=False, seed=101)


@shipped("10.1-seq-model")
def activation_seq_model() -> Any:
    return digits_model((24, 12), sequential=True, seed=102)


def activation_deeper_model() -> Any:
    return digits_model((20, 16, 12), sequential=False, seed=107)


@shipped("10.2-model")
def parity_model() -> Any:
    return digits_model((16,), sequential=False, seed=103, names=("hidden",))


@shipped("10.2-seq-model")
def parity_seq_model() -> Any:
    return digits_model((24,), sequential=True, seed=104, names=("hidden",))


def parity_deeper_model() -> Any:
    """The hidden layer is not the last one before the output here."""
    return digits_model((24, 12), sequential=True, seed=108, names=("hidden", "later"))


@shipped("10.3-model")
def head_seq_model() -> Any:
    return digits_model((16,), sequential=True, seed=105)


def deeper_seq_model() -> Any:
    return digits_model((24, 12), sequential=True, seed=106)


extend("10.1", cases={"deeper_elu": (Input("deeper"), "elu")}, inputs={"deeper": activation_deeper_model},
       checks=[Check("works for a deeper model and another activation", every(CLONE_TESTS, "deeper_elu"),
                     hidden=True, case=ALL)])

extend("10.2", cases={"deeper": (Input("deeper"),)}, inputs={"deeper": parity_deeper_model},
       checks=[Check("works when the hidden layer is not the last one", every(PARITY_TESTS, "deeper"), hidden=True,
                     case=ALL)])

extend("10.3", cases={"deeper": (Input("deeper"), 2)}, inputs={"deeper": deeper_seq_model},
       checks=[Check("works for a deeper model and two classes", every(HEAD_TESTS, "deeper"), hidden=True, case=ALL)])
