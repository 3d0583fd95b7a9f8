"""Lesson 09 · grading: training the frozen model, two members, fine-tuning; the given models."""

from __future__ import annotations

from typing import Any, Callable

from course.checks import Check, CheckFailed
from course.exercises.lesson09 import (
    ENSEMBLE_CHECKS,
    FINE_TUNE_CHECKS,
    FREEZE_CHECKS,
    averages_members,
    digits_5_to_9,
    low_learning_rate,
)
from instructor.exercises import Collected, Input, grade, on_case, on_input
from instructor.expectations import shipped


@shipped("09-encoder")
def reference_encoder() -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(9)
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(32, activation="relu", name="embed")],
                            name="encoder")


def member(seed: int) -> Any:
    import keras
    from keras import layers

    keras.utils.set_random_seed(seed)
    pixels = keras.Input(shape=(64,), name="pixels")
    hidden = layers.Dense(8, activation="relu", name="hidden")(pixels)
    digit = layers.Dense(5, activation="softmax", name="digit")(hidden)
    return keras.Model(pixels, digit, name=f"member_{seed}")


for _seed in (1, 2, 3):
    shipped(f"09.2-m{_seed}")(lambda seed=_seed: member(seed))


@shipped("09.3-transfer")
def reference_transfer() -> Any:
    import keras
    from keras import layers

    # A functional encoder: a frozen Sequential reloads from a .keras file with `trainable` True on
    # the model and False on its layers (Keras 3.15), and setting True again is then a no-op.
    keras.utils.set_random_seed(9)
    inner = keras.Input(shape=(64,), name="encoder_pixels")
    embed = layers.Dense(32, activation="relu", name="embed")(inner)
    encoder = keras.Model(inner, embed, name="encoder")
    encoder.trainable = False
    pixels = keras.Input(shape=(64,), name="pixels")
    digit = layers.Dense(5, activation="softmax", name="digit")(encoder(pixels))
    model = keras.Model(pixels, digit, name="transfer")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    # Trained once, as in the lesson: its optimizer is then built for the head's weights only, so
    # unfreezing without compiling again leaves an optimizer that cannot update the encoder.
    x, y = digits_5_to_9()
    model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    return model


def graded_ensemble(test: Callable[[tuple], None], index: int, names: tuple) -> Callable[[Collected], None]:
    return lambda collected: test(([collected.inputs[name] for name in names], collected.value(index)))


THREE, TWO = ("m1", "m2", "m3"), ("m1", "m2")

grade(
    "09.1",
    function="freeze_and_extend",
    cases=[(Input("encoder"),)],
    inputs={"encoder": reference_encoder},
    timeout=300,
    checks=[Check(c.description, on_input("encoder", c.test), c.points, c.hidden) for c in FREEZE_CHECKS],
)

grade(
    "09.2",
    function="average_of",
    cases=[([Input(name) for name in THREE],), ([Input(name) for name in TWO],)],
    inputs={"m1": lambda: member(1), "m2": lambda: member(2), "m3": lambda: member(3)},
    checks=[*[Check(c.description, graded_ensemble(c.test, 0, THREE), c.points) for c in ENSEMBLE_CHECKS],
            Check("works for two models", graded_ensemble(averages_members, 1, TWO), hidden=True)],
)

def compiled_again(model: Any) -> None:
    """The grader's twin of the public fit: a model saved with the frozen model's trained optimizer
    reloads with a fresh one, so the grader asks the loader (see `artifacts.stale_optimizer`)."""
    if getattr(model, "grader_stale_optimizer", False):
        raise CheckFailed("the model still has the optimizer of the frozen model, built for the head's weights only",
                          "compile the model again after unfreezing: setting optimizer.learning_rate is not enough.")
    low_learning_rate(model)


grade(
    "09.3",
    function="prepare_fine_tuning",
    cases=[(Input("model"),)],
    inputs={"model": reference_transfer},
    timeout=300,
    checks=[Check(c.description, on_case(0, compiled_again if c.test is low_learning_rate else c.test), c.points)
            for c in FINE_TUNE_CHECKS],
)
