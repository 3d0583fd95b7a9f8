"""Lesson 02 · grading: another feature count, the convolution's settings, another model's shapes."""

from __future__ import annotations

from typing import Any

from course.checks import Check, CheckFailed, Input, extend
from course.exercises import expect
from course.exercises.lesson02 import late_checks, shapes_match
from instructor.expectations import shipped


@shipped("02.3-cnn")
def reference_cnn() -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(2)
    return keras.Sequential([
        keras.Input(shape=(64,)), layers.Reshape((8, 8, 1)), layers.Conv2D(4, 3), layers.MaxPooling2D(),
        layers.Flatten(), layers.Dense(3),
    ], name="reference_cnn")


def reference_dense() -> Any:
    import keras
    from keras import layers

    return keras.Sequential([keras.Input(shape=(12,)), layers.Dense(5), layers.Dense(2)], name="reference_dense")


def conv_settings(model: Any) -> None:
    conv = next(layer for layer in model.layers if type(layer).__name__ == "Conv2D")
    config = conv.get_config()
    got = (config["filters"], tuple(config["kernel_size"]), config["padding"], config["activation"])
    if got != (8, (3, 3), "same", "relu"):
        raise CheckFailed(f"Conv2D has filters, kernel, padding, activation {got}")


extend("02.1", cases={"five_features": (5,)}, checks=[
    Check("is built for any number of features", expect.all_of(late_checks(5)), hidden=True, case="five_features"),
])

extend("02.2", checks=[
    Check("uses Conv2D(8, 3, padding='same', activation='relu')", conv_settings, hidden=True),
])

extend("02.3", cases={"dense": (Input("dense"),)}, inputs={"dense": reference_dense}, checks=[
    Check("works for another model", lambda shapes: shapes_match(shapes, [(None, 5), (None, 2)]), hidden=True,
          case="dense"),
])
