"""Presenter slides for the pain map's places: one slide per place, in the list's order, each
with the emergency line first, the signs that cannot wait and the problems common there (most
common first); the keys a clicker sends; a QR code that opens the place's own page; the figure's
circles lead to other slides; bad addresses get the friendly 404."""

from __future__ import annotations

import re

import pytest

from tests.unit.test_classroom import qr_path
from tests.unit.test_pain_content import DIAGNOSIS
from webapp.pages.page_list import page_list


def slide(client, slug: str, view: str = "") -> str:
    response = client.get(f"/present/pain/{slug}{'/' + view if view else ''}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_each_place_has_a_slide_with_the_emergency_line_before_anything_else(client, atlas, each_spot):
    html = slide(client, each_spot.slug)
    assert 'class="presenting"' in html and f">{each_spot.name}</h1>" in html
    points = html.split('class="presenter__points"', 1)[1]
    assert points.index("Call 999 / 112 / 911 now") < points.index('class="presenter__keypoints"')
    first = [f for f in atlas.flags_named(each_spot.red_flags) if f.tier in ("emergency", "same-day")]
    line = points.split('class="presenter__emergency"', 1)[1].split("</p>", 1)[0]
    for flag in first:
        # An emergency sign is named in the emergency line (with its tier in words); the rest
        # are listed under it, in one sentence (a capital only on the first).
        in_a_sentence = flag.title[:1].lower() + flag.title[1:]
        assert (
            flag.title.lower() in line
            if flag.tier == "emergency"
            else (flag.title in points or in_a_sentence in points)
        )
    problems = [p.name for p in atlas.pain.problems_at(each_spot)]
    if problems:
        assert "Common here, most common in runners first" in points and "; ".join(problems) in points
    assert not DIAGNOSIS.search(re.sub(r"<[^>]+>", " ", points))


def test_the_slides_follow_the_list_and_answer_every_clicker_key(client, atlas):
    spots = atlas.pain.spots
    for index, spot in enumerate(spots):
        html = slide(client, spot.slug)
        keys = dict(re.findall(r'href="([^"]+)"[^>]*(?:data-key|rel)="(prev|next|qr|exit)"', html))
        by_key = {key: href for href, key in keys.items()}
        assert by_key["prev"] == f"/present/pain/{spots[index - 1].slug}"
        assert by_key["next"] == f"/present/pain/{spots[(index + 1) % len(spots)].slug}"
        assert by_key["qr"] == f"/present/pain/{spot.slug}/qr"
        assert by_key["exit"] == f"/pain/{spot.slug}"
        assert f'aria-current="page">{index + 1}</a>' in html


def test_a_slide_shows_the_place_marked_on_a_figure_whose_circles_lead_to_other_slides(client, atlas):
    for spot in atlas.pain.spots:
        html = slide(client, spot.slug)
        figure = html.split('class="presenter__runner presenter__places"', 1)[1].split("</section>", 1)[0]
        hrefs = set(re.findall(r'<a [^>]*href="([^"]+)"', figure))
        assert hrefs and all(h.startswith("/present/pain/") for h in hrefs)
        if spot.views:
            assert re.search(rf'aria-current="page"[^>]*data-spot="{spot.slug}"', figure), spot.slug


def test_the_qr_code_opens_the_places_own_page_and_escape_closes_it(client, each_spot):
    html = slide(client, each_spot.slug, "qr")
    address = f"http://127.0.0.1:5000/pain/{each_spot.slug}"
    # The code itself (the modules drawn for that address), not only its label.
    assert address in html and qr_path(address) in html
    assert f'href="/present/pain/{each_spot.slug}" data-key="qr"' in html


@pytest.mark.parametrize(
    "url", ["/present/pain/elbow", "/present/pain/calf/details", "/present/pain/calf/qr/x"]
)
def test_a_bad_slide_address_is_the_friendly_404(client, url):
    assert client.get(url).status_code == 404


def test_every_slide_is_a_listed_page(app, atlas):
    listed = {address.path for address in page_list(app)}
    for spot in atlas.pain.spots:
        assert {f"/present/pain/{spot.slug}", f"/present/pain/{spot.slug}/qr"} <= listed


def test_a_places_qr_screen_names_the_place_as_it_is_written(client, each_spot):
    # "Achilles tendon" keeps its capital: the place's name is quoted, not lower-cased.
    assert f"Scan to open “{each_spot.name}” on your phone" in slide(client, each_spot.slug, "qr")
