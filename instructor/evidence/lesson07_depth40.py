"""Lesson 07's "much deeper" remark: the lesson's blocks at depth 40, with and without normalisation.

The lesson races ten-layer stacks and says that skips earn their place much deeper, where its
un-normalised residual sum diverges. This study takes the lesson's own builders to 40 blocks of 32
units and trains each for the lesson's 5 epochs (fit_digits: batch 32, Adam), for seeds 0 and 1:

- `residual`: the lesson's `deep_residual` (x + Dense(relu)(x) per block, no normalisation);
- `residual_bn`: the same with `BatchNormalization` after each block's Dense, before the relu;
- `plain_bn`: the plain stack with the same normalisation and no skips.

About 20 s per model on the 2-core machine: not cheap, so CI does not re-run it (`make evidence` does).
"""

from __future__ import annotations

from instructor.evidence import study

SEEDS = (0, 1)
DEPTH, WIDTH, EPOCHS = 40, 32, 5


def build(keras, layers, name: str):
    pixels = keras.Input(shape=(64,), name="pixels")
    x = layers.Dense(WIDTH, activation="relu", name="stem")(pixels)
    for i in range(1, DEPTH + 1):
        if name == "residual":
            y = layers.Dense(WIDTH, activation="relu", name=f"layer_{i}")(x)
        else:
            y = layers.Dense(WIDTH, name=f"layer_{i}")(x)
            y = layers.BatchNormalization(name=f"norm_{i}")(y)
            y = layers.Activation("relu", name=f"relu_{i}")(y)
        x = y if name == "plain_bn" else layers.Add(name=f"skip_{i}")([x, y])
    digit = layers.Dense(10, activation="softmax", name="digit")(x)
    return keras.Model(pixels, digit, name=name)


@study("lesson07_depth40", lesson="07", cheap=False, tolerance=0.02)
def depth40() -> dict:
    import math

    import keras
    from keras import layers

    import course

    (x_train, y_train), (x_test, y_test) = course.data.load_digits()
    names = ("residual", "residual_bn", "plain_bn")
    per_seed: dict[str, dict[str, dict]] = {name: {} for name in names}
    for name in names:
        for seed in SEEDS:
            keras.utils.set_random_seed(seed)
            model = build(keras, layers, name)
            model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
            history = model.fit(x_train, y_train, epochs=EPOCHS, batch_size=32, verbose=0)
            loss = float(history.history["loss"][-1])
            accuracy = float(model.evaluate(x_test, y_test, verbose=0, return_dict=True)["accuracy"])
            per_seed[name][str(seed)] = {
                "final_loss": round(loss, 2) if math.isfinite(loss) and loss < 1e6 else "diverged",
                "test_accuracy": round(accuracy, 2),
            }
    return {
        "protocol": (f"Lesson 07's digits, the {len(y_train)} training digits fitted and the {len(y_test)} test "
                     f"digits scored; a Dense({WIDTH}, relu) stem and {DEPTH} blocks of {WIDTH} units, then the "
                     f"softmax layer; for each design and seed, keras.utils.set_random_seed(seed), build, Adam "
                     f"(default 0.001), {EPOCHS} epochs in batches of 32 (the lesson's fit_digits), final training "
                     f"loss and test accuracy. Designs: residual (the lesson's block, no normalisation), "
                     f"residual_bn (Dense, BatchNormalization, relu, then the Add), plain_bn (the same without Add)."),
        "seeds": list(SEEDS),
        "seeds_vary": "the initial weights and the order of the batches; the digits and their split stay fixed",
        "results": {"per_seed": per_seed},
    }
