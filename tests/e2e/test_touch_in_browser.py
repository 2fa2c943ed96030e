"""A finger's tap anywhere inside a drawn muscle opens that muscle, never a neighbour: real
touch taps (``page.touchscreen.tap``) on a 375×812 touch phone, on a small grid inside every
drawn muscle of every view's home pose and of one stride phase, plus a pen and a mouse.

The full grid (every view, pose, screen size and input) is ``python -m bench.touch``.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from harness.touch_grid import grid, show_figure, tap_all
from tests.conftest import real_content
from webapp.figure.runner import RegionLink, draw_figure

PHONE = {
    "viewport": {"width": 375, "height": 812},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
GRID = 3  # points per side of each muscle's box: the bench taps 10


def home_drawings() -> dict[str, tuple[str, set[str]]]:
    """Every view's home pose, linked as the home page links its muscles, and the muscles it
    draws."""
    content = real_content()
    links = [RegionLink(m.slug, m.name, f"/muscles/{m.slug}") for m in content.atlas.muscles]
    return {
        name: (
            str(draw_figure(view, content.pose(None), links, swap=True)),
            {link.slug for link in links if view.shows(link.slug)},
        )
        for name, view in content.figure.views.items()
    }


def wrong(taps) -> list[str]:
    return [
        f"{t.leg or 'trunk'} {t.slug} at ({t.x:.0f}, {t.y:.0f}) opened {t.opened}" for t in taps if t.wrong
    ]


@pytest.fixture(scope="module")
def phone(browser, base_url):
    """One touch phone for the whole module."""
    context = browser.new_context(base_url=base_url, service_workers="block", **PHONE)
    yield context.new_page()
    context.close()


def test_every_view_a_finger_tap_inside_each_drawn_muscle_opens_that_muscle(phone: Page):
    drawings = home_drawings()
    assert set(drawings) == set(real_content().figure.views)
    for view, (markup, drawn) in drawings.items():
        phone.goto("/")
        show_figure(phone, markup)
        points = grid(phone, GRID)
        assert {p["slug"] for p in points} == drawn, f"{view}: every drawn muscle is tapped"
        assert wrong(tap_all(phone, points)) == [], f"{view} view"


def test_in_stride_mode_a_finger_tap_inside_each_drawn_muscle_opens_that_muscle(phone: Page):
    phase = real_content().atlas.phases[2].slug
    phone.goto(f"/stride/{phase}")
    points = grid(phone, GRID)
    assert points
    assert wrong(tap_all(phone, points)) == []


def test_a_finger_tap_in_the_middle_of_the_calf_opens_the_calf_page(phone: Page):
    """The tap the issue started from, with the page answering for real."""
    phone.goto("/")
    calf = [p for p in grid(phone, 10) if p["slug"] == "calves" and p["leg"] == "near"]
    mx, my = sum(p["x"] for p in calf) / len(calf), sum(p["y"] for p in calf) / len(calf)
    middle = min(calf, key=lambda p: (p["x"] - mx) ** 2 + (p["y"] - my) ** 2)
    phone.touchscreen.tap(middle["x"], middle["y"])
    expect(phone.locator("#panel-heading")).to_have_text("Calves")
    expect(phone).to_have_url(re.compile(r"/muscles/calves$"))


@pytest.mark.parametrize("how", ["mouse", "pen"])
def test_a_mouse_and_a_pen_open_the_muscle_under_them(page: Page, how):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/")
    points = grid(page, GRID)
    assert wrong(tap_all(page, points, how)) == []
