"""``/sitemap.xml`` and ``/robots.txt``: every permanent address, absolute and public, so a
search engine need not guess which of the many URLs (pages, fragments, phases) is the real one."""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from flask import Blueprint, Response, current_app, url_for

from webapp.pages.context import public_url
from webapp.pages.figure_state import view_names
from webapp.pages.page_list import page_list
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("sitemap", __name__)
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def permanent_paths() -> list[str]:
    """The site path of every page with an address of its own: no fragments, figure states,
    embeds or frames, no quiz runs (a quiz's addresses are endless), no redirects."""
    return [address.path for address in page_list(current_app) if address.canonical]


@blueprint.get("/sitemap.xml")
@cached_page
def sitemap() -> Response:
    """Every permanent page, by its public address."""
    entries = "".join(f"<url><loc>{escape(public_url(path))}</loc></url>\n" for path in permanent_paths())
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NAMESPACE}">\n{entries}</urlset>\n'
    )
    return Response(body, mimetype="application/xml")


@blueprint.get("/robots.txt")
@cached_page
def robots() -> Response:
    """Everything may be read except the play button's frames and the endless quiz runs, in
    every view; the sitemap says where the pages are."""
    closed = [url_for("stride.frames"), url_for("quiz.home") + "/"]
    for view in view_names()[1:]:
        quiz_run = url_for("quiz.question", figure=view, seed=1, number=1)
        closed += [url_for("stride.frames", figure=view), quiz_run.rsplit("/", 2)[0] + "/"]
    lines = ["User-agent: *", *(f"Disallow: {urlsplit(public_url(path)).path}" for path in closed)]
    lines.append(f"Sitemap: {public_url(url_for('sitemap.sitemap'))}")
    return Response("\n".join(lines) + "\n", mimetype="text/plain")
