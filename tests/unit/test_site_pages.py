"""Finding every address the site answers without a server: from the URL map and the links the
data makes, so a route added later (for example a sitemap or preview images) is found with no
list to update."""

from __future__ import annotations

import pytest
from flask import Blueprint, Response, abort, request, url_for

from webapp import create_app
from webapp.site_pages import crawl

BASE = "https://anatomy.school.example"


def app_with(blueprint: Blueprint):
    app = create_app({"PUBLIC_BASE_URL": BASE})
    app.register_blueprint(blueprint)
    return app


def test_a_new_route_and_the_pages_it_links_to_are_found():
    extra = Blueprint("extra", __name__)

    @extra.get("/extra-map.xml")
    def sitemap() -> Response:
        loc = f"<url><loc>{BASE}{url_for('extra.card', slug='calves')}</loc></url>"
        return Response(f"<urlset>{loc}</urlset>", mimetype="application/xml")

    @extra.get("/cards/<slug>.png")
    def card(slug: str) -> Response:
        return Response(b"png", mimetype="image/png")

    site = crawl(app_with(extra))
    assert {"/extra-map.xml", "/cards/calves.png"} <= set(site.files)
    assert site.broken == ()


def test_every_muscle_and_phase_is_found_from_the_data(atlas):
    site = crawl(create_app({"PUBLIC_BASE_URL": BASE}))
    assert {f"/muscles/{m.slug}" for m in atlas.muscles} <= set(site.pages)
    assert {f"/stride/{p.slug}" for p in atlas.phases} <= set(site.pages)
    assert not [path for path in site.files if path.startswith(("/quiz", "/healthz"))]
    assert site.redirects["/muscles"] == "/"


def test_a_route_that_needs_a_query_string_is_left_out_not_broken():
    extra = Blueprint("extra", __name__)

    @extra.get("/oembed")
    def oembed() -> Response:
        if "url" not in request.args:
            abort(400)
        return Response("{}", mimetype="application/json")

    site = crawl(app_with(extra))
    assert "/oembed" not in site.files and site.broken == ()


@pytest.mark.parametrize("link", ["/muscles/elbow", f"{BASE}/nowhere"])
def test_a_link_that_leads_nowhere_is_reported_with_its_page(link):
    extra = Blueprint("extra", __name__)

    @extra.get("/links")
    def links() -> str:
        return f'<!doctype html><p><a href="{link}">x</a></p>'

    path = link.removeprefix(BASE)
    assert (path, "/links") in crawl(app_with(extra)).broken
