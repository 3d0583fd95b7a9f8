"""The API-choice quiz: its data, its feedback and score, and that its answers hold in Keras."""


import pytest

import widgets
from course import guide
from widgets.quiz_items import APIS, ITEMS, QuizItem, can_express, decide, feedback

EXPECTED = {  # the decision guide of lesson 11, item by item
    "cnn_stack": "Sequential", "dropout_stack": "Sequential", "autoencoder": "Sequential",
    "two_inputs": "Functional", "two_outputs": "Functional", "shared_encoder": "Functional",
    "residual": "Functional", "ensemble": "Functional",
    "runtime_depth": "Sequential", "spread_noise": "Functional", "tree": "Subclassed model",
}


def test_items_are_plain_complete_data():
    assert isinstance(ITEMS, tuple) and 8 <= len(ITEMS) <= 12
    assert len({item.key for item in ITEMS}) == len(ITEMS)
    for item in ITEMS:
        assert isinstance(item, QuizItem)
        assert item.title and item.description and item.sketch.strip(), item.key
        assert item.why.strip() and "\n" not in item.why and item.why.endswith("."), f"{item.key}: one line"
        assert max(len(line) for line in item.sketch.splitlines()) <= 60, f"{item.key}: sketch too wide"
    with pytest.raises(AttributeError):
        ITEMS[0].key = "changed"  # frozen


def test_answers_follow_the_decision_guide():
    assert {item.key: item.answer for item in ITEMS} == EXPECTED
    assert APIS == ("Sequential", "Functional", "Subclassed model")  # the guide's model APIs, simplest first
    assert {item.answer for item in ITEMS} == set(APIS)
    assert {item.custom for item in ITEMS} == set(guide.CUSTOM_CLASSES)
    assert decide(QuizItem("k", "t", "d", "s", "w.", needs=("several inputs",))) == "Functional"
    assert decide(QuizItem("k", "t", "d", "s", "w.", needs=("several outputs", "wiring that differs per sample"))) \
        == "Subclassed model"
    with pytest.raises(ValueError, match="one or more of"):
        QuizItem("k", "t", "d", "s", "w.", needs=("dynamic",))


def test_feedback_says_right_works_or_wrong():
    residual = next(item for item in ITEMS if item.key == "residual")
    assert feedback(residual, "Functional")[0] == "right"
    verdict, message = feedback(residual, "Subclassed model")
    assert verdict == "works" and message.startswith("Subclassed model could build it, but Functional is the simplest")
    verdict, message = feedback(residual, "Sequential")
    assert verdict == "wrong" and message.startswith("Sequential cannot express it: Functional.")
    assert residual.why in message
    assert [can_express(api, residual) for api in APIS] == [False, True, True]


def test_answering_updates_feedback_and_score():
    quiz = widgets.ApiQuiz()
    assert isinstance(quiz, widgets.ApiQuiz) and quiz.score == 0 and quiz.answered == 0
    assert "Score: 0 / 11" in quiz.score_label.value
    assert quiz.answer("residual", "Functional").startswith("Right: Functional.")
    assert quiz.score == 1 and "✓" in quiz.messages["residual"].value
    assert quiz.answer(0, "Functional").startswith("Functional could build it")  # cnn_stack, by index
    assert quiz.score == 1 and quiz.answered == 2 and "≈" in quiz.messages["cnn_stack"].value
    assert quiz.answer("tree", "Sequential").startswith("Sequential cannot express it")
    assert quiz.score == 1 and quiz.answered == 3 and "✗" in quiz.messages["tree"].value
    assert "Score: 1 / 11" in quiz.score_label.value and "(3 answered)" in quiz.score_label.value
    quiz.answer("tree", "Subclassed model")  # changing one's mind counts the new choice
    assert quiz.score == 2 and quiz.answered == 3
    assert repr(quiz) == "ApiQuiz(11 sketches, score 2/11, 3 answered)"


def test_buttons_work_like_answers_and_reset_clears():
    quiz = widgets.ApiQuiz()
    for item in ITEMS:
        quiz.buttons[item.key].value = item.answer  # as a click would
    assert quiz.score == len(ITEMS) and quiz.choices() == EXPECTED
    assert all(quiz.feedback(item.key).startswith("Right") for item in ITEMS)
    quiz.reset_button.click()
    assert quiz.score == quiz.answered == 0 and quiz.feedback("tree") == ""
    assert set(quiz.choices().values()) == {None} and quiz.messages["tree"].value == ""


def test_quiz_shows_every_sketch_and_refuses_bad_answers():
    quiz = widgets.ApiQuiz(ITEMS[:3], columns=1)
    shown = "".join(child.children[0].value for child in quiz.children[1].children)
    assert shown.count("<pre") == 3 and "MaxPooling2D()" in shown
    assert "repeat(1," in quiz.children[1].layout.grid_template_columns
    with pytest.raises(ValueError, match="api must be one of"):
        quiz.answer(0, "Model")
    with pytest.raises(KeyError, match="no quiz item 'nope'"):
        quiz.answer("nope", "Functional")
    with pytest.raises(IndexError, match="has 3 items"):
        quiz.answer(3, "Functional")
    with pytest.raises(ValueError, match="unique"):
        widgets.ApiQuiz(ITEMS[:1] * 2)
