"""The atlas: the runner figure, and one permanent page per muscle."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, redirect, url_for

from webapp.content.model import Muscle
from webapp.figure.qr import qr_svg
from webapp.htmx import page_or_fragment
from webapp.site import muscle_path, stride_path
from webapp.stride.activation import describe_timing, peak_phase
from webapp.views import public_url, reading_aids, site
from webapp.views.render_cache import rendered_once

blueprint = Blueprint("muscles", __name__)


def muscle_panel_context(muscle: Muscle | None, phase: str | None = None) -> dict[str, Any]:
    """What the muscle panel template needs, in normal and stride mode alike."""
    if muscle is None:
        return {"muscle": None, **reading_aids([])}
    return {
        "muscle": muscle,
        "drills": site().atlas.training.drills_for(muscle.slug),
        "timing_chart": site().chart(phase, muscle.slug),
        "timing_sentence": describe_timing(muscle, site().atlas.phases),
        "timing_peak": peak_phase(muscle, site().atlas.phases),
        "handout_url": public_url(muscle_path(muscle.slug)),
        "handout_qr": qr_svg(public_url(muscle_path(muscle.slug))),
        **reading_aids(muscle.cited_source_ids()),
    }


def render_stage(slug: str | None, status: int = 200, missing: str | None = None) -> Response:
    """The figure and panel for one state, as a page or an htmx fragment."""
    atlas = site().atlas
    muscle = atlas.muscle(slug) if slug else None
    return page_or_fragment(
        "page.html",
        "_stage.html",
        status=status,
        atlas=atlas,
        figure=site().figure(muscle.slug if muscle else None),
        missing=missing,
        stride_path=stride_path,
        **muscle_panel_context(muscle),
    )


@blueprint.get("/")
@rendered_once
def index() -> Response:
    """The runner with nothing selected and an introduction."""
    return render_stage(None)


@blueprint.get("/muscles")
def muscle_list() -> Response:
    """There is no separate list page: the home page lists every muscle."""
    return redirect(url_for("muscles.index"), code=301)


@blueprint.get("/muscles/<slug>")
@rendered_once
def muscle(slug: str) -> Response:
    """One muscle's panel beside the runner, with the muscle highlighted."""
    if site().atlas.muscle(slug) is None:
        abort(404)
    return render_stage(slug)
