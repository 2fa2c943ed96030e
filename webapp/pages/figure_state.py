"""How the atlas's figure is shown: from the side or the front, with or without names.

The state lives in the address, as an optional first path segment (``/front/muscles/calves``,
``/labelled/``), so it survives a swap, a reload and a shared link, and a static copy of the
site can hold every state as a plain file. The side view without names has no prefix.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, request
from werkzeug.routing import BaseConverter

DEFAULT = "side"
PREFIXED = ("front-labelled", "front", "labelled")  # longest first, for the URL pattern


@dataclass(frozen=True)
class FigureState:
    """One way of showing the figure, named as its address names it."""

    name: str = DEFAULT

    @property
    def front(self) -> bool:
        """Seen from the front (else from the runner's left side)."""
        return self.name.startswith("front")

    @property
    def labelled(self) -> bool:
        """Every muscle named on the figure, with leader lines."""
        return self.name.endswith("labelled")

    def toggled(self, *, front: bool | None = None, labelled: bool | None = None) -> FigureState:
        """The same state with the view or the names changed."""
        front = self.front if front is None else front
        labelled = self.labelled if labelled is None else labelled
        name = "-".join(part for part, on in (("front", front), ("labelled", labelled)) if on) or DEFAULT
        return FigureState(name)


class FigureStateConverter(BaseConverter):
    """Matches the prefixes that name a figure state (``front``, ``labelled``, ``front-labelled``)."""

    regex = "|".join(PREFIXED)


def figure_state() -> FigureState:
    """The state the current address asks for (the plain side view when it names none)."""
    return FigureState((request.view_args or {}).get("figure", DEFAULT))


def init_figure_state(app: Flask) -> None:
    """Teach ``app``'s routes the ``<figure:...>`` segment and give templates the current state."""
    app.url_map.converters["figure"] = FigureStateConverter
    app.context_processor(lambda: {"figure_state": figure_state()})
