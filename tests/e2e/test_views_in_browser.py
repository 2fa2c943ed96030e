"""Every view in Chromium: on a phone, the hidden-muscle switch is one tap to a view that shows
the muscle; opening a muscle the view hides (a panel swap) brings the note with it; Play runs in
the back view, every frame seen from behind, and pausing leaves the back view's address."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import PHASE_MS, run_until_playing

PHONE = {"viewport": {"width": 375, "height": 812}, "has_touch": True, "is_mobile": True}


def tap(page: Page, selector: str) -> None:
    """A finger's tap at the middle of the element."""
    target = page.locator(selector)
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    assert box is not None, selector
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_tap_on_the_switch_shows_the_hidden_muscle_in_a_view_that_has_it(open_page):
    phone = open_page(**PHONE)
    phone.goto("/front/muscles/hamstrings")
    note = phone.locator(".view-switch")
    expect(note).to_contain_text("The front view does not show the hamstrings.")
    expect(phone.locator('svg.runner [data-muscle="hamstrings"]')).to_have_count(0)
    tap(phone, '.view-switch a:text("Show the back view")')
    expect(phone).to_have_url(re.compile(r"/back/muscles/hamstrings$"))
    expect(phone.locator("svg.runner")).to_have_attribute("data-view", "back")
    expect(phone.locator('svg.runner a[data-muscle="hamstrings"][aria-current]').first).to_be_attached()
    expect(phone.locator(".view-switch")).to_have_count(0)
    expect(phone.locator('#figure-controls a[aria-current="true"]')).to_have_text("Back view")


def test_opening_a_muscle_the_view_hides_brings_the_note_with_the_panel(page: Page):
    page.goto("/back/")
    page.locator('.muscle-list a[data-muscle="tibialis-anterior"]').click()
    expect(page).to_have_url(re.compile(r"/back/muscles/tibialis-anterior$"))
    expect(page.locator("#panel-heading")).to_have_text("Tibialis anterior")
    expect(page.locator(".view-switch")).to_contain_text("The back view does not show the tibialis anterior.")
    page.locator('.view-switch a:text("Show the front view")').click()
    expect(page).to_have_url(re.compile(r"/front/muscles/tibialis-anterior$"))
    expect(page.locator("svg.runner")).to_have_attribute("data-view", "front")


def test_play_runs_in_the_back_view(page: Page):
    page.clock.install(time=0)
    page.goto("/back/stride/loading")
    page.clock.pause_at(1000)  # from here time moves only when the test moves it
    play = page.locator("[data-play]")
    expect(play).to_be_visible()
    with page.expect_response(re.compile(r"/back/stride/frames$")):
        play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    run_until_playing(page)
    page.clock.run_for(PHASE_MS // 2)  # each step below lands mid-phase
    shown = set()
    for _ in range(3):
        page.clock.run_for(PHASE_MS)
        shown.add(page.locator("#stage").get_attribute("data-showing"))
        expect(page.locator("#stride-figure svg.runner")).to_have_attribute("data-view", "back")
        label = page.locator("#stride-figure svg.runner").get_attribute("aria-label") or ""
        assert label.endswith("Seen from behind: the runner's left is on your left.")
    assert len(shown) >= 2, "the frames moved on"
    play.click()
    expect(play).to_have_attribute("aria-pressed", "false")
    expect(page).to_have_url(re.compile(r"/back/stride/[\w-]+$"))
    assert not page.url.endswith("/frames")
    expect(page.locator('#view-controls a[aria-current="true"]')).to_have_text("Back view")
