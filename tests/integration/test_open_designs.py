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


SIAMESE_PARTS = '''
def _encoder():
    return keras.Sequential([keras.Input(shape=(64,)), layers.Dense(64, activation="relu"), layers.Dense(16)])


def _pair(compare):
    encoder = _encoder()
    left = keras.Input(shape=(64,), name="left")
    right = keras.Input(shape=(64,), name="right")
    return keras.Model([left, right], layers.Dense(1, activation="sigmoid")(compare(encoder(left), encoder(right))))
'''


def _siamese(compare: str):
    import keras
    from keras import layers

    namespace = {"keras": keras, "layers": layers}
    exec(SIAMESE_PARTS, namespace)
    return namespace["_pair"](eval(compare, namespace))


def test_8_3_never_recommends_the_design_that_just_collapsed():
    """A cosine comparison (Dot with normalize=True) stays at chance under the checker's budget on some
    seeds (4 and 5 of 0-7; 0.94-0.97 on the others): the message says so by what it measured and points
    to the squared difference, which reaches 0.89-0.92 on every seed 0-7 (measured with this budget)."""
    from course.checks import CheckFailed
    from course.exercises.lesson08 import reaches_target

    with pytest.raises(CheckFailed) as failed:
        reaches_target(_siamese("lambda a, b: layers.Dot(axes=1, normalize=True)([a, b])"), seed=4)
    assert "near chance" in failed.value.message
    assert "Dot" not in failed.value.hint and "normalize=True" not in failed.value.hint
    assert "squared difference" in failed.value.hint
    squared = "lambda a, b: (lambda d: layers.Multiply()([d, d]))(layers.Subtract()([a, b]))"
    assert "accuracy" in reaches_target(_siamese(squared), seed=4)
