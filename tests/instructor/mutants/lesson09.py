"""Lesson 09: freezing, averaging models, preparing to fine-tune."""

import keras
from keras import layers

from mutants import mutant


def _head(encoder):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Dense(5, activation="softmax", name="digit")(encoder(pixels)))


def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


@mutant("09.1", "forgets to freeze", words=("trainable",))
def freeze_and_extend_unfrozen(encoder):
    return _compile(_head(encoder))


@mutant("09.1", "forgets to compile", words=("not compiled",))
def freeze_and_extend_uncompiled(encoder):
    encoder.trainable = False
    return _head(encoder)


@mutant("09.1", "clones the encoder", words=("encoder",))
def freeze_and_extend_clone(encoder):
    copy = keras.models.clone_model(encoder)
    copy.trainable = False
    return _compile(_head(copy))


@mutant("09.1", "Keras 2 encoder.output on a Sequential", words=("model.outputs[0]",))
def freeze_and_extend_keras2(encoder):
    encoder.trainable = False
    digit = layers.Dense(5, activation="softmax", name="digit")(encoder.output)
    return _compile(keras.Model(encoder.inputs[0], digit))


@mutant("09.1", "one-hot loss for integer labels", words=("sparse_categorical_crossentropy",))
def freeze_and_extend_categorical(encoder):
    encoder.trainable = False
    return _compile(_head(encoder), loss="categorical_crossentropy")


@mutant("09.1", "SGD instead of Adam", words=("Adam",))
def freeze_and_extend_sgd(encoder):
    encoder.trainable = False
    return _compile(_head(encoder), optimizer="sgd")


@mutant("09.2", "hard-codes three models", hidden_only="two models are a hidden grading case")
def average_of_three(models):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Average()([models[0](pixels), models[1](pixels), models[2](pixels)]))


@mutant("09.2", "concatenates instead of averaging", words=("Average",))
def average_of_concatenate(models):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Concatenate()([m(pixels) for m in models]))


@mutant("09.2", "adds instead of averaging", words=("Average",))
def average_of_add(models):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Add()([m(pixels) for m in models]))


@mutant("09.2", "averages the models' own outputs", words=("own keras.Input",))
def average_of_outputs(models):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Average()([m.outputs[0] for m in models]))


@mutant("09.3", "sets the learning rate without compiling again", words=("compile", "optimizer"))
def prepare_fine_tuning_no_recompile(model):
    model.get_layer("encoder").trainable = True
    model.optimizer.learning_rate = 1e-4
    return model


@mutant("09.3", "compiles without unfreezing", words=("trainable",))
def prepare_fine_tuning_frozen(model):
    return _compile(model, keras.optimizers.Adam(learning_rate=1e-4))


@mutant("09.3", "Keras 2 lr=", words=("learning_rate=",))
def prepare_fine_tuning_lr(model):
    model.get_layer("encoder").trainable = True
    return _compile(model, keras.optimizers.Adam(lr=1e-4))


@mutant("09.3", "the default learning rate", words=("1e-4",))
def prepare_fine_tuning_default_rate(model):
    model.get_layer("encoder").trainable = True
    return _compile(model)


@mutant("09.3", "compiles again without the accuracy metric", words=("accuracy",))
def prepare_fine_tuning_no_metrics(model):
    model.get_layer("encoder").trainable = True
    return _compile(model, keras.optimizers.Adam(learning_rate=1e-4), metrics=())
