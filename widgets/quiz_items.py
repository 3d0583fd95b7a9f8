"""The API quiz's content: which model API fits each architecture sketch, and does a step need a class?

`ITEMS` is a tuple of `QuizItem`s, each with a description, an ASCII sketch, the requirements the decision
guide looks at (`needs`, spelled as in `course.guide` and exercise 11.2) and a one-line explanation. The
answer is never typed in by hand: `course.guide.choose(item.needs)` gives it, the same function that writes
lesson 11's table and grades exercise 11.2. The quiz asks for the model API (its buttons are the guide's
three, capitalised); its feedback also names the class of your own the guide asks for. No widgets here:
`widgets.quiz` is the view.
"""

from __future__ import annotations

from dataclasses import dataclass

from course import guide

APIS = tuple(api[0].upper() + api[1:] for api in guide.MODEL_APIS)  # the buttons, simplest first


def label(api: str) -> str:
    """The button for one of the guide's model APIs ("functional" -> "Functional")."""
    return APIS[guide.MODEL_APIS.index(api)]


@dataclass(frozen=True)
class QuizItem:
    key: str
    title: str
    description: str
    sketch: str  # ASCII art, shown in a <pre>
    why: str  # the one-line explanation shown as feedback
    needs: tuple[str, ...] = ("a plain stack",)  # the requirements, as the guide names them

    def __post_init__(self) -> None:
        guide.check_needs(self.needs)

    @property
    def answer(self) -> str:
        return decide(self)

    @property
    def custom(self) -> str | None:
        """The class of your own the guide asks for: None, "layer" or "model"."""
        return guide.choose(self.needs)[1]


def decide(item: QuizItem) -> str:
    """The guide's model API for the item, as the quiz's button names it."""
    return label(guide.choose(item.needs)[0])


def can_express(api: str, item: QuizItem) -> bool:
    """Every model API can express what a simpler one can: a subclassed model can write any model."""
    return APIS.index(api) >= APIS.index(item.answer)


_CLASS_NOTE = {None: "", "layer": ", with a custom layer for the step no built-in layer does",
               "model": ": the model is the class you write"}


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
        needs=("a plain stack", "built-in layers that act differently in training"),
    ),
    QuizItem(
        "two_inputs", "Two inputs",
        "Tumour measurements in two groups, each through its own Dense layer, joined for one diagnosis.",
        "mean (10,)     worst (10,)\n    │              │\n Dense(8)       Dense(8)\n    └──────┬───────┘\n"
        "     Concatenate()\n           │\n   Dense(1, sigmoid)",
        "Two inputs meet in Concatenate, a layer that takes two tensors: that is a graph, not a stack.",
        needs=("several inputs",),
    ),
    QuizItem(
        "two_outputs", "Two heads",
        "One trunk answers two questions: which digit, and is it odd?",
        "      pixels (64,)\n           │\n   Dense(64) \"trunk\"\n     ┌─────┴──────┐\n"
        " Dense(10)     Dense(1)\n \"digit\"       \"is_odd\"",
        "The trunk's output feeds two heads and the model has two outputs: the functional API "
        "(Sequential has exactly one output).",
        needs=("several outputs",),
    ),
    QuizItem(
        "shared_encoder", "A shared encoder",
        "\"Same digit?\": two images go through one encoder (the same weights), then their distance.",
        "image_a ─► encoder ─► code_a ─┐\n             ║ same           ├─► |a − b| ─► Dense(1)\n"
        "image_b ─► encoder ─► code_b ─┘",
        "One layer instance called on two inputs: shared layers are edges of a graph, so the "
        "functional API.",
        needs=("several inputs", "a shared layer"),
    ),
    QuizItem(
        "residual", "A residual block",
        "The block's input is added back to its output: y = relu(x + f(x)).",
        "x ──────────────┐\n│               │\nDense(64, relu) │\n│               │\nDense(64)       │\n"
        "│               │\nAdd() ◄─────────┘\n│\nrelu",
        "x is used twice (by the block and by Add): a skip connection is a branch and a merge, "
        "so the functional API.",
        needs=("a skip connection",),
    ),
    QuizItem(
        "ensemble", "An ensemble",
        "Two trained models see the same input; the prediction is the average of theirs.",
        "      pixels (64,)\n     ┌─────┴─────┐\n model_a     model_b\n     └─────┬─────┘\n"
        "       Average()",
        "The input feeds two models whose outputs meet in Average: a branch and a merge, so the "
        "functional API (a model is callable like a layer).",
        needs=("a model used as a layer", "a skip connection"),
    ),
    QuizItem(
        "autoencoder", "An encoder reused",
        "An autoencoder 64 → 8 → 64; after training, the encoder alone turns images into 8 numbers.",
        "pixels (64,)\n     │\n┌ encoder ─────────┐\n│ Dense(32, relu)  │\n│ Dense(8) \"code\"  │ ◄ used alone later\n"
        "└──────────────────┘\n     │\n┌ decoder ─────────┐\n│ Dense(32, relu)  │\n│ Dense(64)        │\n"
        "└──────────────────┘",
        "A stack of two stacks: keras.Sequential([encoder, decoder]) shares the encoder's weights, "
        "and `encoder` still works on its own. Nesting models does not need a graph.",
        needs=("a plain stack", "a model used as a layer"),
    ),
    QuizItem(
        "runtime_depth", "Depth decided by the input",
        "A refinement block is applied again and again until the change is small: "
        "3 steps for one input, 9 for another.",
        "x\n│\n▼\nblock ◄──────────┐\n│                │ no\n▼                │\nchange small? ───┘\n│ yes\n▼\n"
        "output   (3 steps for one x, 9 for another)",
        "The loop is one step: a custom layer's call() runs it (with `keras.ops.while_loop`, so that "
        "`fit` and `predict` can trace it), and the model around that layer is a plain stack.",
        needs=("data-dependent Python control flow in the forward pass",),
    ),
    QuizItem(
        "tree", "A tree-recursive model",
        "Each sentence comes with its own parse tree; children are combined bottom-up, node by node.",
        "         combine\n        ╱       ╲\n   combine     \"movie\"\n   ╱     ╲\n \"a\"   \"great\"\n"
        "(every sample has its own tree)",
        "The wiring differs per sample and is recursive: no fixed graph is left, so the model itself is "
        "the class, and Python in its call() follows each tree.",
        needs=("wiring that differs per sample",),
    ),
    QuizItem(
        "spread_noise", "Training noise of its own",
        "While training, a residual block adds noise scaled by each feature's spread in the batch; in inference, "
        "none. (`GaussianNoise` adds noise of a fixed size.)",
        "x ──────────────────┐\n│                   │\nDense(64, relu)     │\n│                   │\n"
        "SpreadNoise(0.1)    │  training: + N(0, 0.1 × batch std)\n│                   │\nAdd() ◄─────────────┘",
        "x is used twice (a skip connection), so a graph; noise scaled by the batch's spread is something no "
        "built-in layer does (`GaussianNoise`'s size is fixed), so `SpreadNoise` is a custom layer, used in "
        "the functional model like any layer.",
        needs=("a skip connection", "its own training-only computation"),
    ),
)


def feedback(item: QuizItem, choice: str) -> tuple[str, str]:
    """(verdict, one-line message) for `choice` on `item`: 'right', 'works' or 'wrong'.

    'wrong' only when the chosen API is simpler than the guide's, so cannot build the model; a more
    general one 'works'."""
    answer = f"{item.answer}{_CLASS_NOTE[item.custom]}"
    if choice == item.answer:
        return "right", f"Right: {answer}. {item.why}"
    if can_express(choice, item):
        return "works", (f"{choice} could build it, but {item.answer} is the simplest model API that can "
                         f"({answer}). {item.why}")
    return "wrong", f"{choice} cannot express it: {answer}. {item.why}"
