"""Every URL answers browsers with a whole page, htmx swaps with a fragment, and history
restores with a whole page again; errors are friendly and nothing is reflected unescaped."""

from __future__ import annotations

import gzip
import re
from contextlib import contextmanager

import brotli
import pytest
from flask import template_rendered

from webapp import create_app
from webapp.pages.context import EXTENSION_KEY

HTMX = {"HX-Request": "true", "HX-Target": "stage"}
BOOSTED_BODY = {"HX-Request": "true"}  # a boosted link whose target is the whole body
HISTORY_RESTORE = {"HX-Request": "true", "HX-History-Restore-Request": "true"}


def is_full_page(html: str) -> bool:
    return html.lstrip().lower().startswith("<!doctype html>") and "<main" in html


def test_each_permanent_muscle_url_serves_a_full_page_with_the_region_marked(client, each_muscle):
    slug = each_muscle.slug
    url = f"/muscles/{slug}"
    response = client.get(url)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert is_full_page(html)
    marked = re.findall(r'<a [^>]*aria-current="page"[^>]*>', html)
    assert any(f'href="{url}"' in tag and f'data-muscle="{slug}"' in tag for tag in marked)
    assert 'id="panel-heading"' in html


@pytest.mark.parametrize("url", ["/", "/muscles/calves", "/stride/toe-off", "/stride/toe-off/calves"])
def test_an_htmx_swap_of_the_stage_gets_only_the_title_and_the_stage(client, url):
    response = client.get(url, headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert not is_full_page(html)
    assert html.lstrip().startswith("<title>")
    assert html.count('id="stage"') == 1 and "site-header" not in html and "site-footer" not in html


@pytest.mark.parametrize("headers", [HISTORY_RESTORE, BOOSTED_BODY], ids=["history-restore", "boosted-body"])
@pytest.mark.parametrize("url", ["/", "/muscles/calves"])
def test_other_htmx_requests_get_the_full_page_never_a_bare_fragment(client, url, headers):
    html = client.get(url, headers=headers).get_data(as_text=True)
    assert is_full_page(html)


@pytest.mark.parametrize("url", ["/", "/muscles/calves", "/muscles/no-such-muscle"])
def test_responses_that_differ_by_htmx_headers_say_so_in_vary(client, url):
    for headers in ({}, HTMX, HISTORY_RESTORE):
        vary = client.get(url, headers=headers).headers.get("Vary", "")
        assert {"HX-Request", "HX-Target", "HX-History-Restore-Request"} <= {
            v.strip() for v in vary.split(",")
        }


def test_the_page_title_names_the_muscle_in_page_and_fragment(client):
    assert "<title>Calves in running" in client.get("/muscles/calves").get_data(as_text=True)
    assert "<title>Calves in running" in client.get("/muscles/calves", headers=HTMX).get_data(as_text=True)


def test_an_unknown_muscle_gets_a_friendly_404_page_with_the_figure_and_every_muscle(client, app):
    response = client.get("/muscles/spleen")
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert is_full_page(html)
    assert 'class="runner"' in html
    for muscle in app.extensions[EXTENSION_KEY].atlas.muscles:
        assert f'href="/muscles/{muscle.slug}"' in html
    assert 'href="/"' in html


def test_an_unknown_muscle_requested_by_htmx_gets_a_404_fragment(client):
    response = client.get("/muscles/spleen", headers=HTMX)
    assert response.status_code == 404
    assert not is_full_page(response.get_data(as_text=True))


@pytest.mark.parametrize(
    "path",
    [
        "/muscles/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/muscles/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
        "/%3Csvg%20onload=alert(1)%3E",
        "/muscles/" + "a" * 5000,
        "/muscles/%00",
        "/muscles/..%2F..%2Fetc%2Fpasswd",
        "/muscles/glutes/",
    ],
)
def test_hostile_or_odd_addresses_get_an_escaped_404_never_a_500(client, path):
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert "Traceback" not in html


def test_a_slash_redirect_names_the_path_alone_never_the_query_it_was_sent(client):
    # Found by the fuzz (tests/unit/test_fuzz.py): Werkzeug's redirect repeated the query.
    response = client.get("/front-labelled?zqsent=zqvalue")
    assert response.status_code == 308 and response.headers["Location"] == "/front-labelled/"
    assert "zq" not in response.get_data(as_text=True)


def test_a_doubled_slash_is_a_friendly_404_not_a_redirect_repeating_the_address(client):
    # Found by the fuzz: merging the slashes redirected to /stride/<whatever was sent>.
    response = client.get("/stride//zqsegment?zqsent=1")
    assert response.status_code == 404 and "Location" not in response.headers
    assert "zq" not in response.get_data(as_text=True)


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_wrong_methods_get_405_with_allow(client, method):
    response = getattr(client, method)("/muscles/calves")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert "Not allowed" in response.get_data(as_text=True)


def test_muscles_without_a_slug_redirects_home(client):
    response = client.get("/muscles")
    assert response.status_code == 301 and response.headers["Location"].endswith("/")


@pytest.mark.parametrize("url", ["/", "/muscles/calves", "/muscles/spleen", "/static/app.css"])
def test_security_headers_are_on_every_response(client, url):
    headers = client.get(url).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("url", ["/", "/muscles/calves", "/muscles/spleen"])
def test_pages_carry_no_inline_script_and_no_hx_on(client, url):
    html = client.get(url).get_data(as_text=True)
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "hx-on" not in html and " onclick=" not in html
    assert "https://" not in "".join(re.findall(r"<(?:script|link)[^>]*>", html))


def test_htmx_is_vendored_and_pinned(client):
    html = client.get("/").get_data(as_text=True)
    [url] = re.findall(r'src="(/static/htmx-2\.0\.11\.min\.[0-9a-f]{8}\.js)"', html)
    assert client.get(url).status_code == 200


def test_a_crash_inside_a_view_is_a_friendly_500(app):
    # A throwaway app, so the shared one is not changed.
    broken = create_app(testing=False)

    @broken.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    response = broken.test_client().get("/boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong" in html and "RuntimeError" not in html


@contextmanager
def renders():
    """Count the templates rendered inside the block."""
    seen: list[str] = []

    def record(sender, template, context, **extra):
        seen.append(template.name)

    template_rendered.connect(record)
    try:
        yield seen
    finally:
        template_rendered.disconnect(record)


def test_a_page_is_rendered_once_and_then_served_from_memory():
    client = create_app(testing=True).test_client()  # an empty cache of its own
    with renders() as rendered:
        first = client.get("/muscles/heart")
        second = client.get("/muscles/heart")
        fragment = client.get("/muscles/heart", headers=HTMX)
    assert rendered.count("atlas.html") == 2  # once for the page, once for the fragment
    assert first.get_data() == second.get_data() != fragment.get_data()
    assert second.headers["Vary"] == first.headers["Vary"]
    assert "Content-Security-Policy" in second.headers


def test_errors_are_rendered_afresh_every_time(app):
    client = app.test_client()
    with renders() as rendered:
        client.get("/muscles/spleen")
        client.get("/muscles/spleen")
    assert rendered.count("atlas.html") == 2


@pytest.mark.parametrize(("coding", "decode"), [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_pages_are_compressed_when_the_browser_accepts_it(client, coding, decode):
    plain = client.get("/muscles/calves").get_data()
    packed = client.get("/muscles/calves", headers={"Accept-Encoding": f"{coding}, identity"})
    assert packed.headers["Content-Encoding"] == coding
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert decode(packed.get_data()) == plain
    assert len(packed.get_data()) < len(plain) / 3


@pytest.mark.parametrize("headers", [{}, {"Accept-Encoding": "gzip"}, HTMX], ids=["page", "gzip", "fragment"])
def test_a_page_the_browser_already_has_is_answered_304(client, headers):
    first = client.get("/stride/midstance", headers=headers)
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get("/stride/midstance", headers={**headers, "If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b"" and again.headers["ETag"] == etag


def test_page_page_gzip_and_fragment_each_have_their_own_etag(client):
    tags = {
        client.get("/muscles/calves", headers=headers).headers["ETag"]
        for headers in ({}, {"Accept-Encoding": "gzip"}, {"Accept-Encoding": "br"}, HTMX)
    }
    assert len(tags) == 4


def test_shared_caches_may_keep_pages_but_never_fragments(client):
    assert client.get("/muscles/calves").headers["Cache-Control"] == "public, no-cache"
    assert client.get("/muscles/calves", headers=HTMX).headers["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize("url", ["/muscles/calves", "/stride/toe-off/calves", "/stride/toe-off"])
def test_a_swap_of_the_panel_alone_gets_the_title_and_the_panel_without_the_figure(client, url):
    html = client.get(url, headers={"HX-Request": "true", "HX-Target": "panel"}).get_data(as_text=True)
    assert html.lstrip().startswith("<title>")
    assert html.count('id="panel"') == 1 and 'id="stage"' not in html and 'class="runner"' not in html
    full = client.get(url).get_data(as_text=True)
    assert len(html) < len(full) / 2


def test_a_query_string_neither_fills_the_cache_nor_forces_a_fresh_render(app):
    client = app.test_client()
    client.get("/muscles/adductors")
    with renders() as rendered:
        for n in range(5):
            assert client.get(f"/muscles/adductors?bust={n}").status_code == 200
    assert rendered == []


def test_htmx_headers_in_any_case_never_put_a_fragment_where_a_page_belongs():
    client = create_app(testing=True).test_client()  # an empty cache of its own
    client.get("/muscles/calves", headers={"HX-Request": "TRUE", "HX-Target": "stage"})
    assert is_full_page(client.get("/muscles/calves").get_data(as_text=True))
    client.get("/stride", headers={"HX-Request": "true", "HX-History-Restore-Request": "True"})
    assert not is_full_page(client.get("/stride", headers=HTMX).get_data(as_text=True))


@pytest.mark.parametrize(
    "url", ["/glossary", "/training", "/speed", "/present/calves", "/worksheet", "/embed/calves"]
)
def test_a_panel_swap_of_a_page_without_a_panel_gets_the_whole_page(client, url):
    response = client.get(url, headers={"HX-Request": "true", "HX-Target": "panel"})
    assert response.status_code == 200 and is_full_page(response.get_data(as_text=True))
    assert not any(name.startswith("X-Stride-Anatomy") for name, _ in response.headers.items())
