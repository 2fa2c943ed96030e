"""What the "Where does it hurt?" pages share: the spot or problem an address names (or the
friendly 404), its warning signs split into those shown first (emergency and same day) and the
rest, the one emergency line every page, embed and picture of a spot or problem carries, the
map's figure in the view the address names, and the page itself, rendered for the map, a spot,
a problem or a missing address.

The view of the figure lives in the address, as an optional segment after ``/pain``
(``/pain/back/calf``); the front view has none, so ``/pain/calf`` is the spot's one permanent
page and the other views are its variants."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flask import Response, abort, url_for
from werkzeug.routing import BaseConverter

from webapp.content.model import PAIN_MAP_VIEWS, TIER_ACTIONS, Problem, RedFlag, Spot
from webapp.figure.places import PlaceLink, draw_foot_inset, draw_places
from webapp.figure.svg import Figure
from webapp.pages.context import prepared, reading_aids
from webapp.pages.rendering import render_page

# The tiers whose signs come first, above the problems: as the NHS tiers them, the ones that
# cannot wait for an appointment.
FIRST_TIERS = ("emergency", "same-day")
# The signs the emergency line falls back on when a place has no emergency sign of its own.
EVERYWHERE = ("chest-pain", "collapse", "severe-breathlessness")
DEFAULT_VIEW = PAIN_MAP_VIEWS[0]  # the front: most places that hurt are drawn there
FOOT_INSET = ("foot-side", "foot-back", "sole")
VIEW_NAMES = {"front": "Front", "back": "Back", "side": "Side"}


class PainViewConverter(BaseConverter):
    """Matches the address segment of a view of the map other than the default one."""

    regex = "|".join(view for view in PAIN_MAP_VIEWS if view != DEFAULT_VIEW)
    weight = 50  # before a spot's slug, so /pain/back is the map from behind


SpotLink = Callable[[Spot], str]


def pain_figures(view: str, selected: str | None, link: SpotLink | None = None) -> tuple[Figure, Figure]:
    """The runner in ``view`` and the magnified foot, every place linking to ``link(spot)``
    (by default its page in the same view), ``selected`` marked; both swap in place with
    htmx."""
    ready = prepared()
    pain = ready.atlas.pain
    pose = ready.figure.still_poses["standing"]
    href = link or (lambda spot: url_for("pain.spot", slug=spot.slug, view=view))

    def links(drawn: str) -> list[PlaceLink]:
        return [PlaceLink(anchor, spot.slug, spot.name, href(spot)) for spot, anchor in pain.in_view(drawn)]

    runner = draw_places(
        ready.places[view],
        ready.figure,
        pose,
        links(view),
        label=f"Runner standing, {ready.places[view].label}. Each circle is a place that hurts; it opens that place.",
        selected=selected,
        swap=True,
    )
    inset = draw_foot_inset(
        [ready.places[name] for name in FOOT_INSET],
        ready.figure,
        pose,
        {name: links(name) for name in FOOT_INSET},
        label="The left foot, magnified: from the outer side, from behind and from below. Each circle opens that place.",
        selected=selected,
        swap=True,
    )
    return runner, inset


def slide_figure(spot: Spot, link: SpotLink) -> Figure:
    """The one picture a projector slide of ``spot`` shows: the first view of the runner that
    draws it, else the magnified foot (a place only the foot shows), else the front view."""
    drawn = [v.view for v in spot.views]
    view = next((v for v in PAIN_MAP_VIEWS if v in drawn), None)
    runner, inset = pain_figures(view or DEFAULT_VIEW, spot.slug, link)
    return inset if view is None and drawn else runner


def spot_or_404(slug: str) -> Spot:
    """The spot an address names, or the friendly 404 (with a way back to the map)."""
    found = prepared().atlas.pain.spot(slug)
    if found is None:
        abort(404)
    return found


def problem_or_404(slug: str) -> Problem:
    """The problem an address names, or the friendly 404."""
    found = prepared().atlas.pain.problem(slug)
    if found is None:
        abort(404)
    return found


def warning_signs(slugs: Iterable[str]) -> tuple[list[RedFlag], list[RedFlag]]:
    """The signs to show first (emergency, then same day) and the rest, most urgent first."""
    flags = prepared().atlas.flags_named(slugs)
    return [f for f in flags if f.tier in FIRST_TIERS], [f for f in flags if f.tier not in FIRST_TIERS]


def emergency_line(slugs: Iterable[str]) -> str:
    """One sentence with what to do in an emergency, in words: the emergency signs of this
    place, or when it has none, the signs that are an emergency anywhere."""
    atlas = prepared().atlas
    own = [f for f in atlas.flags_named(slugs) if f.tier == "emergency"]
    flags = own or atlas.flags_named(EVERYWHERE)
    titles = [flag.title.lower() for flag in flags]
    if len(titles) == 1:
        return f"{TIER_ACTIONS['emergency']} for {titles[0]}."
    if len(titles) <= 3 and not any(" or " in title for title in titles):
        return f"{TIER_ACTIONS['emergency']} for {', '.join(titles[:-1])} or {titles[-1]}."
    # A longer list, or signs that hold an "or" themselves, reads as a list, one sign each.
    return f"{TIER_ACTIONS['emergency']} for any of these: {'; '.join(titles)}."


def render_pain(
    spot: Spot | None = None,
    problem: Problem | None = None,
    status: int = 200,
    missing: bool = False,
    view: str = DEFAULT_VIEW,
) -> Response:
    """The map (no spot or problem), a spot's page, a problem's page, or the map's 404; the
    map and a spot's page show the figure in ``view``."""
    atlas = prepared().atlas
    pain = atlas.pain
    context: dict[str, Any] = {
        "atlas": atlas,
        "pain": pain,
        "spot": spot,
        "problem": problem,
        "missing": missing,
        "view": view,
        "view_names": VIEW_NAMES,
        "figure": None,
    }
    if not problem and not missing:
        context["figure"], context["foot_inset"] = pain_figures(view, spot.slug if spot else None)
    if spot:
        context["description"] = (
            f"{spot.name}: the warning signs first, then the running problems common there."
        )
        context["problems"] = pain.problems_at(spot)
        context["first"], context["later"] = warning_signs(spot.red_flags)
        context["emergency"] = emergency_line(spot.red_flags)
        context["check"] = atlas.check(f"pain/{spot.slug}")
        ids = pain.spot_source_ids(spot)
    elif problem:
        context["description"] = (
            f"{problem.name}: {problem.summary} Warning signs, what helps first, recovery."
        )
        context["spots"] = pain.spots_of(problem)
        context["first"], context["later"] = warning_signs(problem.red_flags)
        context["emergency"] = emergency_line(problem.red_flags)
        context["check"] = atlas.check(f"pain/problems/{problem.slug}")
        ids = [*problem.cited_source_ids(), *(s for item in pain.medicines_and_ice for s in item.sources)]
    else:
        context["emergency"] = emergency_line(())
        context["check"] = None
        context["description"] = pain.intro
        ids = []
    return render_page("pain.html", status=status, **context, **reading_aids(ids))
