"""Lesson 09 · grading: training the frozen model, two members; the models the checks give the answer."""

from __future__ import annotations

from typing import Any

from course.checks import ALL, Check, Collected, Input, extend
from course.exercises.lesson09 import averages_members, digits_5_to_9, members, trains_only_head
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


def averages_two(collected: Collected) -> None:
    averages_members(members(collected, ("m1", "m2")), collected.value("two_models"))


extend(
    "09.1",
    checks=[Check("is compiled, and fit changes the head but not the encoder", trains_only_head, points=2,
                  hidden=True)],
)

extend(
    "09.2",
    cases={"two_models": ([Input("m1"), Input("m2")],)},
    checks=[Check("works for two models", averages_two, hidden=True, case=ALL)],
)
