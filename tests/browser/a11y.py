"""axe-core scans (axe-playwright-python bundles axe-core, so they run offline)."""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

FAILING = {"serious", "critical"}  # impacts a page must not have; minor and moderate ones are printed
JUPYTERLAB_CONTROLS = [  # JupyterLab's own, not the course's: reported upstream's business, left out of scans
    ".jp-InputArea-editor",  # CodeMirror's editable area has no accessible name (aria-input-field-name)
    ".jp-collapseHeadingButton",  # the collapse button beside each heading has no text (button-name)
]
# JupyterLab's own attributes on its cell wrappers (an aria-label on a div without a role, set on the
# windowed list's cells and on the cell whose toolbar overlaps it, depending on timing): the cells'
# content is still scanned, only these nodes' findings of this rule are set aside.
JUPYTERLAB_NODES = {"aria-prohibited-attr": ("data-windowed-list-index", "jp-toolbar-overlap")}


def axe_violations(page: Page, context: str | dict | None = None, name: str = "page") -> list[str]:
    """Scan `page` (or the part `context` selects, in axe's context syntax); print every violation.

    Returns the serious and critical ones, one line each, for the assertion message.
    """
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate("([context, options]) => axe.run(context || document, options)",
                            [context, {"resultTypes": ["violations"]}])
    violations = []
    for v in results["violations"]:
        marks = JUPYTERLAB_NODES.get(v["id"], ())
        nodes = [n for n in v["nodes"] if not any(mark in " ".join(n["target"]) for mark in marks)]
        if nodes:
            violations.append({**v, "nodes": nodes})
    lines = [f"{v['impact']}: {v['id']} ({len(v['nodes'])}×): {v['help']}: "
             + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5]) for v in violations]
    print(f"axe-core {results['testEngine']['version']} on {name}: {len(violations)} kinds of violation",
          *lines, sep="\n  ")
    return [line for v, line in zip(violations, lines) if v["impact"] in FAILING]
