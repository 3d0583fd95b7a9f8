"""Lesson 04's wine width sweep (cells "Tune a three-class model with a sweep"), over seeds 0–4.

The lesson runs the sweep once, with seed 0. This study runs exactly its protocol with each seed and
records the validation accuracy of every width, and how many of the 34 validation wines each got
right, so that the prose can say how far one unit lags and whether 4 or 16 units is ahead.
"""

from __future__ import annotations

from instructor.evidence import study

SEEDS = (0, 1, 2, 3, 4)
WIDTHS = (1, 4, 16)
EPOCHS, BATCH_SIZE, LEARNING_RATE = 5, 8, 0.03


@study("lesson04_width_sweep", lesson="04", cheap=True)
def width_sweep() -> dict:
    return sweep(split_too=False)


def sweep(split_too: bool) -> dict:
    """The lesson's sweep for each seed; with `split_too`, the seed also picks the wines of each part
    (`course.data.load_wine(seed=seed)`), not only the initial weights and the batch order."""
    import keras
    import numpy as np
    from keras import layers

    import course

    right: dict[int, dict[int, int]] = {}  # seed -> width -> validation wines classified right
    for seed in SEEDS:
        (w_train, wy_train), _ = course.data.load_wine(seed=seed if split_too else 0)
        right[seed] = one_seed(keras, np, layers, w_train, wy_train, seed)
    n = len(wy_train) - int(len(wy_train) * 0.75)
    cut = len(wy_train) - n
    return table(right, n, cut, split_too)


def one_seed(keras, np, layers, w_train, wy_train, seed: int) -> dict[int, int]:
    """Validation wines classified right by each width, for one seed."""
    cut = int(len(w_train) * 0.75)
    w_fit, wy_fit, w_val, wy_val = w_train[:cut], wy_train[:cut], w_train[cut:], wy_train[cut:]

    def wine_model(width: int, seed: int):  # the lesson's wine_model, with the seed as an argument
        keras.utils.set_random_seed(seed)
        inputs = keras.Input(shape=(13,), name="chemistry")
        hidden = layers.Dense(width, activation="relu", name="hidden")(inputs)
        outputs = layers.Dense(3, activation="softmax", name="cultivar")(hidden)
        model = keras.Model(inputs, outputs, name=f"wine_{width}")
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=LEARNING_RATE),
                      loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        return model

    right = {}
    for width in WIDTHS:
        model = wine_model(width, seed)
        model.fit(w_fit, wy_fit, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
        labels = model.predict(w_val, verbose=0).argmax(axis=1)
        right[width] = int(np.sum(labels == wy_val))
    return right


def table(right: dict[int, dict[int, int]], n: int, cut: int, split_too: bool) -> dict:

    def accuracies(width: int) -> list[float]:
        return [right[seed][width] / n for seed in SEEDS]

    gaps = [right[seed][4] - right[seed][16] for seed in SEEDS]  # in wines; > 0: 4 units ahead
    wide = accuracies(4) + accuracies(16)
    return {
        "protocol": (f"Lesson 04's sweep as in the lesson: wine, the first {cut} training wines to fit and the "
                     f"last {n} to validate ("
                     + ("course.data.load_wine(seed=seed): the seed picks the test, fit and validation wines"
                        if split_too else "course.data.load_wine()'s fixed split, as in the lesson")
                     + f"); for each seed and each width "
                     f"in {list(WIDTHS)}, keras.utils.set_random_seed(seed), build, Adam({LEARNING_RATE}), "
                     f"{EPOCHS} epochs in batches of {BATCH_SIZE}, then validation accuracy."),
        "seeds": list(SEEDS),
        "seeds_vary": ("the initial weights, the order of the batches and which wines are fitted and validated"
                       if split_too else
                       "the initial weights and the order of the batches; the wines and their split stay fixed"),
        "results": {
            "validation_wines": n,
            "per_seed": {str(seed): {f"width_{w}": round(right[seed][w] / n, 2) for w in WIDTHS}
                         for seed in SEEDS},
            "width_1": {"min": round(min(accuracies(1)), 2), "max": round(max(accuracies(1)), 2)},
            "width_4_and_16": {"min": round(min(wide), 2), "max": round(max(wide), 2)},
            "width_4_vs_16": {
                "gap_in_wines_per_seed": {str(seed): gap for seed, gap in zip(SEEDS, gaps)},
                "largest_gap_in_wines": max(abs(gap) for gap in gaps),
                "seeds_4_ahead": sum(gap > 0 for gap in gaps),
                "seeds_16_ahead": sum(gap < 0 for gap in gaps),
                "seeds_tied": sum(gap == 0 for gap in gaps),
            },
        },
    }
