"""Lesson 12, exercise 12.4's question "what does a hidden layer buy the `is_odd` head?", over seeds 0–4.

Three designs under exactly the budget the 12.4 checker gives every design (a fresh copy seeded with the
seed, Adam(0.01), 5 epochs in batches of 64 on the training digits cut into left and right halves, both
heads scored on the 450 test digits), through the checker's own functions:

- `hidden_32`: the lesson's reference answer: one shared `Dense(32, relu)` encoder per half, the join,
  a `Dense(32, relu)` hidden layer, the two heads;
- `no_hidden`: the same without the hidden layer: both heads read the joined half-encodings directly;
- `linear`: no hidden layer at all: both heads read the joined pixels (two logistic regressions).
"""

from __future__ import annotations

from instructor.evidence import study

SEEDS = (0, 1, 2, 3, 4)


def design(keras, layers, name: str):
    left = keras.Input(shape=(32,), name="left")
    right = keras.Input(shape=(32,), name="right")
    if name == "linear":
        x = layers.Concatenate(name="join")([left, right])
    else:
        encoder = layers.Dense(32, activation="relu", name="encoder")
        x = layers.Concatenate(name="join")([encoder(left), encoder(right)])
    if name == "hidden_32":
        x = layers.Dense(32, activation="relu", name="hidden")(x)
    digit = layers.Dense(10, activation="softmax", name="digit")(x)
    is_odd = layers.Dense(1, activation="sigmoid", name="is_odd")(x)
    return keras.Model({"left": left, "right": right}, {"digit": digit, "is_odd": is_odd}, name="design")


@study("lesson12_hidden_layer", lesson="12", cheap=True)
def hidden_layer() -> dict:
    import keras
    from keras import layers

    from course.exercises import expect, heads
    from course.exercises.lesson12 import (
        DESIGN_BUDGET,
        DESIGN_DIGIT_MIN,
        DESIGN_ODD_MIN,
        LOSSES,
        digits,
        left_right,
        predictions,
        targets,
    )

    (x_train, y_train), (x_test, y_test) = digits()
    names = ("hidden_32", "no_hidden", "linear")
    scores: dict[str, dict[int, dict[str, float]]] = {name: {} for name in names}
    params = {}
    for name in names:
        model = design(keras, layers, name)
        params[name] = model.count_params()
        for seed in SEEDS:
            fresh = expect.train_fresh(model, left_right(x_train), targets(y_train), loss=LOSSES,
                                       metrics=heads.METRICS, seed=seed, **DESIGN_BUDGET)
            got = heads.accuracies(predictions(fresh, x_test), y_test)
            scores[name][seed] = {head: round(float(got[head]), 2) for head in ("digit", "is_odd")}

    def span(name: str, head: str) -> dict:
        values = [scores[name][seed][head] for seed in SEEDS]
        return {"min": min(values), "max": max(values)}

    return {
        "protocol": (f"Exercise 12.4's checker budget through its own functions: for each design and seed, "
                     f"a fresh copy after keras.utils.set_random_seed(seed), Adam({DESIGN_BUDGET['learning_rate']}), "
                     f"{DESIGN_BUDGET['epochs']} epochs in batches of {DESIGN_BUDGET['batch_size']} on the "
                     f"{len(y_train)} training digits as left/right halves, accuracy of both heads on the "
                     f"{len(y_test)} test digits. Designs: one shared Dense(32, relu) encoder per half and the "
                     f"join, then either a Dense(32, relu) hidden layer (hidden_32) or nothing (no_hidden) "
                     f"before the two heads; or the heads straight on the joined pixels (linear). "
                     f"Targets: {DESIGN_DIGIT_MIN} (digit), {DESIGN_ODD_MIN} (is_odd)."),
        "seeds": list(SEEDS),
        "seeds_vary": "the initial weights and the order of the batches; the digits and their split stay fixed",
        "results": {
            "params": params,
            "per_seed": {name: {str(seed): scores[name][seed] for seed in SEEDS} for name in names},
            **{name: {head: span(name, head) for head in ("digit", "is_odd")} for name in names},
            "no_hidden_is_odd_seeds_below_target": sum(scores["no_hidden"][seed]["is_odd"] < DESIGN_ODD_MIN
                                                       for seed in SEEDS),
            "linear_is_odd_seeds_below_target": sum(scores["linear"][seed]["is_odd"] < DESIGN_ODD_MIN
                                                    for seed in SEEDS),
            "hidden_32_is_odd_seeds_below_target": sum(scores["hidden_32"][seed]["is_odd"] < DESIGN_ODD_MIN
                                                       for seed in SEEDS),
        },
    }
