"""`ApiQuiz`: which Keras API fits each architecture sketch? Sequential, Functional or Subclassing.

The quiz data is plain: `ITEMS` is a tuple of `QuizItem`s, each with a description, an ASCII
sketch, the traits the decision guide looks at, and a one-line explanation. The answer is never
typed in by hand: `decide(item)` applies the guide (`DECISION_GUIDE`, the short version of lesson
11's: "Subclassing" wherever you must write a class of your own) to the item's traits, and the
simplest API that can express the architecture wins.

    quiz = ApiQuiz()            # in JupyterLab: click a button under each sketch
    quiz.answer("residual", "Functional")
    quiz.score                  # items answered with the simplest API that fits
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

import ipywidgets as ipw

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

def _rich(text: str) -> str:
    """Escaped HTML with `code` spans, as the lesson's Markdown shows them."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


_MARKS = {"right": ("✓", "#1e8449"), "works": ("≈", "#b9770e"), "wrong": ("✗", "#c0392b")}


def feedback(item: QuizItem, choice: str) -> tuple[str, str]:
    """(verdict, one-line message) for `choice` on `item`: 'right', 'works' or 'wrong'."""
    if choice == item.answer:
        return "right", f"Right: {item.answer}. {item.why}"
    if can_express(choice, item):
        return "works", (f"{choice} could build it, but {item.answer} is the simplest API that can. "
                         f"{item.why}")
    return "wrong", f"{choice} cannot express it: {item.answer}. {item.why}"


class ApiQuiz(ipw.VBox):
    """Pick Sequential, Functional or Subclassing for each sketch; instant feedback and a score.

    Click the buttons in JupyterLab, or call `answer(key_or_index, api)` from code. The score counts
    items answered with the simplest API that fits (the answer the decision guide gives).
    """

    def __init__(self, items: tuple[QuizItem, ...] = ITEMS, columns: int = 2) -> None:
        if not items:
            raise ValueError("the quiz needs at least one item")
        keys = [item.key for item in items]
        if len(set(keys)) != len(keys):
            raise ValueError(f"item keys must be unique, got {keys}")
        self.items = tuple(items)
        self.buttons: dict[str, ipw.ToggleButtons] = {}
        self.messages: dict[str, ipw.HTML] = {}
        self.verdicts: dict[str, str] = {}
        cards = []
        for number, item in enumerate(self.items, 1):
            buttons = ipw.ToggleButtons(options=APIS, value=None, style={"button_width": "112px"})
            buttons.observe(lambda change, key=item.key: self._on_choice(key, change["new"]), names="value")
            self.buttons[item.key], self.messages[item.key] = buttons, ipw.HTML()
            text = ipw.HTML(
                f"<b>{number}. {_rich(item.title)}</b><br>{_rich(item.description)}"
                f"<pre style='font-size:11px;line-height:1.25;margin:4px 0'>{html.escape(item.sketch)}</pre>"
            )
            border = "1px solid var(--jp-border-color2, #ddd)"  # the theme's border colour, light or dark
            card = ipw.VBox([text, buttons, self.messages[item.key]],
                            layout=ipw.Layout(border=border, padding="6px", margin="3px"))
            cards.append(card)
        self.score_label = ipw.HTML()
        self.reset_button = ipw.Button(description="start again", icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        grid = ipw.GridBox(cards, layout=ipw.Layout(grid_template_columns=f"repeat({columns}, minmax(0, 1fr))"))
        header = ipw.HTML("<b>Which API fits?</b> Pick the <i>simplest</i> API that can express each sketch.")
        super().__init__([header, grid, ipw.HBox([self.score_label, self.reset_button])])
        self.add_class("kt-quiz")
        self._show_score()

    def _key(self, item: str | int) -> str:
        if isinstance(item, int):
            if not 0 <= item < len(self.items):
                raise IndexError(f"item {item} out of range: the quiz has {len(self.items)} items")
            return self.items[item].key
        if item not in self.buttons:
            raise KeyError(f"no quiz item {item!r}; known: {', '.join(self.buttons)}")
        return item

    def _on_choice(self, key: str, choice: str | None) -> None:
        if choice is None:
            self.verdicts.pop(key, None)
            self.messages[key].value = ""
        else:
            item = next(i for i in self.items if i.key == key)
            verdict, message = feedback(item, choice)
            mark, colour = _MARKS[verdict]
            self.verdicts[key] = verdict
            # Only the mark is coloured: the message keeps the theme's text colour (legible on dark themes).
            self.messages[key].value = f"<span><b style='color:{colour}'>{mark}</b> {_rich(message)}</span>"
        self._show_score()

    def _show_score(self) -> None:
        self.score_label.value = (f"<b>Score: {self.score} / {len(self.items)}</b> "
                                  f"({self.answered} answered)&nbsp;")

    def answer(self, item: str | int, api: str) -> str:
        """Choose `api` for an item (its key or index), as a click would; returns the feedback."""
        if api not in APIS:
            raise ValueError(f"api must be one of {APIS}, got {api!r}")
        key = self._key(item)
        self.buttons[key].value = api
        return self.feedback(key)

    def feedback(self, item: str | int) -> str:
        """The feedback line shown under an item ('' while it is unanswered)."""
        key = self._key(item)
        if key not in self.verdicts:
            return ""
        choice = self.buttons[key].value
        return feedback(next(i for i in self.items if i.key == key), choice)[1]

    def reset(self) -> None:
        for buttons in self.buttons.values():
            buttons.value = None

    @property
    def score(self) -> int:
        return sum(verdict == "right" for verdict in self.verdicts.values())

    @property
    def answered(self) -> int:
        return len(self.verdicts)

    def choices(self) -> dict[str, Any]:
        """The current choice for every item (None where unanswered)."""
        return {key: buttons.value for key, buttons in self.buttons.items()}

    def text(self) -> str:
        """The quiz in words: each sketch with the learner's choice so far, and the score."""
        lines = [f"API quiz: which API fits? Score {self.score} / {len(self.items)} ({self.answered} answered)."]
        for number, item in enumerate(self.items, 1):
            choice = self.buttons[item.key].value
            shown = f"answered {choice} ({self.verdicts[item.key]})" if choice else "not answered"
            lines.append(f"{number}. {item.title}: {shown}.")
        return "\n".join(lines)

    def static_picture(self) -> Any:
        """The sketches, choices and score as a self-contained SVG (two columns of cards)."""
        from widgets import svg

        mono = 10.5 * 0.6 * svg.SLACK  # px per character of the monospace sketches
        card_w = max(380.0, max(len(line) for item in self.items for line in item.sketch.splitlines()) * mono + 16)
        cards = []
        for number, item in enumerate(self.items, 1):
            title = svg.wrap(f"{number}. {item.title}", card_w - 16, svg.NAME_SIZE)
            text = svg.wrap(item.description.replace("`", ""), card_w - 16, svg.DETAIL_SIZE)
            sketch = item.sketch.splitlines()
            choice = self.buttons[item.key].value
            verdict = self.verdicts.get(item.key)
            answer = f"{_MARKS[verdict][0]} {choice}: {verdict}" if choice else "Not answered yet"
            cards.append((title, text, sketch, answer, verdict))
        heights = [16 * len(t) + 14 * len(d) + 13 * len(k) + 40 for t, d, k, _, _ in cards]
        top, gap = 2 * svg.MARGIN + 24, 8
        rows = [max(heights[i:i + 2]) for i in range(0, len(cards), 2)]
        out = [f'<text class="title" x="{svg.MARGIN}" y="{svg.MARGIN + 14}">Which API fits? Score {self.score} / '
               f'{len(self.items)} ({self.answered} answered)</text>\n']
        for i, (title, text, sketch, answer, verdict) in enumerate(cards):
            x, y = svg.MARGIN + (i % 2) * (card_w + gap), top + sum(rows[: i // 2]) + gap * (i // 2)
            out.append(f'<g class="card"><rect class="card" x="{x}" y="{y}" width="{card_w}" height="{rows[i // 2]}" '
                       f'rx="4"/>')
            line_y = y + 16
            for line in title:
                out.append(f'<text class="q" x="{x + 8}" y="{line_y}" style="font-weight:bold">{svg.esc(line)}</text>')
                line_y += 16
            for line in text:
                out.append(f'<text class="q" x="{x + 8}" y="{line_y}">{svg.esc(line)}</text>')
                line_y += 14
            for line in sketch:
                out.append(f'<text class="mono" x="{x + 8}" y="{line_y + 2}" xml:space="preserve">'
                           f'{svg.esc(line)}</text>')
                line_y += 13
            colour = f' style="fill:{_MARKS[verdict][1]}"' if verdict else ""
            out.append(f'<text class="q a" x="{x + 8}" y="{y + rows[i // 2] - 9}"{colour}>{svg.esc(answer)}</text>'
                       "</g>\n")
        width = 2 * svg.MARGIN + 2 * card_w + gap
        height = top + sum(rows) + gap * len(rows) + svg.MARGIN
        css = (f"#UID .q {{text-anchor: start; font-size: {svg.DETAIL_SIZE}px}} #UID .a {{font-weight: bold}} "
               f"#UID .mono {{text-anchor: start; font-size: 10.5px; font-family: Menlo, Consolas, "
               f'"DejaVu Sans Mono", monospace}} #UID rect.card {{fill: none; '
               f"stroke: var(--jp-border-color2, #cccccc)}}")
        picture, _ = svg.finish("".join(out), css, width, height, "API quiz", self.text())
        return svg.Picture(picture, self.text(), width, height)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        picture = self.static_picture()
        bundle.update({"image/svg+xml": picture.svg, "text/plain": picture.text})
        return bundle

    def __repr__(self) -> str:
        return f"ApiQuiz({len(self.items)} sketches, score {self.score}/{len(self.items)}, {self.answered} answered)"
