"""The atlas: the runner figure, and one permanent page per muscle."""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, url_for

from webapp.htmx import page_or_fragment
from webapp.views import reading_aids, site

blueprint = Blueprint("muscles", __name__)


def render_stage(slug: str | None, status: int = 200, missing: str | None = None) -> Response:
    """The figure and panel for one state, as a page or an htmx fragment."""
    atlas = site().atlas
    muscle = atlas.muscle(slug) if slug else None
    return page_or_fragment(
        "page.html",
        "_stage.html",
        status=status,
        atlas=atlas,
        muscle=muscle,
        drills=atlas.training.drills_for(muscle.slug) if muscle else [],
        **reading_aids(muscle.cited_source_ids() if muscle else []),
        figure=site().figure(muscle.slug if muscle else None),
        missing=missing,
    )


@blueprint.get("/")
def index() -> Response:
    """The runner with nothing selected and an introduction."""
    return render_stage(None)


@blueprint.get("/muscles")
def muscle_list() -> Response:
    """There is no separate list page: the home page lists every muscle."""
    return redirect(url_for("muscles.index"), code=301)


@blueprint.get("/muscles/<slug>")
def muscle(slug: str) -> Response:
    """One muscle's panel beside the runner, with the muscle highlighted."""
    if site().atlas.muscle(slug) is None:
        abort(404)
    return render_stage(slug)
