"""`to_code(model, api=...)`: Python source that rebuilds a model's architecture (not its weights).

Layer arguments are written only where they differ from the layer's defaults, so the code reads
like a person wrote it; executing it gives a model with the same config. Sequential code is refused,
with the reason, when the graph is not a single line of layers.
"""

from __future__ import annotations

import inspect
import keyword
import random
import re
from typing import Any

from widgets.extract import check_model, has_graph, wiring
from widgets.graph import sequential_obstacle

RESERVED = {"keras", "layers", "model", "inputs", "outputs"}
# Recorded with a call but not part of the architecture (a Sequential passes training=False, mask=None).
CALL_TIME_ARGUMENTS = {"training", "mask"}


class SequentialError(ValueError):
    """The architecture cannot be written as a Sequential model."""


def _identifier(name: str, taken: set[str]) -> str:
    ident = re.sub(r"\W", "_", name)
    if not ident or ident[0].isdigit() or keyword.iskeyword(ident) or ident in RESERVED:
        ident = f"{ident}_"
    base, k = ident, 2
    while ident in taken:
        ident, k = f"{base}_{k}", k + 1
    taken.add(ident)
    return ident


def _literal(value: Any) -> str:
    if isinstance(value, dict) and "class_name" in value:  # a serialised initializer, regularizer, ...
        return f"keras.saving.deserialize_keras_object({value!r})"
    return repr(value)


def _required(cls: type) -> list[str]:
    names = []
    for name, param in inspect.signature(cls.__init__).parameters.items():
        if name == "self" or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.default is inspect.Parameter.empty:
            names.append(name)
    return names


def constructor(op: Any) -> str:
    """`layers.Dense(64, activation="relu", name="hidden")` for a live layer."""
    cls = type(op)
    try:
        config = op.get_config()
    except NotImplementedError as error:
        raise NotImplementedError(
            f"to_code cannot rebuild layer {op.name!r}: {cls.__name__} has no get_config(). "
            "Give the custom layer a get_config() that returns its constructor arguments."
        ) from error
    required = _required(cls)
    state = random.getstate()  # a default instance may draw a seed; leave the learner's RNG alone
    try:
        default = cls(**{k: config[k] for k in required if k in config}, name="to_code_default").get_config()
    except Exception:  # cannot build a default instance: write every argument
        default = {}
    finally:
        random.setstate(state)
    args = [_literal(config[k]) for k in required[:1] if k in config]
    kwargs = {k: config[k] for k in required[1:] if k in config}
    for key, value in config.items():
        if key in required or key == "name" or (key in default and default[key] == value):
            continue
        if key == "activation" and value == "linear" and "activation" not in default:
            continue
        if key == "dtype" and isinstance(value, dict):
            policy = value.get("config", {}).get("name")
            if policy != "float32":
                kwargs["dtype"] = policy
            continue
        kwargs[key] = value
    args += [f"{k}={_literal(v)}" for k, v in kwargs.items()]
    args.append(f"name={op.name!r}")
    # A custom layer's class must be defined or imported where the code runs.
    prefix = "layers." if cls.__module__.startswith("keras.src.layers") else ""
    return f"{prefix}{cls.__name__}({', '.join(args)})"


def _op_call(op: Any, arguments: str) -> str:
    """`keras.ops.concatenate([a, b], axis=-1)` for a `keras.ops` operation node."""
    import keras

    function = re.sub(r"(?<!^)(?=[A-Z])", "_", type(op).__name__).lower()
    if not hasattr(keras.ops, function):
        raise NotImplementedError(f"to_code cannot write the operation {type(op).__name__} ({op.name!r})")
    config = {k: v for k, v in op.get_config().items() if k != "name"}
    extra = "".join(f", {k}={v!r}" for k, v in config.items())
    return f"keras.ops.{function}({arguments}{extra})"


def _structure(value: Any, name_of: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_structure(v, name_of)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_structure(v, name_of) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
    return name_of(value)


class _Writer:
    def __init__(self) -> None:
        self.helpers: list[str] = []
        self.helper_names: set[str] = set()

    def functional(self, model: Any) -> list[str]:
        import keras

        wired = wiring(model)
        graph = wired.graph  # nodes in topological order, one per call
        lines: list[str] = []
        taken = set(RESERVED) | self.helper_names
        tensor_name: dict[int, str] = {}  # id(KerasTensor) → the expression that holds it
        layer_var: dict[int, str] = {}

        def name_of(tensor: Any) -> str:
            return tensor_name[id(tensor)]

        def render(value: Any) -> str:
            return _structure(value, name_of) if _has_tensor(value) else repr(value)

        for node_id, node in graph.nodes.items():
            op, call = wired.calls[node_id]
            out_var = _identifier(node_id.replace("@", "_"), taken)
            if isinstance(op, keras.layers.InputLayer):
                config = op.get_config()
                dtype = "" if config["dtype"] == "float32" else f", dtype={config['dtype']!r}"
                shape = tuple(config["batch_shape"][1:])
                lines.append(f"{out_var} = keras.Input(shape={shape!r}, name={op.name!r}{dtype})")
                tensor_name[id(call.output_tensors[0])] = out_var
                continue
            arguments = ", ".join(
                [render(a) for a in call.arguments.args]
                + [f"{k}={render(v)}" for k, v in call.arguments.kwargs.items()
                   if v is not None and k not in CALL_TIME_ARGUMENTS]
            )
            if has_graph(op):  # a nested model, built by its own helper function
                if id(op) not in layer_var:
                    layer_var[id(op)] = _identifier(op.name, taken)
                    lines.append(f"{layer_var[id(op)]} = {self.helper(op)}()")
                expression = f"{layer_var[id(op)]}({arguments})"
            elif type(op).__module__.startswith("keras.src.ops"):
                expression = _op_call(op, arguments)
            elif node.shared:
                if id(op) not in layer_var:
                    layer_var[id(op)] = _identifier(op.name + "_layer", taken)
                    lines.append(f"{layer_var[id(op)]} = {constructor(op)}  # shared: called {node.calls} times")
                expression = f"{layer_var[id(op)]}({arguments})"
            else:
                expression = f"{constructor(op)}({arguments})"
            lines.append(f"{out_var} = {expression}")
            outputs = call.output_tensors
            for i, tensor in enumerate(outputs):
                tensor_name[id(tensor)] = out_var if len(outputs) == 1 else f"{out_var}[{i}]"
        inputs = _structure(wired.inputs, name_of)
        outputs = _structure(wired.outputs, name_of)
        if wired.sequential:  # a Sequential's inner graph keeps one-element lists
            inputs, outputs = inputs.strip("[]"), outputs.strip("[]")
        lines.append(f"model = keras.Model(inputs={inputs}, outputs={outputs}, name={model.name!r})")
        return lines

    def sequential(self, model: Any) -> list[str]:
        import keras

        wired = wiring(model)
        obstacle = sequential_obstacle(wired.graph)
        if obstacle:
            raise SequentialError(
                f"Sequential cannot express {model.name!r}: {obstacle}. A Sequential model is one line of "
                "layers, each with one input and one output. Use to_code(model, api='functional')."
            )
        lines = ["model = keras.Sequential(", "    ["]
        for op in wired.operations:
            if isinstance(op, keras.layers.InputLayer):
                shape = tuple(op.get_config()["batch_shape"][1:])
                lines.append(f"        keras.Input(shape={shape!r}, name={op.name!r}),")
            elif has_graph(op):
                lines.append(f"        {self.helper(op)}(),")
            else:
                lines.append(f"        {constructor(op)},")
        lines += ["    ],", f"    name={model.name!r},", ")"]
        return lines

    def helper(self, model: Any) -> str:
        """Write `def build_<name>():` for a nested model; return the function's name."""
        import keras

        name = _identifier(f"build_{model.name}", self.helper_names)
        body = self.sequential(model) if isinstance(model, keras.Sequential) else self.functional(model)
        self.helpers.append("\n".join([f"def {name}():", *("    " + line for line in body), "    return model", ""]))
        return name


def _has_tensor(value: Any) -> bool:
    from keras import KerasTensor

    if isinstance(value, KerasTensor):
        return True
    if isinstance(value, dict):
        return any(_has_tensor(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_tensor(v) for v in value)
    return False


def to_code(model: Any, api: str = "functional") -> str:
    """Source code that rebuilds `model` with the `"functional"` or `"sequential"` API.

    Raises SequentialError (saying why) when `api="sequential"` and the model has several inputs or
    outputs, shared layers, branches or `keras.ops` nodes.
    """
    check_model(model)
    if api not in ("functional", "sequential"):
        raise ValueError(f"api must be 'functional' or 'sequential', got {api!r}")
    if not has_graph(model):
        raise ValueError(
            f"to_code needs a built Sequential or functional model; {model.name!r} is "
            + ("an unbuilt Sequential: add keras.Input(shape=...) first." if model.__class__.__name__ == "Sequential"
               else "a subclassed model, whose architecture is Python code (its call method).")
        )
    writer = _Writer()
    body = writer.sequential(model) if api == "sequential" else writer.functional(model)
    header = ["import keras", "from keras import layers", ""]
    return "\n".join(header + writer.helpers + body) + "\n"
