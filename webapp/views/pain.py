"""Where does it hurt? The map of places that hurt, one page per place and one per common
problem; each opens in place like a muscle and works without JavaScript. The map and each
place can be seen from the front (no segment), the back or the side (``/pain/back/calf``)."""

from __future__ import annotations

from flask import Blueprint, Response
from flask.blueprints import BlueprintSetupState

from webapp.pages.pain import DEFAULT_VIEW, PainViewConverter, problem_or_404, render_pain, spot_or_404
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("pain", __name__)


@blueprint.record_once
def _know_the_views(state: BlueprintSetupState) -> None:
    # The converter must be known before the routes below are added to the app.
    state.app.url_map.converters["painview"] = PainViewConverter


@blueprint.get("/pain", defaults={"view": DEFAULT_VIEW})
@blueprint.get("/pain/<painview:view>")
@cached_page
def index(view: str) -> Response:
    """The map: the runner in one view, the magnified foot, every place by body area, and the
    entry for feeling unwell first."""
    return render_pain(view=view)


@blueprint.get("/pain/<slug>", defaults={"view": DEFAULT_VIEW})
@blueprint.get("/pain/<painview:view>/<slug>")
@cached_page
def spot(slug: str, view: str) -> Response:
    """One place: its warning signs first, then the problems common there, most common first."""
    return render_pain(spot=spot_or_404(slug), view=view)


@blueprint.get("/pain/problems/<slug>")
@cached_page
def problem(slug: str) -> Response:
    """One common problem: warning signs, how it feels, what helps first, recovery, muscles."""
    return render_pain(problem=problem_or_404(slug))
