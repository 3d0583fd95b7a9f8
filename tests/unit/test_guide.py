"""One decision guide (`course.guide`): the quiz, lesson 11's table, the start page and exercise 11.2 agree."""

import itertools

import nbformat
import pytest

from course import guide
from course.checks import get
from course.checks.runner import collect, run_check, run_checks
from course.exercises import lesson11
from course.paths import LESSONS, SOLUTIONS, START_PAGE
from instructor import catalog
from instructor.exercises import lesson11 as kit11
from widgets.quiz_items import APIS, ITEMS, feedback, label

LESSON = "11_subclassing_and_choosing.ipynb"
EVERY_COMBINATION = [combo for size in (1, 2, 3) for combo in itertools.combinations(guide.NAMES, size)]


def quiz_choose(needs):
    """A `choose()` that answers the way the quiz scores: its right button, and the class its feedback names."""
    needs = tuple(needs)
    item = ITEMS[0].__class__("k", "t", "d", "s", "w.", needs=needs)
    for api in APIS:
        verdict, message = feedback(item, api)
        if verdict == "right":
            model_api = guide.MODEL_APIS[APIS.index(api)]
            custom = ("model" if "the model is the class you write" in message else
                      "layer" if "with a custom layer" in message else None)
            return model_api, custom
    raise AssertionError(f"no button is right for {needs}")


def test_the_guide_answers_every_combination_with_a_valid_pair():
    for needs in EVERY_COMBINATION:
        api, custom = guide.choose(needs)
        assert api in guide.MODEL_APIS and custom in guide.CUSTOM_CLASSES, needs
        assert (api == "subclassed model") == (custom == "model"), needs
        assert guide.reasons(needs).endswith(".")
    with pytest.raises(ValueError, match="one or more of"):
        guide.choose(["a loop"])


def test_the_kit_grades_with_the_guides_own_function():
    assert kit11.guide_choice is guide.choose
    assert lesson11.NEEDS == guide.NAMES
    assert (lesson11.MODEL_APIS, lesson11.CUSTOM_CLASSES) == (guide.MODEL_APIS, guide.CUSTOM_CLASSES)
    assert kit11.guide_digests() == lesson11.given.json_data("11.2-guide")  # the shipped digests are the guide's


def test_the_quiz_scores_by_the_guide_and_never_calls_an_accepted_answer_impossible():
    for item in ITEMS:
        api, custom = guide.choose(item.needs)
        assert item.answer == label(api) and item.custom == custom
        for choice in APIS:
            verdict, message = feedback(item, choice)
            accepted = APIS.index(choice) >= APIS.index(label(api))  # the guide's API, or a more general one
            assert (verdict == "wrong") == (not accepted), (item.key, choice)
            assert ("cannot express" in message) == (verdict == "wrong")
    by_key = {item.key: item for item in ITEMS}
    # The review's cases: training-only computation in a graph is Functional + a custom layer, not "Subclassing".
    assert feedback(by_key["spread_noise"], "Functional")[0] == "right"
    assert "custom layer" in feedback(by_key["spread_noise"], "Functional")[1]
    assert feedback(by_key["runtime_depth"], "Sequential")[0] == "right"


@pytest.mark.parametrize("needs", EVERY_COMBINATION)
def test_a_choose_that_follows_the_quiz_is_the_guide(needs):
    assert quiz_choose(needs) == guide.choose(needs)


def test_a_choose_that_follows_the_quiz_passes_exercise_11_2_public_and_graded():
    report = run_checks(get("11.2"), quiz_choose)
    assert report.passed, report
    graded = get("11.2", graded=True)
    collected = collect(graded, quiz_choose, graded.cases)
    outcomes = [run_check(check, collected) for check in graded.graded_checks]
    assert outcomes and all(outcome.passed for outcome in outcomes), [o for o in outcomes if not o.passed]


def test_lesson_11_shows_the_guides_table_from_the_data():
    for folder in (SOLUTIONS, LESSONS):
        cells = nbformat.read(folder / LESSON, as_version=4).cells
        sources = [cell.source for cell in cells]
        assert "guide.markdown()" in sources, folder
        assert not any("| Question" in cell.source for cell in cells if cell.cell_type == "markdown")
    shown = next(cell for cell in nbformat.read(SOLUTIONS / LESSON, as_version=4).cells
                 if cell.source == "guide.markdown()")
    assert [output["data"]["text/markdown"] for output in shown.outputs] == [guide.table()]
    for question in (*guide.API_QUESTIONS, guide.CLASS_QUESTION, guide.TRAINING_STEP):
        assert question.text.replace("|", "\\|") in guide.table()


def test_lesson_11_requirements_are_the_guides():
    prompt = next(cell.source for cell in nbformat.read(SOLUTIONS / LESSON, as_version=4).cells
                  if cell.get("metadata", {}).get("course", {}).get("prompt") == "11.2")
    for need in guide.NEEDS:
        assert f'`"{need.name}"`' in prompt
        for part in need.meaning.split(" ("):
            assert part.rstrip(")") in prompt, need.name


def test_the_start_page_shows_the_guides_short_table():
    assert guide.short_table() in catalog.WHICH_API
    page = nbformat.read(LESSONS / START_PAGE, as_version=4)
    assert any(guide.short_table() in cell.source for cell in page.cells)
