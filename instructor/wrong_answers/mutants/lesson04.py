"""Lesson 04: a compiled classifier, early stopping, labels from probabilities."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('04.1', 'forgets to compile', '''
def _classifier(n_features, activation="sigmoid", units=1):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    return keras.Model(inputs, layers.Dense(units, activation=activation)(hidden))


def build_binary_classifier(n_features):
    return _classifier(n_features)
''', words=('not compiled', 'compile')),
    Wrong('04.1', 'Keras 2 lr=', '''
def _classifier(n_features, activation="sigmoid", units=1):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    return keras.Model(inputs, layers.Dense(units, activation=activation)(hidden))


def build_binary_classifier(n_features):
    model = _classifier(n_features)
    model.compile(optimizer=keras.optimizers.Adam(lr=0.001), loss="binary_crossentropy", metrics=["accuracy"])
    return model
''', words=('learning_rate=',)),
    Wrong('04.1', 'one-unit softmax', '''
def _classifier(n_features, activation="sigmoid", units=1):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    return keras.Model(inputs, layers.Dense(units, activation=activation)(hidden))


def build_binary_classifier(n_features):
    model = _classifier(n_features, activation="softmax")
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
''', words=('sigmoid',)),
    Wrong('04.2', 'forgets restore_best_weights', '''
def make_early_stopping():
    return keras.callbacks.EarlyStopping(monitor="val_loss", patience=5)
''', words=('restore_best_weights',)),
    Wrong('04.2', 'patience passed positionally', '''
def make_early_stopping():
    return keras.callbacks.EarlyStopping("val_loss", 5, restore_best_weights=True)
''', words=('patience',)),
    Wrong('04.2', 'watches the training loss', '''
def make_early_stopping():
    return keras.callbacks.EarlyStopping(monitor="loss", patience=5, restore_best_weights=True)
''', words=('monitor',)),
    Wrong('04.3', 'argmax of a single sigmoid', '''
def predict_labels(model, x):
    return model.predict(x, verbose=0).argmax(axis=-1)
''', words=('labels are wrong',)),
    Wrong('04.3', 'booleans instead of integers', '''
def predict_labels(model, x):
    probabilities = model.predict(x, verbose=0)
    if probabilities.shape[-1] == 1:
        return probabilities[:, 0] > 0.5
    return probabilities.argmax(axis=-1)
''', words=('integers',)),
    Wrong('04.3', 'keeps the column dimension', '''
def predict_labels(model, x):
    probabilities = model.predict(x, verbose=0)
    if probabilities.shape[-1] == 1:
        return (probabilities > 0.5).astype(int)
    return np.argmax(probabilities, axis=-1)
''', words=('1-D',)),
    Wrong('04.1', 'no hidden layer', '''
def build_binary_classifier(n_features):
    inputs = keras.Input(shape=(n_features,))
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(inputs))
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
''', words=('Dense(16, relu)',)),
    Wrong('04.1', 'a Sequential model', '''
def build_binary_classifier(n_features):
    model = keras.Sequential([keras.Input(shape=(n_features,)), layers.Dense(16, activation="relu"),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
''', words=('functional',)),
    Wrong('04.1', 'hard-codes 30 features', '''
def _classifier(n_features, activation="sigmoid", units=1):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    return keras.Model(inputs, layers.Dense(units, activation=activation)(hidden))


def build_binary_classifier(n_features):
    model = _classifier(30)
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
''', hidden_only='another feature count is a hidden grading case'),
    Wrong('04.1', 'no accuracy metric', '''
def _classifier(n_features, activation="sigmoid", units=1):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    return keras.Model(inputs, layers.Dense(units, activation=activation)(hidden))


def build_binary_classifier(n_features):
    model = _classifier(n_features)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model
''', words=('accuracy',)),
    Wrong('04.3', 'thresholds at 0 as if the output were a logit', '''
def predict_labels(model, x):
    probabilities = model.predict(x, verbose=0)
    if probabilities.shape[-1] == 1:
        return (probabilities[:, 0] > 0).astype(int)
    return probabilities.argmax(axis=-1)
''', words=('labels are wrong',)),
]
