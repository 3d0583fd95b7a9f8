"""Lesson 06's loss-weight demo (section "Weigh one output against the other"), over seeds 0–4, at the
lesson's 3 epochs and again after 17 more (20 in all).

The lesson trains the two-headed digits model once per weight w on the digit head (1 − w on the parity
head), for 3 epochs with seed 0. This study runs exactly that protocol for each seed, records both heads'
test accuracies, then trains the same models on to 20 epochs and records them again: whether the gap
between the weights is a lasting trade-off or only how fast each head learns under a small budget.
"""

from __future__ import annotations

from instructor.evidence import study

SEEDS = (0, 1, 2, 3, 4)
WEIGHTS = (0.1, 0.9)
SHORT, LONG, BATCH_SIZE = 3, 20, 32


@study("lesson06_loss_weights", lesson="06", cheap=True)
def loss_weights() -> dict:
    import keras
    from keras import layers

    import course

    (x_train, y_train), (x_test, y_test) = course.data.load_digits()
    odd_train, odd_test = (y_train % 2).astype("float32"), (y_test % 2).astype("float32")

    def two_heads():  # the lesson's two_heads
        pixels = keras.Input(shape=(64,), name="pixels")
        trunk = layers.Dense(64, activation="relu", name="trunk")(pixels)
        digit = layers.Dense(10, activation="softmax", name="digit")(trunk)
        is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(trunk)
        return keras.Model(pixels, {"digit": digit, "is_odd": is_odd}, name="two_heads")

    def accuracies(model) -> dict[str, float]:
        scores = model.evaluate(x_test, {"digit": y_test, "is_odd": odd_test}, batch_size=len(x_test),
                                verbose=0, return_dict=True)
        return {"digit": scores["digit_accuracy"], "is_odd": scores["is_odd_accuracy"]}

    found: dict[int, dict[int, dict[float, dict[str, float]]]] = {SHORT: {}, LONG: {}}
    for seed in SEEDS:
        for epochs in (SHORT, LONG):
            found[epochs][seed] = {}
        for w in WEIGHTS:
            keras.utils.set_random_seed(seed)
            model = two_heads()
            model.compile(optimizer="adam",
                          loss={"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"},
                          metrics={"digit": ["accuracy"], "is_odd": ["accuracy"]},
                          loss_weights={"digit": w, "is_odd": round(1 - w, 1)})
            targets = {"digit": y_train, "is_odd": odd_train}
            model.fit(x_train, targets, epochs=SHORT, batch_size=BATCH_SIZE, verbose=0)
            found[SHORT][seed][w] = accuracies(model)
            model.fit(x_train, targets, epochs=LONG - SHORT, batch_size=BATCH_SIZE, verbose=0)
            found[LONG][seed][w] = accuracies(model)

    def summary(epochs: int) -> dict:
        runs = found[epochs]
        # the gain of a head from getting the larger weight: digit at w=0.9 minus w=0.1, parity the reverse
        digit_gain = [runs[s][0.9]["digit"] - runs[s][0.1]["digit"] for s in SEEDS]
        odd_gain = [runs[s][0.1]["is_odd"] - runs[s][0.9]["is_odd"] for s in SEEDS]
        return {
            "per_seed": {str(s): {f"w_{w}": {head: round(acc, 3) for head, acc in runs[s][w].items()}
                                  for w in WEIGHTS} for s in SEEDS},
            "digit_gain": {"min": round(min(digit_gain), 2), "max": round(max(digit_gain), 2)},
            "is_odd_gain": {"min": round(min(odd_gain), 2), "max": round(max(odd_gain), 2)},
            "seeds_both_heads_gain": sum(d > 0 and o > 0 for d, o in zip(digit_gain, odd_gain)),
        }

    return {
        "protocol": (f"Lesson 06's two_heads on the digits (course.data.load_digits(), 1,347 training and 450 test "
                     f"images), Adam, loss weights w on digit and 1 − w on is_odd for w in {list(WEIGHTS)}; for each "
                     f"seed keras.utils.set_random_seed(seed), build, fit {SHORT} epochs in batches of {BATCH_SIZE} "
                     f"(the lesson's run), test accuracies of both heads, then fit {LONG - SHORT} more epochs and "
                     f"test again ({LONG} in all). A head's gain: its accuracy when it has weight 0.9 minus its "
                     "accuracy when it has weight 0.1."),
        "seeds": list(SEEDS),
        "seeds_vary": "the initial weights and the order of the batches; the images and their split stay fixed",
        "results": {f"epochs_{SHORT}": summary(SHORT), f"epochs_{LONG}": summary(LONG)},
    }
