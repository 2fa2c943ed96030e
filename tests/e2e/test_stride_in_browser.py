"""Stride mode in Chromium: stepping, playing, pausing, reduced motion, deep links, history
and the stepper without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import real_content
from tests.e2e.helpers import document_was_kept, mark_document

PHASES = ["loading", "midstance", "toe-off", "initial-swing", "mid-swing", "terminal-swing"]


def figure_state(page: Page) -> tuple[str, frozenset[str]]:
    """The near thigh's drawn position and the set of muscles shown working hard."""
    return page.evaluate(
        """() => {
          const thigh = document.querySelector('#stride-figure .limb--near path').getAttribute('transform');
          const strong = [...document.querySelectorAll('#stride-figure a.region--strong:not([aria-hidden]):not(.region--adductors)')]
            .map(a => a.dataset.muscle).sort();
          return [thigh, strong];
        }"""
    )


def test_stepping_through_all_six_phases_changes_the_pose_and_the_working_muscles(page: Page, app):
    atlas = real_content().atlas
    page.goto("/stride/loading")
    mark_document(page)
    seen = []
    for index, phase in enumerate(PHASES):
        expect(page).to_have_url(re.compile(f"/stride/{phase}$"))
        expect(page.locator(f'.phase-steps a[data-phase="{phase}"]')).to_have_attribute(
            "aria-current", "step"
        )
        thigh, strong = figure_state(page)
        expected = sorted(
            m.slug for m in atlas.muscles if m.timing.intensities[phase] == "strong" and m.slug != "adductors"
        )
        assert strong == expected, phase
        seen.append(thigh)
        if index < len(PHASES) - 1:
            page.locator('a[data-step="next"]').click()
    assert len(set(seen)) == len(PHASES), "every phase draws its own pose"
    assert document_was_kept(page), "stepping reloaded the page instead of swapping it"
    page.locator('a[data-step="next"]').click()
    expect(page).to_have_url(re.compile("/stride/loading$"))


def test_choosing_a_phase_directly_and_going_back_and_forward(page: Page):
    page.goto("/stride/loading")
    page.locator('.phase-steps a[data-phase="mid-swing"]').click()
    expect(page).to_have_url(re.compile("/stride/mid-swing$"))
    page.locator('.phase-steps a[data-phase="toe-off"]').click()
    expect(page.locator("#panel-heading")).to_have_text("Propulsion and toe-off")
    page.go_back()
    expect(page).to_have_url(re.compile("/stride/mid-swing$"))
    expect(page.locator("#panel-heading")).to_have_text("Mid swing")
    page.go_back()
    expect(page.locator("#panel-heading")).to_have_text("Initial contact and loading")
    page.go_forward()
    expect(page.locator("#panel-heading")).to_have_text("Mid swing")
    expect(page.locator("header.site-header")).to_have_count(1)


@pytest.mark.parametrize("phase", PHASES)
def test_each_phase_deep_link_loads_cold(page: Page, phase):
    page.goto(f"/stride/{phase}")
    expect(page.locator(f'.phase-steps a[data-phase="{phase}"]')).to_have_attribute("aria-current", "step")
    expect(page.locator("#stride-figure svg.runner")).to_have_count(1)


def test_a_muscle_at_a_phase_opens_cold_and_keeps_the_muscle_while_stepping(page: Page):
    page.goto("/stride/toe-off/calves")
    expect(page.locator("#panel-heading")).to_have_text("Calves")
    expect(page.locator('#stride-figure a[data-muscle="calves"][aria-current="page"]').first).to_be_attached()
    page.locator('a[data-step="next"]').click()
    expect(page).to_have_url(re.compile("/stride/initial-swing/calves$"))
    expect(page.locator("#panel-heading")).to_have_text("Calves")


def test_clicking_a_chart_row_opens_that_muscle_at_the_phase(page: Page):
    page.goto("/stride/terminal-swing")
    page.locator('.activation-chart .chart__row[data-muscle="hamstrings"] a').click()
    expect(page).to_have_url(re.compile("/stride/terminal-swing/hamstrings$"))
    expect(page.locator("#panel-heading")).to_have_text("Hamstrings")


def test_play_advances_the_phases_and_pause_stops_on_the_phase_shown(page: Page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.clock.install()  # the test moves time itself: no waiting on real frames
    page.goto("/stride/loading")
    play = page.locator("[data-play]")
    expect(play).to_be_visible()
    with page.expect_response(re.compile(r"/stride/frames$")):
        play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    page.clock.run_for(2 * 1100 + 50)  # two frames on: landing -> midstance -> toe-off
    expect(page.locator("#stage")).to_have_attribute("data-showing", "toe-off")
    assert page.locator('.phase-steps a[aria-current="step"]').get_attribute("data-phase") == "toe-off"
    frame_requests = [u for u in requests if "/stride/frames" in u]
    phase_requests = [u for u in requests if re.search(r"/stride/(?!frames)[\w-]+$", u)]
    assert len(frame_requests) == 1, "the poses are fetched once, not per frame"
    assert len(phase_requests) == 1, "playing does not ask the server for each phase"
    play.click()
    expect(page).to_have_url(re.compile(r"/stride/toe-off$"))
    expect(page.locator("#panel-heading")).not_to_have_text("Initial contact and loading")
    expect(page.locator("[data-play]")).to_have_attribute("aria-pressed", "false")
    before = figure_state(page)
    page.clock.run_for(5 * 1100)
    assert figure_state(page) == before, "the figure kept moving after pause"
    assert page.url.endswith("/stride/toe-off")


def test_the_front_door_plays_on_its_own(page: Page):
    page.goto("/stride")
    expect(page.locator("[data-play]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#stage")).to_have_attribute("data-showing", re.compile(r"\w"), timeout=5000)


def test_with_reduced_motion_nothing_moves_on_its_own(open_page):
    page = open_page(reduced_motion="reduce")
    page.clock.install()
    page.goto("/stride")
    page.clock.run_for(5 * 1100)
    expect(page.locator("[data-play]")).to_have_attribute("aria-pressed", "false")
    assert page.locator("#stage").get_attribute("data-showing") is None
    expect(page.locator('.phase-steps a[aria-current="step"]')).to_have_attribute("data-phase", "loading")


def test_without_javascript_the_stepper_links_still_navigate(open_page):
    page = open_page(java_script_enabled=False)
    page.goto("/stride/loading")
    expect(page.locator("[data-play]")).to_be_hidden()
    page.locator('a[data-step="next"]').click()
    expect(page).to_have_url(re.compile("/stride/midstance$"))
    page.locator('.phase-steps a[data-phase="terminal-swing"]').click()
    expect(page.locator("#panel-heading")).to_have_text("Terminal swing")


@pytest.mark.parametrize("path", ["/stride/toe-off", "/stride/mid-swing/hamstrings"])
def test_stride_pages_fit_a_phone_and_pass_the_audit(open_page, path):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(viewport={"width": 375, "height": 812})
    page.goto(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    assert overflow <= 0
    assert results.violations_count == 0, results.generate_report()
