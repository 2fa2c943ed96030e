"""The atlas: the runner figure, and one permanent page per muscle."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, redirect, url_for

from webapp.content.model import Muscle, Phase
from webapp.figure.qr import qr_svg
from webapp.gait.activation import describe_timing, peak_phase
from webapp.views import prepared, public_url, reading_aids
from webapp.views.figure_state import DEFAULT, figure_state
from webapp.views.figures import activation_chart, runner
from webapp.views.pages import render_page
from webapp.views.response_cache import cached_page

blueprint = Blueprint("muscles", __name__)


def muscle_url(muscle: Muscle) -> str:
    """A muscle's own page, with the figure shown as it is now."""
    return url_for("muscles.muscle", slug=muscle.slug, figure=figure_state().name)


def muscle_panel_context(muscle: Muscle | None, phase: Phase | None = None) -> dict[str, Any]:
    """What the muscle panel template needs, in normal and stride mode alike."""
    if muscle is None:
        return {"muscle": None, **reading_aids([])}
    atlas = prepared().atlas
    handout_url = public_url(url_for("muscles.muscle", slug=muscle.slug))
    at_phase = phase or peak_phase(muscle, atlas.phases) or atlas.phases[0]
    return {
        "muscle": muscle,
        "drills": atlas.training.drills_for(muscle.slug),
        "timing_chart": activation_chart(
            phase,
            lambda m: url_for("stride.muscle_at_phase", phase=at_phase.slug, muscle=m.slug),
            only=muscle,
        ),
        "timing_sentence": describe_timing(muscle, atlas.phases),
        "timing_peak": peak_phase(muscle, atlas.phases),
        "handout_url": handout_url,
        "handout_qr": qr_svg(handout_url),
        **reading_aids(muscle.cited_source_ids()),
    }


def render_atlas(muscle: Muscle | None, status: int = 200, missing: str | None = None) -> Response:
    """The runner and a muscle's panel (or the introduction, or a not-found message)."""
    return render_page(
        "atlas.html",
        status=status,
        atlas=prepared().atlas,
        figure=runner(muscle_url, selected=muscle.slug if muscle else None, state=figure_state()),
        missing=missing,
        **muscle_panel_context(muscle),
    )


@blueprint.get("/", defaults={"figure": DEFAULT})
@blueprint.get("/<figure:figure>/")
@cached_page
def index(figure: str) -> Response:
    """The runner with nothing selected and an introduction."""
    return render_atlas(None)


@blueprint.get("/muscles")
def muscle_list() -> Response:
    """There is no separate list page: the home page lists every muscle."""
    return redirect(url_for("muscles.index"), code=301)


@blueprint.get("/muscles/<slug>", defaults={"figure": DEFAULT})
@blueprint.get("/<figure:figure>/muscles/<slug>")
@cached_page
def muscle(slug: str, figure: str) -> Response:
    """One muscle's panel beside the runner, with the muscle highlighted."""
    found = prepared().atlas.muscle(slug)
    if found is None:
        abort(404)
    return render_atlas(found)
