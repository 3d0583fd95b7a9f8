"""Lesson 11 · Subclassing, mixing styles, and choosing.

A subclassed model defined in the learner's notebook cannot be reloaded by the grader (its class
is not there), so these exercises grade plain things: a functional model, a dict of strings, arrays.
"""

from __future__ import annotations

import hashlib
import json
from functools import partial
from typing import Any, Callable

import numpy as np

from course import guide
from course.checks import ALL, Check, CheckFailed, Exercise, Input, numbered, register
from course.exercises import expect, given
from course.exercises.arrays import named_arrays

X = np.random.default_rng(11).random((16, 64), dtype=np.float32)


def functional_digits_model(model: Any) -> None:
    expect.functional(model)
    got = tuple(model.inputs[0].shape)
    if got != (None, 64):
        raise CheckFailed(f"expected input shape (None, 64), got {got}", "start from keras.Input(shape=(64,)).")
    expect.output_shape(model, (None, 10))


def computes_skip_mlp(skip: bool, reference: Callable[[], dict]) -> Callable[[Any], None]:
    """Whether the model computes what `SkipMLP(skip)` computes: `reference()` gives the weights,
    inputs and predictions of that computation (see `expect.same_function`)."""
    def test(model: Any) -> None:
        expect.keras_model(model)
        try:
            expect.same_function(reference(), model)
        except CheckFailed as failure:
            hint = ("With skip=True the hidden output is added to extra's output: "
                    "layers.Add()([hidden, extra]) or hidden + extra." if skip else
                    "With skip=False there is no addition: extra's output goes straight to probs.")
            raise CheckFailed(failure.message, failure.hint + " " + hint) from None
    return test


SKIP_CHECKS = [
    Check("returns a functional model from (None, 64) to (None, 10)", functional_digits_model),
    Check("computes what SkipMLP(skip=True) computes, given the same weights",
          computes_skip_mlp(True, lambda: given.arrays("11.1-skip"))),
]

register(Exercise(
    id="11.1",
    title="A subclass, rewritten as a graph",
    function="skip_mlp",
    cases={"default": (True,)},
    hints=(
        "Read SkipMLP's call(): which layers, in which order, and where the addition happens.",
        "With skip=True the hidden output is added to extra's output; with skip=False extra's output goes "
        'straight to the output layer. A Sequential cannot add.',
        'Shape: Input → hidden → extra → (Add([hidden, extra]) if skip else extra) → Dense(10, softmax).',
    ),
    checks=SKIP_CHECKS,
))


# Exercise 11.2: the requirements an architecture can have, as the decision guide (`course.guide`) names them.
NEEDS = guide.NAMES
MODEL_APIS, CUSTOM_CLASSES = guide.MODEL_APIS, guide.CUSTOM_CLASSES

# The lesson's scenarios: each requirement alone, then the combinations the lesson works through
# (a stack with Dropout, a nested encoder, a shared encoder, SpreadNoise in a stack, the quiz's noise by a skip).
# Their answers stay with the instructor: the public checks compare digests of the learner's answers
# with the digests of the guide's, and say how many agree, never which. Grading adds combinations
# the lesson never shows, so only a rule that follows the guide gets them right.
SCENARIOS = tuple((need,) for need in NEEDS) + (
    ("a plain stack", "built-in layers that act differently in training"),
    ("a plain stack", "a model used as a layer"),
    ("several inputs", "a shared layer"),
    ("a plain stack", "its own training-only computation"),
    ("a skip connection", "its own training-only computation"),
)


def scenario_key(needs: Any) -> str:
    return " + ".join(sorted(needs))


def digest(part: str, needs: Any, answer: Any) -> str:
    """A one-way digest of one part ("api" or "custom") of the answer for one scenario."""
    return hashlib.sha256(json.dumps(["11.2", part, sorted(needs), answer]).encode()).hexdigest()


SPELLING = ('spell them as the exercise lists them: "Sequential", "functional" or "subclassed model", then '
            'None, "layer" or "model".')


def valid_pair(needs: tuple, result: Any) -> tuple[str, Any]:
    """The learner's (model_api, custom_class) for `needs`, a tuple in the notebook, a list once saved."""
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        raise CheckFailed(f"for {needs} you returned {result!r}, not a pair (model_api, custom_class)",
                          'return a tuple of two, e.g. ("Sequential", None).')
    api, custom = result
    if api not in MODEL_APIS:
        raise CheckFailed(f"for {needs} the model API is {api!r}, not one of {list(MODEL_APIS)}", SPELLING)
    if custom not in CUSTOM_CLASSES:
        raise CheckFailed(f"for {needs} the custom class is {custom!r}, not one of {list(CUSTOM_CLASSES)}", SPELLING)
    return api, custom


def valid_choices(collected: Any) -> None:
    for (needs,), result in collected.table().items():
        valid_pair(needs, result)


API_HINT = ("ask the guide's questions about the model in order; the first 'yes' decides. Built-in layers handle "
            "`training` themselves, a model can be a layer of a Sequential, and a custom layer fits in any model.")
CUSTOM_HINT = ("ask the guide's class question (row 4): does some step compute what no Keras layer does? "
               "(Built-in layers such as Dropout handle `training` themselves.) Then you write a custom layer and "
               "use it in the model; only a model that is subclassed itself is the class you write.")


def agrees_in(part: str, what: str, hint: str) -> Callable[[Any], str]:
    index = ("api", "custom").index(part)

    def test(collected: Any) -> str:
        wanted = given.json_data("11.2-guide")[part]
        table = collected.table()
        agree = sum(digest(part, needs, valid_pair(needs, result)[index]) == wanted[scenario_key(needs)]
                    for (needs,), result in table.items())
        if agree < len(table):  # how many, not which: naming them would let a few guesses solve it
            raise CheckFailed(f"{len(table) - agree} of {len(table)} scenarios get another {what} than the decision "
                              "guide gives", hint)
        return f"{agree} of {len(table)} scenarios agree with the guide"
    return test


register(Exercise(
    id="11.2",
    title="Pick the API, as a rule",
    function="choose",
    cases=numbered("scenario", [(needs,) for needs in SCENARIOS]),
    hints=(
        "Answer the guide's two questions separately: which API builds the model, and does some step need a class "
        "of your own? Some requirements change neither answer.",
        "Built-in layers that act differently in training and models used as layers need nothing new: Keras handles "
        "them in any API. Graph-shaped requirements decide the model API; computations no layer offers need a "
        "custom layer, which goes into that model; only when no fixed wiring is left is the model itself the "
        "class, which settles both parts of the pair.",
        "Shape: make a set of the needs; return early for the requirement that settles both parts; otherwise pick "
        "the API from whether the set meets the graph-shaped requirements and the class from whether it meets the "
        "ones no layer offers; return the pair.",
    ),
    checks=[
        Check("answers each scenario with a pair (model API, custom class) spelled as listed", valid_choices,
              case=ALL),
        Check("chooses the model API the decision guide gives", agrees_in("api", "model API", API_HINT), case=ALL),
        Check("names the class of your own the decision guide asks for",
              agrees_in("custom", "custom class", CUSTOM_HINT), case=ALL),
    ],
))


def two_arrays(result: Any) -> dict[str, np.ndarray]:
    return named_arrays(result, {"inference": (len(X), 16), "training": (len(X), 16)},
                        "convert a tensor with keras.ops.convert_to_numpy(...).",
                        "return the wrapper's outputs for all rows of x.")


def inference_is_plain(collected: Any) -> None:
    encoder, result = collected.pair("encoder")
    result = two_arrays(result)
    if not np.allclose(result["inference"], encoder.predict(X, verbose=0), atol=1e-5):
        raise CheckFailed("in inference the outputs differ from the encoder's own",
                          "with training=False dropout does nothing: the output is encoder(x).")


def training_drops_half(collected: Any) -> None:
    encoder, result = collected.pair("encoder")
    result = two_arrays(result)
    plain, noisy = encoder.predict(X, verbose=0), result["training"]
    if np.allclose(noisy, plain, atol=1e-5):
        raise CheckFailed("in training mode nothing was dropped: the outputs equal the encoder's own",
                          "call the model with training=True: Keras passes the flag on to the Dropout layer inside.")
    kept = np.isclose(noisy, 2 * plain, atol=1e-5)
    dropped = np.isclose(noisy, 0.0, atol=1e-6)
    if not np.all(kept | dropped):
        raise CheckFailed("in training, some outputs are neither 0 nor twice the encoder's output",
                          "apply layers.Dropout(0.5) to the encoder's output, and nothing else.")
    active = plain > 1e-6
    share = float(dropped[active].mean()) if active.any() else 0.0
    if not 0.3 <= share <= 0.7:
        raise CheckFailed(f"in training, {share:.0%} of the encoder's non-zero outputs were dropped, not about half",
                          "call the model with training=True: Keras passes the flag on to the Dropout layer inside.")


register(Exercise(
    id="11.3",
    title="Dropout that knows when it is training",
    function="both_modes",
    cases={"default": (Input("encoder"), Input("x"))},
    inputs={"encoder": partial(given.model, "11.3-encoder"), "x": lambda: X},
    hints=(
        'Dropout only drops in training mode, and someone has to tell it which mode it is in.',
        'Call the model with training=True or False: Keras passes the flag on to inner layers such as Dropout '
        'by itself; predict always runs in inference mode. '
        'Return NumPy arrays (keras.ops.convert_to_numpy).',
        'Shape: a keras.Model subclass whose __init__ keeps the encoder and a Dropout(0.5) and whose call '
        'applies one after the other; one instance, called with training False and with True; a dict with '
        'inference and training.',
    ),
    checks=[Check("in inference, returns the encoder's output unchanged", inference_is_plain, case=ALL),
            Check("in training, drops about half of the outputs and doubles the rest", training_drops_half,
                  case=ALL)],
))
