"""The Share control on the server side: every page that has a public address of its own
carries one, and its link is that canonical public address (never the request's Host or a
forwarded header); the embed code waits behind "Embed on a website"."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from webapp import create_app
from webapp.pages.page_list import page_list

PUBLIC = "https://anatomy.school.example/atlas"
# Canonical pages with no Share control, and why: the presenter shares by its QR code on the
# projector, and a plan lives in its own address (the plan page's link and QR code carry it).
NOT_SHARED = ("/present", "/plan")


def share_links(html: str) -> list[str]:
    return re.findall(
        r'<input class="share__link" id="share-link" type="text" readonly value="([^"]*)"', html
    )


@pytest.fixture(scope="module")
def public_app() -> Flask:
    return create_app(testing=True, public_url=PUBLIC)


def one_page_per_kind(app: Flask) -> list[str]:
    """The first canonical page of each route, from the page list (a new route is included)."""
    adapter = app.url_map.bind("localhost")
    first: dict[str, str] = {}
    for address in page_list(app):
        if address.canonical and address.is_page and not address.path.startswith(NOT_SHARED):
            first.setdefault(adapter.match(address.path)[0], address.path)
    return list(first.values())


def test_every_kind_of_page_with_an_address_of_its_own_has_share_with_that_address(public_app):
    client = public_app.test_client()
    kinds = one_page_per_kind(public_app)
    assert len(kinds) >= 10
    for path in kinds:
        html = client.get(path).get_data(as_text=True)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert share_links(html) == [canonical], path


def test_the_link_ignores_the_host_and_forwarded_headers(public_app):
    headers = {
        "X-Forwarded-Host": "evil.example",
        "X-Forwarded-Proto": "http",
        "Forwarded": "host=evil.example",
    }
    html = (
        public_app.test_client()
        .get("/muscles/calves?from=evil.example", headers=headers)
        .get_data(as_text=True)
    )
    assert share_links(html) == [f"{PUBLIC}/muscles/calves"] and "evil" not in html


def test_a_swapped_panel_brings_its_own_link(public_app):
    headers = {"HX-Request": "true", "HX-Target": "panel"}
    html = public_app.test_client().get("/muscles/hamstrings", headers=headers).get_data(as_text=True)
    assert share_links(html) == [f"{PUBLIC}/muscles/hamstrings"]


def test_pages_without_an_address_of_their_own_have_no_share(public_app):
    client = public_app.test_client()
    for path in ("/no-such-page", "/embed/calves"):
        assert share_links(client.get(path).get_data(as_text=True)) == [], path


def test_the_embed_code_is_tucked_away(public_app, each_muscle):
    html = public_app.test_client().get(f"/muscles/{each_muscle.slug}").get_data(as_text=True)
    tucked = re.search(
        r'<details class="[^"]*embed-code">\s*<summary[^>]*>Embed on a website</summary>(.*?)</details>',
        html,
        re.S,
    )
    assert tucked and "<textarea" in tucked.group(1)
