"""Lesson 11: a subclass as a graph, picking the API, training-aware dropout."""

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


ANSWERS = {"text_stack": "Sequential", "price_and_rooms": "Functional", "dropout_mlp": "Sequential",
           "image_and_caption": "Functional", "until_converged": "Subclassing", "dense_skip": "Functional",
           "stacked_models": "Sequential", "own_normalisation": "Subclassing"}


@mutant("11.2", "functional for everything", words=("decision guide",))
def choose_api_all_functional():
    return {key: "Functional" for key in ANSWERS}


@mutant("11.2", "lower-case names", words=("capitalised",))
def choose_api_lower_case():
    return {key: value.lower() for key, value in ANSWERS.items()}


@mutant("11.2", "a custom layer means subclassing the model", words=("decision guide",))
def choose_api_one_wrong():
    return {**ANSWERS, "own_normalisation": "Functional", "dropout_mlp": "Subclassing"}


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
