"""Plans: a home exercise programme that lives in its link. ``/plan`` is one page for every
plan; the plan itself is the address after ``#`` (never sent to a server), drawn by the page's
script from the data the page embeds."""

from __future__ import annotations

from flask import Blueprint, Response

from webapp.pages.context import prepared
from webapp.pages.plan_page import flags_by_muscle, plan_data, ready_made_links
from webapp.pages.rendering import render_page
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("plans", __name__)


@blueprint.get("/plan")
@cached_page
def plan() -> Response:
    """The plan in the address's fragment, with its safety rules and a printout to hand over."""
    atlas = prepared().atlas
    return render_page(
        "plan.html",
        atlas=atlas,
        plannable=atlas.plan_exercises(),
        plan_data=plan_data(atlas),
        ready_made=ready_made_links(atlas),
        flags=flags_by_muscle(atlas),
        pain_rule=atlas.soreness.pain_rule,
    )
