"""Lesson 09's transfer, fine-tuning, forgetting and ensemble results, over seeds 0–4.

The lesson runs once, with seed 0. This study replays its code in the same order for each seed, with
`seed` wherever the lesson writes `keras.utils.set_random_seed(0)`, and with
`np.random.default_rng(seed)` for the parity probe's label draws. In `lesson09_transfer` the digits, their
split and the training examples stay those of the lesson (`course.data.load_digits()`'s fixed split;
the first 50, or 150, examples of 5–9), so the seed varies the initial weights, the order of the
batches and the parity labels drawn, never which 50 examples train; seed 0 reproduces the lesson's
printed numbers. `lesson09_transfer_splits` also lets the seed pick the split, hence the examples.
"""

from __future__ import annotations

from instructor.evidence import study

SEEDS = (0, 1, 2, 3, 4)
PER_DIGIT = (1, 2, 20)  # parity probes: 5, 10 and 100 labels
FEW, POOLED = 50, 150


@study("lesson09_transfer", lesson="09", cheap=False)  # about 2 minutes
def transfer() -> dict:
    return table({seed: one_seed(seed, split_too=False) for seed in SEEDS}, split_too=False)


@study("lesson09_transfer_splits", lesson="09", cheap=False)  # about 2 minutes
def transfer_splits() -> dict:
    """The same, with `course.data.load_digits(seed=seed)`: the seed also picks the train/test split,
    hence which 50 (and 150) examples of 5–9 train and which digits test."""
    return table({seed: one_seed(seed, split_too=True) for seed in SEEDS}, split_too=True)


def one_seed(seed: int, split_too: bool) -> dict:
    """The lesson's cells from the 0–4 classifier to the pooled model, for one seed."""
    import keras
    import numpy as np
    from keras import layers
    from sklearn.linear_model import LogisticRegression

    import course

    course.setup(seed=seed)
    (x_train, y_train), (x_test, y_test) = course.data.load_digits(seed=seed if split_too else 0)
    low, low_test = y_train < 5, y_test < 5
    x_low, y_low, x_low_test, y_low_test = x_train[low], y_train[low], x_test[low_test], y_test[low_test]
    x_high, y_high = x_train[~low], y_train[~low] - 5
    x_high_test, y_high_test = x_test[~low_test], y_test[~low_test] - 5

    def make_encoder():
        return keras.Sequential([
            keras.Input(shape=(64,)),
            layers.Dense(64, activation="relu", name="hidden"),
            layers.Dense(32, activation="relu", name="embed"),
        ], name="encoder")

    def classifier(encoder, name):
        pixels = keras.Input(shape=(64,), name="pixels")
        digit = layers.Dense(5, activation="softmax", name="digit")(encoder(pixels))
        return keras.Model(pixels, digit, name=name)

    def compile_for(model, learning_rate):
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                      loss="sparse_categorical_crossentropy")
        return model

    def accuracy(model, x, y):
        return float(np.mean(keras.ops.convert_to_numpy(model(x)).argmax(axis=1) == y))

    def probe(train_x, train_y, test_x, test_y):
        return LogisticRegression(max_iter=5000).fit(train_x, train_y).score(test_x, test_y)

    # the 0–4 classifier
    keras.utils.set_random_seed(seed)
    encoder = make_encoder()
    seq = keras.Sequential([keras.Input(shape=(64,)), encoder,
                            layers.Dense(5, activation="softmax", name="digit")], name="seq")
    seq.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    seq.fit(x_low, y_low, epochs=3, batch_size=16, verbose=0)
    low_accuracy = accuracy(seq, x_low_test, y_low_test)
    func = classifier(make_encoder(), "func")
    func.set_weights(seq.get_weights())

    # the frozen head, then the probes
    few_x, few_y = x_high[:FEW], y_high[:FEW]
    keras.utils.set_random_seed(seed)
    transfer_model = classifier(encoder, "transfer")
    encoder.trainable = False
    compile_for(transfer_model, 0.01).fit(few_x, few_y, epochs=1, batch_size=FEW, verbose=0)

    def embed(x):
        return encoder.predict(x, verbose=0)

    frozen_probe = probe(embed(few_x), few_y, embed(x_high_test), y_high_test)
    pixel_probe = probe(few_x, few_y, x_high_test, y_high_test)
    low_probes = (probe(embed(x_low[:FEW]), y_low[:FEW], embed(x_low_test), y_low_test),
                  probe(x_low[:FEW], y_low[:FEW], x_low_test, y_low_test))

    def parity_probes(per_digit, draws=10):
        rng = np.random.default_rng(seed)
        train_features, test_features = embed(x_low), embed(x_low_test)
        scores = []
        for _ in range(draws):
            pick = np.concatenate([rng.choice(np.flatnonzero(y_low == d), per_digit, replace=False)
                                   for d in range(5)])
            even, test_even = y_low[pick] % 2 == 0, y_low_test % 2 == 0
            scores.append([probe(train_features[pick], even, test_features, test_even),
                           probe(x_low[pick], even, x_low_test, test_even)])
        return np.mean(scores, axis=0)

    parity = {5 * per_digit: parity_probes(per_digit) for per_digit in PER_DIGIT}

    # the trap (no recompile: a silent step, then the error on retrace), then fine-tuning
    trained_encoder = encoder.get_weights()
    encoder.trainable = True
    transfer_model.fit(few_x, few_y, epochs=1, batch_size=FEW, verbose=0)
    silent = all(np.array_equal(a, b) for a, b in zip(trained_encoder, encoder.get_weights()))
    try:
        transfer_model.fit(few_x, few_y, epochs=1, batch_size=5, verbose=0)
        raised = False
    except ValueError:
        raised = True
    compile_for(transfer_model, 0.005).fit(few_x, few_y, epochs=8, batch_size=5, verbose=0)
    fine_tuned = accuracy(transfer_model, x_high_test, y_high_test)
    seq_after, func_after = accuracy(seq, x_low_test, y_low_test), accuracy(func, x_low_test, y_low_test)

    # three models from scratch, each on its own 50 examples, trained side by side in one model
    keras.utils.set_random_seed(seed)
    members = [classifier(make_encoder(), f"scratch_{k}") for k in range(3)]
    member_inputs = [keras.Input(shape=(64,), name=f"pixels_{k}") for k in range(3)]
    trio = keras.Model(member_inputs, [m(x) for m, x in zip(members, member_inputs)], name="trio")
    parts = [slice(FEW * k, FEW * k + FEW) for k in range(3)]
    compile_for(trio, 0.005).fit([x_high[p] for p in parts], [y_high[p] for p in parts],
                                 epochs=8, batch_size=5, verbose=0)
    member_accuracies = [accuracy(m, x_high_test, y_high_test) for m in members]
    pixels = keras.Input(shape=(64,), name="pixels")
    ensemble = keras.Model(pixels, layers.Average(name="average")([m(pixels) for m in members]),
                           name="ensemble")
    ensemble_accuracy = accuracy(ensemble, x_high_test, y_high_test)

    # one model on all 150 examples, as many steps as the three members together
    keras.utils.set_random_seed(seed)
    pooled = compile_for(classifier(make_encoder(), "all_data"), 0.005)
    pooled.fit(x_high[:POOLED], y_high[:POOLED], epochs=8, batch_size=5, verbose=0)
    pooled_accuracy = accuracy(pooled, x_high_test, y_high_test)

    return {
        "low_accuracy": low_accuracy, "frozen_probe": frozen_probe, "pixel_probe": pixel_probe,
        "low_probes": [float(p) for p in low_probes],
        "parity": {labels: [float(s) for s in scores] for labels, scores in parity.items()},
        "silent": silent, "raised": raised,
        "fine_tuned": fine_tuned, "scratch": member_accuracies[0],
        "seq_after": seq_after, "func_after": func_after,
        "members": member_accuracies, "ensemble": ensemble_accuracy, "pooled": pooled_accuracy,
    }


def table(runs: dict[int, dict], split_too: bool) -> dict:
    def spread(values) -> dict:
        values = list(values)
        return {"min": round(min(values), 2), "max": round(max(values), 2)}

    def per_seed(key) -> dict:
        return {str(seed): round(run[key], 2) for seed, run in runs.items()}

    # differences are taken from the rounded accuracies (as the lesson prints them) to avoid ties by rounding
    def r(value: float) -> float:
        return round(value, 2)

    fine_minus_scratch = [r(r(run["fine_tuned"]) - r(run["scratch"])) for run in runs.values()]
    either_minus_pixels = [r(max(r(run["fine_tuned"]), r(run["scratch"])) - r(run["pixel_probe"]))
                           for run in runs.values()]
    vs_mean = [r(r(run["ensemble"]) - r(sum(run["members"]) / 3)) for run in runs.values()]
    vs_best = [r(r(run["ensemble"]) - r(max(run["members"]))) for run in runs.values()]
    vs_pooled = [r(r(run["ensemble"]) - r(run["pooled"])) for run in runs.values()]
    scratch_models = [r(a) for run in runs.values() for a in run["members"]]
    parity_gaps = {labels: [r(r(run["parity"][labels][0]) - r(run["parity"][labels][1])) for run in runs.values()]
                   for labels in (5 * p for p in PER_DIGIT)}
    return {
        "protocol": ("Lesson 09's cells replayed for each seed, in the lesson's order: course.setup(seed); the 0–4 "
                     "classifier (3 epochs, batches of 16); the frozen head (1 step at 0.01); logistic-regression "
                     "probes on the first 50 examples of 5–9 and of 0–4; parity probes with 1, 2 and 20 labels per "
                     "digit, each averaged over 10 draws from np.random.default_rng(seed); the unfreeze trap (a "
                     "fit without compiling at batch 50, then one at batch 5, which raises); fine-tuning (Adam "
                     "0.005, 8 epochs, batches of 5); three models from scratch, each on its own 50 examples "
                     "(examples 0–49, 50–99, 100–149), trained side by side; their average; one model on all 150 "
                     "examples with the same budget. Accuracies on the test digits of 5–9 (the 0–4 model on "
                     "the test digits of 0–4), rounded to 2 decimals; differences are of the rounded values."),
        "seeds": list(SEEDS),
        "seeds_vary": (("the initial weights, the order of the batches, the parity probe's label draws and the "
                        "train/test split (course.data.load_digits(seed=seed)), hence which 50 (or 150) examples "
                        "train and which digits test") if split_too else
                       ("the initial weights, the order of the batches and the parity probe's label draws; the "
                        "digits, their split and which 50 (or 150) examples train stay fixed")),
        "results": {
            "per_seed": {str(seed): {
                "low_accuracy": r(run["low_accuracy"]), "frozen_probe": r(run["frozen_probe"]),
                "pixel_probe": r(run["pixel_probe"]), "low_probes": [r(p) for p in run["low_probes"]],
                "parity_5": [r(s) for s in run["parity"][5]], "parity_10": [r(s) for s in run["parity"][10]],
                "parity_100": [r(s) for s in run["parity"][100]],
                "silent_without_compile": run["silent"], "raised_on_retrace": run["raised"],
                "fine_tuned": r(run["fine_tuned"]), "scratch": r(run["scratch"]),
                "seq_after": r(run["seq_after"]), "func_after": r(run["func_after"]),
                "members": [r(a) for a in run["members"]], "ensemble": r(run["ensemble"]),
                "pooled": r(run["pooled"]),
            } for seed, run in runs.items()},
            "probe_5_9": {"frozen": spread(run["frozen_probe"] for run in runs.values()),
                          "pixels": spread(run["pixel_probe"] for run in runs.values())},
            "parity_gap": {f"labels_{labels}": spread(gaps) for labels, gaps in parity_gaps.items()},
            "trap": {"silent_on_seeds": sum(run["silent"] for run in runs.values()),
                     "raised_on_seeds": sum(run["raised"] for run in runs.values())},
            "fine_minus_scratch": {**spread(fine_minus_scratch),
                                   "seeds_fine_ahead": sum(d > 0 for d in fine_minus_scratch),
                                   "seeds_scratch_ahead": sum(d < 0 for d in fine_minus_scratch)},
            "best_minus_pixel_probe": spread(either_minus_pixels),
            "forgetting": {"seq_drop": spread(r(run["low_accuracy"]) - r(run["seq_after"]) for run in runs.values()),
                           "func_drop": spread(r(run["low_accuracy"]) - r(run["func_after"])
                                               for run in runs.values())},
            "scratch_models": spread(scratch_models),
            "ensemble_minus_mean_member": spread(vs_mean),
            "ensemble_minus_best_member": spread(vs_best),
            "ensemble_minus_pooled": {**spread(vs_pooled),
                                      "per_seed": {str(seed): d for seed, d in zip(SEEDS, vs_pooled)},
                                      "seeds_ensemble_ahead": sum(d > 0 for d in vs_pooled),
                                      "seeds_pooled_ahead": sum(d < 0 for d in vs_pooled),
                                      "seeds_tied": sum(d == 0 for d in vs_pooled)},
        },
    }
