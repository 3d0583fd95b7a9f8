"""course.check: stable reports, never an exception, hints for the common mistakes."""

import keras
import pytest
from keras import layers

import course
from course import checks
from course.checks import report
from course.checks.runner import run_check, run_checks
from course.exercises.keras2 import keras2_hint


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
    # the same check on the notebook's sizes, and the second public case (other sizes), which runs them all
    assert failed == ["outputs class probabilities (softmax)", "works for other hidden sizes too: (16,)"]
    assert "build_stack((16,)): the 10 outputs of a sample do not add up to 1" in repr(report)


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
    assert "your code raised an error in build_stack((64, 32)): RuntimeError: oops" in text


def test_unknown_exercise_is_reported():
    text = repr(course.check("99.9", stack))
    assert "no exercise '99.9'" in text and "01.1" in text


def test_ids_are_unique():
    checks.get("01.1")
    with pytest.raises(ValueError, match="registered twice"):
        checks.register(checks.Exercise("01.1", "again", "dense_params"))


def test_every_exercise_is_known_whatever_was_imported_first():
    import subprocess
    import sys

    code = ("import course.exercises.lesson02, course\n"
            "print(course.check('01.1', lambda n, units: n * units + units).passed)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "True", done.stderr[-2000:]


def keras2_shapes(model):
    return [layer.output_shape for layer in model.layers]


def keras2_to_functional(seq):
    return keras.Model(seq.input, seq.output)


def keras2_compiled(n_features):
    inputs = keras.Input(shape=(n_features,))
    model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(inputs))
    model.compile(optimizer=keras.optimizers.Adam(lr=0.001), loss="binary_crossentropy")
    return model


def int_shape(hidden):
    return keras.Sequential([keras.Input(shape=64), layers.Dense(10, activation="softmax")])


@pytest.mark.parametrize("exercise, answer, advice", [
    ("02.3", keras2_shapes, "tuple(layer.output.shape)"),
    ("03.3", keras2_to_functional, "model.inputs[0]"),
    ("04.1", keras2_compiled, "learning_rate="),
    ("01.2", int_shape, "shapes are tuples"),
])
def test_keras_2_idioms_in_errors_get_the_keras_3_way(exercise, answer, advice):
    text = repr(course.check(exercise, answer))
    assert "your code raised" in text and advice in text and f'course.hint("{exercise}")' in text


@pytest.mark.parametrize("message, advice", [
    ("AttributeError: 'Dense' object has no attribute 'output_shape'", "tuple(layer.output.shape)"),
    ("AttributeError: 'Dense' object has no attribute 'input_shape'", "layer.input.shape"),
    ("The layer sequential_6 has never been called and thus has no defined input.", "model.inputs[0]"),
    ("The layer sequential_6 has never been called and thus has no defined output.", "model.outputs[0]"),
    ("Sequential model 'sequential_4' has no defined inputs yet.", "model.inputs[0]"),
    ("ValueError: Argument(s) not recognized: {'lr': 0.001}", "learning_rate="),
    ("ValueError: Cannot convert '784' to a shape.", "shape=(64,)"),
    ("ValueError: Output with path `` is not connected to `inputs`", "keras.Input"),
    ("AttributeError: module 'keras.backend' has no attribute 'sum'", "keras.ops"),
])
def test_keras2_hint_recognises_the_idioms(message, advice):
    assert advice in keras2_hint(message)
    assert keras2_hint("ValueError: something else entirely") == ""


def test_an_error_inside_a_check_gets_the_keras_3_advice():
    def stale(model):
        return model.layers[0].output_shape

    outcome = run_check(checks.Check("reads a shape", stale),
                        checks.Collected((checks.Case("default"),), {"default": stack((8,))}))
    assert not outcome.passed and "output_shape" in outcome.raw and "layer.output.shape" in outcome.hint


def test_hint_ladder_walks_up_and_stops_at_the_last_hint(monkeypatch):
    monkeypatch.setattr(report, "_HINTS_SHOWN", {})
    total = len(checks.get("01.2").hints)
    shown = [course.hint("01.2") for _ in range(total + 1)]
    assert [h.number for h in shown] == [*range(1, total + 1), total]
    assert "Hint 1 of" in repr(shown[0]) and "next one" in repr(shown[0]) and "last hint" in repr(shown[-1])
    assert course.hint("01.3").number == 1  # each exercise has its own ladder


def test_a_failed_report_points_to_the_hints_and_a_passing_one_does_not():
    assert repr(course.check("01.1", lambda n, units: n * units)).endswith(
        'Stuck? course.hint("01.1") shows a hint; call it again for the next one.')
    assert "course.hint" not in repr(course.check("01.1", lambda n, units: n * units + units))


def test_every_exercise_has_a_hint_ladder_without_solution_code():
    from instructor.leaks import leaked_lines

    for exercise_id, exercise in checks.load_all().items():
        assert len(exercise.hints) >= 3, exercise_id
        leaked = leaked_lines(exercise_id, " ".join(exercise.hints))
        assert not leaked, f"{exercise_id}: hints contain solution lines or key expressions {leaked}"


def test_a_passing_check_can_report_what_it_measured():
    exercise = checks.Exercise("99.1", "measure", "f", cases={"default": (2,)},
                               checks=[checks.Check("doubles", lambda v: f"got {v}" if v == 4 else 1 / 0)])
    shown = run_checks(exercise, lambda n: 2 * n)
    assert shown.passed and "✓ doubles\n      got 4" in repr(shown)


def test_one_definition_runs_public_cases_in_the_notebook_and_all_cases_in_grading():
    seen = []
    exercise = checks.Exercise(
        "99.2", "table", "f", cases={"one": (1,), "two": (2,)},
        checks=[checks.Check("squares the public cases", lambda c: seen.append(c.table()), case=checks.ALL)])
    run_checks(exercise, lambda n: n * n)
    assert seen == [{(1,): 1, (2,): 4}]
    exercise.extend(cases={"three": (3,)},
                    checks=[checks.Check("squares 3", lambda v: None, hidden=True, case="three")])
    assert [c.name for c in exercise.cases] == ["one", "two", "three"]
    assert [c.name for c in exercise.public_cases] == ["one", "two"]
    assert [c.description for c in exercise.public_checks] == ["squares the public cases"]


def test_a_check_naming_a_missing_case_fails_at_definition():
    with pytest.raises(checks.DefinitionError, match="reads case 'default', which is not defined"):
        checks.Exercise("99.3", "x", "f", cases={"one": (1,)}, checks=[checks.Check("public", lambda v: None)])
    exercise = checks.Exercise("99.4", "x", "f", cases={"default": (1,)})
    with pytest.raises(checks.DefinitionError, match="reads case 'width_16', which is not defined"):
        exercise.extend(checks=[checks.Check("hidden", lambda v: None, hidden=True, case="width_16")])
    with pytest.raises(checks.DefinitionError, match="has a public case's name"):
        exercise.extend(cases={"default": (2,)})
    with pytest.raises(checks.DefinitionError, match="cases are named"):
        checks.Exercise("99.5", "x", "f", cases=[(1,)])
    with pytest.raises(checks.DefinitionError, match="belongs in the instructor kit"):
        checks.Exercise("99.6", "x", "f", checks=[checks.Check("secret", lambda v: None, hidden=True)])


def test_adding_a_public_case_cannot_shift_what_a_hidden_check_reads():
    """The design review's experiment: a public case added to 07.1 made a hidden check read it."""
    seen = []
    exercise = checks.Exercise("99.7", "x", "f", cases={"default": (32,), "extra": (24,)})
    exercise.extend(cases={"width_16": (16,)},
                    checks=[checks.Check("another width", lambda v: seen.append(v), hidden=True, case="width_16")])
    collected = checks.Collected(exercise.cases, {"default": 32, "extra": 24, "width_16": 16})
    run_check(exercise.checks[-1], collected)
    assert seen == [16]


def test_points_need_the_grading_part():
    exercise = checks.Exercise("99.8", "x", "f", checks=[checks.Check("one", lambda v: None, points=2)])
    with pytest.raises(LookupError, match="grading part"):
        exercise.points
    assert checks.get("07.1", graded=True).points == sum(c.points for c in checks.get("07.1").graded_checks)


def test_a_value_instead_of_the_function_is_explained():
    text = repr(course.check("01.2", 42))
    assert "expected the function build_stack" in text and 'course.check("01.2", build_stack)' in text
