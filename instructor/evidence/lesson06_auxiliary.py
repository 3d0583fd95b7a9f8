"""Lesson 06's auxiliary head (section "Train an auxiliary output"), against the same model without it,
over seeds 0–4.

The lesson trains `with_auxiliary()` once (seed 0) with loss weights 1.0 on digit and 0.3 on aux, and
drops the aux head afterwards. This study trains that model and the same network without the aux head
(pixels → early → late → digit) for each seed, and records the digit head's test accuracy of both: does
the auxiliary head help the main head beyond seed noise?
"""

from __future__ import annotations

from instructor.evidence import study

SEEDS = (0, 1, 2, 3, 4)
EPOCHS, BATCH_SIZE, AUX_WEIGHT = 10, 64, 0.3


@study("lesson06_auxiliary", lesson="06", cheap=True)
def auxiliary() -> dict:
    import keras
    from keras import layers

    import course

    (x_train, y_train), (x_test, y_test) = course.data.load_digits()

    def network(aux: bool):  # the lesson's with_auxiliary(); without the aux head when aux=False
        pixels = keras.Input(shape=(64,), name="pixels")
        early = layers.Dense(64, activation="relu", name="early")(pixels)
        late = layers.Dense(64, activation="relu", name="late")(early)
        outputs = {"digit": layers.Dense(10, activation="softmax", name="digit")(late)}
        if aux:
            outputs["aux"] = layers.Dense(10, activation="softmax", name="aux")(early)
        return keras.Model(pixels, outputs, name="with_aux" if aux else "no_aux")

    results: dict[int, dict[str, float]] = {}
    for seed in SEEDS:
        results[seed] = {}
        for aux in (True, False):
            keras.utils.set_random_seed(seed)
            model = network(aux)
            heads = ("digit", "aux") if aux else ("digit",)
            model.compile(optimizer="adam", loss={head: "sparse_categorical_crossentropy" for head in heads},
                          metrics={head: ["accuracy"] for head in heads},
                          loss_weights={"digit": 1.0, "aux": AUX_WEIGHT} if aux else None)
            model.fit(x_train, {head: y_train for head in heads}, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
            scores = model.evaluate(x_test, {head: y_test for head in heads}, batch_size=len(x_test),
                                    verbose=0, return_dict=True)
            key = "with_aux" if aux else "no_aux"
            # a model with one output names its metric without a prefix ("accuracy"), even from a dict
            results[seed][key] = scores["digit_accuracy" if aux else "accuracy"]
            if aux:
                results[seed]["aux_head"] = scores["aux_accuracy"]

    gaps = [results[s]["with_aux"] - results[s]["no_aux"] for s in SEEDS]
    n = len(y_test)
    spread = [results[s]["no_aux"] for s in SEEDS]

    def span(key: str) -> dict:
        values = [results[s][key] for s in SEEDS]
        return {"min": round(min(values), 2), "max": round(max(values), 2)}

    return {
        "protocol": (f"Lesson 06's with_auxiliary() on the digits (course.data.load_digits(), 450 test images), "
                     f"compiled with a dict of losses, loss weights 1.0 on digit and {AUX_WEIGHT} on aux, against the "
                     f"same network without the aux head; for each seed keras.utils.set_random_seed(seed), build, "
                     f"Adam, {EPOCHS} epochs in batches of {BATCH_SIZE}, then the digit head's test accuracy "
                     "(and the aux head's)."),
        "seeds": list(SEEDS),
        "seeds_vary": "the initial weights and the order of the batches; the images and their split stay fixed",
        "results": {
            "test_images": n,
            "per_seed": {str(s): {k: round(v, 3) for k, v in results[s].items()} for s in SEEDS},
            "with_aux": span("with_aux"),
            "no_aux": span("no_aux"),
            "aux_head": span("aux_head"),
            "gap_in_images_per_seed": {str(s): round(g * n) for s, g in zip(SEEDS, gaps)},
            "seeds_aux_ahead": sum(round(g * n) > 0 for g in gaps),
            "seeds_aux_behind": sum(round(g * n) < 0 for g in gaps),
            "seeds_tied": sum(round(g * n) == 0 for g in gaps),
            "largest_gap_in_images": max(abs(round(g * n)) for g in gaps),
            "no_aux_seed_spread_in_images": round((max(spread) - min(spread)) * n),
        },
    }
