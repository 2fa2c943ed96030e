"""The printable worksheet: the runner with numbered muscles, and an answer key."""

from __future__ import annotations

from flask import Blueprint, Response, url_for

from webapp.pages.context import prepared, public_url
from webapp.pages.figure_state import PLAIN, figure_state
from webapp.pages.figures import runner
from webapp.pages.links import muscle_url
from webapp.pages.rendering import render_page
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("worksheet", __name__)


@blueprint.get("/worksheet", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/worksheet")
@cached_page
def worksheet(figure: str) -> Response:
    """The runner with numbered muscles and blank labels, and an answer key on page two."""
    view = prepared().figure.views[figure_state().view]
    drawable = [m for m in prepared().atlas.muscles if view.shows(m.slug)]
    numbers = {m.slug: n for n, m in enumerate(drawable, start=1)}
    return render_page(
        "worksheet.html",
        muscles=drawable,
        # The sheet's muscles are no links: a link's name, tooltip or hover label gives the answer away.
        figure=runner(lambda _: None, swap=False, numbers=numbers, label="Runner with numbered muscles."),
        key_figure=runner(  # numbered as the sheet is, on a phone where its names become numbers
            muscle_url,
            swap=False,
            numbers=numbers,
            state=figure_state().toggled(labelled=True),
            label="Runner with every muscle named.",
        ),
        url=public_url(url_for("worksheet.worksheet", figure=figure)),
    )
