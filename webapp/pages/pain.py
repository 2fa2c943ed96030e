"""What the "Where does it hurt?" pages share: the spot or problem an address names (or the
friendly 404), its warning signs split into those shown first (emergency and same day) and the
rest, the one emergency line every page, embed and picture of a spot or problem carries, and
the page itself, rendered for the map, a spot, a problem or a missing address."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import Response, abort

from webapp.content.model import TIER_ACTIONS, Problem, RedFlag, Spot
from webapp.pages.context import prepared, reading_aids
from webapp.pages.rendering import render_page

# The tiers whose signs come first, above the problems: as the NHS tiers them, the ones that
# cannot wait for an appointment.
FIRST_TIERS = ("emergency", "same-day")
# The signs the emergency line falls back on when a place has no emergency sign of its own.
EVERYWHERE = ("chest-pain", "collapse", "severe-breathlessness")


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
    listed = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " or " + titles[-1]
    return f"{TIER_ACTIONS['emergency']} for {listed}."


def render_pain(
    spot: Spot | None = None, problem: Problem | None = None, status: int = 200, missing: bool = False
) -> Response:
    """The map (no spot or problem), a spot's page, a problem's page, or the map's 404."""
    atlas = prepared().atlas
    pain = atlas.pain
    context: dict[str, Any] = {
        "atlas": atlas,
        "pain": pain,
        "spot": spot,
        "problem": problem,
        "missing": missing,
    }
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
