"""Lesson 10 · grading: Sequential models, other activations and class counts; the given models."""

from __future__ import annotations

from typing import Any, Callable

from course.checks import Check
from course.exercises import expect
from course.exercises.lesson10 import ACTIVATION_CHECKS, HEAD_CHECKS, PARITY_CHECKS, kept_part
from instructor.exercises import Collected, Input, grade, on_input
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


def activation_seq_model() -> Any:
    return digits_model((24, 12), sequential=True, seed=102)


@shipped("10.2-model")
def parity_model() -> Any:
    return digits_model((16,), sequential=False, seed=103, names=("hidden",))


def parity_seq_model() -> Any:
    return digits_model((24,), sequential=True, seed=104, names=("hidden",))


@shipped("10.3-model")
def head_seq_model() -> Any:
    return digits_model((16,), sequential=True, seed=105)


def deeper_seq_model() -> Any:
    return digits_model((24, 12), sequential=True, seed=106)


def graded_clone(test: Callable[[tuple], None], index: int, name: str, activation: str) -> Callable[[Collected], None]:
    return lambda collected: test((collected.inputs[name], collected.value(index), activation))


def graded_head(test: Callable[[tuple], None], index: int, name: str, classes: int) -> Callable[[Collected], None]:
    return lambda collected: test((kept_part(collected.inputs[name]), collected.value(index), classes))


grade(
    "10.1",
    function="with_activation",
    cases=[(Input("model"), "tanh"), (Input("seq_model"), "sigmoid")],
    inputs={"model": activation_model, "seq_model": activation_seq_model},
    checks=[*[Check(c.description, graded_clone(c.test, 0, "model", "tanh"), c.points) for c in ACTIVATION_CHECKS],
            Check("works for a Sequential model and another activation",
                  graded_clone(expect.all_of(ACTIVATION_CHECKS), 1, "seq_model", "sigmoid"), hidden=True)],
)

grade(
    "10.2",
    function="add_parity_head",
    cases=[(Input("model"),), (Input("seq_model"),)],
    inputs={"model": parity_model, "seq_model": parity_seq_model},
    checks=[*[Check(c.description, on_input("model", c.test), c.points) for c in PARITY_CHECKS],
            Check("works for a Sequential model", on_input("seq_model", expect.all_of(PARITY_CHECKS), 1),
                  hidden=True)],
)

grade(
    "10.3",
    function="replace_head",
    cases=[(Input("model"), 3), (Input("deeper"), 2)],
    inputs={"model": head_seq_model, "deeper": deeper_seq_model},
    checks=[*[Check(c.description, graded_head(c.test, 0, "model", 3), c.points) for c in HEAD_CHECKS],
            Check("works for a deeper model and two classes",
                  graded_head(expect.all_of(HEAD_CHECKS), 1, "deeper", 2), hidden=True)],
)
