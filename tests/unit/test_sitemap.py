"""/sitemap.xml lists every permanent page by its public address, and nothing else;
/robots.txt points at it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from webapp import create_app

PUBLIC = "https://anatomy.school.example"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def public_client():
    return create_app(testing=True, public_url=PUBLIC).test_client()


@pytest.fixture(scope="module")
def listed(public_client) -> list[str]:
    response = public_client.get("/sitemap.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    return [loc.text or "" for loc in ET.fromstring(response.data).findall("s:url/s:loc", NS)]


def test_the_sitemap_lists_every_muscle_and_phase(listed, each_muscle, each_phase):
    assert f"{PUBLIC}/muscles/{each_muscle.slug}" in listed
    assert f"{PUBLIC}/stride/{each_phase.slug}" in listed
    assert f"{PUBLIC}/stride/{each_phase.slug}/{each_muscle.slug}" in listed
    assert f"{PUBLIC}/present/{each_muscle.slug}" in listed


def test_the_sitemap_lists_the_guides_tours_glossary_and_worksheet(listed, atlas):
    for path in ("/", "/stride", "/training", "/soreness", "/glossary", "/worksheet", "/tours", "/quiz"):
        assert PUBLIC + path in listed
    for tour in atlas.tours:
        assert f"{PUBLIC}/tours/{tour.slug}/{len(tour.steps)}" in listed


def test_every_address_is_public_absolute_and_listed_once(listed):
    assert all(url.startswith(PUBLIC + "/") for url in listed)
    assert len(set(listed)) == len(listed)
    assert not [url for url in listed if "#" in url or "?" in url or "/frames" in url]


def test_nothing_in_the_sitemap_is_missing_or_moved(public_client, listed, site_crawl):
    # The shared crawl already asked for every page it could reach; only the rest are asked here.
    answers = {
        url: 200
        if url.removeprefix(PUBLIC) in site_crawl.files
        else public_client.get(url.removeprefix(PUBLIC)).status_code
        for url in listed
    }
    assert {url: code for url, code in answers.items() if code != 200} == {}


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_off_fragments(public_client):
    response = public_client.get("/robots.txt")
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in lines
    assert "Disallow: /stride/frames" in lines
    assert {"Disallow: /back/stride/frames", "Disallow: /back/quiz/", "Disallow: /front/quiz/"} <= set(lines)
    assert "Disallow: /preview/" not in lines  # chat apps obey robots.txt when they fetch pictures
