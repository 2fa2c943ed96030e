"""The page cache has no holes: whatever htmx headers a request carries, the second request for
any cached address is answered from memory, and a fragment never stands in for a page."""

from __future__ import annotations

import pytest

from webapp import create_app
from webapp.pages.page_list import page_list

HTMX_HEADERS = [
    {"HX-Request": "true", "HX-Target": "stage"},
    {"HX-Request": "true", "HX-Target": "panel"},
    {"HX-Request": "true", "HX-History-Restore-Request": "true"},
    {"HX-Request": "true", "HX-Target": "stage", "HX-History-Restore-Request": "true"},
    {"HX-Request": "TRUE", "HX-Boosted": "true"},
    {},
]


@pytest.fixture(scope="module")
def counted_app():
    """A fresh app whose Flask side counts the requests that reach it (the page cache answers
    the others from memory)."""
    app = create_app(testing=True)
    cache = app.extensions["page_cache"]
    reached: list[str] = []
    inner = cache.inner

    def counting(environ, start_response):
        reached.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    cache.inner = counting
    app.extensions["reached"] = reached
    return app


def cached_addresses(app) -> list[str]:
    """One address of every cached endpoint (from the page list, so a new route is included)."""
    adapter = app.url_map.bind("localhost")
    chosen: dict[str, str] = {}
    for address in page_list(app):
        if address.needs_server or address.redirect or address.path.startswith("/static/"):
            continue
        endpoint, _ = adapter.match(address.path)
        if getattr(app.view_functions[endpoint], "cached_page", False):
            chosen.setdefault(endpoint, address.path)
    return sorted(chosen.values())


def test_every_kind_of_cached_address_is_checked(app):
    paths = cached_addresses(app)
    for expected in ["/", "/sw.js", "/sitemap.xml", "/preview/site.png", "/stride/frames"]:
        assert expected in paths
    assert any(path.startswith("/muscles/") for path in paths)


@pytest.mark.parametrize("headers", HTMX_HEADERS, ids=lambda h: "+".join(h) or "plain")
def test_the_second_request_with_any_htmx_headers_comes_from_memory(counted_app, headers):
    reached = counted_app.extensions["reached"]
    client = counted_app.test_client()
    for path in cached_addresses(counted_app):
        first = client.get(path, headers=headers)
        assert first.status_code == 200, path
        before = len(reached)
        second = client.get(path, headers=headers)
        assert len(reached) == before, f"{path} with {headers} reached Flask again"
        assert second.get_data() == first.get_data()


def test_a_fragment_never_answers_a_plain_request(counted_app):
    client = counted_app.test_client()
    fragment = client.get("/muscles/calves", headers={"HX-Request": "true", "HX-Target": "panel"})
    page = client.get("/muscles/calves")
    assert b"<!doctype html>" in page.get_data() and b"<!doctype html>" not in fragment.get_data()
    assert page.headers["Cache-Control"] == "public, no-cache"
    assert fragment.headers["Cache-Control"] == "private, no-cache"
