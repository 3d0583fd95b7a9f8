"""Held-out wrong answers for lesson 04 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("04.1", "forgets to compile", '''
def build_binary_classifier(n_features):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    outputs = layers.Dense(1, activation="sigmoid")(hidden)
    return keras.Model(inputs, outputs)
'''),
    Wrong("04.1", "categorical cross-entropy on one sigmoid unit (always zero)", '''
def build_binary_classifier(n_features):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    outputs = layers.Dense(1, activation="sigmoid")(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    Wrong("04.1", "hard-codes the 30 tumour measurements", '''
def build_binary_classifier(n_features):
    inputs = keras.Input(shape=(30,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    outputs = layers.Dense(1, activation="sigmoid")(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
'''),
    Wrong("04.1", "Keras 2 lr= in Adam", '''
def build_binary_classifier(n_features):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(16, activation="relu")(inputs)
    outputs = layers.Dense(1, activation="sigmoid")(hidden)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(lr=0.001), loss="binary_crossentropy", metrics=["accuracy"])
    return model
'''),
    Wrong("04.2", "watches the training loss", '''
def make_early_stopping():
    return keras.callbacks.EarlyStopping(monitor="loss", patience=5, restore_best_weights=True)
'''),
    Wrong("04.2", "forgets restore_best_weights", '''
def make_early_stopping():
    return keras.callbacks.EarlyStopping(monitor="val_loss", patience=5)
'''),
    Wrong("04.2", "start_from_epoch=5 instead of patience=5", '''
def make_early_stopping():
    return keras.callbacks.EarlyStopping(monitor="val_loss", start_from_epoch=5, restore_best_weights=True)
'''),
    Wrong("04.3", "argmax for every model, so a single sigmoid unit always gives 0", '''
def predict_labels(model, x):
    return model.predict(x, verbose=0).argmax(axis=1)
'''),
    Wrong("04.3", "keeps the column axis for the sigmoid case: shape (n, 1)", '''
def predict_labels(model, x):
    probabilities = model.predict(x, verbose=0)
    if probabilities.shape[1] == 1:
        return (probabilities > 0.5).astype(int)
    return probabilities.argmax(axis=1)
'''),
    Wrong("04.3", "returns booleans, not integers, for the sigmoid case", '''
def predict_labels(model, x):
    probabilities = model.predict(x, verbose=0)
    if probabilities.shape[1] == 1:
        return probabilities[:, 0] > 0.5
    return probabilities.argmax(axis=1)
'''),
    Wrong("04.3", "argmax over the rows (axis=0) for softmax models", '''
def predict_labels(model, x):
    probabilities = model.predict(x, verbose=0)
    if probabilities.shape[1] == 1:
        return (probabilities[:, 0] > 0.5).astype(int)
    return np.argmax(probabilities, axis=0)
'''),
]
