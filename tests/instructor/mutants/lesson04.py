"""Lesson 04: a compiled classifier, early stopping, labels from probabilities."""

import keras
import numpy as np
from keras import layers

from mutants import mutant


def _classifier(n_features, activation="sigmoid", units=1):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    return keras.Model(inputs, layers.Dense(units, activation=activation)(hidden))


@mutant("04.1", "forgets to compile", words=("not compiled", "compile"))
def build_binary_classifier_uncompiled(n_features):
    return _classifier(n_features)


@mutant("04.1", "Keras 2 lr=", words=("learning_rate=",))
def build_binary_classifier_lr(n_features):
    model = _classifier(n_features)
    model.compile(optimizer=keras.optimizers.Adam(lr=0.001), loss="binary_crossentropy", metrics=["accuracy"])
    return model


@mutant("04.1", "one-unit softmax", words=("sigmoid",))
def build_binary_classifier_softmax(n_features):
    model = _classifier(n_features, activation="softmax")
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


@mutant("04.2", "forgets restore_best_weights", words=("restore_best_weights",))
def make_early_stopping_no_restore():
    return keras.callbacks.EarlyStopping(monitor="val_loss", patience=5)


@mutant("04.2", "patience passed positionally", words=("patience",))
def make_early_stopping_positional():
    return keras.callbacks.EarlyStopping("val_loss", 5, restore_best_weights=True)


@mutant("04.2", "watches the training loss", words=("monitor",))
def make_early_stopping_loss():
    return keras.callbacks.EarlyStopping(monitor="loss", patience=5, restore_best_weights=True)


@mutant("04.3", "argmax of a single sigmoid", words=("labels are wrong",))
def predict_labels_argmax(model, x):
    return model.predict(x, verbose=0).argmax(axis=-1)


@mutant("04.3", "booleans instead of integers", words=("integers",))
def predict_labels_booleans(model, x):
    probabilities = model.predict(x, verbose=0)
    if probabilities.shape[-1] == 1:
        return probabilities[:, 0] > 0.5
    return probabilities.argmax(axis=-1)


@mutant("04.3", "keeps the column dimension", words=("1-D",))
def predict_labels_column(model, x):
    probabilities = model.predict(x, verbose=0)
    if probabilities.shape[-1] == 1:
        return (probabilities > 0.5).astype(int)
    return np.argmax(probabilities, axis=-1)


@mutant("04.1", "no hidden layer", words=("Dense(16, relu)",))
def build_binary_classifier_no_hidden(n_features):
    inputs = keras.Input(shape=(n_features,))
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(inputs))
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


@mutant("04.1", "a Sequential model", words=("functional",))
def build_binary_classifier_sequential(n_features):
    model = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(16, activation="relu"),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


@mutant("04.1", "hard-codes 30 features", hidden_only="another feature count is a hidden grading case")
def build_binary_classifier_thirty(n_features):
    model = _classifier(30)
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


@mutant("04.1", "no accuracy metric", words=("accuracy",))
def build_binary_classifier_no_metric(n_features):
    model = _classifier(n_features)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


@mutant("04.3", "thresholds at 0 as if the output were a logit", words=("labels are wrong",))
def predict_labels_logit(model, x):
    probabilities = model.predict(x, verbose=0)
    if probabilities.shape[-1] == 1:
        return (probabilities[:, 0] > 0).astype(int)
    return probabilities.argmax(axis=-1)
