"""The grader's feedback page in Chromium: readable by screen readers (axe-core finds nothing serious)."""

from __future__ import annotations

import pytest
from a11y import axe_violations
from playwright.sync_api import Page, expect

from instructor.grading.grader import CheckResult, ExerciseResult, SubmissionResult
from instructor.grading.report import write_result

pytestmark = pytest.mark.browser  # Chromium: .ci/run runs these after make test


def graded() -> SubmissionResult:
    """A lesson-01 submission with a passed, a failed and a hidden check, and notes: every part of the page."""
    first = [CheckResult("builds a Sequential model", 1, 1, True, None, False),
             CheckResult("has 4,810 parameters", 0, 1, False, "expected 4810 parameters, got 4800", False),
             CheckResult("works for another input size", 0, 1, False, None, True)]
    second = [CheckResult("same predictions as the Sequential build", 2, 2, True, None, False)]
    return SubmissionResult("alice__01_two_ways", "alice/01_two_ways.ipynb", "graded", lesson="01_two_ways",
                            score=3, max_score=5, notes=["Exercise 01.2 was found by the function it defines."],
                            exercises=[ExerciseResult("01.1", "A Sequential digits classifier", 1, 3, first),
                                       ExerciseResult("01.2", "Its functional twin", 2, 2, second, ["a split cell"])])


def test_feedback_page_passes_axe(page: Page, tmp_path, screenshot):
    write_result(graded(), tmp_path)
    broken = SubmissionResult("bob__01_two_ways", "bob/01_two_ways.ipynb", "error", reason="not a notebook")
    write_result(broken, tmp_path)
    for name in ("alice__01_two_ways", "bob__01_two_ways"):
        page.goto((tmp_path / "feedback" / f"{name}.html").as_uri())
        expect(page).to_have_title(f"Feedback for {name}")
        assert not axe_violations(page, name=f"the feedback page of {name}")
    page.goto((tmp_path / "feedback" / "alice__01_two_ways.html").as_uri())
    expect(page.get_by_role("table", name="Checks of exercise 1.1")).to_be_visible()
    expect(page.get_by_role("rowheader", name="has 4,810 parameters")).to_be_visible()


def test_class_view_passes_axe(page: Page, tmp_path):
    from instructor.grading.report import read_results, write_gradebook

    alice = graded()
    alice.learner = "alice"
    write_result(alice, tmp_path)
    write_result(SubmissionResult("dave__01_two_ways", "", "not submitted", "nothing handed in", lesson="01_two_ways",
                                  max_score=5, learner="dave"), tmp_path)
    write_gradebook(read_results(tmp_path), tmp_path)
    page.goto((tmp_path / "class.html").as_uri())
    expect(page).to_have_title("The class")
    expect(page.get_by_role("img", name="Points per learner and exercise, lesson 01_two_ways")).to_be_visible()
    assert not axe_violations(page, name="the class view")
