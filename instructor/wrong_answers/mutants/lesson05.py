"""Lesson 05: splitting features, Wide & Deep, three views."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('05.1', 'off-by-one slices', '''
def split_groups(x):
    return {"mean": x[:, 0:11], "error": x[:, 11:21], "worst": x[:, 21:30]}
''', words=('columns',)),
    Wrong('05.1', 'a list instead of a dict', '''
def split_groups(x):
    return [x[:, 0:10], x[:, 10:20], x[:, 20:30]]
''', words=('dict',)),
    Wrong('05.1', 'other key names', '''
def split_groups(x):
    return {"means": x[:, 0:10], "errors": x[:, 10:20], "worst": x[:, 20:30]}
''', words=('keys',)),
    Wrong('05.1', 'splits rows instead of columns', '''
def split_groups(x):
    return {"mean": x[0:10], "error": x[10:20], "worst": x[20:30]}
''', words=('columns',)),
    Wrong('05.2', 'the wide input through a Dense', '''
def _wide_and_deep(n_wide, n_deep, wide_dense=False, deep_layers=2, names=True):
    wide_in = keras.Input(shape=(n_wide,), name="wide" if names else None)
    deep_in = keras.Input(shape=(n_deep,), name="deep" if names else None)
    deep = deep_in
    for _ in range(deep_layers):
        deep = layers.Dense(16, activation="relu")(deep)
    wide = layers.Dense(16, activation="relu")(wide_in) if wide_dense else wide_in
    joined = layers.Concatenate()([wide, deep])
    return keras.Model([wide_in, deep_in], layers.Dense(1)(joined))


def wide_and_deep_model(n_wide, n_deep):
    return _wide_and_deep(n_wide, n_deep, wide_dense=True)
''', words=('wide input',)),
    Wrong('05.2', 'unnamed inputs', '''
def _wide_and_deep(n_wide, n_deep, wide_dense=False, deep_layers=2, names=True):
    wide_in = keras.Input(shape=(n_wide,), name="wide" if names else None)
    deep_in = keras.Input(shape=(n_deep,), name="deep" if names else None)
    deep = deep_in
    for _ in range(deep_layers):
        deep = layers.Dense(16, activation="relu")(deep)
    wide = layers.Dense(16, activation="relu")(wide_in) if wide_dense else wide_in
    joined = layers.Concatenate()([wide, deep])
    return keras.Model([wide_in, deep_in], layers.Dense(1)(joined))


def wide_and_deep_model(n_wide, n_deep):
    return _wide_and_deep(n_wide, n_deep, names=False)
''', words=('name',)),
    Wrong('05.2', 'one Dense on the deep path', '''
def _wide_and_deep(n_wide, n_deep, wide_dense=False, deep_layers=2, names=True):
    wide_in = keras.Input(shape=(n_wide,), name="wide" if names else None)
    deep_in = keras.Input(shape=(n_deep,), name="deep" if names else None)
    deep = deep_in
    for _ in range(deep_layers):
        deep = layers.Dense(16, activation="relu")(deep)
    wide = layers.Dense(16, activation="relu")(wide_in) if wide_dense else wide_in
    joined = layers.Concatenate()([wide, deep])
    return keras.Model([wide_in, deep_in], layers.Dense(1)(joined))


def wide_and_deep_model(n_wide, n_deep):
    return _wide_and_deep(n_wide, n_deep, deep_layers=1)
''', words=('two Dense(16',)),
    Wrong('05.2', "hard-codes the notebook's sizes", '''
def _wide_and_deep(n_wide, n_deep, wide_dense=False, deep_layers=2, names=True):
    wide_in = keras.Input(shape=(n_wide,), name="wide" if names else None)
    deep_in = keras.Input(shape=(n_deep,), name="deep" if names else None)
    deep = deep_in
    for _ in range(deep_layers):
        deep = layers.Dense(16, activation="relu")(deep)
    wide = layers.Dense(16, activation="relu")(wide_in) if wide_dense else wide_in
    joined = layers.Concatenate()([wide, deep])
    return keras.Model([wide_in, deep_in], layers.Dense(1)(joined))


def wide_and_deep_model(n_wide, n_deep):
    return _wide_and_deep(5, 8)
''', words=('wide_and_deep_model(2, 3)', 'n_wide and n_deep')),
    Wrong('05.3', 'one Dense shared by the three views', '''
def three_view_classifier():
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    summary = layers.Dense(4, activation="relu")
    joined = layers.Concatenate()([summary(tensor) for tensor in inputs.values()])
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(joined))
''', words=('shares', 'its own')),
    Wrong('05.3', 'a shape that is not a tuple', '''
def three_view_classifier():
    inputs = {name: keras.Input(shape=10, name=name) for name in ("mean", "error", "worst")}
    joined = layers.Concatenate()([layers.Dense(4, activation="relu")(t) for t in inputs.values()])
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(joined))
''', words=('shape=(64,)', 'tuple')),
    Wrong('05.3', 'unnamed inputs', '''
def three_view_classifier():
    inputs = [keras.Input(shape=(10,)) for _ in range(3)]
    joined = layers.Concatenate()([layers.Dense(4, activation="relu")(t) for t in inputs])
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(joined))
''', words=('name',)),
    Wrong('05.2', 'a deep path without relu', '''
def wide_and_deep_model(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    deep = layers.Dense(16)(layers.Dense(16)(deep_in))
    return keras.Model([wide_in, deep_in], layers.Dense(1)(layers.Concatenate()([wide_in, deep])))
''', words=('relu',)),
    Wrong('05.2', 'a sigmoid on the output', '''
def wide_and_deep_model(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    deep = layers.Dense(16, activation="relu")(layers.Dense(16, activation="relu")(deep_in))
    joined = layers.Concatenate()([wide_in, deep])
    return keras.Model([wide_in, deep_in], layers.Dense(1, activation="sigmoid")(joined))
''', words=('Dense(1)',)),
    Wrong('05.2', 'a hidden layer after the join', '''
def wide_and_deep_model(n_wide, n_deep):
    wide_in = keras.Input(shape=(n_wide,), name="wide")
    deep_in = keras.Input(shape=(n_deep,), name="deep")
    deep = layers.Dense(16, activation="relu")(layers.Dense(16, activation="relu")(deep_in))
    joined = layers.Dense(8, activation="relu")(layers.Concatenate()([wide_in, deep]))
    return keras.Model([wide_in, deep_in], layers.Dense(1)(joined))
''', words=('Concatenate',)),
    Wrong('05.3', 'linear view layers', '''
def _views(activation="relu", output="sigmoid", join=True):
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    summaries = [layers.Dense(4, activation=activation)(t) for t in inputs.values()]
    joined = layers.Concatenate()(summaries) if join else layers.Add()(summaries)
    return keras.Model(inputs, layers.Dense(1, activation=output)(joined))


def three_view_classifier():
    return _views(activation=None)
''', words=('relu',)),
    Wrong('05.3', 'no sigmoid on the output', '''
def _views(activation="relu", output="sigmoid", join=True):
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    summaries = [layers.Dense(4, activation=activation)(t) for t in inputs.values()]
    joined = layers.Concatenate()(summaries) if join else layers.Add()(summaries)
    return keras.Model(inputs, layers.Dense(1, activation=output)(joined))


def three_view_classifier():
    return _views(output=None)
''', words=('sigmoid',)),
    Wrong('05.3', 'adds the views instead of concatenating', '''
def _views(activation="relu", output="sigmoid", join=True):
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    summaries = [layers.Dense(4, activation=activation)(t) for t in inputs.values()]
    joined = layers.Concatenate()(summaries) if join else layers.Add()(summaries)
    return keras.Model(inputs, layers.Dense(1, activation=output)(joined))


def three_view_classifier():
    return _views(join=False)
''', words=('Concatenate',)),
    Wrong('05.4', 'a 1-unit softmax head', '''
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


def design_three_views():
    return _design(output="softmax")
''', words=('accuracy', 'sigmoid')),
    Wrong('05.4', 'no activation on the output', '''
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


def design_three_views():
    return _design(output=None)
''', words=('loss', 'not a probability', 'sigmoid')),
    Wrong('05.4', 'a relu on the output', '''
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


def design_three_views():
    return _design(output="relu")
''', words=('loss', 'sigmoid')),
    Wrong('05.4', 'far over the parameter limit', '''
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


def design_three_views():
    return _design(units=64, second=64)
''', words=('parameters', 'allowed')),
    Wrong('05.4', 'reads only the mean view', '''
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


def design_three_views():
    return _design(units=16, used=("mean",))
''', words=('never reach the output',)),
    Wrong('05.4', 'one Sequential on all 30 features', '''
def design_three_views():
    model = keras.Sequential([keras.Input(shape=(30,)), layers.Dense(8, activation="relu"),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model
''', words=('Sequential',)),
]
