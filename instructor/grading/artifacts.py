"""Artifacts: how answers travel from the submission's kernel to the grader.

The grader writes its own inputs (models as `.keras`, arrays as `.npy`) into `inputs/`. A generated
cell at the end of the submission calls each answer function on the grading cases and saves what
it returns, raw, into `artifacts/`: a model as a `.keras` file, arrays as `.npy`/`.npz`, plain values
as JSON, a callback as its public attributes. The grader then loads them in its own process, with
Keras safe mode on, and checks them there, where the submission's code cannot reach.
"""

from __future__ import annotations

import json
import re
import textwrap
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import numpy as np

from course.checks.model import Case, CaseError, Collected, Exercise, Input
from course.checks.runner import answer_error, call_text

READY = "READY"  # written into inputs/ once the grader has put the inputs there


@dataclass(frozen=True)
class RunSpec:
    """What the worker needs to know of an exercise (it never imports the registry)."""

    id: str
    function: str
    cases: list  # [case name, arguments encoded with `encode`] for every case, public first
    timeout: float

    @classmethod
    def of(cls, exercise: Exercise) -> "RunSpec":
        return cls(exercise.id, exercise.function, [[case.name, encode(list(case.args))] for case in exercise.cases],
                   exercise.timeout)


def write_specs(exercises: dict[str, Exercise], path: Path) -> None:
    path.write_text(json.dumps({eid: asdict(RunSpec.of(ex)) for eid, ex in exercises.items()}))


def read_specs(path: Path) -> dict[str, RunSpec]:
    return {eid: RunSpec(**data) for eid, data in json.loads(path.read_text()).items()}


def encode(value: Any) -> Any:
    """JSON for a grading argument: tuples and Input placeholders survive the trip."""
    if isinstance(value, Input):
        return {"__input__": value.name}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    return value


def save_inputs(exercise: Exercise, folder: Path) -> dict[str, Any]:
    """Build the exercise's grader-side inputs, save them for the kernel, return the live objects."""
    from course.session import import_keras

    keras = import_keras()  # the grader's own process: no backend start-up lines in its terminal

    folder.mkdir(parents=True, exist_ok=True)
    built = {}
    for name, builder in exercise.inputs.items():
        value = builder()
        stem = folder / f"{file_prefix(exercise.id)}_{name}"
        if isinstance(value, keras.Model):
            value.save(f"{stem}.keras")
        else:
            np.save(f"{stem}.npy", np.asarray(value), allow_pickle=False)
        built[name] = value
    return built


# The cell the grader appends for each exercise. It runs in the submission's kernel, so it uses
# nothing from `course` (which that kernel could have replaced) and saves raw results only.
COLLECT_CELL = '''
# Added by the course grader: call {function}() on the grading cases and save what it returns.
def _grader_collect():
    import json, pathlib, traceback
    import numpy as np
    import keras
    import time
    inputs, out = pathlib.Path({inputs!r}), pathlib.Path({artifacts!r})
    out.mkdir(parents=True, exist_ok=True)
    deadline = time.time() + 300
    while not (inputs / "{ready}").exists() and time.time() < deadline:  # the grader is still building them
        time.sleep(0.05)

    def decode(value):
        if isinstance(value, dict) and "__input__" in value:
            stem = str(inputs / "{prefix}_{{}}".format(value["__input__"]))
            if pathlib.Path(stem + ".keras").exists():
                return keras.models.load_model(stem + ".keras")
            return np.load(stem + ".npy", allow_pickle=False)
        if isinstance(value, dict) and "__tuple__" in value:
            return tuple(decode(v) for v in value["__tuple__"])
        if isinstance(value, list):
            return [decode(v) for v in value]
        return value

    def plain(value):
        if isinstance(value, (np.generic,)):
            return value.item()
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {{str(k): plain(v) for k, v in value.items()}}
        return value

    def save(value, stem):
        if isinstance(value, keras.Model):
            value.save(stem + ".keras")
            return "model"
        if isinstance(value, np.ndarray):
            np.save(stem + ".npy", value, allow_pickle=False)
            return "array"
        if isinstance(value, dict) and value and all(isinstance(v, np.ndarray) for v in value.values()):
            np.savez(stem + ".npz", **{{str(k): v for k, v in value.items()}})
            return "arrays"
        if isinstance(value, keras.callbacks.Callback):
            fields = {{k: plain(v) for k, v in vars(value).items() if not k.startswith("_")
                      and isinstance(plain(v), (int, float, str, bool, type(None)))}}
            pathlib.Path(stem + ".json").write_text(json.dumps({{"class_name": type(value).__name__, **fields}}))
            return "object"
        pathlib.Path(stem + ".json").write_text(json.dumps(plain(value)))
        return "json"

    cases = json.loads({cases!r})
    for name, arguments in cases:
        stem = str(out / "{prefix}_{{}}".format(name))
        meta = {{"status": "ok"}}
        try:
            function = globals()[{function!r}]
            given = decode(arguments)
            value = function(*given)
            meta["type"] = type(value).__name__
            meta["kind"] = save(value, stem)
            if isinstance(value, keras.Model):  # object identity, which the saved file cannot keep
                models = [a for a in given if isinstance(a, keras.Model)]
                own = [obj for model in models for obj in (model, *model.layers)]
                meta["given_itself"] = any(value is obj for obj in own)
                meta["given_layers"] = [layer.name for layer in value.layers if any(layer is obj for obj in own)]
        except BaseException as error:  # the answer's own error is part of the result
            meta = {{"status": "error", "error": "{{}}: {{}}".format(type(error).__name__, error)[:500]}}
            if isinstance(error, KeyError) and error.args == ({function!r},):
                meta["error"] = "the function {function}() is not defined: run its cell, keep its name"
        pathlib.Path(stem + ".meta.json").write_text(json.dumps(meta))

_grader_collect()
del _grader_collect
'''


def collect_cell_source(spec: RunSpec, inputs: Path, artifacts: Path) -> str:
    return textwrap.dedent(COLLECT_CELL).format(
        function=spec.function, prefix=file_prefix(spec.id), inputs=str(inputs), ready=READY,
        artifacts=str(artifacts), cases=json.dumps(spec.cases),
    ).strip()


def file_prefix(exercise_id: str) -> str:
    """`01.2` → `01-2`: no dot, so file names never lose part of their stem to a suffix."""
    return exercise_id.replace(".", "-")


def case_stem(folder: Path, exercise_id: str, case: str) -> str:
    return str(folder / f"{file_prefix(exercise_id)}_{case}")


def load_value(stem: str, exercise: Exercise | None = None, case: Case | None = None) -> Any:
    """One saved result, loaded in the grader: a model (safe mode), arrays, JSON or an object.
    An error the answer raised is explained as `course.check` explains it (given the exercise)."""
    meta_path = Path(stem + ".meta.json")
    if not meta_path.exists():
        return CaseError("the answer was never called: an earlier cell stopped the notebook or timed out")
    meta = json.loads(meta_path.read_text())
    if meta["status"] != "ok":
        if exercise is not None and case is not None:
            return answer_error(exercise, case, meta["error"])
        return CaseError("your code raised an error", meta["error"])
    kind = meta["kind"]
    try:
        if kind == "model":
            import warnings

            import keras

            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                model = keras.models.load_model(stem + ".keras", safe_mode=True)
            model.grader_stale_optimizer = stale_optimizer([str(w.message) for w in caught])
            # Which of its layers were the very objects the answer was given (recorded in its kernel).
            model.grader_given = (meta.get("given_itself", False), set(meta.get("given_layers", ())))
            return model
        if kind == "array":
            return np.load(stem + ".npy", allow_pickle=False)
        if kind == "arrays":
            with np.load(stem + ".npz", allow_pickle=False) as archive:
                return {key: archive[key] for key in archive.files}
        data = json.loads(Path(stem + ".json").read_text())
        return SimpleNamespace(**data) if kind == "object" else data
    except Exception as error:  # e.g. a Lambda layer refused by safe mode, a custom class unknown here
        reason = unloadable_layers(Path(stem + ".keras")) if kind == "model" else ""
        where = f" by {call_text(exercise.function, case.args)}" if exercise and case else ""
        raw = "" if reason else f"{type(error).__name__}: {str(error)[:300]}"
        return CaseError(f"the {meta.get('type', 'value')} returned{where} could not be loaded"
                         + (f": {reason}" if reason else ""), raw)


def stale_optimizer(messages: list[str]) -> bool:
    """Whether the saved model's optimizer had been built (by a fit) for another set of trainable
    weights than the model now has: Keras then skips its state on loading. A model compiled again
    saves an unbuilt optimizer (2 variables: iteration and learning rate), which is not stale."""
    for message in messages:
        found = re.search(r"Skipping variable loading for optimizer .* saved optimizer has (\d+) variables", message)
        if found and int(found.group(1)) > 2:
            return True
    return False


def unloadable_layers(path: Path) -> str:
    """Why the grader cannot rebuild a saved model, read from its config: the layers that are
    `Lambda` (refused by safe mode) or classes defined in the notebook. "" if none is found."""
    try:
        with zipfile.ZipFile(path) as archive:
            config = json.loads(archive.read("config.json"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return ""
    lambdas, custom = set(), set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            module = node.get("module")
            if node.get("class_name") == "Lambda":
                lambdas.add("Lambda")
            elif isinstance(module, str) and "class_name" in node and not module.startswith("keras"):
                custom.add(str(node["class_name"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(config)
    reasons = []
    if lambdas:
        reasons.append("it holds a Lambda layer, whose Python code Keras safe mode refuses to load")
    if custom:
        reasons.append(f"it uses {', '.join(sorted(custom))}, defined in the notebook, which the grader cannot "
                       "import")
    if not reasons:
        return ""
    return " and ".join(reasons) + "; build the answer from keras.layers only."


def collect_in_process(exercise: Exercise, function: Callable, folder: Path) -> Collected:
    """What the grader would collect from `function`, without a kernel: build and save the inputs,
    run the real COLLECT_CELL here with `function` as the notebook's answer, load the results back.

    For tests of the checks themselves (mutation tests): the same files, the same loading, in seconds.
    """
    inputs, artifacts = folder / "inputs", folder / "artifacts"
    built = save_inputs(exercise, inputs)
    (inputs / READY).touch()
    namespace: dict[str, Any] = {"__name__": "__grader__"}
    if function is not None:  # None: the cell defined no such function (the grader's KeyError path)
        namespace[exercise.function] = function
    exec(collect_cell_source(RunSpec.of(exercise), inputs, artifacts), namespace)
    return Collected(exercise.cases, load_values(exercise, artifacts), built)


def load_values(exercise: Exercise, artifacts: Path) -> dict[str, Any]:
    """Every case's saved result, by case name."""
    return {case.name: load_value(case_stem(artifacts, exercise.id, case.name), exercise, case)
            for case in exercise.cases}
