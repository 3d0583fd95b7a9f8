"""Held-out wrong answers for lesson 05 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("05.1", "inclusive column ranges read as 0:9, 10:19, 20:29", '''
def split_groups(x):
    return {"mean": x[:, 0:9], "error": x[:, 10:19], "worst": x[:, 20:29]}
'''),
    Wrong("05.1", "slices rows instead of columns", '''
def split_groups(x):
    return {"mean": x[0:10], "error": x[10:20], "worst": x[20:30]}
'''),
    Wrong("05.1", "error and worst swapped", '''
def split_groups(x):
    return {"mean": x[:, :10], "worst": x[:, 10:20], "error": x[:, 20:]}
'''),
    Wrong("05.2", "the hidden layers read the wide input, the deep input goes straight to the join", '''
def wide_and_deep_model(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    x = layers.Dense(16, activation="relu")(wide_in)
    x = layers.Dense(16, activation="relu")(x)
    joined = layers.Concatenate()([deep_in, x])
    output = layers.Dense(1)(joined)
    return keras.Model([wide_in, deep_in], output)
'''),
    Wrong("05.2", "puts a Dense layer on the wide path", '''
def wide_and_deep_model(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    wide = layers.Dense(16, activation="relu")(wide_in)
    deep = layers.Dense(16, activation="relu")(deep_in)
    deep = layers.Dense(16, activation="relu")(deep)
    joined = layers.Concatenate()([wide, deep])
    output = layers.Dense(1)(joined)
    return keras.Model([wide_in, deep_in], output)
'''),
    Wrong("05.2", "only one hidden layer on the deep path", '''
def wide_and_deep_model(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    deep = layers.Dense(16, activation="relu")(deep_in)
    joined = layers.Concatenate()([wide_in, deep])
    output = layers.Dense(1)(joined)
    return keras.Model([wide_in, deep_in], output)
'''),
    Wrong("05.2", "joins the inputs first and puts the hidden layers after the join", '''
def wide_and_deep_model(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    joined = layers.Concatenate()([wide_in, deep_in])
    x = layers.Dense(16, activation="relu")(joined)
    x = layers.Dense(16, activation="relu")(x)
    output = layers.Dense(1)(x)
    return keras.Model([wide_in, deep_in], output)
'''),
    Wrong("05.3", "one Dense(4) shared by the three views", '''
def three_view_classifier():
    summary = layers.Dense(4, activation="relu")
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    joined = layers.Concatenate()([summary(tensor) for tensor in inputs.values()])
    output = layers.Dense(1, activation="sigmoid")(joined)
    return keras.Model(inputs, output)
'''),
    Wrong("05.3", "forgets to name the inputs", '''
def three_view_classifier():
    mean = keras.Input(shape=(10,))
    error = keras.Input(shape=(10,))
    worst = keras.Input(shape=(10,))
    views = [layers.Dense(4, activation="relu")(x) for x in (mean, error, worst)]
    joined = layers.Concatenate()(views)
    output = layers.Dense(1, activation="sigmoid")(joined)
    return keras.Model([mean, error, worst], output)
'''),
    Wrong("05.3", "concatenates the raw inputs and puts one Dense(4) after the join", '''
def three_view_classifier():
    inputs = [keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")]
    joined = layers.Concatenate()(inputs)
    x = layers.Dense(4, activation="relu")(joined)
    output = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(inputs, output)
'''),
    Wrong("05.3", "softmax on the single output unit", '''
def three_view_classifier():
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    views = [layers.Dense(4, activation="relu")(inputs[name]) for name in inputs]
    joined = layers.Concatenate()(views)
    output = layers.Dense(1, activation="softmax")(joined)
    return keras.Model(inputs, output)
'''),
    Wrong("05.4", "the worst input is created but never reaches the output", '''
def design_three_views():
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    towers = [layers.Dense(8, activation="relu")(inputs[name]) for name in ("mean", "error")]
    joined = layers.Concatenate()(towers)
    benign = layers.Dense(1, activation="sigmoid")(joined)
    return keras.Model(inputs, benign)
'''),
    Wrong("05.4", "softmax on the single output unit", '''
def design_three_views():
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    joined = layers.Concatenate()(list(inputs.values()))
    x = layers.Dense(16, activation="relu")(joined)
    benign = layers.Dense(1, activation="softmax")(x)
    return keras.Model(inputs, benign)
'''),
    Wrong("05.4", "one Dense(32) on the join: 1,025 parameters, over the 1,000 limit", '''
def design_three_views():
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    joined = layers.Concatenate()([inputs["mean"], inputs["error"], inputs["worst"]])
    x = layers.Dense(32, activation="relu")(joined)
    benign = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(inputs, benign)
'''),
    Wrong("05.4", "the error input named 'se' (standard error) instead of 'error'", '''
def design_three_views():
    mean = keras.Input(shape=(10,), name="mean")
    se = keras.Input(shape=(10,), name="se")
    worst = keras.Input(shape=(10,), name="worst")
    towers = [layers.Dense(8, activation="relu")(x) for x in (mean, se, worst)]
    joined = layers.Concatenate()(towers)
    benign = layers.Dense(1, activation="sigmoid")(joined)
    return keras.Model([mean, se, worst], benign)
'''),
]
