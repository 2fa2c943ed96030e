"""Where does it hurt? The map of places that hurt, one page per place and one per common
problem; each opens in place like a muscle and works without JavaScript."""

from __future__ import annotations

from flask import Blueprint, Response

from webapp.pages.pain import problem_or_404, render_pain, spot_or_404
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("pain", __name__)


@blueprint.get("/pain")
@cached_page
def index() -> Response:
    """The map: every place, by body area, with the entry for feeling unwell first."""
    return render_pain()


@blueprint.get("/pain/<slug>")
@cached_page
def spot(slug: str) -> Response:
    """One place: its warning signs first, then the problems common there, most common first."""
    return render_pain(spot=spot_or_404(slug))


@blueprint.get("/pain/problems/<slug>")
@cached_page
def problem(slug: str) -> Response:
    """One common problem: warning signs, how it feels, what helps first, recovery, muscles."""
    return render_pain(problem=problem_or_404(slug))
