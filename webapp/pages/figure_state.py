"""How the figure is shown: from which view (side, front, back, or any view in data/views) and,
on the atlas, with or without names.

The state lives in the address, as an optional first path segment (``/back/muscles/calves``,
``/labelled/``, ``/front/stride/toe-off``), so it survives a swap, a reload and a shared link,
and a static copy of the site can hold every state as a plain file. The default view (the first
in ``data/views/order.yaml``) without names has no prefix. The segments a route accepts are
worked out from the views loaded at start-up, so a view added as data has addresses in every
mode, and an unknown view is the friendly 404.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from flask import Flask, current_app, has_request_context, request
from werkzeug.routing import BaseConverter

PLAIN = ""  # the ``figure`` argument of the default view without names: no prefix
LABELLED = "labelled"
VIEWS_KEY = "figure_views"  # app.extensions: the view names, the default first


@dataclass(frozen=True)
class FigureState:
    """One way of showing the figure: the ``view`` (a view's name) and whether every muscle is
    named on it; ``default`` is the view an address without a prefix shows."""

    view: str
    default: str
    labelled: bool = False

    @property
    def name(self) -> str:
        """The address segment for this state (``back-labelled``; empty for the plain default)."""
        return "-".join([*([self.view] if self.view != self.default else []), *([LABELLED] * self.labelled)])

    @property
    def view_name(self) -> str:
        """The address segment for this view alone, as every mode but the atlas takes it."""
        return replace(self, labelled=False).name

    def toggled(self, *, view: str | None = None, labelled: bool | None = None) -> FigureState:
        """The same state with the view or the names changed."""
        return replace(
            self,
            view=self.view if view is None else view,
            labelled=self.labelled if labelled is None else labelled,
        )


def parse_state(name: str, views: Sequence[str]) -> FigureState:
    """The state an address segment names (``views`` lists the view names, the default first)."""
    labelled = name == LABELLED or name.endswith(f"-{LABELLED}")
    view = name.removesuffix(LABELLED).removesuffix("-") if labelled else name
    return FigureState(view or views[0], views[0], labelled)


def state_names(views: Sequence[str]) -> list[str]:
    """Every segment the atlas accepts: each view, with and without names (but not the plain
    default, which has no prefix)."""
    states = [FigureState(view, views[0], labelled) for view in views for labelled in (False, True)]
    return [state.name for state in states if state.name]


def _alternatives(names: Sequence[str]) -> str:
    # Longest first, so that "front-labelled" is not read as "front"; no names match nothing.
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) or "(?!)"


def init_figure_state(app: Flask, views: Sequence[str]) -> None:
    """Teach ``app``'s routes the ``<figure:...>`` segment (a view, with or without names: the
    atlas) and the ``<view:...>`` segment (a view other than the default: every other mode),
    both from ``views`` (the default first); give templates the current state. Call before
    any route is registered: a rule reads its converter's pattern when it is added."""
    app.extensions[VIEWS_KEY] = tuple(views)
    app.url_map.converters["figure"] = type(
        "FigureConverter", (BaseConverter,), {"regex": _alternatives(state_names(views))}
    )
    app.url_map.converters["view"] = type(
        "ViewConverter", (BaseConverter,), {"regex": _alternatives(views[1:])}
    )
    app.context_processor(lambda: {"figure_state": figure_state()})

    @app.url_defaults
    def keep_the_view(endpoint: str, values: dict[str, Any]) -> None:
        """A link that does not name a view stays in the view shown now (a tour step in the back
        view leads to the back view of its muscle); names are the atlas's own toggle."""
        if (
            "figure" not in values
            and has_request_context()
            and app.url_map.is_endpoint_expecting(endpoint, "figure")
        ):
            values["figure"] = figure_state().view_name


def view_names() -> tuple[str, ...]:
    """The views the app offers, the default first."""
    return current_app.extensions[VIEWS_KEY]


def default_state() -> FigureState:
    """The plain default view."""
    return FigureState(view_names()[0], view_names()[0])


def figure_state() -> FigureState:
    """The state the current address asks for (the plain default view when it names none)."""
    return parse_state((request.view_args or {}).get("figure", PLAIN), view_names())
