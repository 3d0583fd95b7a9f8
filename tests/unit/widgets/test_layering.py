"""`widgets/` is layered in one direction, read from the source with `ast` (nothing is imported).

A module may import only modules of lower layers; only `extract` touches Keras internals; every
colour and every module constant is defined in one module.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict

import pytest

from course.paths import ROOT

PACKAGE = ROOT / "widgets"
# Lowest first. A new module must be placed here, which is the point: its place is a decision.
LAYERS = (
    ("graph", "layout", "frontend"),  # data, algorithms; the two front-end (JavaScript) widgets
    ("extract", "labels", "style"),  # Keras → Graph; words and colours of the pictures
    ("scene", "description", "codegen", "quiz_items", "curves"),  # shared geometry; text and code
    ("svg", "mpl"),  # the two back ends, which never import each other
    ("static", "render", "compare"),  # widgets' static fallback; the pictures' façades
    ("explorer", "builder", "quiz", "live"),  # the interactive tools
    ("__init__",),
)
LAYER = {name: level for level, names in enumerate(LAYERS) for name in names}
PRIVATE_KERAS = {"_inbound_nodes", "_nodes", "_keras_history", "_functional", "_inputs_struct", "_outputs_struct",
                 "_build_shapes_dict", "_check_model", "_owner", "_Walker"}
COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")


def modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.glob("*.py"))}


def widgets_imports(tree: ast.Module) -> set[str]:
    """The `widgets` modules a module imports, wherever the import sits (top level, function, TYPE_CHECKING)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "widgets":
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("widgets."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("widgets.")}
    return found


def test_every_module_has_a_layer():
    assert set(modules()) == set(LAYER), "place new widgets modules in LAYERS (and drop removed ones)"


@pytest.mark.parametrize("name", sorted(LAYER))
def test_a_module_imports_only_lower_layers(name):
    upward = {m: LAYER.get(m) for m in widgets_imports(modules()[name]) if LAYER.get(m, 99) >= LAYER[name]}
    assert not upward, f"widgets/{name}.py (layer {LAYER[name]}) imports from its own layer or above: {upward}"


def test_nothing_imports_the_render_facade():
    importers = [name for name, tree in modules().items() if "render" in widgets_imports(tree) and name != "__init__"]
    assert not importers


def test_only_extract_reads_keras_internals():
    offenders = defaultdict(set)
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                if any(n.startswith("keras.src") for n in names):
                    offenders[name].add("keras.src import")
                if isinstance(node, ast.ImportFrom):
                    offenders[name] |= {a.name for a in node.names if a.name in PRIVATE_KERAS}
            elif isinstance(node, ast.Attribute) and node.attr in PRIVATE_KERAS:
                offenders[name].add(node.attr)
    offenders.pop("extract", None)
    assert not {k: v for k, v in offenders.items() if v}


def test_each_constant_and_colour_is_defined_once():
    defined = defaultdict(list)
    colours = defaultdict(list)
    for name, tree in modules().items():
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
                node, ast.AnnAssign) else []
            for target in targets:
                for element in target.elts if isinstance(target, ast.Tuple) else [target]:
                    if isinstance(element, ast.Name) and element.id.isupper():
                        defined[element.id].append(name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and name != "style":
                colours[name] += COLOUR.findall(node.value)
    assert {k: v for k, v in defined.items() if len(v) > 1} == {}
    assert {k: v for k, v in colours.items() if v} == {}, "colours belong in widgets/style.py"
