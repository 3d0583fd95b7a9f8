"""Open design exercises: what their checks accept and refuse, beyond the solution and the mutants.

05.4 says in its text that a linear model is a valid answer (no fair bar separates it from small
non-linear designs on 143 test tumours; the numbers are in course/exercises/lesson05.py): this test
holds the checks to that promise, in the notebook and in grading, and to the baseline numbers the
check prints next to the learner's.
"""

from __future__ import annotations

import pytest

from course.exercises.lesson05 import LINEAR_BASELINE
from instructor.wrong_answers import grade, public_report

LINEAR_05_4 = '''
def design_three_views():
    inputs = {name: keras.Input(shape=(10,), name=name) for name in ("mean", "error", "worst")}
    joined = layers.Concatenate()(list(inputs.values()))
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(joined))
'''


@pytest.mark.parametrize("exercise_id", ["05.4"])
def test_a_linear_model_is_a_valid_answer(exercise_id):
    graded = grade(exercise_id, LINEAR_05_4)
    assert graded.points == graded.max_points, graded.failed
    report = public_report(exercise_id, LINEAR_05_4)
    assert report.passed, repr(report)
    accuracy, loss = LINEAR_BASELINE[0]
    assert f"a linear model (31 parameters) gets {accuracy:.2f} and {loss:.2f}" in repr(report), repr(report)
