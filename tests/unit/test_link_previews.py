"""A shared link describes its page: a description, a canonical address from the public base
URL (never the request's Host) and the Open Graph and Twitter card tags chat apps read."""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser

import pytest

from webapp import create_app

PUBLIC = "https://anatomy.school.example/atlas"


class Head(HTMLParser):
    """The ``<meta>`` and ``<link>`` tags of a page's head, by name, property or rel."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}
        self.feed(html.split("</head>", 1)[0])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and ("name" in found or "property" in found):
            self.tags[found.get("name") or found.get("property") or ""] = found.get("content") or ""
        if tag == "link" and found.get("rel") in {"canonical", "alternate"}:
            self.tags[f"link:{found['rel']}"] = found.get("href") or ""


@pytest.fixture(scope="module")
def public_client():
    """The app as deployed behind https://anatomy.school.example/atlas."""
    return create_app(testing=True, public_url=PUBLIC).test_client()


def head_of(client, url: str) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.get_data(as_text=True)).tags


def shortened(text: str) -> str:
    return textwrap.shorten(text, 200, placeholder="…")


def test_a_muscle_page_is_described_by_the_muscles_own_summary(public_client, each_muscle):
    tags = head_of(public_client, f"/muscles/{each_muscle.slug}")
    assert tags["description"] == tags["og:description"] == shortened(each_muscle.summary)
    assert tags["og:title"].startswith(each_muscle.name)
    assert tags["link:canonical"] == tags["og:url"] == f"{PUBLIC}/muscles/{each_muscle.slug}"


def test_a_phase_page_is_described_by_what_happens_in_it(public_client, each_phase):
    tags = head_of(public_client, f"/stride/{each_phase.slug}")
    assert tags["description"] == shortened(each_phase.what_happens)
    assert tags["link:canonical"] == f"{PUBLIC}/stride/{each_phase.slug}"


@pytest.mark.parametrize(
    "url", ["/", "/stride", "/training", "/soreness", "/glossary", "/tours", "/worksheet", "/quiz"]
)
def test_every_page_has_a_title_description_canonical_and_card_tags(public_client, url):
    tags = head_of(public_client, url)
    assert tags["og:title"] and tags["twitter:title"] == tags["og:title"]
    assert 40 <= len(tags["description"]) <= 200
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["link:canonical"].startswith(PUBLIC + "/")


def test_guides_are_described_by_their_own_words_not_the_sites(public_client):
    descriptions = {head_of(public_client, url)["description"] for url in ("/", "/training", "/soreness")}
    assert len(descriptions) == 3


def test_the_canonical_address_ignores_a_forged_host_and_the_query(public_client):
    tags = Head(
        public_client.get(
            "/muscles/calves?utm_source=chat",
            headers={"Host": "localhost", "X-Forwarded-Host": "evil.example"},
        ).get_data(as_text=True)
    ).tags
    assert tags["link:canonical"] == f"{PUBLIC}/muscles/calves"


def test_a_page_that_is_not_there_claims_no_canonical_address(public_client):
    response = public_client.get("/muscles/not-a-muscle")
    assert response.status_code == 404
    assert "link:canonical" not in Head(response.get_data(as_text=True)).tags
