"""Lesson 12 · Capstone: two halves, one encoder, two answers.

The grader trains some answers itself (a few seconds each, fixed seed) and inspects the call graph
with `widgets.architecture_graph`, so a check can name exactly what is missing: the shared
encoder, the residual connection, an input or a head.
"""

from __future__ import annotations

import os
import tempfile
from functools import partial
from typing import Any, Callable

import numpy as np

from course.checks import ALL, Check, CheckFailed, Exercise, Input, register
from course.exercises import expect, given, graphs, heads

EPOCHS = 10
BATCH_SIZE = 32  # 12.3's training
DIGIT_MIN, ODD_MIN = 0.9, 0.85  # the solution reaches about 0.97 and 0.95 after 10 epochs
HALVES = {"left": (None, 32), "right": (None, 32)}
X_PROBE = np.random.default_rng(12).random((8, 64), dtype=np.float32)


def left_right(images: np.ndarray) -> dict[str, np.ndarray]:
    """Columns 0-3 and 4-7 of every row of 8x8 digits given as 64 pixels."""
    grid = np.asarray(images, dtype="float32").reshape(-1, 8, 8)
    return {"left": grid[:, :, :4].reshape(-1, 32), "right": grid[:, :, 4:].reshape(-1, 32)}


def targets(labels: np.ndarray) -> dict[str, np.ndarray]:
    return heads.targets(labels)


def digits() -> Any:
    from course import data

    return data.load_digits()


def outputs(model: Any, x: Any) -> Any:
    """The model called on `x` (a direct call: no predict function to trace for a few hundred rows),
    as arrays: a dict keyed by output name for several outputs, whatever their structure."""
    import keras

    got = model(x, training=False)
    to_numpy = keras.ops.convert_to_numpy  # from any backend's tensor (PyTorch's carries a graph)
    if isinstance(got, dict):
        return {name: to_numpy(value) for name, value in got.items()}
    if isinstance(got, (list, tuple)):
        return {name: to_numpy(value) for name, value in zip(model.output_names, got)}
    return to_numpy(got)


def predictions(model: Any, images: np.ndarray) -> dict[str, np.ndarray]:
    """Both heads' outputs for `images`, keyed by output name."""
    return outputs(model, left_right(images))


def test_accuracies(model: Any, shift: int = 0) -> dict[str, float]:
    """Both heads' accuracy on the test set, its labels shifted by `shift` (see `shifted_labels`)."""
    (_, _), (x_test, y_test) = digits()
    return heads.accuracies(predictions(model, x_test), (y_test + shift) % 10)


def heads_reach_thresholds(scores: dict[str, float], hint: str) -> None:
    if scores["digit"] < DIGIT_MIN or scores["is_odd"] < ODD_MIN:
        raise CheckFailed(
            f"test accuracy: digit {scores['digit']:.2f} (needs {DIGIT_MIN}), "
            f"is_odd {scores['is_odd']:.2f} (needs {ODD_MIN})", hint)


# 12.1 · The Sequential baseline ------------------------------------------------------------------

def reads_all_pixels(model: Any) -> None:
    expect.built(model)
    got = tuple(model.inputs[0].shape)
    if got != (None, 64):
        raise CheckFailed(f"expected input shape (None, 64), got {got}", "start with keras.Input(shape=(64,)).")


def ten_probabilities(model: Any) -> None:
    expect.output_shape(model, (None, 10))
    probabilities = outputs(model, X_PROBE)
    if probabilities.min() < 0 or not np.allclose(probabilities.sum(axis=-1), 1.0, atol=1e-4):
        raise CheckFailed("the 10 outputs are not probabilities that sum to 1",
                          'end with layers.Dense(10, activation="softmax").')


register(Exercise(
    id="12.1",
    title="The Sequential baseline",
    function="build_baseline",
    hints=(
        'The simplest model that reads all 64 pixels and says which digit.',
        'Start with an Input of 64 features, then a hidden Dense with relu and a 10-unit softmax output.',
        'Shape: keras.Sequential([Input, Dense(64, relu), Dense(10, softmax)]).',
    ),
    checks=[
        Check("returns a keras.Sequential", expect.sequential),
        Check("reads all 64 pixels: input shape (None, 64)", reads_all_pixels),
        Check("outputs 10 softmax probabilities", ten_probabilities),
    ],
))


# 12.2 · The capstone model -----------------------------------------------------------------------

def named_inputs(model: Any) -> None:
    expect.functional(model)
    got = {tensor.name: tuple(tensor.shape) for tensor in model.inputs}
    if got != HALVES:
        raise CheckFailed(f"expected inputs {HALVES}, got {got}",
                          'two inputs of 32 pixels each, named left and right (the names are the keys of the '
                          'dict the model takes).')


def dict_outputs(model: Any) -> None:
    expect.functional(model)
    if not isinstance(model.output, dict):
        raise CheckFailed(f"the outputs are a {type(model.output).__name__}, not a dict keyed by head name",
                          'return keras.Model(inputs, {"digit": digit, "is_odd": is_odd}).')


def named_heads(model: Any) -> None:
    import widgets

    dict_outputs(model)
    graph = widgets.architecture_graph(model)
    got, activations = {}, {}
    for node_id in graph.outputs:
        node = graph.nodes[node_id]
        for name in node.output_names:
            got[name] = node.output_shape
            activations[name] = node.config.get("activation")
    heads.outputs_are(got, 'return keras.Model(inputs, {"digit": ..., "is_odd": ...}) with output layers '
                           "named after their keys.")
    layer_names = {key: graph.nodes[node_id].layer_name for node_id in graph.outputs
                   for key in graph.nodes[node_id].output_names}
    if any(key != name for key, name in layer_names.items()):
        raise CheckFailed(f"the output layers are named {layer_names} (key: layer name), not after their keys",
                          'name each output layer after its key: layers.Dense(10, activation="softmax", '
                          'name="digit").')
    wanted = {"digit": "softmax", "is_odd": "sigmoid"}
    if activations != wanted:
        raise CheckFailed(f"the heads' activations are {activations}, expected {wanted}")


def joins_halves(model: Any) -> None:
    import widgets

    graph = widgets.architecture_graph(model)
    joins = [n for n in graph.nodes.values() if n.class_name == "Concatenate"]
    if not any(graphs.reaches(graph, n.id) == set(graph.inputs) for n in joins):
        raise CheckFailed("no Concatenate layer joins what comes from the left and the right half",
                          'layers.Concatenate(name="join")([encoded_left, encoded_right]).')


def shared_encoder(model: Any) -> None:
    import widgets

    graph = widgets.architecture_graph(model)
    for calls in graph.shared_groups().values():  # each group: the calls of one layer object
        fed = [graphs.reaches(graph, call) for call in calls]
        if (graph.nodes[calls[0]].params > 0 and all(len(f) == 1 for f in fed)
                and set().union(*fed) == set(graph.inputs)):
            return
    separate = [graph.nodes[s].layer_name for i in graph.inputs for s in graph.successors(i)]
    raise CheckFailed(
        f"no layer with weights is called on both halves: the inputs feed {separate}",
        "create the encoder layer once and call that same object on each half (one call per input); "
        "a second Dense is a second encoder, with weights of its own.",
    )


def skip_origins(graph: Any, add_id: str) -> set[str]:
    """The nodes whose value a skip path carries to this Add: one input of the Add that is the other's
    input (identity), or the source of a projection of it."""
    origins = set()
    sides = graph.predecessors(add_id)
    for skip in sides:
        for main in sides:
            if main == skip:
                continue
            above = graph.ancestors(main)
            if skip in above:
                origins.add(skip)
            sources = graph.predecessors(skip)
            if graph.nodes[skip].kind == "layer" and len(sources) == 1 and sources[0] in above:
                origins.add(sources[0])
    return origins


def residual_connection(model: Any) -> None:
    import widgets

    graph = widgets.architecture_graph(model)
    adds = [n for n in graph.nodes.values() if n.class_name == "Add"]
    if not adds:
        raise CheckFailed("no Add layer: the model has no residual connection",
                          "add a block's input to its output: layers.Add()([joined, block]).")
    if not any(n.kind == "layer" for n in adds):
        raise CheckFailed("the addition is a keras.ops operation (x + y), not an Add layer",
                          'use layers.Add(name="residual")([x, y]).')
    origins = set().union(*(skip_origins(graph, n.id) for n in adds if n.kind == "layer"))
    if not origins:
        raise CheckFailed(
            "no Add layer adds a block's input to the block's output: it sums two separate branches",
            "the skip path carries the block's input itself (or a projection of it) to the Add.")
    if not any(graphs.reaches(graph, origin) == set(graph.inputs) for origin in origins):
        raise CheckFailed(
            "the residual block works on one half only: its skip path starts before the two halves are joined",
            "put the block after the Concatenate: Add([joined, block]) with block computed from joined.")


def encodes_at_width(width: int) -> Callable[[Any], None]:
    """Each input feeds an encoder whose output has `width` features."""
    def test(model: Any) -> None:
        import widgets

        named_inputs(model)
        graph = widgets.architecture_graph(model)
        widths = {graph.nodes[s].output_shape[-1] for i in graph.inputs for s in graph.successors(i)}
        if widths != {width}:
            raise CheckFailed(f"build_capstone({width}) encodes the halves to widths {sorted(widths)}",
                              "give the encoder's (last) Dense layer `width` units: use the argument.")
    return test


def saves_and_reloads(model: Any) -> None:
    import keras

    x = left_right(X_PROBE)
    before = outputs(model, x)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "capstone.keras")
        model.save(path)
        try:
            reloaded = keras.models.load_model(path, safe_mode=True)
        except Exception as error:
            raise CheckFailed(f"the saved model does not load: {type(error).__name__}: {str(error)[:200]}",
                              "use built-in layers only: no Lambda, no custom layer classes.") from None
    after = outputs(reloaded, x)
    pairs = zip(before.values(), after.values()) if isinstance(before, dict) else zip(before, after)
    if not all(np.allclose(b, a, atol=1e-6) for b, a in pairs):
        raise CheckFailed("the reloaded model predicts something else")


register(Exercise(
    id="12.2",
    title="The capstone model",
    function="build_capstone",
    cases={"default": (), "width_16": (16,)},
    hints=(
        'Draw it first: two halves in, one encoder for both, a join, a block with a skip, two heads.',
        "Sharing means one layer object called twice; a residual connection adds the block's input to its "
        'output; name inputs and heads, and use the width argument.',
        'Shape: left/right Inputs → one encoder called on each → Concatenate → block → Add of the join and the '
        'block → digit and is_odd heads → keras.Model(dict of inputs, dict of outputs).',
    ),
    checks=[
        Check("returns a functional model with inputs left and right of 32 pixels", named_inputs),
        Check("has outputs digit (10, softmax) and is_odd (1, sigmoid)", named_heads),
        Check("encodes each half to width=32 features by default", encodes_at_width(32)),
        Check("encodes each half to width=16 features for build_capstone(16)", encodes_at_width(16),
              case="width_16"),
        Check("joins the two halves with a Concatenate layer", joins_halves),
        Check("calls one encoder on both halves (one set of weights)", shared_encoder, points=3),
        Check("has a residual connection on the joined features: an Add layer fed by a skip path",
              residual_connection, points=3),
        Check("saves as .keras and reloads in safe mode with identical predictions", saves_and_reloads),
    ],
))


# 12.3 · Train it ---------------------------------------------------------------------------------

TRAINING = {"model": partial(given.model, "12.3-model"), "images": lambda: digits().x_train,
            "labels": lambda: digits().y_train}


def compiled_with_dicts(model: Any) -> None:
    config = model.get_compile_config() or {}
    if not config:
        raise CheckFailed("the model is not compiled", "call model.compile(...) and return the model.")
    for key in ("loss", "metrics"):
        value = config.get(key)
        if not isinstance(value, dict) or sorted(value) != ["digit", "is_odd"]:
            raise CheckFailed(f"{key} is {value!r}, not a dict keyed by digit and is_odd",
                              'dict outputs need dicts: {"digit": ..., "is_odd": ...}.')
    missing = [name for name, metrics in config["metrics"].items() if "accuracy" not in str(metrics).lower()]
    if missing:
        raise CheckFailed(f"no accuracy metric for {missing}: metrics are {config['metrics']!r}",
                          'give each output an accuracy metric: metrics={"digit": ["accuracy"], '
                          '"is_odd": ["accuracy"]}.')


def trained_for_epochs(collected: Any) -> None:
    """The optimizer's step count (saved with the model) is what EPOCHS epochs of batch 32 take."""
    images, model = collected.pair("images")
    wanted = EPOCHS * -(-len(images) // BATCH_SIZE)
    optimizer = getattr(model, "optimizer", None)
    got = int(optimizer.iterations.numpy()) if optimizer is not None else 0
    if got != wanted:
        raise CheckFailed(
            f"the optimizer took {got} steps; {EPOCHS} epochs of batch_size={BATCH_SIZE} over {len(images):,} "
            f"images take {wanted}",
            f"call fit once, on the images you are given, with epochs={EPOCHS} and batch_size={BATCH_SIZE}.")


def trained_heads(model: Any) -> None:
    heads_reach_thresholds(test_accuracies(model),
                           "split into left/right halves (columns 0-3 and 4-7), targets is_odd = labels % 2, "
                           f"{EPOCHS} epochs.")


register(Exercise(
    id="12.3",
    title="Train the capstone",
    function="train_capstone",
    errors=(
        (("must call `compile()`",), "fit needs a compiled model: compile it first, with a loss for each head."),
        (("expects 2 named input(s)",), "the capstone takes a dict with its two inputs, left and right: cut each "
                                         "8×8 image into its left and right halves (32 pixels each) first."),
    ),
    cases={"default": (Input("model"), Input("images"), Input("labels"))},
    inputs=TRAINING,
    timeout=300,
    hints=(
        'The model takes two halves and gives two answers: prepare inputs and targets to match.',
        'Split each 8×8 image into columns 0-3 and 4-7; is_odd is labels % 2; compile with a dict of losses '
        'and metrics; train on the arguments you are given.',
        'Shape: make the left/right dict from images; compile; fit on (that dict, {"digit": ..., "is_odd": '
        '...}) for 10 epochs; return the model.',
    ),
    checks=[
        Check("compiles a loss and an accuracy metric per output, as dicts", compiled_with_dicts),
        Check(f"trains for {EPOCHS} epochs of batch_size={BATCH_SIZE}", trained_for_epochs, case=ALL),
        Check(f"both heads learn: digit ≥ {DIGIT_MIN}, is_odd ≥ {ODD_MIN} on the test set", trained_heads,
              points=3),
    ],
))


# 12.4 · Your own design (open: the learner chooses the architecture, the checker trains it) -------

MAX_PARAMS = 6_000  # the capstone of 12.2 at width 32 has 5,931
DESIGN_DIGIT_MIN, DESIGN_ODD_MIN = 0.90, 0.90
# The budget every design gets, whatever it was trained on before (a fresh copy, see expect.train_fresh).
DESIGN_BUDGET = {"epochs": 5, "batch_size": 64, "learning_rate": 1e-2}
LOSSES = {"digit": "sparse_categorical_crossentropy", "is_odd": "binary_crossentropy"}


def output_keys(model: Any) -> dict[str, tuple]:
    """The model's outputs by key (dict key, or layer name for a list), with their shapes."""
    import widgets

    graph = widgets.architecture_graph(model)
    return {name: graph.nodes[node_id].output_shape for node_id in graph.outputs
            for name in graph.nodes[node_id].output_names}


def two_outputs(model: Any) -> None:
    dict_outputs(model)
    heads.outputs_are(output_keys(model), 'return keras.Model(inputs, {"digit": ..., "is_odd": ...}): 10 units '
                      "for digit, 1 for is_odd.")


def probability_outputs(model: Any) -> None:
    """Before any training, digit gives 10 probabilities that sum to 1 and is_odd one probability
    that depends on the input: what the checker's losses expect."""
    got = predictions(model, X_PROBE)
    digit, is_odd = got["digit"], got["is_odd"]
    if digit.min() < 0 or not np.allclose(digit.sum(axis=-1), 1.0, atol=1e-4):
        raise CheckFailed("digit's 10 outputs are not probabilities that sum to 1",
                          "the checker trains digit with sparse categorical cross-entropy on probabilities: "
                          "end the digit head in a softmax activation.")
    if is_odd.min() < 0 or is_odd.max() > 1:
        raise CheckFailed(f"is_odd gives values from {is_odd.min():.2f} to {is_odd.max():.2f}, not a probability",
                          "the checker trains is_odd with binary cross-entropy on a probability: end the "
                          "is_odd head in a sigmoid activation.")
    if np.allclose(is_odd, 1.0):
        raise CheckFailed("is_odd is 1 for every input: a softmax over one unit always gives 1",
                          "use a sigmoid activation for the one-unit is_odd head.")


def within_budget(model: Any) -> str:
    return expect.at_most_params(model, MAX_PARAMS)


def reaches_targets(seed: int) -> Callable[[Any], str]:
    """Train a fresh copy with the fixed budget and `seed`; both heads must reach their targets on the
    test digits (rows never trained on). Returns the numbers."""
    def test(model: Any) -> str:
        (x_train, y_train), (x_test, y_test) = digits()
        fresh = expect.train_fresh(model, left_right(x_train), targets(y_train), loss=LOSSES,
                                   metrics=heads.METRICS, seed=seed,
                                   **DESIGN_BUDGET)
        scores = heads.accuracies(predictions(fresh, x_test), y_test)
        digit, is_odd = scores["digit"], scores["is_odd"]
        numbers = (f"digit accuracy {digit:.2f} (target {DESIGN_DIGIT_MIN:.2f}), is_odd accuracy {is_odd:.2f} "
                   f"(target {DESIGN_ODD_MIN:.2f}) on {len(y_test)} test digits after "
                   f"{DESIGN_BUDGET['epochs']} epochs (seed {seed})")
        if digit < DESIGN_DIGIT_MIN or is_odd < DESIGN_ODD_MIN:
            raise CheckFailed(
                f"below the target: {numbers}",
                "fix the checks above first (the heads' activations matter), then give the heads features to work "
                "with: a hidden layer (or a shared encoder) with relu and a few dozen units between the inputs and "
                "the heads; a straight line through the pixels tells odd from even poorly.")
        return numbers
    return test


register(Exercise(
    id="12.4",
    title="Your own design",
    function="design_capstone",
    timeout=120,
    hints=(
        'Start from something that works: the models of this lesson already take the two halves and give the '
        'two answers. Then make it yours, and watch the numbers and the parameter count.',
        'The heads can only be as good as the features below them: between the inputs and the heads, a '
        'non-linear hidden layer (or a shared encoder plus a block) does the work. Each Dense layer costs '
        '(inputs + 1) × units parameters, so width is what the budget limits.',
        'Shape: two named keras.Input layers → your layers (one or two Dense layers with relu, shared or not) '
        '→ a 10-unit softmax digit head and a 1-unit sigmoid is_odd head → keras.Model(dict of inputs, dict '
        'of outputs); check model.count_params() before you run the check.',
    ),
    checks=[
        Check("returns a functional model with inputs left and right of 32 pixels", named_inputs),
        Check("has outputs digit (None, 10) and is_odd (None, 1)", two_outputs),
        Check("outputs probabilities: 10 for digit that sum to 1, one for is_odd", probability_outputs),
        Check(f"has at most {MAX_PARAMS:,} parameters", within_budget),
        Check("saves as .keras and reloads in safe mode with identical predictions", saves_and_reloads),
        Check(f"trained by the checker, reaches {DESIGN_DIGIT_MIN:.2f} (digit) and {DESIGN_ODD_MIN:.2f} (is_odd) on "
              "the test digits", reaches_targets(seed=0), points=3),
    ],
))
