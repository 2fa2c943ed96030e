"""The pain map's figure: the standing runner from the front, back and side, and the magnified
foot, with a circle for every place a spot names in data. Each circle is a real link to the
spot's page in the same view, at least 24 CSS px across on a 375-px-wide phone, never
overlapping another place's circle; both legs open the same page, and no address says which
side. A data file naming a place that is not drawn is refused at start-up."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from tests.conftest import real_content
from webapp import create_app
from webapp.content.model import PAIN_MAP_VIEWS
from webapp.content.records import ContentError
from webapp.figure.places import discs, inset_scale, runner_scale, view_box
from webapp.pages.pain import DEFAULT_VIEW, FOOT_INSET

READY = real_content()
PAIN = READY.atlas.pain
POSE = READY.figure.still_poses["standing"]
DRAWN = sorted({view.view for spot in PAIN.spots for view in spot.views})


def scale_of(name: str) -> float:
    """CSS px per drawing unit of a view at its smallest (a 375-px-wide phone)."""
    if name in FOOT_INSET:
        return inset_scale([READY.places[v] for v in FOOT_INSET], READY.figure, POSE)
    return runner_scale(view_box(READY.places[name], READY.figure, POSE))


def map_address(view: str, slug: str | None = None) -> str:
    prefix = "/pain" if view == DEFAULT_VIEW else f"/pain/{view}"
    return f"{prefix}/{slug}" if slug else prefix


def places_in(html: str) -> list[str]:
    """Every drawn place link's opening tag, in the order of the page."""
    return re.findall(r'<a [^>]*class="place place--[^"]*"[^>]*>', html)


@pytest.mark.parametrize("name", DRAWN)
def test_every_circle_is_at_least_24_px_across_on_a_phone_and_none_overlaps_another_place(name):
    view = READY.places[name]
    scale = scale_of(name)
    found = discs(view, READY.figure, POSE, scale)
    assert found
    for disc in found:
        assert 2 * disc.radius * scale >= 24, f"{disc.anchor} is {2 * disc.radius * scale:.1f} px across"
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.anchor != b.anchor:
                gap = (math.dist(a.centre, b.centre) - a.radius - b.radius) * scale
                assert gap >= 0, f"{a.anchor} and {b.anchor} overlap by {-gap:.1f} px in the {name} view"


@pytest.mark.parametrize("view", PAIN_MAP_VIEWS)
def test_the_map_in_each_view_links_every_place_drawn_there_to_its_page_in_that_view(client, view):
    html = client.get(map_address(view)).get_data(as_text=True)
    tags = places_in(html)
    drawn_here = {spot.slug for spot in PAIN.spots for v in spot.views if v.view in (view, *FOOT_INSET)}
    linked = {re.search(r'data-spot="([^"]+)"', tag)[1] for tag in tags}
    assert linked == drawn_here
    for tag in tags:
        slug = re.search(r'data-spot="([^"]+)"', tag)[1]
        assert f'href="{map_address(view, slug)}"' in tag and f'hx-get="{map_address(view, slug)}"' in tag
        assert not re.search(r"left|right|near|far", re.search(r'href="([^"]+)"', tag)[1])


@pytest.mark.parametrize("view", PAIN_MAP_VIEWS)
def test_each_place_has_one_named_tab_stop_per_drawing_and_its_other_circles_are_the_same_link(client, view):
    html = client.get(map_address(view)).get_data(as_text=True)
    drawings = [part.split("</div>", 1)[0] for part in html.split('<div class="pain-figure')[1:]]
    assert len(drawings) == 2
    for drawing in drawings:
        by_spot: dict[str, list[str]] = {}
        for tag in places_in(drawing):
            by_spot.setdefault(re.search(r'data-spot="([^"]+)"', tag)[1], []).append(tag)
        for slug, tags in by_spot.items():
            named = [t for t in tags if "aria-label=" in t]
            assert len(named) == 1, slug
            assert all('aria-hidden="true"' in t and 'tabindex="-1"' in t for t in tags if t not in named)
            assert len({re.search(r'href="([^"]+)"', t)[1] for t in tags}) == 1


def test_a_place_on_both_legs_is_drawn_on_both_legs_as_one_link(client):
    html = client.get("/pain").get_data(as_text=True)
    runner = html.split('class="pain-figure__runner"', 1)[1].split("</svg>", 1)[0]
    both = [key for key, place in READY.places["front"].places.items() if place.legs == ("near", "far")]
    assert both
    for spot, anchor in PAIN.in_view("front"):
        if anchor in both:
            assert runner.count(f'href="/pain/{spot.slug}" hx-get') == 2, spot.slug


def test_an_open_place_is_marked_on_every_circle_that_draws_it(client):
    html = client.get("/pain/back/calf").get_data(as_text=True)
    calf = [t for t in places_in(html) if 'data-spot="calf"' in t]
    assert len(calf) >= 2 and all('aria-current="page"' in t for t in calf)
    assert not [t for t in places_in(html) if "aria-current" in t and 'data-spot="calf"' not in t]


@pytest.mark.parametrize("view", PAIN_MAP_VIEWS)
def test_the_view_switch_keeps_the_open_place_and_marks_the_view_shown(client, view):
    html = client.get(map_address(view, "outer-knee")).get_data(as_text=True)
    switch = html.split('class="pain-views"', 1)[1].split("</nav>", 1)[0]
    for other in PAIN_MAP_VIEWS:
        assert f'href="{map_address(other, "outer-knee")}"' in switch
    assert re.search(rf'href="{map_address(view, "outer-knee")}" aria-current="true"', switch)
    listing = html.split('id="pain-list-heading"', 1)[1]
    assert f'href="{map_address(view, "calf")}"' in listing


def test_each_state_has_one_address(client):
    assert client.get("/pain/front").status_code == 404
    assert client.get("/pain/front/calf").status_code == 404
    assert client.get("/pain/back/calf").status_code == 200
    assert client.get("/pain/back/problems/shin-splints").status_code == 404
    assert 'href="/pain/calf" aria-current="true"' not in client.get("/pain/side/calf").get_data(as_text=True)


def test_problem_pages_list_the_places_without_a_figure(client):
    html = client.get("/pain/problems/shin-splints").get_data(as_text=True)
    assert "pain-figure" not in html and 'id="pain-list-heading"' in html


def _break(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_spot_naming_a_place_that_is_not_drawn_is_refused_with_file_and_field(data_copy: Path):
    _break(data_copy, "pain/places.yaml", "      calf: {on: shank, legs: [near, far], at: [0, 36]}\n", "")
    with pytest.raises(ContentError) as error:
        create_app(testing=True, data_dir=data_copy)
    assert "spots.yaml" in str(error.value) and ".views[0].anchor" in str(error.value)
    assert "'calf' is not a place of the back view" in str(error.value)


def test_a_place_on_an_unknown_body_part_is_refused_with_file_and_field(data_copy: Path):
    _break(
        data_copy,
        "pain/places.yaml",
        "chest: {on: trunk, at: [0, -102]}",
        "chest: {on: elbow, at: [0, -102]}",
    )
    with pytest.raises(ContentError) as error:
        create_app(testing=True, data_dir=data_copy)
    assert "places.yaml: views.front.places.chest.on" in str(error.value)


def test_a_spot_whose_slug_is_part_of_the_map_addresses_is_refused(data_copy: Path):
    _break(data_copy, "pain/spots.yaml", "- slug: calf\n", "- slug: side\n")
    with pytest.raises(ContentError) as error:
        create_app(testing=True, data_dir=data_copy)
    assert "spots.yaml" in str(error.value) and "'side' is part of the map's addresses" in str(error.value)
