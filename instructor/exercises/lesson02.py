"""Lesson 02 · grading: another feature count, the convolution's settings, another model's shapes."""

from __future__ import annotations

from typing import Any

from course.checks import Check, CheckFailed
from course.exercises import expect
from course.exercises.lesson02 import CNN_CHECKS, N_FEATURES, late_checks, shapes_match
from instructor.exercises import Input, grade, on_case, on_first_case
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


grade(
    "02.1",
    function="build_late",
    cases=[(N_FEATURES,), (5,)],
    checks=[*on_first_case(late_checks(N_FEATURES)),
            Check("is built for any number of features", on_case(1, expect.all_of(late_checks(5))), hidden=True)],
)

grade(
    "02.2",
    function="digits_cnn",
    cases=[()],
    checks=[*on_first_case(CNN_CHECKS),
            Check("uses Conv2D(8, 3, padding='same', activation='relu')", on_case(0, conv_settings), hidden=True)],
)

grade(
    "02.3",
    function="layer_output_shapes",
    cases=[(Input("cnn"),), (Input("dense"),)],
    inputs={"cnn": reference_cnn, "dense": reference_dense},
    checks=[
        Check("lists every layer's output shape in order", on_case(0, shapes_match)),
        Check("works for another model", on_case(1, lambda s: shapes_match(s, [(None, 5), (None, 2)])), hidden=True),
    ],
)
