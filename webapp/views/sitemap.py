"""``/sitemap.xml`` and ``/robots.txt``: every permanent address, absolute and public, so a
search engine need not guess which of the many URLs (pages, fragments, phases) is the real one."""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from flask import Blueprint, Response, url_for

from webapp.views import prepared, public_url
from webapp.views.presenter import VIEWS
from webapp.views.response_cache import cached_page
from webapp.views.speed import compare_url, speed_url

blueprint = Blueprint("sitemap", __name__)
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def permanent_paths() -> list[str]:
    """The site path of every page with an address of its own: no fragments, no quiz runs
    (a quiz's addresses are endless), no redirects."""
    atlas = prepared().atlas
    paths = [url_for("muscles.index"), url_for("stride.start")]
    paths += [url_for("muscles.muscle", slug=m.slug) for m in atlas.muscles]
    for phase in atlas.phases:
        paths.append(url_for("stride.phase", phase=phase.slug))
        paths += [url_for("stride.muscle_at_phase", phase=phase.slug, muscle=m.slug) for m in atlas.muscles]
    for muscle in atlas.muscles:
        paths.append(url_for("presenter.present", slug=muscle.slug))
        paths += [url_for("presenter.present", slug=muscle.slug, view=view) for view in VIEWS]
    paths.append(url_for("tours.index"))
    for tour in atlas.tours:
        paths += [url_for("tours.step", slug=tour.slug, number=n) for n in range(1, len(tour.steps) + 1)]
    paths.append(url_for("speed.start"))
    measured = atlas.speeds.measured
    for index, speed in enumerate(measured):
        paths.append(speed_url(speed))
        paths += [speed_url(speed, m) for m in atlas.muscles]
        paths += [compare_url(speed, faster) for faster in measured[index + 1 :]]
        slug = speed.speed.slug
        paths += [url_for("presenter.present_speed", speed=slug, view=view) for view in (None, "qr")]
    paths += [url_for(e) for e in ("guides.training", "guides.soreness", "guides.glossary", "guides.sources")]
    paths += [url_for("worksheet.worksheet"), url_for("quiz.home")]
    return paths


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
    """Everything may be read except the play button's frames and the endless quiz runs; the
    sitemap says where the pages are."""
    closed = [url_for("stride.frames"), url_for("quiz.home") + "/"]
    lines = ["User-agent: *", *(f"Disallow: {urlsplit(public_url(path)).path}" for path in closed)]
    lines.append(f"Sitemap: {public_url(url_for('sitemap.sitemap'))}")
    return Response("\n".join(lines) + "\n", mimetype="text/plain")
