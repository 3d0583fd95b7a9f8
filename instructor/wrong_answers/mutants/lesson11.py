"""Lesson 11: a subclass as a graph, the decision guide as a rule, training-aware dropout."""

from instructor.wrong_answers import Wrong

WRONG = [
    Wrong('11.1', 'ignores skip=False', '''
def _skip_mlp(join):
    pixels = keras.Input(shape=(64,))
    h = layers.Dense(32, activation="relu")(pixels)
    extra = layers.Dense(32, activation="relu")(h)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(join(h, extra)))


def skip_mlp(skip):
    return _skip_mlp(lambda h, extra: layers.Add()([h, extra]))
''', hidden_only='skip=False is a hidden grading case'),
    Wrong('11.1', 'concatenates instead of adding', '''
def _skip_mlp(join):
    pixels = keras.Input(shape=(64,))
    h = layers.Dense(32, activation="relu")(pixels)
    extra = layers.Dense(32, activation="relu")(h)
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(join(h, extra)))


def skip_mlp(skip):
    return _skip_mlp(lambda h, extra: layers.Concatenate()([h, extra]) if skip else extra)
''', words=('weight shapes', 'Add')),
    Wrong('11.1', 'a Sequential, which cannot skip', '''
def skip_mlp(skip):
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(32, activation="relu"),
                             layers.Dense(32, activation="relu"), layers.Dense(10, activation="softmax")])
''', words=('functional',)),
    Wrong('11.2', "a lookup of the lesson's scenarios", '''
_GRAPH = {"several inputs", "several outputs", "a shared layer", "a skip connection"}


_OWN = {"its own training-only computation", "a computation with its own weights that Keras lacks",
        "data-dependent Python control flow in the forward pass"}


_PER_SAMPLE = "wiring that differs per sample"


def _rule(needs, graph=_GRAPH, own=_OWN):
    needs = set(needs)
    if _PER_SAMPLE in needs:
        return ("subclassed model", "model")
    return ("functional" if needs & graph else "Sequential", "layer" if needs & own else None)


def _public_table():
    from course.exercises.lesson11 import SCENARIOS

    return {frozenset(needs): _rule(needs) for needs in SCENARIOS}


def choose(needs):
    return _public_table().get(frozenset(needs), ("Sequential", None))
''', hidden_only='only the held-out combinations reveal a table'),
    Wrong('11.2', 'subclass whenever anything is custom', '''
_GRAPH = {"several inputs", "several outputs", "a shared layer", "a skip connection"}


_OWN = {"its own training-only computation", "a computation with its own weights that Keras lacks",
        "data-dependent Python control flow in the forward pass"}


_PER_SAMPLE = "wiring that differs per sample"


def _rule(needs, graph=_GRAPH, own=_OWN):
    needs = set(needs)
    if _PER_SAMPLE in needs:
        return ("subclassed model", "model")
    return ("functional" if needs & graph else "Sequential", "layer" if needs & own else None)


def choose(needs):
    if set(needs) & (_OWN | {_PER_SAMPLE}):
        return ("subclassed model", "model")
    return _rule(needs)
''', words=('model API', 'custom class')),
    Wrong('11.2', 'Sequential for anything with one input', '''
_GRAPH = {"several inputs", "several outputs", "a shared layer", "a skip connection"}


_OWN = {"its own training-only computation", "a computation with its own weights that Keras lacks",
        "data-dependent Python control flow in the forward pass"}


_PER_SAMPLE = "wiring that differs per sample"


def _rule(needs, graph=_GRAPH, own=_OWN):
    needs = set(needs)
    if _PER_SAMPLE in needs:
        return ("subclassed model", "model")
    return ("functional" if needs & graph else "Sequential", "layer" if needs & own else None)


def choose(needs):
    return _rule(needs, graph={"several inputs"})
''', words=('model API', 'decision guide')),
    Wrong('11.2', 'functional for everything', '''
_GRAPH = {"several inputs", "several outputs", "a shared layer", "a skip connection"}


_OWN = {"its own training-only computation", "a computation with its own weights that Keras lacks",
        "data-dependent Python control flow in the forward pass"}


_PER_SAMPLE = "wiring that differs per sample"


def _rule(needs, graph=_GRAPH, own=_OWN):
    needs = set(needs)
    if _PER_SAMPLE in needs:
        return ("subclassed model", "model")
    return ("functional" if needs & graph else "Sequential", "layer" if needs & own else None)


def choose(needs):
    api, custom = _rule(needs)
    return ("functional" if api == "Sequential" else api, custom)
''', words=('model API',)),
    Wrong('11.2', 'a custom layer for Dropout', '''
_GRAPH = {"several inputs", "several outputs", "a shared layer", "a skip connection"}


_OWN = {"its own training-only computation", "a computation with its own weights that Keras lacks",
        "data-dependent Python control flow in the forward pass"}


_PER_SAMPLE = "wiring that differs per sample"


def _rule(needs, graph=_GRAPH, own=_OWN):
    needs = set(needs)
    if _PER_SAMPLE in needs:
        return ("subclassed model", "model")
    return ("functional" if needs & graph else "Sequential", "layer" if needs & own else None)


def choose(needs):
    return _rule(needs, own=_OWN | {"built-in layers that act differently in training"})
''', words=('custom class', 'built-in layers')),
    Wrong('11.2', "the quiz's names", '''
_GRAPH = {"several inputs", "several outputs", "a shared layer", "a skip connection"}


_OWN = {"its own training-only computation", "a computation with its own weights that Keras lacks",
        "data-dependent Python control flow in the forward pass"}


_PER_SAMPLE = "wiring that differs per sample"


def _rule(needs, graph=_GRAPH, own=_OWN):
    needs = set(needs)
    if _PER_SAMPLE in needs:
        return ("subclassed model", "model")
    return ("functional" if needs & graph else "Sequential", "layer" if needs & own else None)


def choose(needs):
    api, custom = _rule(needs)
    return ({"functional": "Functional", "subclassed model": "Subclassing"}.get(api, api), custom)
''', words=('spell',)),
    Wrong('11.2', 'only the first requirement counts', '''
_GRAPH = {"several inputs", "several outputs", "a shared layer", "a skip connection"}


_OWN = {"its own training-only computation", "a computation with its own weights that Keras lacks",
        "data-dependent Python control flow in the forward pass"}


_PER_SAMPLE = "wiring that differs per sample"


def _rule(needs, graph=_GRAPH, own=_OWN):
    needs = set(needs)
    if _PER_SAMPLE in needs:
        return ("subclassed model", "model")
    return ("functional" if needs & graph else "Sequential", "layer" if needs & own else None)


def choose(needs):
    return _rule(needs[:1])
''', words=('custom class',)),
    Wrong('11.3', 'never passes training', '''
def both_modes(encoder, x):
    dropout = layers.Dropout(0.5)
    return {"inference": keras.ops.convert_to_numpy(dropout(encoder(x))),
            "training": keras.ops.convert_to_numpy(dropout(encoder(x)))}
''', words=('training=True',)),
    Wrong('11.3', 'predict in both modes', '''
def both_modes(encoder, x):
    model = keras.Sequential([encoder, layers.Dropout(0.5)])
    return {"inference": model.predict(x, verbose=0), "training": model.predict(x, verbose=0)}
''', words=('training=True',)),
    Wrong('11.3', 'a fifth dropped', '''
def both_modes(encoder, x):
    dropout = layers.Dropout(0.2)
    return {mode: keras.ops.convert_to_numpy(dropout(encoder(x), training=mode == "training"))
            for mode in ("inference", "training")}
''', words=('about half',)),
    Wrong('11.3', 'returns tensors', '''
def both_modes(encoder, x):
    dropout = layers.Dropout(0.5)
    return {mode: dropout(encoder(x), training=mode == "training") for mode in ("inference", "training")}
''', words=('NumPy',)),
    Wrong('11.1', 'no activation on the extra layer', '''
def skip_mlp(skip):
    pixels = keras.Input(shape=(64,))
    h = layers.Dense(32, activation="relu")(pixels)
    extra = layers.Dense(32)(h)
    joined = layers.Add()([h, extra]) if skip else extra
    return keras.Model(pixels, layers.Dense(10, activation="softmax")(joined))
''', words=('predictions differ', 'activation')),
]
