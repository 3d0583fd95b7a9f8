"""Held-out wrong answers for lesson 09 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("09.1", "training=False in the call instead of freezing the encoder", '''
def freeze_and_extend(encoder):
    pixels = keras.Input(shape=(64,))
    features = encoder(pixels, training=False)
    digit = layers.Dense(5, activation="softmax", name="digit")(features)
    model = keras.Model(pixels, digit)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    Wrong("09.1", "freezes the whole new model, head included", '''
def freeze_and_extend(encoder):
    pixels = keras.Input(shape=(64,))
    features = encoder(pixels)
    digit = layers.Dense(5, activation="softmax", name="digit")(features)
    model = keras.Model(pixels, digit)
    model.trainable = False
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    Wrong("09.1", "freezes but forgets to compile", '''
def freeze_and_extend(encoder):
    encoder.trainable = False
    pixels = keras.Input(shape=(64,))
    features = encoder(pixels)
    digit = layers.Dense(5, activation="softmax", name="digit")(features)
    return keras.Model(pixels, digit)
'''),
    Wrong("09.1", "freezes a fresh clone of the encoder: the trained weights are lost", '''
def freeze_and_extend(encoder):
    frozen = keras.models.clone_model(encoder)
    frozen.trainable = False
    pixels = keras.Input(shape=(64,))
    digit = layers.Dense(5, activation="softmax", name="digit")(frozen(pixels))
    model = keras.Model(pixels, digit)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    Wrong("09.2", "sums the outputs with Add instead of averaging", '''
def average_of(models):
    pixels = keras.Input(shape=(64,))
    return keras.Model(pixels, layers.Add()([model(pixels) for model in models]))
'''),
    Wrong("09.2", "hard-codes three models", '''
def average_of(models):
    pixels = keras.Input(shape=(64,))
    outputs = [models[0](pixels), models[1](pixels), models[2](pixels)]
    return keras.Model(pixels, layers.Average()(outputs))
'''),
    Wrong("09.2", "one input per model, as in the trio", '''
def average_of(models):
    inputs = [keras.Input(shape=(64,), name=f"pixels_{k}") for k in range(len(models))]
    outputs = [model(x) for model, x in zip(models, inputs)]
    return keras.Model(inputs, layers.Average()(outputs))
'''),
    Wrong("09.2", "averages the models' own output tensors behind a new Input (disconnected graph)", '''
def average_of(models):
    pixels = keras.Input(shape=(64,))
    averaged = layers.Average()([model.outputs[0] for model in models])
    return keras.Model(pixels, averaged)
'''),
    Wrong("09.3", "unfreezes but does not compile again", '''
def prepare_fine_tuning(model):
    model.get_layer("encoder").trainable = True
    return model
'''),
    Wrong("09.3", "sets trainable on the outer model, which already says True", '''
def prepare_fine_tuning(model):
    model.trainable = True
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    Wrong("09.3", "compiles with the default learning rate", '''
def prepare_fine_tuning(model):
    model.get_layer("encoder").trainable = True
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
    Wrong("09.3", "unfreezes model.layers[0], which is the input layer, not the encoder", '''
def prepare_fine_tuning(model):
    model.layers[0].trainable = True
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
'''),
]
