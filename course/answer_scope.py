"""What the grader will not see: learner code outside the exercise cells. Standard library only.

The grader runs the instructor's notebook with only the learner's exercise cells put in, so a
helper defined in a cell of the learner's own, or a second `def build_late` written below the
untouched stub, is dropped. `validate` (learner side) and the grader's assembly both ask here,
so the learner is told the same thing twice: before handing in, and in the feedback.
"""

from __future__ import annotations

import ast
import builtins
import re
from typing import Any, Iterable, Mapping

from course.notebooks import exercise_id

# Cells the course generated carry short hex ids (kept from the solution notebook); JupyterLab gives
# a cell the learner adds a UUID. Used only where the instructor's template is not at hand (validate).
TEMPLATE_CELL_ID = re.compile(r"^(?:[0-9a-f]{8,12}|generated-banner)$")


def _source(cell: Any) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _tree(source: str) -> ast.Module | None:
    # IPython magics and shell lines are not Python: blank them so the rest still parses.
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def defined_names(source: str) -> set[str]:
    """Names a cell binds at top level: defs, classes, imports, assignments, loop targets."""
    tree = _tree(source)
    found: set[str] = set()
    if tree is None:
        return found
    for node in tree.body:
        for sub in ast.walk(node) if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                           ast.ClassDef)) else [node]:
            if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found.add(sub.name)
            elif isinstance(sub, (ast.Import, ast.ImportFrom)):
                found.update((alias.asname or alias.name).split(".")[0] for alias in sub.names)
            elif isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                found.add(sub.id)
    return found


def functions_defined(source: str) -> set[str]:
    """Top-level `def` names of a cell."""
    tree = _tree(source)
    return {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))} if tree else set()


def used_names(source: str) -> set[str]:
    """Every name a cell reads (a superset of its free names: enough to ask what it needs)."""
    tree = _tree(source)
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)} if tree else set()


def _local_names(source: str) -> set[str]:
    """Names bound anywhere in the cell (arguments, locals, comprehension targets): not needed from outside."""
    tree = _tree(source)
    if tree is None:
        return set()
    found = defined_names(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return found


def template_names(cells: Iterable[Any]) -> set[str]:
    """Names the instructor's notebook defines outside its exercise cells: the grader's run has them."""
    return set().union(*(defined_names(_source(c)) for c in cells
                         if c.get("cell_type") == "code" and not exercise_id(c)))


def outside_notes(cells: list[Any], functions: Mapping[str, str],
                  template: set[str] | None = None) -> dict[str, list[str]]:
    """For each exercise (id → answer function name): what its graded cell would lose.

    - names its answer uses that only a non-exercise cell of the submission defines (and the
      instructor's notebook does not: `template`; without it, cells the learner added count);
    - a `def <function>` outside the exercise cell, which the grader ignores.
    """
    code = [c for c in cells if c.get("cell_type") == "code"]
    if template is None:
        template = template_names(c for c in code if TEMPLATE_CELL_ID.match(str(c.get("id", ""))))
    learner_defs: dict[str, int] = {}  # name → index of the first non-exercise cell defining it
    for index, cell in enumerate(code):
        if not exercise_id(cell):
            for name in defined_names(_source(cell)):
                learner_defs.setdefault(name, index)
    known = template | set(dir(builtins))
    notes: dict[str, list[str]] = {}
    for eid, function in functions.items():
        answer = "\n".join(_source(c) for c in code if exercise_id(c) == eid)
        found: list[str] = []
        missing = sorted(name for name in used_names(answer) - _local_names(answer)
                         if name in learner_defs and name not in known)
        for name in missing:
            found.append(f"your answer uses `{name}`, defined outside the exercise cell: the grader runs only "
                         f"the exercise cell, so move `{name}` into it")
        # No cell carries the exercise's id: the grader takes the cell that defines the function instead.
        if function and function not in template and answer:
            outside = [c for c in code if not exercise_id(c) and function in functions_defined(_source(c))]
            if outside:
                found.append(f"a later definition of `{function}` outside the exercise cell was ignored: "
                             "the grader runs only the exercise cell, so write your answer there")
        if found:
            notes[eid] = found
    return notes
