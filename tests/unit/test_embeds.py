"""Embeds: only embed pages may be framed, by the sites the setting names; every other page
refuses. Muscle pages offer the code to copy, and oEmbed turns a pasted link into the embed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from webapp import create_app

PUBLIC = "https://anatomy.school.example"
EMBEDS = ["/embed/calves", "/embed/stride/toe-off", "/embed/stride/toe-off/calves"]
NOT_EMBEDS = [
    "/",
    "/muscles/calves",
    "/stride/toe-off",
    "/present/calves",
    "/embed/nobody",
    "/oembed",
    "/sitemap.xml",
]


def frame_ancestors(response) -> str:
    return re.search(r"frame-ancestors ([^;]+)", response.headers["Content-Security-Policy"]).group(1)


@pytest.fixture(scope="module")
def public_client():
    return create_app(testing=True, public_url=PUBLIC).test_client()


@pytest.fixture(scope="module")
def moodle_client():
    origins = "https://moodle.school.example https://*.instructure.com"
    return create_app(testing=True, public_url=PUBLIC, embed_origins=origins).test_client()


@pytest.mark.parametrize("url", EMBEDS)
def test_embed_pages_may_be_framed_by_any_site_by_default(public_client, url):
    response = public_client.get(url)
    assert response.status_code == 200
    assert frame_ancestors(response) == "*"
    assert "X-Frame-Options" not in response.headers
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]  # still strict


@pytest.mark.parametrize("url", EMBEDS)
def test_embed_pages_may_be_framed_only_by_the_sites_the_setting_names(moodle_client, url):
    response = moodle_client.get(url)
    assert frame_ancestors(response) == "https://moodle.school.example https://*.instructure.com"
    assert "X-Frame-Options" not in response.headers


@pytest.mark.parametrize("url", NOT_EMBEDS)
def test_every_other_page_refuses_to_be_framed(moodle_client, url):
    response = moodle_client.get(url)
    assert frame_ancestors(response) == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_an_embed_swapped_by_htmx_is_framable_too(public_client):
    response = public_client.get("/embed/quadriceps", headers={"HX-Request": "true", "HX-Target": "stage"})
    assert frame_ancestors(response) == "*" and "<html" not in response.get_data(as_text=True)


class Links(HTMLParser):
    """Every link in a page's main element, with its attributes, and whether it is inside the SVG."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: list[tuple[dict[str, str | None], bool]] = []
        self.svg = 0
        self.feed(html.split("<main", 1)[1])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.svg += tag == "svg"
        if tag == "a":
            self.links.append((dict(attrs), self.svg > 0))

    def handle_endtag(self, tag: str) -> None:
        self.svg -= tag == "svg"


@pytest.mark.parametrize("url", EMBEDS)
def test_an_embed_has_no_site_header_or_footer_and_every_link_either_stays_or_opens_a_new_tab(
    public_client, url
):
    html = public_client.get(url).get_data(as_text=True)
    assert 'class="site-header"' not in html and 'class="site-footer"' not in html
    assert '<meta name="robots" content="noindex">' in html
    for attributes, in_figure in Links(html).links:
        href = attributes.get("href") or ""
        if href.startswith("/embed/"):
            assert not in_figure or attributes.get("hx-get") == href  # swaps inside the frame
        else:
            assert href.startswith(PUBLIC + "/"), href
            assert attributes.get("target") == "_blank" and attributes.get("rel") == "noopener", href


def test_an_embed_names_the_full_page_as_its_canonical_address(public_client):
    html = public_client.get("/embed/calves").get_data(as_text=True)
    assert f'<link rel="canonical" href="{PUBLIC}/muscles/calves">' in html


def test_each_muscle_page_offers_the_embed_code_to_copy(public_client, each_muscle):
    html = public_client.get(f"/muscles/{each_muscle.slug}").get_data(as_text=True)
    [code] = re.findall(r"<textarea[^>]*readonly[^>]*>([^<]*)</textarea>", html)
    assert f"&lt;iframe src=&#34;{PUBLIC}/embed/{each_muscle.slug}&#34;" in code
    assert re.search(
        rf'<button type="button" class="embed-code__copy" data-copy="embed-code-{each_muscle.slug}" hidden>',
        html,
    )


@pytest.mark.parametrize(
    ("page", "embed"),
    [
        ("/muscles/calves", "/embed/calves"),
        ("/stride/toe-off", "/embed/stride/toe-off"),
        ("/stride/toe-off/calves", "/embed/stride/toe-off/calves"),
        ("/embed/calves", "/embed/calves"),
        ("/back/muscles/calves", "/back/embed/calves"),
        ("/back-labelled/muscles/calves", "/back/embed/calves"),
        ("/front/stride/toe-off/calves", "/front/embed/stride/toe-off/calves"),
        ("/back/embed/calves", "/back/embed/calves"),
    ],
)
def test_oembed_answers_a_rich_embed_for_a_muscle_or_phase_page(public_client, page, embed):
    response = public_client.get("/oembed", query_string={"url": PUBLIC + page, "format": "json"})
    assert response.status_code == 200 and response.mimetype == "application/json"
    answer = response.get_json()
    assert answer["version"] == "1.0" and answer["type"] == "rich"
    assert answer["provider_name"] == "Stride Anatomy" and "Stride Anatomy" in answer["title"]
    assert (answer["width"], answer["height"]) == (720, 600)
    assert answer["html"].startswith(f'<iframe src="{PUBLIC}{embed}" width="720" height="600" title="')
    assert answer["thumbnail_url"].startswith(f"{PUBLIC}/preview/")


def test_an_embed_in_another_view_draws_that_view_and_offers_its_own_code(public_client):
    html = public_client.get("/back/muscles/calves").get_data(as_text=True)
    [code] = re.findall(r"<textarea[^>]*readonly[^>]*>([^<]*)</textarea>", html)
    assert f"&lt;iframe src=&#34;{PUBLIC}/back/embed/calves&#34;" in code
    embed = public_client.get("/back/embed/stride/toe-off").get_data(as_text=True)
    assert re.findall(r'<svg [^>]*class="runner[^"]*"[^>]*data-view="([\w-]+)"', embed) == ["back"]
    assert 'href="/back/embed/stride/toe-off/calves"' in embed
    assert public_client.get("/sideways/embed/calves").status_code == 404


def test_oembed_keeps_within_the_size_the_consumer_allows(public_client):
    answer = public_client.get(
        "/oembed", query_string={"url": f"{PUBLIC}/muscles/calves", "maxwidth": "500", "maxheight": "x"}
    ).get_json()
    assert (answer["width"], answer["height"]) == (500, 600)
    assert 'width="500" height="600"' in answer["html"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({}, 400),
        ({"url": "https://evil.example/muscles/calves"}, 404),
        ({"url": "http://anatomy.school.example/muscles/calves"}, 404),
        ({"url": f"{PUBLIC}/muscles/nobody"}, 404),
        ({"url": f"{PUBLIC}/training"}, 404),
        ({"url": f"{PUBLIC}/muscles"}, 404),
        ({"url": "http://[::1"}, 404),
        ({"url": f"{PUBLIC}/muscles/calves", "format": "xml"}, 501),
    ],
)
def test_oembed_refuses_other_addresses_with_a_json_answer_never_a_500(public_client, query, status):
    response = public_client.get("/oembed", query_string=query)
    assert response.status_code == status
    assert response.get_json()["error"]


@pytest.mark.parametrize("page", ["/muscles/calves", "/stride/toe-off", "/stride/toe-off/calves"])
def test_muscle_and_phase_pages_point_oembed_consumers_at_their_answer(public_client, page):
    html = public_client.get(page).get_data(as_text=True)
    [href] = re.findall(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html)
    answer = public_client.get(href.replace("&amp;", "&").removeprefix(PUBLIC))
    assert answer.status_code == 200 and answer.get_json()["type"] == "rich"


@pytest.mark.parametrize("page", ["/", "/training", "/embed/calves"])
def test_other_pages_offer_no_oembed(public_client, page):
    assert "application/json+oembed" not in public_client.get(page).get_data(as_text=True)


def test_oembed_ignores_a_size_that_is_not_ascii_digits(public_client):
    url = f"{PUBLIC}/muscles/calves"
    response = public_client.get(f"/oembed?url={url}&maxwidth=%C2%B2")
    assert response.status_code == 200 and response.get_json()["width"] > 0
