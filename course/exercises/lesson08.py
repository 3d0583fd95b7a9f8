"""Lesson 08 · Shared layers and siamese networks."""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Any

import numpy as np

from course.checks import ALL, Check, CheckFailed, Collected, Exercise, Input, register
from course.exercises import expect, given, graphs

# Exercise 8.1 · Triplets for a siamese network

LABELS = np.random.default_rng(8).integers(0, 10, size=120)
KEYS = ("anchor", "positive", "negative")


def triplets_valid(y: np.ndarray, n: int, triplets: Any) -> None:
    if not isinstance(triplets, dict) or sorted(triplets) != sorted(KEYS):
        got = sorted(triplets) if isinstance(triplets, dict) else type(triplets).__name__
        raise CheckFailed(f"expected a dict with keys {list(KEYS)}, got {got}")
    arrays = {key: np.asarray(triplets[key]) for key in KEYS}
    for key, array in arrays.items():
        if array.shape != (n,) or not np.issubdtype(array.dtype, np.integer):
            raise CheckFailed(f"{key!r} should be {n} integer indices, got shape {array.shape} of {array.dtype}")
        if array.min() < 0 or array.max() >= len(y):
            raise CheckFailed(f"{key!r} holds indices outside 0..{len(y) - 1}")
    anchor, positive, negative = (arrays[key] for key in KEYS)
    if np.any(y[positive] != y[anchor]):
        raise CheckFailed("some positives show a different digit from their anchor",
                          "pick the positive among the indices where y == y[anchor].")
    if np.any(positive == anchor):
        raise CheckFailed("some positives are the anchor itself", "exclude the anchor's own index.")
    if np.any(y[negative] == y[anchor]):
        raise CheckFailed("some negatives show the same digit as their anchor",
                          "pick the negative among the indices where y != y[anchor].")


def seeded(first: dict, again: dict, other: dict) -> None:
    if any(not np.array_equal(np.asarray(first[k]), np.asarray(again[k])) for k in KEYS):
        raise CheckFailed("two calls with the same seed gave different triplets",
                          "make every random choice with rng = np.random.default_rng(seed).")
    if all(np.array_equal(np.asarray(first[k]), np.asarray(other[k])) for k in KEYS):
        raise CheckFailed("another seed gave the same triplets", "use the seed argument, not a fixed seed.")


def forty_triplets(collected: Collected) -> None:
    triplets_valid(collected.inputs["y"], 40, collected.value())


MORE_LABELS = np.random.default_rng(82).integers(0, 10, size=200)  # more images than LABELS


def anchors_use_all(labels: np.ndarray, count: int) -> Any:
    def test(triplets: Any) -> None:
        triplets_valid(labels, count, triplets)
        if np.asarray(triplets["anchor"]).max() < len(LABELS):
            raise CheckFailed(f"no anchor beyond image {len(LABELS)}: the anchors ignore len(y)")
    return test


def other_arguments(collected: Collected) -> None:
    expect.in_case("make_triplets(<200 labels>, 25, 2)", "make n triplets, anchors drawn from all len(y) images: "
                   "use the arguments, not the notebook's numbers.",
                   anchors_use_all(collected.inputs["more_y"], 25))(collected.value("other_arguments"))


def repeatable(collected: Collected) -> None:
    seeded(collected.value(), collected.value("same_seed"), collected.value("other_seed"))


register(Exercise(
    id="08.1",
    title="Triplets for a siamese network",
    function="make_triplets",
    cases={"default": (Input("y"), 40, 0), "same_seed": (Input("y"), 40, 0), "other_seed": (Input("y"), 40, 1),
           "other_arguments": (Input("more_y"), 25, 2)},
    inputs={"y": lambda: LABELS, "more_y": lambda: MORE_LABELS},
    hints=(
        'Make every random choice with one generator built from the seed.',
        'For each anchor: the positive among the other indices with the same label (not the anchor itself), '
        'the negative among the indices with another label.',
        'Shape: one generator from np.random.default_rng and the seed; anchors with rng.integers; a loop with'
        ' np.flatnonzero and rng.choice; return the three arrays in a dict.',
    ),
    checks=[
        Check("gives 40 anchors, positives (same digit, another image) and negatives (another digit)",
              forty_triplets, points=2, case=ALL),
        Check("is repeatable with the same seed and changes with another", repeatable, case=ALL),
        Check("works for other labels and another number: 25 triplets from 200 images", other_arguments, case=ALL),
    ],
))


# Exercise 8.2 · A siamese model on a given encoder

PAIRS = np.random.default_rng(80).random((2, 6, 64), dtype=np.float32)


def two_named_inputs(model: Any) -> None:
    expect.functional(model)
    got = sorted((t.name, tuple(t.shape)) for t in model.inputs)
    if got != [("left", (None, 64)), ("right", (None, 64))]:
        raise CheckFailed(f"expected inputs left and right of shape (None, 64), got {got}",
                          'keras.Input(shape=(64,), name="left") and the same for "right".')
    expect.output_shape(model, (None, 1))


def sigmoid_output(model: Any) -> None:
    """The output comes from a sigmoid (a Dense with that activation, or an Activation layer)."""
    import widgets

    graph = widgets.architecture_graph(model)
    last = graph.nodes[graph.outputs[0]]
    name = last.config.get("activation")
    if name != "sigmoid":
        raise CheckFailed(f"the output layer {last.layer_name!r} ({last.class_name}) has activation {name}, "
                          "not sigmoid", 'end in layers.Dense(1, activation="sigmoid"): a probability of '
                          '"same digit".')


def inputs_and_output(model: Any) -> None:
    two_named_inputs(model)
    sigmoid_output(model)


def encoder_shared(collected: Collected) -> None:
    import keras

    encoder, model = collected.pair("encoder")
    nested = [layer for layer in model.layers if isinstance(layer, keras.Model)]
    if not nested:
        raise CheckFailed("the encoder is not in model.layers: no nested model found",
                          "call the encoder model itself on each input (encoder(left), encoder(right)), "
                          "not its layers one by one.")
    if len(nested) != 1:
        raise CheckFailed(f"expected the encoder once in model.layers, found {len(nested)} models",
                          "call the one encoder you were given on both inputs.")
    import widgets

    calls = [n for n in widgets.architecture_graph(model).nodes.values() if n.kind == "model"]
    if len(calls) != 2:
        raise CheckFailed(f"the encoder is called {len(calls)} time(s)", "call it on left and on right.")
    mine, given = nested[0].get_weights(), encoder.get_weights()
    if len(mine) != len(given) or any(not np.array_equal(a, b) for a, b in zip(mine, given)):
        raise CheckFailed("the encoder inside the model is not the one you were given",
                          "use the encoder argument itself; don't build or train a new one.")


def head_params(collected: Collected) -> None:
    encoder, model = collected.pair("encoder")
    embedding = encoder.outputs[0].shape[-1]
    expected = encoder.count_params() + embedding + 1
    if model.count_params() != expected:
        raise CheckFailed(f"expected {expected:,} parameters (encoder once + Dense(1)), got {model.count_params():,}",
                          "Subtract and Multiply have no weights; the encoder must be counted once.")


def symmetric_distance(model: Any) -> None:
    a, b = PAIRS
    same_image = model.predict({"left": a, "right": a}, verbose=0)
    if not np.allclose(same_image, same_image[0], atol=1e-6):
        raise CheckFailed("the same image on both sides gives different outputs for different images",
                          "the head should see only the difference of the two embeddings.")
    if not np.allclose(model.predict({"left": a, "right": b}, verbose=0),
                       model.predict({"left": b, "right": a}, verbose=0), atol=1e-6):
        raise CheckFailed("swapping left and right changes the output",
                          "square the difference: layers.Multiply()([difference, difference]).")


def all_layers(model: Any) -> list:
    import keras

    found = []
    for layer in model.layers:
        found.append(layer)
        if isinstance(layer, keras.Model):
            found.extend(all_layers(layer))
    return found


def reloadable(model: Any) -> None:
    """Only built-in layers, no Lambda: what the grader can load with safe_mode=True elsewhere."""
    for layer in all_layers(model):
        name = type(layer).__name__
        if name == "Lambda":
            raise CheckFailed(f"layer {layer.name!r} is a Lambda layer, which does not reload in safe mode",
                              "layers.Multiply()([difference, difference]) squares without a Lambda.")
        if not type(layer).__module__.startswith("keras."):
            raise CheckFailed(f"layer {layer.name!r} ({name}) is defined in your notebook, so the grader "
                              "cannot load it", "use built-in layers only: Subtract, Multiply, Dense.")


register(Exercise(
    id="08.2",
    title="A siamese model on a given encoder",
    function="siamese_model",
    cases={"default": (Input("encoder"),)},
    inputs={"encoder": partial(given.model, "08.2-encoder")},
    hints=(
        'A shared encoder is the same object called on both inputs.',
        'Subtract the two embeddings and square the difference with Multiply (no Lambda: it does not reload);'
        ' only then the Dense(1, sigmoid) head.',
        'Shape: left and right Inputs → encoder(left), encoder(right) → Subtract → Multiply(d, d) → Dense(1).',
    ),
    checks=[
        Check("has inputs left and right (64 pixels) and one sigmoid output", inputs_and_output),
        Check("calls the given encoder on both inputs, listed once", encoder_shared, points=2, case=ALL),
        Check("counts the encoder's parameters once, plus a Dense(1) head", head_params, case=ALL),
        Check("sees only the squared difference: same image → same output, swapping sides changes nothing",
              symmetric_distance),
        # A model the grader cannot load fails every graded check already: this one says why, in the notebook.
        Check("uses only built-in layers, so the grader can reload it", reloadable, graded=False),
    ],
))


# Exercise 8.3 · Your own "same digit?" network (open: the design is the learner's)

PARAM_LIMIT = 8_000
TARGET = 0.85  # accuracy on the lesson's 1,000 held-out test pairs
BUDGET = {"seed": 0, "epochs": 5, "batch_size": 64, "learning_rate": 1e-2}


@lru_cache(maxsize=1)
def lesson_pairs() -> tuple[dict, np.ndarray, dict, np.ndarray]:
    """The lesson's pairs: 4,000 from the training images (seed 0), 1,000 from the test images (seed 1),
    half of them "same digit", drawn exactly as the lesson's make_pairs draws them."""
    from course import data

    (x_train, y_train), (x_test, y_test) = data.load_digits()
    return (*draw_pairs(x_train, y_train, 4000, 0), *draw_pairs(x_test, y_test, 1000, 1))


def draw_pairs(images: np.ndarray, labels: np.ndarray, count: int, seed: int) -> tuple[dict, np.ndarray]:
    generator = np.random.default_rng(seed)
    is_same = generator.permutation(count) < count // 2
    firsts = generator.integers(len(labels), size=count)
    seconds = np.empty(count, dtype=int)
    for row, first in enumerate(firsts):
        pool = np.flatnonzero((labels == labels[first]) == is_same[row])
        seconds[row] = generator.choice(pool[pool != first])
    return {"left": images[firsts], "right": images[seconds]}, is_same.astype("float32")


def pair_model(model: Any) -> None:
    two_named_inputs(model)


def one_shared_encoder(model: Any) -> None:
    """Both images go through the same layers with weights before they meet (the shared encoder), and
    the output depends on both."""
    import widgets

    graph = widgets.architecture_graph(model)
    sources = partial(graphs.sources, graph)  # the model inputs a node's value depends on

    if any(sources(node) != {"left", "right"} for node in graph.outputs):
        raise CheckFailed("the output does not depend on both images",
                          "compare the two embeddings (e.g. their difference) and put the head on that.")
    branch = {side: sorted({graph.nodes[node].layer_name for node in graph.nodes
                            if sources(node) == {side} and graph.nodes[node].params > 0})
              for side in ("left", "right")}
    if not branch["left"] and not branch["right"]:
        raise CheckFailed("no layer with weights sees one image on its own: the images are compared as raw pixels",
                          "encode each image first, with one encoder called on both inputs, then compare the "
                          "two embeddings.")
    if branch["left"] != branch["right"]:
        raise CheckFailed(f"the two images go through different layers before they meet: left through "
                          f"{branch['left']}, right through {branch['right']}",
                          "build the encoder once and call that same object on both inputs: two encoders built "
                          "alike are two sets of weights, and each learns from one side only.")


def within_limit(model: Any) -> str:
    return expect.at_most_params(model, PARAM_LIMIT)


def held_out_accuracy(model: Any, seed: int) -> tuple[float, str, float]:
    """Train a fresh copy with the fixed budget; its accuracy on the held-out test pairs, a problem
    with its outputs ("" if none), and how much swapping left and right changes its answers, relative to
    how much they vary from pair to pair (0 for a symmetric comparison, about 1 or more for one that
    depends on the order: relative, so that it shows even when the answers all sit near 0.5)."""
    import keras

    x_train, same_train, x_test, same_test = lesson_pairs()
    budget = {**BUDGET, "seed": seed}
    fresh = expect.train_fresh(model, x_train, same_train, loss="binary_crossentropy", metrics=["accuracy"],
                               **budget)
    probabilities = keras.ops.convert_to_numpy(fresh(x_test, training=False)).reshape(-1)
    if not np.all(np.isfinite(probabilities)):
        return 0.0, "the outputs are not finite numbers after training (the loss diverged)", 0.0
    if probabilities.min() < -1e-6 or probabilities.max() > 1 + 1e-6:
        return 0.0, (f"the outputs run from {probabilities.min():.2f} to {probabilities.max():.2f}, not "
                     "probabilities between 0 and 1"), 0.0
    if np.ptp(probabilities) < 1e-6:
        return 0.0, f"every test pair gets the same output, {probabilities[0]:.2f}", 0.0
    swapped = keras.ops.convert_to_numpy(
        fresh({"left": x_test["right"], "right": x_test["left"]}, training=False)).reshape(-1)
    spread = float(np.mean(np.abs(probabilities - probabilities.mean())))
    return (float(np.mean((probabilities > 0.5) == (same_test == 1))), "",
            float(np.mean(np.abs(probabilities - swapped))) / max(spread, 1e-12))


CHANCE = 0.6  # below this, on balanced pairs, the trained copy has learned (almost) nothing
ASYMMETRY = 0.1  # swapping left and right changes the answers by this much of their spread: the order matters


def below_target(accuracy: float, asymmetry: float) -> tuple[str, str]:
    """What went wrong when the trained copy misses the target, and what to try, by what was measured.
    Only designs that train reliably under the budget are suggested (the squared difference of 8.2
    reaches 0.89-0.92 on seeds 0-7); a normalised similarity (Dot with normalize=True) stays at chance
    on some seeds, so it is never suggested."""
    if asymmetry > ASYMMETRY:
        return (f"swapping left and right changes its answers by {asymmetry:.0%} of how much they vary from pair to "
                "pair: the comparison is not symmetric, it depends on which image is on the left",
                "a head on the signed difference, or on the two embeddings side by side, has to learn from the "
                'data that order does not matter, and a linear one cannot tell "equal" from "different": compare '
                "with something that is small when the embeddings agree, whatever their order, such as the "
                "squared difference of Exercise 8.2.")
    if accuracy < CHANCE:
        return ("the trained copy stays near chance: training found nothing to learn in the comparison",
                "a comparison squeezed into one number (a normalised similarity, or a tiny embedding) can leave "
                "training stuck at chance on some seeds: let the head read a vector, such as the squared "
                "difference of the two embeddings (Exercise 8.2), one number per embedding unit.")
    return ("the comparison is symmetric and learns, but too little in the budget",
            "give the encoder more to work with: a hidden relu layer and an embedding of a dozen numbers or more, "
            "within the parameter limit (model.summary() shows where they are).")


def reaches_target(model: Any, seed: int = BUDGET["seed"]) -> str:
    accuracy, problem, asymmetry = held_out_accuracy(model, seed)
    budget = f"{BUDGET['epochs']} epochs, batch {BUDGET['batch_size']}, Adam {BUDGET['learning_rate']:g}, seed {seed}"
    if problem:
        raise CheckFailed(f"{problem} ({budget})", 'end in a Dense(1, activation="sigmoid"), not a linear or softmax '
                          'output: binary cross-entropy trains a probability of "same digit".')
    if accuracy < TARGET:
        what, hint = below_target(accuracy, asymmetry)
        raise CheckFailed(f"accuracy {accuracy:.3f} on 1,000 held-out test pairs, below the target {TARGET:.2f} "
                          f"({budget}): {what}", hint)
    return f"accuracy {accuracy:.2f} on 1,000 held-out test pairs (target {TARGET:.2f}; {budget})"


register(Exercise(
    id="08.3",
    title='Your own "same digit?" network',
    function="design_siamese",  # builds a model: the checks' training runs in the checker, not in this call
    hints=(
        'Two choices are yours: the encoder (what each image becomes) and the comparison (how two embeddings '
        'become one number). Whatever you choose, both images must go through the same encoder object.',
        'A linear head on the signed difference, or on the two embeddings side by side, cannot tell "equal" '
        'from "different": it needs something that is small when the embeddings agree, whatever their sign '
        'or order, and that still gives the head a vector to read (the squared difference of Exercise 8.2 '
        'trains reliably; a single normalised similarity can stay at chance). A hidden relu layer in the '
        'encoder helps; model.summary() shows the parameters.',
        'Shape: an encoder model (Input(64) → Dense relu → Dense embedding); two named Inputs; the encoder '
        'called on each; a comparison from built-in layers; Dense(1, sigmoid); keras.Model([left, right], ...).',
    ),
    checks=[
        Check("has inputs left and right (64 pixels) and one output", pair_model),
        Check("sends both images through one shared encoder", one_shared_encoder, points=2),
        Check(f"has at most {PARAM_LIMIT:,} parameters", within_limit),
        Check(f"reaches {TARGET:.2f} accuracy on held-out pairs after the checker's training", reaches_target,
              points=2),
        Check("uses only built-in layers, so the grader can reload it", reloadable, graded=False),
    ],
))
