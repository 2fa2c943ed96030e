"""The figure: one real link per muscle region, with the right address and name."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import real_content
from webapp.figure.runner import RegionLink, draw_runner
from webapp.figure.shapes import MUSCLE_SHAPES

SVG = "{http://www.w3.org/2000/svg}"


class Figures:
    """The runner drawn as the atlas draws it: each muscle linking to /muscles/<slug>."""

    atlas = real_content().atlas

    def figure(self, selected: str | None, swap: bool = True) -> str:
        links = [RegionLink(m.slug, m.name, f"/muscles/{m.slug}") for m in self.atlas.muscles]
        return draw_runner(real_content().pose(None), links, selected=selected, swap=swap)


@pytest.fixture(scope="module")
def site():
    return Figures()


def regions(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(f".//{SVG}a")


def test_every_drawn_muscle_has_one_named_link_that_tab_reaches(site):
    links = [a for a in regions(site.figure(None)) if a.get("aria-hidden") != "true"]
    drawn = [m for m in site.atlas.muscles if m.slug in MUSCLE_SHAPES]
    assert sorted(a.get("data-muscle") for a in links) == sorted(m.slug for m in drawn)
    for muscle in drawn:
        link = next(a for a in links if a.get("data-muscle") == muscle.slug)
        assert link.get("href") == f"/muscles/{muscle.slug}"
        assert link.get("hx-get") == link.get("href")
        assert link.get("aria-label") == muscle.name
        assert link.find(f"{SVG}title").text == muscle.name
        assert link.get("tabindex") is None


def test_muscles_on_both_legs_are_clickable_on_both_but_tab_stops_once(site):
    far = [a for a in regions(site.figure(None)) if a.get("aria-hidden") == "true"]
    assert {a.get("data-muscle") for a in far} >= {"quadriceps", "hamstrings", "calves", "big-toe"}
    assert all(a.get("tabindex") == "-1" and a.get("href") for a in far)


def test_every_seed_muscle_is_drawn(site):
    for slug in ["glutes", "quadriceps", "hip-flexors", "hamstrings", "core", "calves", "big-toe", "heart"]:
        assert slug in MUSCLE_SHAPES


def test_the_selected_muscle_and_only_it_is_marked_current(site):
    svg = site.figure("calves")
    marked = {a.get("data-muscle") for a in regions(svg) if a.get("aria-current") == "page"}
    assert marked == {"calves"}
    assert not any(a.get("aria-current") for a in regions(site.figure(None)))


def test_the_interactive_figure_is_a_labelled_group_not_an_image(site):
    root = ET.fromstring(site.figure(None))
    assert root.get("role") == "group" and root.get("aria-label")
    assert 'role="img"' not in site.figure(None)


def test_links_use_plain_href_and_never_open_new_windows(site):
    svg = site.figure(None)
    assert "xlink:href" not in svg and "target=" not in svg


def test_links_carry_hx_get_only_when_the_page_swaps_them(site):
    assert all(a.get("hx-get") == a.get("href") for a in regions(site.figure(None, swap=True)))
    assert not any(a.get("hx-get") for a in regions(site.figure(None, swap=False)))


def test_the_figure_is_small(site):
    assert len(site.figure(None).encode()) < 30_000
    assert re.search(r'viewBox="[\d. ]+"', site.figure(None))
