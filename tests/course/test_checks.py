"""course.check: stable reports, never an exception, hints for the common mistakes."""

import keras
import pytest
from keras import layers

import course
from course import checks


def stub(*args):
    ...  # YOUR CODE HERE


def stack(hidden, activation="softmax", first=None):
    model = keras.Sequential([first or keras.Input(shape=(64,))])
    for units in hidden:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dense(10, activation=activation))
    return model


def graph(hidden):
    inputs = keras.Input(shape=(64,))
    x = inputs
    for units in hidden:
        x = layers.Dense(units, activation="relu")(x)
    return keras.Model(inputs, layers.Dense(10, activation="softmax")(x))


@pytest.mark.parametrize("answer", [..., None, stub])
def test_untouched_stub_says_not_answered(answer):
    report = course.check("01.2", answer)
    assert not report.passed
    assert "not answered yet" in repr(report)


def test_right_answers_pass():
    assert course.check("01.1", lambda n, units: n * units + units).passed
    assert course.check("01.2", stack).passed
    assert course.check("01.3", graph).passed


def test_report_text_is_stable_and_honest():
    text = repr(course.check("01.1", lambda n, units: n * units + units))
    assert text == (
        "Exercise 1.1 · Count a Dense layer's parameters\n"
        "  ✓ agrees with Keras for (64, 32), (32, 10) and (4, 1)\n"
        "Well done: 1 of 1 public checks pass. Grading runs more checks."
    )


def test_wrong_answer_gets_a_targeted_hint():
    text = repr(course.check("01.1", lambda n, units: n * units))
    assert "✗" in text and "plus one bias" in text and "Not yet: 0 of 1" in text


def test_sequential_given_where_functional_was_asked():
    text = repr(course.check("01.3", stack))
    assert "this is a Sequential model" in text and "keras.Input" in text


def test_wrong_activation_fails_only_its_check():
    report = course.check("01.2", lambda hidden: stack(hidden, activation="relu"))
    failed = [o.description for o in report.outcomes if not o.passed]
    assert failed == ["outputs class probabilities (softmax)"]


def test_keras_2_input_shape_gets_the_keras_3_hint():
    def old_style(hidden):
        model = keras.Sequential()
        model.add(layers.Dense(hidden[0], activation="relu", input_shape=(64,)))
        for units in hidden[1:]:
            model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dense(10, activation="softmax"))
        return model

    text = repr(course.check("01.2", old_style))
    assert "keras.Input(shape=(n,))" in text


def test_errors_in_learner_code_are_reported_not_raised():
    def broken(hidden):
        raise RuntimeError("oops")

    text = repr(course.check("01.2", broken))
    assert "your code raised RuntimeError: oops" in text


def test_unknown_exercise_is_reported():
    text = repr(course.check("99.9", stack))
    assert "no exercise '99.9'" in text and "01.1" in text


def test_ids_are_unique():
    checks.get("01.1")
    with pytest.raises(ValueError, match="registered twice"):
        checks.register(checks.Exercise("01.1", "again"))


def test_every_exercise_is_known_whatever_was_imported_first():
    import subprocess
    import sys

    code = ("import course.exercises.lesson02, course\n"
            "print(course.check('01.1', lambda n, units: n * units + units).passed)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "True", done.stderr[-2000:]
