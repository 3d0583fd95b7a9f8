"""`ApiQuiz`: which Keras model API fits each sketch? Sequential, Functional or Subclassed model.

The view of `widgets.quiz_items` (the sketches; `course.guide`, the decision guide, answers them):

    quiz = ApiQuiz()            # in JupyterLab: click a button under each sketch
    quiz.answer("residual", "Functional")
    quiz.score                  # items answered with the simplest API that fits
"""

from __future__ import annotations

import html
import re
from typing import Any

import ipywidgets as ipw

from widgets import svg
from widgets.frontend import keyboard_safe
from widgets.quiz_items import APIS, ITEMS, QuizItem, feedback
from widgets.static import StaticFallback
from widgets.style import BORDER, RIGHT, WORKS, WRONG


def _rich(text: str) -> str:
    """Escaped HTML with `code` spans, as the lesson's Markdown shows them."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


_MARKS = {"right": ("✓", RIGHT), "works": ("≈", WORKS), "wrong": ("✗", WRONG)}


class ApiQuiz(StaticFallback, ipw.VBox):
    """Pick Sequential, Functional or Subclassed model for each sketch; instant feedback and a score.

    Click the buttons in JupyterLab, or call `answer(key_or_index, api)` from code. The score counts
    items answered with the simplest model API that fits (the answer the decision guide gives); the
    feedback also names the class of your own the guide asks for.
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
            buttons = ipw.ToggleButtons(options=APIS, value=None, style={"button_width": "128px"})
            buttons.observe(lambda change, key=item.key: self._on_choice(key, change["new"]), names="value")
            self.buttons[item.key], self.messages[item.key] = buttons, ipw.HTML()
            text = ipw.HTML(
                f"<b>{number}. {_rich(item.title)}</b><br>{_rich(item.description)}"
                f"<pre style='font-size:11px;line-height:1.25;margin:4px 0'>{html.escape(item.sketch)}</pre>"
            )
            border = f"1px solid var(--jp-border-color2, {BORDER})"  # the theme's border colour, light or dark
            card = ipw.VBox([text, buttons, self.messages[item.key]],
                            layout=ipw.Layout(border=border, padding="6px", margin="3px"))
            cards.append(card)
        self.score_label = ipw.HTML()
        self.reset_button = ipw.Button(description="start again", icon="undo")
        self.reset_button.on_click(lambda _: self.reset())
        grid = ipw.GridBox(cards, layout=ipw.Layout(grid_template_columns=f"repeat({columns}, minmax(0, 1fr))"))
        header = ipw.HTML("<b>Which model API fits?</b> Pick the <i>simplest</i> one that can build each sketch; "
                         "the feedback says whether a step also needs a class of your own.")
        super().__init__([header, grid, ipw.HBox([self.score_label, self.reset_button])])
        self.add_class("kt-quiz")
        keyboard_safe(self)
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

    def static_picture(self) -> svg.Picture:
        """The sketches, choices and score as a self-contained SVG (two columns of cards)."""
        cards = []
        for number, item in enumerate(self.items, 1):
            choice = self.buttons[item.key].value
            verdict = self.verdicts.get(item.key)
            answer = f"{_MARKS[verdict][0]} {choice}: {verdict}" if choice else "Not answered yet"
            cards.append(svg.Card(f"{number}. {item.title}", item.description.replace("`", ""),
                                  item.sketch.splitlines(), answer, _MARKS[verdict][1] if verdict else None))
        heading = f"Which API fits? Score {self.score} / {len(self.items)} ({self.answered} answered)"
        return svg.cards_picture(heading, cards, "API quiz", self.text())

    def __repr__(self) -> str:
        return f"ApiQuiz({len(self.items)} sketches, score {self.score}/{len(self.items)}, {self.answered} answered)"
