"""Lesson 11: a subclass as a graph, the decision guide as a rule, training-aware dropout."""

import keras
from keras import layers

from mutants import mutant


def _skip_mlp(join):
    pixels = keras.Input(shape=(64,))
    h = layers.Dense(32, activation="relu")(pixels)
    extra = layers.Dense(32, activation="relu")(h)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(join(h, extra)))


@mutant("11.1", "ignores skip=False", hidden_only="skip=False is a hidden grading case")
def skip_mlp_always(skip):
    return _skip_mlp(lambda h, extra: layers.Add()([h, extra]))


@mutant("11.1", "concatenates instead of adding", words=("weight shapes", "Add"))
def skip_mlp_concatenate(skip):
    return _skip_mlp(lambda h, extra: layers.Concatenate()([h, extra]) if skip else extra)


@mutant("11.1", "a Sequential, which cannot skip", words=("functional",))
def skip_mlp_sequential(skip):
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(32, activation="relu"),
                             layers.Dense(32, activation="relu"), layers.Dense(10, activation="softmax")])


_GRAPH = {"several inputs", "several outputs", "a shared layer", "a skip connection"}
_OWN = {"its own training-only computation", "a computation with its own weights that Keras lacks",
        "data-dependent Python control flow in the forward pass"}
_PER_SAMPLE = "wiring that differs per sample"


def _rule(needs, graph=_GRAPH, own=_OWN):
    needs = set(needs)
    if _PER_SAMPLE in needs:
        return ("subclassed model", "model")
    return ("functional" if needs & graph else "Sequential", "layer" if needs & own else None)


def _public_table():
    from course.exercises.lesson11 import SCENARIOS

    return {frozenset(needs): _rule(needs) for needs in SCENARIOS}


@mutant("11.2", "a lookup of the lesson's scenarios", hidden_only="only the held-out combinations reveal a table")
def choose_lookup(needs):
    return _public_table().get(frozenset(needs), ("Sequential", None))


@mutant("11.2", "subclass whenever anything is custom", words=("model API", "custom class"))
def choose_subclass_for_custom(needs):
    if set(needs) & (_OWN | {_PER_SAMPLE}):
        return ("subclassed model", "model")
    return _rule(needs)


@mutant("11.2", "Sequential for anything with one input", words=("model API", "decision guide"))
def choose_sequential_for_one_input(needs):
    return _rule(needs, graph={"several inputs"})


@mutant("11.2", "functional for everything", words=("model API",))
def choose_all_functional(needs):
    api, custom = _rule(needs)
    return ("functional" if api == "Sequential" else api, custom)


@mutant("11.2", "a custom layer for Dropout", words=("custom class", "built-in layers"))
def choose_layer_for_dropout(needs):
    return _rule(needs, own=_OWN | {"built-in layers that act differently in training"})


@mutant("11.2", "the quiz's names", words=("spell",))
def choose_quiz_names(needs):
    api, custom = _rule(needs)
    return ({"functional": "Functional", "subclassed model": "Subclassing"}.get(api, api), custom)


@mutant("11.2", "only the first requirement counts", words=("custom class",))
def choose_first_need(needs):
    return _rule(needs[:1])


@mutant("11.3", "never passes training", words=("training=True",))
def both_modes_no_training(encoder, x):
    dropout = layers.Dropout(0.5)
    return {"inference": keras.ops.convert_to_numpy(dropout(encoder(x))),
            "training": keras.ops.convert_to_numpy(dropout(encoder(x)))}


@mutant("11.3", "predict in both modes", words=("training=True",))
def both_modes_predict(encoder, x):
    model = keras.Sequential([encoder, layers.Dropout(0.5)])
    return {"inference": model.predict(x, verbose=0), "training": model.predict(x, verbose=0)}


@mutant("11.3", "a fifth dropped", words=("about half",))
def both_modes_rate(encoder, x):
    dropout = layers.Dropout(0.2)
    return {mode: keras.ops.convert_to_numpy(dropout(encoder(x), training=mode == "training"))
            for mode in ("inference", "training")}


@mutant("11.3", "returns tensors", words=("NumPy",))
def both_modes_tensors(encoder, x):
    dropout = layers.Dropout(0.5)
    return {mode: dropout(encoder(x), training=mode == "training") for mode in ("inference", "training")}


@mutant("11.1", "no activation on the extra layer", words=("predictions differ", "activation"))
def skip_mlp_linear_extra(skip):
    pixels = keras.Input(shape=(64,))
    h = layers.Dense(32, activation="relu")(pixels)
    extra = layers.Dense(32)(h)
    joined = layers.Add()([h, extra]) if skip else extra
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(joined))
