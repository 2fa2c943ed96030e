"""The presenter view: one muscle at a time, projector-sized, driven by a clicker or keys,
with a QR code that sends the muscle to every phone in the room."""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, url_for

from webapp.figure.qr import qr_svg
from webapp.views import prepared, public_url, reachable_only_here
from webapp.views.figure_state import FigureState
from webapp.views.figures import runner
from webapp.views.muscles import muscle_panel_context
from webapp.views.pages import render_page
from webapp.views.response_cache import cached_page

blueprint = Blueprint("presenter", __name__)
VIEWS = ("details", "qr")


@blueprint.get("/present")
def start() -> Response:
    """The presenter view starts at the first muscle in teaching order."""
    return redirect(url_for("presenter.present", slug=prepared().atlas.muscles[0].slug))


@blueprint.get("/present/<slug>")
@blueprint.get("/present/<slug>/<view>")
@cached_page
def present(slug: str, view: str | None = None) -> Response:
    """One muscle, projector-sized; ``view`` opens the full panel or the QR code."""
    atlas = prepared().atlas
    muscle = atlas.muscle(slug)
    if muscle is None or (view and view not in VIEWS):
        abort(404)
    index = atlas.muscles.index(muscle)
    deep_link = public_url(url_for("muscles.muscle", slug=slug))
    return render_page(
        "present.html",
        atlas=atlas,
        view=view,
        index=index,
        previous=atlas.muscles[index - 1],
        following=atlas.muscles[(index + 1) % len(atlas.muscles)],
        figure=runner(
            lambda m: url_for("presenter.present", slug=m.slug), selected=slug, state=FigureState("labelled")
        ),
        deep_link=deep_link,
        local_only=reachable_only_here(deep_link),
        qr=qr_svg(deep_link),
        **muscle_panel_context(muscle),
    )
