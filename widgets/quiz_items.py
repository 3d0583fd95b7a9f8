"""The API quiz's content and its decision policy: which Keras API fits each architecture sketch?

`ITEMS` is a tuple of `QuizItem`s, each with a description, an ASCII sketch, the traits the
decision guide looks at, and a one-line explanation. The answer is never typed in by hand:
`decide(item)` applies the guide (`DECISION_GUIDE`, the short version of lesson 11's:
"Subclassing" wherever you must write a class of your own) to the item's traits, and the simplest
API that can express the architecture wins. No widgets here: `widgets.quiz` is the view.
"""

from __future__ import annotations

from dataclasses import dataclass

APIS = ("Sequential", "Functional", "Subclassing")  # from the simplest to the most general

# The decision guide, read top to bottom: the first question answered "yes" picks the API.
DECISION_GUIDE: tuple[tuple[str, str], ...] = (
    ("Must you write a class: is each sample wired differently, or does a step compute what no built-in "
     "layer does (a loop of data-dependent length, a custom `if training:`, weights of its own)?",
     "Subclassing"),
    ("Several inputs or outputs, or a tensor used by more than one layer (shared layers, skips, branches, "
     "merges)?",
     "Functional"),
    ("Otherwise: one input, one output, each layer (or nested model) feeding only the next.",
     "Sequential"),
)


@dataclass(frozen=True)
class QuizItem:
    key: str
    title: str
    description: str
    sketch: str  # ASCII art, shown in a <pre>
    why: str  # the one-line explanation shown as feedback
    inputs: int = 1
    outputs: int = 1
    branches: bool = False  # a tensor feeds several layers, or a layer takes several tensors
    dynamic: bool = False  # the computation is decided at run time (data or training phase)

    @property
    def answer(self) -> str:
        return decide(self)


def decide(item: QuizItem) -> str:
    """The decision guide applied to an item's traits: the simplest API that can express it."""
    if item.dynamic:
        return "Subclassing"
    if item.inputs > 1 or item.outputs > 1 or item.branches:
        return "Functional"
    return "Sequential"


def can_express(api: str, item: QuizItem) -> bool:
    """Every API can express what a simpler one can: subclassing can write any model."""
    return APIS.index(api) >= APIS.index(item.answer)


ITEMS: tuple[QuizItem, ...] = (
    QuizItem(
        "cnn_stack", "A small CNN",
        "8×8 digit images through a convolution, pooling and a softmax classifier.",
        "image (8, 8, 1)\n      │\nConv2D(16, 3, relu)\n      │\nMaxPooling2D()\n      │\n"
        "Flatten()\n      │\nDense(10, softmax)",
        "One input, one output, each layer feeds only the next: a stack. Convolutions don't change "
        "that; Sequential is about the wiring, not the layer types.",
    ),
    QuizItem(
        "dropout_stack", "Dropout and batch norm",
        "A stack whose Dropout and BatchNormalization layers behave differently in training and inference.",
        "pixels (64,)\n      │\nDense(64, relu)\n      │\nBatchNormalization()\n      │\nDropout(0.3)\n"
        "      │\nDense(10, softmax)",
        "Built-in layers read the `training` flag themselves (fit sets it, predict clears it), so a "
        "plain stack stays a Sequential.",
    ),
    QuizItem(
        "two_inputs", "Two inputs",
        "Tumour measurements in two groups, each through its own Dense layer, joined for one diagnosis.",
        "mean (10,)     worst (10,)\n    │              │\n Dense(8)       Dense(8)\n    └──────┬───────┘\n"
        "     Concatenate()\n           │\n   Dense(1, sigmoid)",
        "Two inputs meet in Concatenate, a layer that takes two tensors: that is a graph, not a stack.",
        inputs=2, branches=True,
    ),
    QuizItem(
        "two_outputs", "Two heads",
        "One trunk answers two questions: which digit, and is it odd?",
        "      pixels (64,)\n           │\n   Dense(64) \"trunk\"\n     ┌─────┴──────┐\n"
        " Dense(10)     Dense(1)\n \"digit\"       \"is_odd\"",
        "The trunk's output feeds two heads and the model has two outputs: the functional API "
        "(Sequential has exactly one output).",
        outputs=2, branches=True,
    ),
    QuizItem(
        "shared_encoder", "A shared encoder",
        "\"Same digit?\": two images go through one encoder (the same weights), then their distance.",
        "image_a ─► encoder ─► code_a ─┐\n             ║ same           ├─► |a − b| ─► Dense(1)\n"
        "image_b ─► encoder ─► code_b ─┘",
        "One layer instance called on two inputs: shared layers are edges of a graph, so the "
        "functional API.",
        inputs=2, branches=True,
    ),
    QuizItem(
        "residual", "A residual block",
        "The block's input is added back to its output: y = relu(x + f(x)).",
        "x ──────────────┐\n│               │\nDense(64, relu) │\n│               │\nDense(64)       │\n"
        "│               │\nAdd() ◄─────────┘\n│\nrelu",
        "x is used twice (by the block and by Add): a skip connection is a branch and a merge, "
        "so the functional API.",
        branches=True,
    ),
    QuizItem(
        "ensemble", "An ensemble",
        "Two trained models see the same input; the prediction is the average of theirs.",
        "      pixels (64,)\n     ┌─────┴─────┐\n model_a     model_b\n     └─────┬─────┘\n"
        "       Average()",
        "The input feeds two models whose outputs meet in Average: a branch and a merge, so the "
        "functional API (a model is callable like a layer).",
        branches=True,
    ),
    QuizItem(
        "autoencoder", "An encoder reused",
        "An autoencoder 64 → 8 → 64; after training, the encoder alone turns images into 8 numbers.",
        "pixels (64,)\n     │\n┌ encoder ─────────┐\n│ Dense(32, relu)  │\n│ Dense(8) \"code\"  │ ◄ used alone later\n"
        "└──────────────────┘\n     │\n┌ decoder ─────────┐\n│ Dense(32, relu)  │\n│ Dense(64)        │\n"
        "└──────────────────┘",
        "A stack of two stacks: keras.Sequential([encoder, decoder]) shares the encoder's weights, "
        "and `encoder` still works on its own. Nesting models does not need a graph.",
    ),
    QuizItem(
        "runtime_depth", "Depth decided by the input",
        "A refinement block is applied again and again until the change is small: "
        "3 steps for one input, 9 for another.",
        "x\n│\n▼\nblock ◄──────────┐\n│                │ no\n▼                │\nchange small? ───┘\n│ yes\n▼\n"
        "output   (3 steps for one x, 9 for another)",
        "A loop whose length depends on the data is Python in call(); a functional graph is "
        "fixed when it is built.",
        dynamic=True,
    ),
    QuizItem(
        "tree", "A tree-recursive model",
        "Each sentence comes with its own parse tree; children are combined bottom-up, node by node.",
        "         combine\n        ╱       ╲\n   combine     \"movie\"\n   ╱     ╲\n \"a\"   \"great\"\n"
        "(every sample has its own tree)",
        "The wiring differs per sample and is recursive: only Python code in call() can follow each tree.",
        dynamic=True,
    ),
    QuizItem(
        "stochastic_depth", "Skipping blocks while training",
        "Stochastic depth: while training, each residual block is skipped at random; in inference all run.",
        "def call(self, x, training=False):\n    for block in self.blocks:\n"
        "        if training and self.coin() < 0.2:\n            continue\n        x = x + block(x)\n"
        "    return x",
        "Control flow on `training` beyond what built-in layers do needs a call() of your own (a "
        "custom Layer, which can then sit in a functional model).",
        branches=True, dynamic=True,
    ),
)


def feedback(item: QuizItem, choice: str) -> tuple[str, str]:
    """(verdict, one-line message) for `choice` on `item`: 'right', 'works' or 'wrong'."""
    if choice == item.answer:
        return "right", f"Right: {item.answer}. {item.why}"
    if can_express(choice, item):
        return "works", (f"{choice} could build it, but {item.answer} is the simplest API that can. "
                         f"{item.why}")
    return "wrong", f"{choice} cannot express it: {item.answer}. {item.why}"
