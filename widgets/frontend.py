"""Two tiny front-end widgets (anywidget): the parts plain ipywidgets cannot do in JupyterLab.

- `KeyboardGuard` keeps key presses inside the course's widgets. JupyterLab runs its notebook
  shortcuts on keys pressed in a focused widget control (ArrowDown selects the next cell, `b`
  inserts one, `d d` deletes one: jupyter-widgets/ipywidgets#3912). It skips an element that
  carries `data-lm-suppress-shortcuts`, starting from the focused element itself, so the guard
  marks every control of a `.kt-keyboard-safe` box as it takes focus. Escape leaves the widget.
- `ClickableHTML` is an HTML view that reports which `g.box` of its SVG was clicked (`clicked`
  holds the box's index, from its `node-<i>` id), so the explorer selects a layer on click.
"""

from __future__ import annotations

import anywidget
import ipywidgets as ipw
import traitlets

SAFE = "kt-keyboard-safe"  # the class of a box whose controls keep their keys

_GUARD = """
function guard(event) {
  const target = event.target;
  if (target instanceof Element && target.closest(".%s")) {
    target.setAttribute("data-lm-suppress-shortcuts", "true");
  }
}
function escape(event) {
  const target = event.target;
  if (event.key === "Escape" && target instanceof HTMLElement && target.closest(".%s")) {
    const notebook = target.closest(".jp-Notebook");
    target.blur();
    if (notebook) notebook.focus();  // back to the notebook's command mode
  }
}
function install() {
  if (!globalThis.__ktKeyboardGuard) {  // once per page, for every guarded box
    document.addEventListener("focusin", guard, true);
    document.addEventListener("keydown", escape, true);
    globalThis.__ktKeyboardGuard = true;
  }
}
export default { initialize() { install(); }, render({ el }) { install(); el.hidden = true; } };
""" % (SAFE, SAFE)

_CLICKABLE = """
export default {
  render({ model, el }) {
    const show = () => { el.innerHTML = model.get("value"); };
    el.addEventListener("click", event => {
      const box = event.target instanceof Element ? event.target.closest("g.box[id]") : null;
      const index = box ? parseInt(box.id.replace(/^.*node-/, ""), 10) : NaN;
      if (!Number.isNaN(index)) {
        model.set("clicked", index === model.get("clicked") ? -1 : index);
        model.save_changes();
      }
    });
    model.on("change:value", show);
    show();
  },
};
"""


class KeyboardGuard(anywidget.AnyWidget):
    """Invisible: installs the page's focus guard for `.kt-keyboard-safe` boxes (see the module)."""

    _esm = _GUARD


class ClickableHTML(anywidget.AnyWidget):
    """HTML whose SVG boxes (`g.box` with id `node-<i>`) can be clicked: `clicked` is i, or -1."""

    _esm = _CLICKABLE
    value = traitlets.Unicode("").tag(sync=True)
    clicked = traitlets.Int(-1).tag(sync=True)


def keyboard_safe(box: ipw.Box) -> ipw.Box:
    """Mark `box` so its controls keep their key presses, and give it the guard that does it."""
    box.add_class(SAFE)
    box.children = (*box.children, KeyboardGuard())
    return box
