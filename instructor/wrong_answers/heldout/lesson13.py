"""Held-out wrong answers for lesson 13 (written from the exercise text, not from the checks)."""
from instructor.wrong_answers import Wrong

WRONG = [
    Wrong("13.1", "one scale and one offset for all features (shape (1,))", '''
def learn_affine(x, y):
    class Affine(layers.Layer):
        def build(self, input_shape):
            self.scale = self.add_weight(shape=(1,), initializer="ones", name="scale")
            self.offset = self.add_weight(shape=(1,), initializer="zeros", name="offset")

        def call(self, x):
            return x * self.scale + self.offset

    inputs = keras.Input(shape=(x.shape[1],))
    affine = Affine()
    model = keras.Model(inputs, affine(inputs))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    model.fit(x, y, epochs=5, batch_size=32, verbose=0)
    return {"scale": keras.ops.convert_to_numpy(affine.scale), "offset": keras.ops.convert_to_numpy(affine.offset)}
'''),
    Wrong("13.1", "sizes the weights with input_shape[0], the batch axis", '''
def learn_affine(x, y):
    class Affine(layers.Layer):
        def build(self, input_shape):
            self.scale = self.add_weight(shape=(input_shape[0],), initializer="ones", name="scale")
            self.offset = self.add_weight(shape=(input_shape[0],), initializer="zeros", name="offset")

        def call(self, x):
            return x * self.scale + self.offset

    inputs = keras.Input(shape=(x.shape[1],))
    affine = Affine()
    model = keras.Model(inputs, affine(inputs))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    model.fit(x, y, epochs=5, batch_size=32, verbose=0)
    return {"scale": keras.ops.convert_to_numpy(affine.scale), "offset": keras.ops.convert_to_numpy(affine.offset)}
'''),
    Wrong("13.1", "reads the weights before training", '''
def learn_affine(x, y):
    class Affine(layers.Layer):
        def build(self, input_shape):
            self.scale = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="scale")
            self.offset = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="offset")

        def call(self, x):
            return x * self.scale + self.offset

    inputs = keras.Input(shape=(x.shape[1],))
    affine = Affine()
    model = keras.Model(inputs, affine(inputs))
    learned = {"scale": keras.ops.convert_to_numpy(affine.scale),
               "offset": keras.ops.convert_to_numpy(affine.offset)}
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    model.fit(x, y, epochs=5, batch_size=32, verbose=0)
    return learned
'''),
    Wrong("13.1", "a Dense layer instead of a layer of its own: returns its kernel matrix and bias", '''
def learn_affine(x, y):
    inputs = keras.Input(shape=(x.shape[1],))
    dense = layers.Dense(x.shape[1], kernel_initializer="identity")
    model = keras.Model(inputs, dense(inputs))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    model.fit(x, y, epochs=5, batch_size=32, verbose=0)
    return {"scale": keras.ops.convert_to_numpy(dense.kernel), "offset": keras.ops.convert_to_numpy(dense.bias)}
'''),
    Wrong("13.2", "a plain max that ignores the mask", '''
def masked_max(sequences):
    class MaskedMax(layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.supports_masking = True

        def compute_mask(self, x, mask=None):
            return None

        def call(self, x, mask=None):
            return keras.ops.max(x, axis=1)

    steps = keras.Input(shape=sequences.shape[1:])
    masked = layers.Masking(mask_value=0.0)(steps)
    model = keras.Model(steps, MaskedMax()(masked))
    return model.predict(sequences, verbose=0)
'''),
    Wrong("13.2", "replaces the padding with 0 instead of -inf", '''
def masked_max(sequences):
    class MaskedMax(layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.supports_masking = True

        def compute_mask(self, x, mask=None):
            return None

        def call(self, x, mask=None):
            if mask is not None:
                x = keras.ops.where(keras.ops.expand_dims(mask, -1), x, 0.0)
            return keras.ops.max(x, axis=1)

    steps = keras.Input(shape=sequences.shape[1:])
    masked = layers.Masking(mask_value=0.0)(steps)
    model = keras.Model(steps, MaskedMax()(masked))
    return model.predict(sequences, verbose=0)
'''),
    Wrong("13.2", "maximum over the feature axis instead of the time steps", '''
def masked_max(sequences):
    class MaskedMax(layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.supports_masking = True

        def compute_mask(self, x, mask=None):
            return None

        def call(self, x, mask=None):
            if mask is not None:
                x = keras.ops.where(keras.ops.expand_dims(mask, -1), x, -np.inf)
            return keras.ops.max(x, axis=-1)

    steps = keras.Input(shape=sequences.shape[1:])
    masked = layers.Masking(mask_value=0.0)(steps)
    model = keras.Model(steps, MaskedMax()(masked))
    return model.predict(sequences, verbose=0)
'''),
    Wrong("13.2", "returns the model instead of its predictions", '''
def masked_max(sequences):
    class MaskedMax(layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.supports_masking = True

        def compute_mask(self, x, mask=None):
            return None

        def call(self, x, mask=None):
            if mask is not None:
                x = keras.ops.where(keras.ops.expand_dims(mask, -1), x, -np.inf)
            return keras.ops.max(x, axis=1)

    steps = keras.Input(shape=sequences.shape[1:])
    masked = layers.Masking(mask_value=0.0)(steps)
    return keras.Model(steps, MaskedMax()(masked))
'''),
]
