"""Lesson 05: splitting features, Wide & Deep, three views."""

import keras
from keras import layers

from mutants import mutant


@mutant("05.1", "off-by-one slices", words=("columns",))
def split_groups_off_by_one(x):
    return {"mean": x[:, 0:11], "error": x[:, 11:21], "worst": x[:, 21:30]}


@mutant("05.1", "a list instead of a dict", words=("dict",))
def split_groups_list(x):
    return [x[:, 0:10], x[:, 10:20], x[:, 20:30]]


@mutant("05.1", "other key names", words=("keys",))
def split_groups_keys(x):
    return {"means": x[:, 0:10], "errors": x[:, 10:20], "worst": x[:, 20:30]}


@mutant("05.1", "splits rows instead of columns", words=("columns",))
def split_groups_rows(x):
    return {"mean": x[0:10], "error": x[10:20], "worst": x[20:30]}


def _wide_and_deep(n_wide, n_deep, wide_dense=False, deep_layers=2, names=True):
    wide_in = keras.Input(shape=(n_wide,), name="wide" if names else None)
    deep_in = keras.Input(shape=(n_deep,), name="deep" if names else None)
    deep = deep_in
    for _ in range(deep_layers):
        deep = layers.Dense(16, activation="relu")(deep)
    wide = layers.Dense(16, activation="relu")(wide_in) if wide_dense else wide_in
    joined = layers.Concatenate()([wide, deep])
    return keras.Model([wide_in, deep_in], layers.Dense(1)(joined))


@mutant("05.2", "the wide input through a Dense", words=("wide input",))
def wide_and_deep_model_dense_wide(n_wide, n_deep):
    return _wide_and_deep(n_wide, n_deep, wide_dense=True)


@mutant("05.2", "unnamed inputs", words=("name",))
def wide_and_deep_model_unnamed(n_wide, n_deep):
    return _wide_and_deep(n_wide, n_deep, names=False)


@mutant("05.2", "one Dense on the deep path", words=("two Dense(16",))
def wide_and_deep_model_shallow(n_wide, n_deep):
    return _wide_and_deep(n_wide, n_deep, deep_layers=1)


@mutant("05.2", "hard-codes the notebook's sizes", hidden_only="other input sizes are a hidden grading case")
def wide_and_deep_model_hard_coded(n_wide, n_deep):
    return _wide_and_deep(5, 8)


@mutant("05.3", "one Dense shared by the three views", words=("shares", "its own"))
def three_view_classifier_shared():
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    summary = layers.Dense(4, activation="relu")
    joined = layers.Concatenate()([summary(tensor) for tensor in inputs.values()])
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(joined))


@mutant("05.3", "a shape that is not a tuple", words=("shape=(64,)", "tuple"))
def three_view_classifier_int_shape():
    inputs = {name: keras.Input(shape=10, name=name) for name in ("mean", "error", "worst")}
    joined = layers.Concatenate()([layers.Dense(4, activation="relu")(t) for t in inputs.values()])
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(joined))


@mutant("05.3", "unnamed inputs", words=("name",))
def three_view_classifier_unnamed():
    inputs = [keras.Input(shape=(10,)) for _ in range(3)]
    joined = layers.Concatenate()([layers.Dense(4, activation="relu")(t) for t in inputs])
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(joined))


@mutant("05.2", "a deep path without relu", words=("relu",))
def wide_and_deep_model_linear_deep(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    deep = layers.Dense(16)(layers.Dense(16)(deep_in))
    return keras.Model([wide_in, deep_in], layers.Dense(1)(layers.Concatenate()([wide_in, deep])))


@mutant("05.2", "a sigmoid on the output", words=("Dense(1)",))
def wide_and_deep_model_sigmoid(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    deep = layers.Dense(16, activation="relu")(layers.Dense(16, activation="relu")(deep_in))
    joined = layers.Concatenate()([wide_in, deep])
    return keras.Model([wide_in, deep_in], layers.Dense(1, activation="sigmoid")(joined))


@mutant("05.2", "a hidden layer after the join", words=("Concatenate",))
def wide_and_deep_model_after_join(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    deep = layers.Dense(16, activation="relu")(layers.Dense(16, activation="relu")(deep_in))
    joined = layers.Dense(8, activation="relu")(layers.Concatenate()([wide_in, deep]))
    return keras.Model([wide_in, deep_in], layers.Dense(1)(joined))


def _views(activation="relu", output="sigmoid", join=True):
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    summaries = [layers.Dense(4, activation=activation)(t) for t in inputs.values()]
    joined = layers.Concatenate()(summaries) if join else layers.Add()(summaries)
    return keras.Model(inputs, layers.Dense(1, activation=output)(joined))


@mutant("05.3", "linear view layers", words=("relu",))
def three_view_classifier_linear_views():
    return _views(activation=None)


@mutant("05.3", "no sigmoid on the output", words=("sigmoid",))
def three_view_classifier_linear_output():
    return _views(output=None)


@mutant("05.3", "adds the views instead of concatenating", words=("Concatenate",))
def three_view_classifier_added():
    return _views(join=False)


def _design(units=8, output="sigmoid", second=0, used=("mean", "error", "worst")):
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    towers = []
    for name in used:
        tower = layers.Dense(units, activation="relu")(inputs[name])
        if second:
            tower = layers.Dense(second, activation="relu")(tower)
        towers.append(tower)
    joined = layers.Concatenate()(towers) if len(towers) > 1 else towers[0]
    return keras.Model(inputs, layers.Dense(1, activation=output)(joined))


@mutant("05.4", "a 1-unit softmax head", words=("accuracy", "sigmoid"))
def design_three_views_softmax():
    return _design(output="softmax")


@mutant("05.4", "no activation on the output", words=("loss", "not a probability", "sigmoid"))
def design_three_views_linear():
    return _design(output=None)


@mutant("05.4", "a relu on the output", words=("loss", "sigmoid"))
def design_three_views_relu():
    return _design(output="relu")


@mutant("05.4", "far over the parameter limit", words=("parameters", "allowed"))
def design_three_views_big():
    return _design(units=64, second=64)


@mutant("05.4", "reads only the mean view", words=("never reach the output",))
def design_three_views_one_view():
    return _design(units=16, used=("mean",))


@mutant("05.4", "one Sequential on all 30 features", words=("Sequential",))
def design_three_views_sequential():
    model = keras.Sequential([keras.Input(shape=(30,)), layers.Dense(8, activation="relu"),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model
