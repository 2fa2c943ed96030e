"""The atlas: the runner figure, and one permanent page per muscle."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, url_for
from flask.typing import ResponseReturnValue

from webapp.pages.context import muscle_or_404
from webapp.pages.figure_state import PLAIN
from webapp.pages.panels import render_atlas
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("muscles", __name__)


@blueprint.get("/", defaults={"figure": PLAIN})
@blueprint.get("/<figure:figure>/")
@cached_page
def index(figure: str) -> Response:
    """The runner with nothing selected and an introduction."""
    return render_atlas(None)


@blueprint.get("/muscles")
def muscle_list() -> ResponseReturnValue:
    """There is no separate list page: the home page lists every muscle."""
    return redirect(url_for("muscles.index"), code=301)


@blueprint.get("/muscles/<slug>", defaults={"figure": PLAIN})
@blueprint.get("/<figure:figure>/muscles/<slug>")
@cached_page
def muscle(slug: str, figure: str) -> Response:
    """One muscle's panel beside the runner, with the muscle highlighted."""
    return render_atlas(muscle_or_404(slug))
