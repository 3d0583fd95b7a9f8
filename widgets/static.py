"""`StaticFallback`: an interactive tool displays its widget view *and* a picture of its state.

Stored notebooks, GitHub and nbconvert cannot run a widget; they show the picture and the
sentence instead, from the same display call, so no tool has to remember to add them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from widgets.svg import Picture


class StaticFallback:
    """Mixin (before the widget class): `_repr_mimebundle_` = the widget's view + `static_bundle()`.

    Subclasses give `static_picture()` (an SVG `Picture`), or override `static_bundle()` for
    another kind of picture; `widget_bundle()` is the live view (the widget's own bundle).
    """

    def static_picture(self) -> Picture:
        raise NotImplementedError(f"{type(self).__name__} must define static_picture() or static_bundle()")

    def static_bundle(self) -> dict[str, Any]:
        """The picture of the current state and its text alternative."""
        picture = self.static_picture()
        return {"image/svg+xml": picture.svg, "text/plain": picture.text}

    def widget_bundle(self, **kwargs: Any) -> dict[str, Any]:
        parent = getattr(super(), "_repr_mimebundle_", None)
        return dict((parent(**kwargs) if parent else None) or {})

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return {**self.widget_bundle(**kwargs), **self.static_bundle()}
