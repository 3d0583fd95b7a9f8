"""The decision guide, stated once: which model API, and which class of your own, an architecture needs.

Everything that states the guide is derived from the data here: lesson 11's table (`table()`, printed by a
cell of the lesson), the API quiz's verdicts and feedback (`widgets.quiz_items`), the start page's short
guide (`short_table()`) and exercise 11.2 (its requirements are `NEEDS`; the
answers its checks compare with, in digest form, are `choose()`'s).

An architecture is described by its requirements (`NEEDS`). Two questions, answered separately:

1. Which API builds the model? Ask `API_QUESTIONS` in order; the first one whose requirements meet the
   architecture's decides. A subclassed model also settles the second answer: the class you write is it.
2. Does some step need a class of your own? If a requirement of `CLASS_QUESTION` is met, write that step
   as a custom layer and use it in the model of answer 1.

`TRAINING_STEP` is the guide's last row, outside the rule: a training step of your own (`train_step`,
`compute_loss`) is a subclass of `keras.Model` whatever its wiring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

MODEL_APIS = ("Sequential", "functional", "subclassed model")  # from the simplest to the most general
CUSTOM_CLASSES = (None, "layer", "model")


@dataclass(frozen=True)
class Need:
    name: str  # as exercise 11.2 spells it
    meaning: str  # what it means, with an example ("" where the name says it all)


NEEDS: tuple[Need, ...] = (
    Need("a plain stack", "one input, one output, each layer feeding only the next"),
    Need("several inputs", ""),
    Need("several outputs", ""),
    Need("a shared layer", "one layer used on more than one tensor"),
    Need("a skip connection", "a tensor used by more than one layer"),
    Need("a model used as a layer", "a (trained) model inside a bigger one"),
    Need("built-in layers that act differently in training", "`Dropout`, `BatchNormalization`, `GaussianNoise`"),
    Need("its own training-only computation",
         "something done only while training that no built-in layer does (noise scaled by each feature's "
         "spread in the batch, a residual block skipped at random)"),
    Need("a computation with its own weights that Keras lacks", ""),
    Need("data-dependent Python control flow in the forward pass", "a loop until the output settles, an `if` on a "
         "tensor"),
    Need("wiring that differs per sample", "a recursion over each sample's own parse tree"),
)
NAMES = tuple(need.name for need in NEEDS)


@dataclass(frozen=True)
class Question:
    text: str  # the question, as the lesson's table asks it
    needs: frozenset[str]  # "yes" when the architecture has any of these (empty: always yes)
    answer: str  # a model API, or for the class question the class to write
    reason: str  # why, in one sentence


API_QUESTIONS: tuple[Question, ...] = (
    Question("Is each sample wired differently (a recursion over each sample's own parse tree), so that no "
             "fixed graph of layers is left to draw?",
             frozenset({"wiring that differs per sample"}), "subclassed model",
             "only Python in `call()` can follow a wiring that changes from sample to sample, so the class you "
             "write is the model itself"),
    Question("Several inputs or outputs, a tensor used by more than one layer (a skip connection, branches), "
             "or a layer used on more than one tensor (a shared layer)?",
             frozenset({"several inputs", "several outputs", "a shared layer", "a skip connection"}), "functional",
             "a graph of layer calls says it, and a stack cannot"),
    Question("Otherwise: one input, one output, each layer (or nested model) feeding only the next.",
             frozenset(), "Sequential",
             "a stack is the simplest API; built-in layers read `training` themselves and a model nests like "
             "any layer, in any API"),
)
CLASS_QUESTION = Question(
    "Then, whatever the model's API: does some step compute what no Keras layer does: weights of its own, its "
    "own training-only computation (an `if training:` beyond `Dropout`, `BatchNormalization` and "
    "`GaussianNoise`), or Python control flow that depends on the data?",
    frozenset({"its own training-only computation", "a computation with its own weights that Keras lacks",
               "data-dependent Python control flow in the forward pass"}), "layer",
    "write that step as a custom layer (`keras.layers.Layer`) and use it in the model like any layer: "
    "subclassing kept small")
TRAINING_STEP = Question(
    "Apart from the wiring: must `fit` itself do something else (a loss from several forward passes, two "
    "optimizers as in a GAN)?",
    frozenset(), "model",
    "subclass `keras.Model` and override `compute_loss` or `train_step`; the forward pass can stay functional, "
    "`MyModel(inputs, outputs)`")
assert all(question.needs <= set(NAMES) for question in (*API_QUESTIONS, CLASS_QUESTION))


def check_needs(needs: Iterable[str]) -> frozenset[str]:
    needs = frozenset(needs)
    unknown = needs - set(NAMES)
    if unknown or not needs:
        raise ValueError(f"needs must be one or more of {list(NAMES)}, got {sorted(needs)}")
    return needs


def model_question(needs: Iterable[str]) -> Question:
    """The first API question answered "yes" for these requirements."""
    needs = check_needs(needs)
    return next(question for question in API_QUESTIONS if not question.needs or needs & question.needs)


def choose(needs: Iterable[str]) -> tuple[str, str | None]:
    """The guide applied: (model API, class of your own) for an architecture with these requirements."""
    needs = check_needs(needs)
    question = model_question(needs)
    if question.answer == "subclassed model":  # the model is the class, and holds every step itself
        return question.answer, "model"
    return question.answer, CLASS_QUESTION.answer if needs & CLASS_QUESTION.needs else None


def reasons(needs: Iterable[str]) -> str:
    """Why the guide chooses what it does, in a sentence or two."""
    needs = check_needs(needs)
    api, custom = choose(needs)
    text = f"{model_question(needs).reason[0].upper()}{model_question(needs).reason[1:]}."
    if custom == "layer":
        step = sorted(needs & CLASS_QUESTION.needs)[0]
        text += f" One step needs a class of your own ({step}): {CLASS_QUESTION.reason}."
    return text


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def table() -> str:
    """Lesson 11's guide, as a Markdown table: the questions in order, each with its answer and reason."""
    rows = ["| Question | Answer (as 11.2 spells it) | Why |", "|---|---|---|"]
    for number, question in enumerate(API_QUESTIONS, 1):
        rows.append(f"| {number}. {_cell(question.text)} | model API `{question.answer!r}` | "
                    f"{_cell(question.reason)} |")
    rows.append(f"| {_cell(CLASS_QUESTION.text)} | class `{CLASS_QUESTION.answer!r}` (else `None`; "
                f"`'model'` after row 1) | {_cell(CLASS_QUESTION.reason)} |")
    rows.append(f"| {_cell(TRAINING_STEP.text)} | class `{TRAINING_STEP.answer!r}` (not part of 11.2) | "
                f"{_cell(TRAINING_STEP.reason)} |")
    return "\n".join(rows).replace("`'", "`\"").replace("'`", "\"`")


def short_table() -> str:
    """The start page's version: the model questions, then the class question, one line each."""
    rows = ["| Ask, in order | Use |", "|---|---|"]
    uses = {"subclassed model": "a subclass of `keras.Model` with its own `call()`",
            "functional": "the functional API", "Sequential": "`keras.Sequential`"}
    for question in API_QUESTIONS:
        rows.append(f"| {_cell(question.text)} | {uses[question.answer]} |")
    rows.append(f"| {_cell(CLASS_QUESTION.text)} | also a custom layer for that step, inside the model above |")
    rows.append(f"| {_cell(TRAINING_STEP.text)} | a `keras.Model` subclass overriding `compute_loss` or "
                "`train_step` |")
    return "\n".join(rows)


def markdown() -> object:
    """Lesson 11's table, for a notebook cell to show (as Markdown where it is rendered)."""
    from IPython.display import Markdown

    return Markdown(table())
