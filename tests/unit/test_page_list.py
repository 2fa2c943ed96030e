"""The list of every address the site answers is worked out at start-up from the content and
the URL map, without rendering anything, and it is exactly what a visitor finds by following
every link."""

from __future__ import annotations

import time

import pytest
from flask import Blueprint, Response

from tests.conftest import EXPORT_BASE
from tests.site_crawl import crawl
from webapp import create_app
from webapp.pages.page_list import UnlistedRoute, list_pages, page_list


@pytest.fixture(scope="module")
def listed(app):
    return {address.path: address for address in page_list(app)}


def test_the_crawl_finds_exactly_the_listed_addresses(site_crawl, app):
    served = {a.path for a in page_list(app) if not a.needs_server and not a.redirect}
    redirects = {a.path for a in page_list(app) if a.redirect and not a.needs_server}
    assert set(site_crawl.files) == served
    assert set(site_crawl.redirects) == redirects


def test_no_link_on_the_site_leads_nowhere(site_crawl):
    assert site_crawl.broken == ()


def test_the_list_is_made_without_rendering_a_page(app):
    rendered = []
    from flask import template_rendered

    template_rendered.connect(lambda sender, template, **extra: rendered.append(template.name), app)
    started = time.perf_counter()
    list_pages(app)
    assert rendered == [] and time.perf_counter() - started < 0.5


def test_every_muscle_phase_speed_and_tour_step_is_listed_as_a_permanent_page(listed, atlas):
    canonical = {path for path, address in listed.items() if address.canonical}
    assert {f"/muscles/{m.slug}" for m in atlas.muscles} <= canonical
    assert {f"/stride/{p.slug}" for p in atlas.phases} <= canonical
    assert {f"/speed/{s.speed.slug}" for s in atlas.speeds.measured} <= canonical
    assert {f"/tours/{t.slug}/{n}" for t in atlas.tours for n in range(1, len(t.steps) + 1)} <= canonical


def test_figure_states_embeds_frames_and_pictures_are_variants(listed, atlas):
    slug = atlas.muscles[0].slug
    for path in [
        f"/front/muscles/{slug}",
        f"/embed/{slug}",
        f"/stride/frames/{slug}",
        f"/preview/muscles/{slug}.png",
    ]:
        assert path in listed and not listed[path].canonical, path


def test_what_needs_the_server_is_marked(listed):
    assert listed["/quiz"].needs_server and listed["/healthz"].needs_server
    assert listed["/muscles"].redirect and not listed["/muscles"].needs_server


def test_a_new_plain_route_is_listed_with_no_change_to_the_list():
    app = create_app(testing=True, public_url=EXPORT_BASE)
    extra = Blueprint("extra", __name__)
    extra.get("/extra-page")(lambda: "<!doctype html><p>hi</p>")
    app.register_blueprint(extra)
    assert "/extra-page" in {a.path for a in list_pages(app)}


def test_a_new_route_with_arguments_must_say_how_to_fill_them():
    app = create_app(testing=True, public_url=EXPORT_BASE)
    extra = Blueprint("extra", __name__)
    extra.get("/cards/<slug>.png")(lambda slug: Response(b"png", mimetype="image/png"))
    app.register_blueprint(extra)
    with pytest.raises(UnlistedRoute, match="extra"):
        list_pages(app)


@pytest.mark.parametrize("link", ["/muscles/elbow", f"{EXPORT_BASE}/nowhere"])
def test_the_crawl_reports_a_link_that_leads_nowhere_with_its_page(link):
    app = create_app(testing=True, public_url=EXPORT_BASE)
    extra = Blueprint("extra", __name__)
    extra.get("/links")(lambda: f'<!doctype html><p><a href="{link}">x</a></p>')
    app.register_blueprint(extra)
    assert (link.removeprefix(EXPORT_BASE), "/links") in crawl(app, ["/links"]).broken
