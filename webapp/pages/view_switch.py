"""The view control every figure has (Side / Front / Back, one per view in data/views) and the
hidden-muscle switch: when the open muscle is not drawn in the view shown, the page says so in
words and links to the same page in a view that shows it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, request, url_for

from webapp.content.model import Muscle
from webapp.pages.context import prepared
from webapp.pages.figure_state import FigureState, figure_state


@dataclass(frozen=True)
class ViewChoice:
    """One button of the view control: the view's name, its words, where it leads, and whether
    it is shown now."""

    name: str
    title: str
    href: str
    current: bool


@dataclass(frozen=True)
class HiddenMuscle:
    """What the figure says when the open muscle is not in its view, and the way to one that
    shows it."""

    sentence: str  # "The back view does not show the tibialis anterior."
    switch: str  # "Show the front view"
    href: str


def this_page_in(state: FigureState) -> str:
    """The address of the page being shown, with the figure as ``state`` says (the atlas's
    home page for a page with no route of its own, such as the 404)."""
    if request.url_rule is None or request.endpoint is None:
        return url_for("muscles.index", figure=state.name)
    return url_for(request.endpoint, **{**(request.view_args or {}), "figure": state.name})


def view_choices() -> list[ViewChoice]:
    """Every view, in the order of data/views/order.yaml, as links to this page in it."""
    state = figure_state()
    return [
        ViewChoice(name, view.title, this_page_in(state.toggled(view=name)), name == state.view)
        for name, view in prepared().figure.views.items()
    ]


def hidden_muscle(muscle: Muscle | None) -> HiddenMuscle | None:
    """The note for ``muscle`` when the view shown does not draw it (None when it does, or
    when no view does), offering a view of the same kind first (front for back)."""
    state = figure_state()
    views = prepared().figure.views
    if muscle is None or views[state.view].shows(muscle.slug):
        return None
    # Turning the runner round (back to front, one side to the other) keeps the kind of picture.
    shown = views[state.view]
    nearest = sorted(views.values(), key=lambda view: view.projection != shown.projection)
    showing = next((view for view in nearest if view.shows(muscle.slug)), None)
    if showing is None:
        return None
    return HiddenMuscle(
        f"The {views[state.view].title.lower()} does not show the {muscle.name.lower()}.",
        f"Show the {showing.title.lower()}",
        this_page_in(state.toggled(view=showing.name)),
    )


def init_view_switch(app: Flask) -> None:
    """Give templates ``view_choices()``, ``hidden_muscle(muscle)`` and ``this_page_in(state)``."""
    app.jinja_env.globals.update(
        view_choices=view_choices, hidden_muscle=hidden_muscle, this_page_in=this_page_in
    )
