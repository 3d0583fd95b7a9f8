"""Lesson 09: freezing, averaging models, preparing to fine-tune."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('09.1', 'forgets to freeze', '''
def _head(encoder):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Dense(5, activation="softmax", name="digit")(encoder(pixels)))


def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def freeze_and_extend(encoder):
    return _compile(_head(encoder))
''', words=('trainable',)),
    Wrong('09.1', 'forgets to compile', '''
def _head(encoder):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Dense(5, activation="softmax", name="digit")(encoder(pixels)))


def freeze_and_extend(encoder):
    encoder.trainable = False
    return _head(encoder)
''', words=('not compiled',)),
    Wrong('09.1', 'clones the encoder', '''
def _head(encoder):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Dense(5, activation="softmax", name="digit")(encoder(pixels)))


def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def freeze_and_extend(encoder):
    copy = keras.models.clone_model(encoder)
    copy.trainable = False
    return _compile(_head(copy))
''', words=('encoder',)),
    Wrong('09.1', 'clones the encoder and copies its weights', '''
def _head(encoder):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Dense(5, activation="softmax", name="digit")(encoder(pixels)))


def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def freeze_and_extend(encoder):
    copy = keras.models.clone_model(encoder)
    copy.set_weights(encoder.get_weights())
    copy.trainable = False
    return _compile(_head(copy))
''', words=('copy', 'encoder')),
    Wrong('09.1', 'Keras 2 encoder.output on a Sequential', '''
def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def freeze_and_extend(encoder):
    encoder.trainable = False
    digit = layers.Dense(5, activation="softmax", name="digit")(encoder.output)
    return _compile(keras.Model(encoder.inputs[0], digit))
''', words=('model.outputs[0]',)),
    Wrong('09.1', 'one-hot loss for integer labels', '''
def _head(encoder):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Dense(5, activation="softmax", name="digit")(encoder(pixels)))


def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def freeze_and_extend(encoder):
    encoder.trainable = False
    return _compile(_head(encoder), loss="categorical_crossentropy")
''', words=('sparse_categorical_crossentropy',)),
    Wrong('09.1', 'SGD instead of Adam', '''
def _head(encoder):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Dense(5, activation="softmax", name="digit")(encoder(pixels)))


def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def freeze_and_extend(encoder):
    encoder.trainable = False
    return _compile(_head(encoder), optimizer="sgd")
''', words=('Adam',)),
    Wrong('09.2', 'hard-codes three models', '''
def average_of(models):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Average()([models[0](pixels), models[1](pixels), models[2](pixels)]))
''', hidden_only='two models are a hidden grading case'),
    Wrong('09.2', 'concatenates instead of averaging', '''
def average_of(models):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Concatenate()([m(pixels) for m in models]))
''', words=('Average',)),
    Wrong('09.2', 'adds instead of averaging', '''
def average_of(models):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Add()([m(pixels) for m in models]))
''', words=('Average',)),
    Wrong('09.2', "averages the models' own outputs", '''
def average_of(models):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Average()([m.outputs[0] for m in models]))
''', words=('own keras.Input',)),
    Wrong('09.3', 'sets the learning rate without compiling again', '''
def prepare_fine_tuning(model):
    model.get_layer("encoder").trainable = True
    model.optimizer.learning_rate = 1e-4
    return model
''', words=('compile', 'optimizer')),
    Wrong('09.3', 'compiles without unfreezing', '''
def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def prepare_fine_tuning(model):
    return _compile(model, keras.optimizers.Adam(learning_rate=1e-4))
''', words=('trainable',)),
    Wrong('09.3', 'Keras 2 lr=', '''
def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def prepare_fine_tuning(model):
    model.get_layer("encoder").trainable = True
    return _compile(model, keras.optimizers.Adam(lr=1e-4))
''', words=('learning_rate=',)),
    Wrong('09.3', 'the default learning rate', '''
def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def prepare_fine_tuning(model):
    model.get_layer("encoder").trainable = True
    return _compile(model)
''', words=('1e-4',)),
    Wrong('09.3', 'compiles again without the accuracy metric', '''
def _compile(model, optimizer="adam", loss="sparse_categorical_crossentropy", metrics=("accuracy",)):
    model.compile(optimizer=optimizer, loss=loss, metrics=list(metrics))
    return model


def prepare_fine_tuning(model):
    model.get_layer("encoder").trainable = True
    return _compile(model, keras.optimizers.Adam(learning_rate=1e-4), metrics=())
''', words=('accuracy',)),
]
