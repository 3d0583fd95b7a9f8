"""Lesson 05's comparison of the Sequential diabetes regressor and Wide & Deep, over seeds 0–4.

The lesson trains each once (seed 0) and compares their test MAE with a linear regression's. This study
runs exactly the lesson's protocol for each seed and records both test MAEs (in progression units), so
that the prose can say how far the seed alone moves each model.
"""

from __future__ import annotations

from instructor.evidence import study

SEEDS = (0, 1, 2, 3, 4)
EPOCHS, BATCH_SIZE, LEARNING_RATE = 10, 32, 0.003
WIDE_NAMES = ("bmi", "bp", "s5")


@study("lesson05_seed_ranges", lesson="05", cheap=True)
def seed_ranges() -> dict:
    import keras
    from keras import layers

    import course

    diabetes = course.data.load_diabetes()
    (x_train, y_train), (x_test, y_test) = diabetes
    y_mean, y_std = y_train.mean(), y_train.std()
    z_train, z_test = (y_train - y_mean) / y_std, (y_test - y_mean) / y_std
    wide = [diabetes.feature_names.index(name) for name in WIDE_NAMES]

    def sequential():  # the lesson's build_sequential
        normalize = layers.Normalization(name="normalize")
        normalize.adapt(x_train)
        return keras.Sequential([keras.Input(shape=(10,)), normalize,
                                 layers.Dense(32, activation="relu", name="hidden_1"),
                                 layers.Dense(32, activation="relu", name="hidden_2"),
                                 layers.Dense(1, name="progression")], name="seq")

    def wide_and_deep():  # the lesson's build_wide_and_deep
        norm_wide = layers.Normalization(name="norm_wide")
        norm_wide.adapt(x_train[:, wide])
        norm_deep = layers.Normalization(name="norm_deep")
        norm_deep.adapt(x_train)
        wide_in = keras.Input(shape=(3,), name="wide")
        deep_in = keras.Input(shape=(10,), name="deep")
        deep = layers.Dense(32, activation="relu", name="hidden_1")(norm_deep(deep_in))
        deep = layers.Dense(32, activation="relu", name="hidden_2")(deep)
        joined = layers.Concatenate(name="join")([norm_wide(wide_in), deep])
        return keras.Model([wide_in, deep_in], layers.Dense(1, name="progression")(joined), name="wide_and_deep")

    data = {"sequential": (x_train, x_test),
            "wide_and_deep": ({"wide": x_train[:, wide], "deep": x_train}, {"wide": x_test[:, wide], "deep": x_test})}
    builders = {"sequential": sequential, "wide_and_deep": wide_and_deep}
    mae: dict[str, list[float]] = {name: [] for name in builders}
    for seed in SEEDS:
        for name, build in builders.items():
            keras.utils.set_random_seed(seed)
            model = build()
            model.compile(optimizer=keras.optimizers.Adam(learning_rate=LEARNING_RATE), loss="mse", metrics=["mae"])
            train, test = data[name]
            model.fit(train, z_train, epochs=EPOCHS, batch_size=BATCH_SIZE, verbose=0)
            standardised = model.evaluate(test, z_test, verbose=0, return_dict=True)["mae"]
            mae[name].append(float(standardised * y_std))
    return {
        "protocol": (f"Lesson 05's diabetes models as in the lesson (course.data.load_diabetes(), 331 training and "
                     f"111 test patients, standardised target): for each seed keras.utils.set_random_seed(seed), "
                     f"build, Adam({LEARNING_RATE}), MSE, {EPOCHS} epochs in batches of {BATCH_SIZE}, then the test "
                     "MAE in progression units, for the Sequential model on all ten features and for Wide & Deep "
                     f"(wide: {', '.join(WIDE_NAMES)})."),
        "seeds": list(SEEDS),
        "seeds_vary": "the initial weights and the order of the batches; the patients and their split stay fixed",
        "results": {
            "per_seed": {str(s): {name: round(mae[name][i], 1) for name in builders} for i, s in enumerate(SEEDS)},
            **{name: {"min": round(min(values), 1), "max": round(max(values), 1)} for name, values in mae.items()},
        },
    }
