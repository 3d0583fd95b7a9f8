"""Lesson 13: a layer with its own weights, a layer that reads the padding mask."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('13.1', 'one weight for all features', '''
def _affine(x, y, layer, epochs=5):
    keras.utils.set_random_seed(0)
    features = keras.Input(shape=(x.shape[1],))
    model = keras.Model(features, layer(features))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    if epochs:
        model.fit(x, y, epochs=epochs, batch_size=32, verbose=0)
    return {"scale": keras.ops.convert_to_numpy(layer.scale), "offset": keras.ops.convert_to_numpy(layer.offset)}


class _OneScale(layers.Layer):
    """One scale and one offset for all features, not one per feature."""

    def build(self, input_shape):
        self.scale = self.add_weight(shape=(1,), initializer="ones")
        self.offset = self.add_weight(shape=(1,), initializer="zeros")

    def call(self, x):
        return x * self.scale + self.offset


def learn_affine(x, y):
    return _affine(x, y, _OneScale())
''', words=('shape',)),
    Wrong('13.1', 'never trains', '''
def _affine(x, y, layer, epochs=5):
    keras.utils.set_random_seed(0)
    features = keras.Input(shape=(x.shape[1],))
    model = keras.Model(features, layer(features))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    if epochs:
        model.fit(x, y, epochs=epochs, batch_size=32, verbose=0)
    return {"scale": keras.ops.convert_to_numpy(layer.scale), "offset": keras.ops.convert_to_numpy(layer.offset)}


class _Affine(layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],), initializer="ones")
        self.offset = self.add_weight(shape=(input_shape[-1],), initializer="zeros")

    def call(self, x):
        return x * self.scale + self.offset


def learn_affine(x, y):
    return _affine(x, y, _Affine(), epochs=0)
''', words=('starting values', 'fit')),
    Wrong('13.1', 'call forgets the offset', '''
def _affine(x, y, layer, epochs=5):
    keras.utils.set_random_seed(0)
    features = keras.Input(shape=(x.shape[1],))
    model = keras.Model(features, layer(features))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    if epochs:
        model.fit(x, y, epochs=epochs, batch_size=32, verbose=0)
    return {"scale": keras.ops.convert_to_numpy(layer.scale), "offset": keras.ops.convert_to_numpy(layer.offset)}


class _Affine(layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],), initializer="ones")
        self.offset = self.add_weight(shape=(input_shape[-1],), initializer="zeros")

    def call(self, x):
        return x * self.scale + self.offset


class _ScaleOnly(_Affine):
    def call(self, x):
        return x * self.scale  # forgets the offset


def learn_affine(x, y):
    return _affine(x, y, _ScaleOnly())
''', words=('offset',)),
    Wrong('13.2', 'ignores the mask', '''
def _masked_model(sequences, pad_value, layer, masking=True):
    inputs = keras.Input(shape=sequences.shape[1:])
    x = layers.Masking(mask_value=pad_value)(inputs) if masking else inputs
    return keras.Model(inputs, layer(x)).predict(sequences, verbose=0)


class _PlainMax(layers.Layer):
    """Ignores the mask: the padding's zeros count."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def compute_mask(self, x, mask=None):
        return None

    def call(self, x, mask=None):
        return keras.ops.max(x, axis=1)


def masked_max(sequences, pad_value):
    return _masked_model(sequences, pad_value, _PlainMax())
''', words=('padding',)),
    Wrong('13.2', 'no Masking layer', '''
def _masked_model(sequences, pad_value, layer, masking=True):
    inputs = keras.Input(shape=sequences.shape[1:])
    x = layers.Masking(mask_value=pad_value)(inputs) if masking else inputs
    return keras.Model(inputs, layer(x)).predict(sequences, verbose=0)


class _PlainMax(layers.Layer):
    """Ignores the mask: the padding's zeros count."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def compute_mask(self, x, mask=None):
        return None

    def call(self, x, mask=None):
        return keras.ops.max(x, axis=1)


class _MaskedMax(_PlainMax):
    def call(self, x, mask=None):
        if mask is not None:
            x = keras.ops.where(keras.ops.expand_dims(mask, -1), x, -np.inf)
        return keras.ops.max(x, axis=1)


def masked_max(sequences, pad_value):
    return _masked_model(sequences, pad_value, _MaskedMax(), masking=False)
''', words=('padding',)),
    Wrong('13.2', 'maximum over the features', '''
def _masked_model(sequences, pad_value, layer, masking=True):
    inputs = keras.Input(shape=sequences.shape[1:])
    x = layers.Masking(mask_value=pad_value)(inputs) if masking else inputs
    return keras.Model(inputs, layer(x)).predict(sequences, verbose=0)


class _PlainMax(layers.Layer):
    """Ignores the mask: the padding's zeros count."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def compute_mask(self, x, mask=None):
        return None

    def call(self, x, mask=None):
        return keras.ops.max(x, axis=1)


class _MaskedMax(_PlainMax):
    def call(self, x, mask=None):
        if mask is not None:
            x = keras.ops.where(keras.ops.expand_dims(mask, -1), x, -np.inf)
        return keras.ops.max(x, axis=1)


class _MaxOverFeatures(_MaskedMax):
    def call(self, x, mask=None):
        if mask is not None:
            x = keras.ops.where(keras.ops.expand_dims(mask, -1), x, -np.inf)
        return keras.ops.max(x, axis=-1)  # the wrong axis: over the features


def masked_max(sequences, pad_value):
    return _masked_model(sequences, pad_value, _MaxOverFeatures())
''', words=('shape', 'axis 1')),
    Wrong('13.1', 'weights for exactly four features', '''
def _affine(x, y, layer, epochs=5):
    keras.utils.set_random_seed(0)
    features = keras.Input(shape=(x.shape[1],))
    model = keras.Model(features, layer(features))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="mse")
    if epochs:
        model.fit(x, y, epochs=epochs, batch_size=32, verbose=0)
    return {"scale": keras.ops.convert_to_numpy(layer.scale), "offset": keras.ops.convert_to_numpy(layer.offset)}


class _Affine(layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],), initializer="ones")
        self.offset = self.add_weight(shape=(input_shape[-1],), initializer="zeros")

    def call(self, x):
        return x * self.scale + self.offset


class _FourFeatures(_Affine):
    """Weights sized for the check's 4 features, whatever the input."""

    def build(self, input_shape):
        self.scale = self.add_weight(shape=(4,), initializer="ones")
        self.offset = self.add_weight(shape=(4,), initializer="zeros")


def learn_affine(x, y):
    return _affine(x, y, _FourFeatures())
''', words=('input shape',)),
    Wrong('13.2', 'padding replaced by zero', '''
def _masked_model(sequences, pad_value, layer, masking=True):
    inputs = keras.Input(shape=sequences.shape[1:])
    x = layers.Masking(mask_value=pad_value)(inputs) if masking else inputs
    return keras.Model(inputs, layer(x)).predict(sequences, verbose=0)


class _PlainMax(layers.Layer):
    """Ignores the mask: the padding's zeros count."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def compute_mask(self, x, mask=None):
        return None

    def call(self, x, mask=None):
        return keras.ops.max(x, axis=1)


class _ZeroPadding(_PlainMax):
    """Replaces the padding by 0 instead of -inf: the padding still wins over negative values."""

    def call(self, x, mask=None):
        if mask is not None:
            x = keras.ops.where(keras.ops.expand_dims(mask, -1), x, 0.0)
        return keras.ops.max(x, axis=1)


def masked_max(sequences, pad_value):
    return _masked_model(sequences, pad_value, _ZeroPadding())
''', words=('padding', 'np.inf')),
    Wrong('13.2', "input shape of the check's sequences", '''
class _PlainMax(layers.Layer):
    """Ignores the mask: the padding's zeros count."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def compute_mask(self, x, mask=None):
        return None

    def call(self, x, mask=None):
        return keras.ops.max(x, axis=1)

class _MaskedMax(_PlainMax):
    def call(self, x, mask=None):
        if mask is not None:
            x = keras.ops.where(keras.ops.expand_dims(mask, -1), x, -np.inf)
        return keras.ops.max(x, axis=1)

def masked_max(sequences, pad_value):
    inputs = keras.Input(shape=(5, 3))
    x = layers.Masking(mask_value=pad_value)(inputs)
    return keras.Model(inputs, _MaskedMax()(x)).predict(sequences, verbose=0)
''', words=('sequences.shape',), only_on=('tensorflow', 'torch')),  # JAX runs the model on any shape
    Wrong('13.2', 'padding found from the values', '''
class _ZeroStepsMax(layers.Layer):
    """No mask: treats every step whose values are all 0 as padding."""

    def call(self, x):
        padding = keras.ops.all(keras.ops.equal(x, 0.0), axis=-1, keepdims=True)
        return keras.ops.max(keras.ops.where(padding, -np.inf, x), axis=1)


def masked_max(sequences, pad_value):
    inputs = keras.Input(shape=sequences.shape[1:])
    return keras.Model(inputs, _ZeroStepsMax()(inputs)).predict(sequences, verbose=0)
''', words=('all 0', 'mask')),
    Wrong('13.2', 'Masking at 0 whatever the padding', '''
class _MaskedMax(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def compute_mask(self, x, mask=None):
        return None

    def call(self, x, mask=None):
        if mask is not None:
            x = keras.ops.where(keras.ops.expand_dims(mask, -1), x, -np.inf)
        return keras.ops.max(x, axis=1)


def masked_max(sequences, pad_value):
    inputs = keras.Input(shape=sequences.shape[1:])
    x = layers.Masking(mask_value=0.0)(inputs)
    return keras.Model(inputs, _MaskedMax()(x)).predict(sequences, verbose=0)
''', words=('padding value',)),
]
