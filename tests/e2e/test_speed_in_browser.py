"""The speed view in Chromium: cold deep links, htmx swaps with the address following,
Back and Forward, the comparison, Play at the real stride time with the caption describing
the pose shown, reduced motion, no JavaScript, the keyboard, and the accessibility audit."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import real_content
from tests.e2e.helpers import document_was_kept, mark_document, run_until_playing
from webapp.prepared import SPEED_FRAME_PERCENTS

SPEEDS = real_content().atlas.speeds.measured
SLUGS = [m.speed.slug for m in SPEEDS]
TICK = 16  # the fake clock's animation frame

# What the page shows: the pose (every placed shape), its caption, and the live region.
SHOWN = """() => ({
  pose: [...document.querySelectorAll('#speed-figure [transform]')].map(e => e.getAttribute('transform')).join(' '),
  caption: document.querySelector('#speed-caption').textContent.trim(),
  status: document.querySelector('#play-status').textContent,
  spoken: [...document.querySelectorAll('#speed-figure, #speed-caption')]
    .filter(e => e.closest('[aria-live], [role="status"], [role="log"], [role="alert"]')).length,
})"""


def poses_by_caption(app, measured) -> dict[str, str]:
    """Each sampled pose of a speed, drawn by the server, under the caption that names it."""
    from webapp.pages.figures import speed_figure

    with app.test_request_context():
        figures = {p: ET.fromstring(str(speed_figure(measured, p))) for p in SPEED_FRAME_PERCENTS}
    poses = {
        f"{measured.speed.label} · {p}% of the stride": " ".join(
            e.get("transform") for e in svg.iter() if e.get("transform")
        )
        for p, svg in figures.items()
    }
    assert len(set(poses.values())) == len(SPEED_FRAME_PERCENTS)
    return poses


def near_thigh(page: Page) -> str:
    return page.locator("#speed-figure .limb--near path").first.get_attribute("transform")


@pytest.mark.parametrize("slug", SLUGS)
def test_each_speed_deep_link_loads_cold(page: Page, slug):
    page.goto(f"/speed/{slug}")
    expect(page.locator('.speed-picker a[aria-current="page"]')).to_have_attribute("href", f"/speed/{slug}")
    expect(page.locator("#speed-figure svg.runner")).to_have_count(1)
    expect(page.locator(".speed-chart svg")).to_have_count(1)


def test_choosing_speeds_swaps_the_stage_and_back_and_forward_follow(page: Page):
    page.goto("/speed/2-m-s")
    mark_document(page)
    slow = near_thigh(page)
    page.locator('.speed-picker a[href="/speed/5-m-s"]').click()
    expect(page).to_have_url(re.compile("/speed/5-m-s$"))
    expect(page.locator("#panel-heading")).to_have_text("Running at 5 m/s")
    assert near_thigh(page) != slow, "each speed draws its own pose"
    page.locator('.speed-picker a[href="/speed/3-m-s"]').click()
    expect(page.locator("#panel-heading")).to_have_text("Running at 3 m/s")
    assert document_was_kept(page), "choosing a speed reloaded the page instead of swapping it"
    page.go_back()
    expect(page).to_have_url(re.compile("/speed/5-m-s$"))
    expect(page.locator("#panel-heading")).to_have_text("Running at 5 m/s")
    page.go_back()
    expect(page.locator("#panel-heading")).to_have_text("Running at 2 m/s")
    page.go_forward()
    expect(page.locator("#panel-heading")).to_have_text("Running at 5 m/s")
    expect(page.locator("header.site-header")).to_have_count(1)


def test_a_muscle_on_the_figure_opens_its_panel_at_that_speed(page: Page):
    page.goto("/speed/4-m-s")
    page.locator('#speed-figure a[data-muscle="hamstrings"]:not([aria-hidden])').first.dispatch_event("click")
    expect(page).to_have_url(re.compile("/speed/4-m-s/hamstrings$"))
    expect(page.locator("#panel-heading")).to_have_text("Hamstrings")
    expect(page.locator("#speed-change-heading")).to_have_text("As you speed up")


def test_the_comparison_has_its_own_address_and_draws_two_runners(page: Page):
    page.goto("/speed/2-m-s")
    page.locator('.compare-links a[href="/speed/2-m-s/vs/5-m-s"]').click()
    expect(page).to_have_url(re.compile("/speed/2-m-s/vs/5-m-s$"))
    expect(page.locator("svg.runner--compare svg")).to_have_count(2)
    expect(page.locator("svg.runner--compare .ghost")).to_have_attribute("aria-hidden", "true")


def test_play_loops_the_stride_at_its_real_stride_time(page: Page):
    measured = SPEEDS[-1].speed
    stride_ms = measured.stride_time * 1000
    tick = 16  # the fake clock's animation frame
    page.clock.install(time=0)
    page.goto(f"/speed/{measured.slug}")
    page.clock.pause_at(60_000)  # from here time moves only when the test moves it
    play = page.locator("[data-play]")
    with page.expect_response(re.compile(rf"/speed/{measured.slug}/frames$")):
        play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    run_until_playing(page)
    captions = []
    for _ in range(round(2 * stride_ms / tick) + 2):
        page.clock.run_for(tick)
        captions.append(page.locator("#speed-caption").text_content())
    # Every sampled pose is shown, and over two strides at least one whole loop is timed.
    assert len(set(captions)) == 20, "every sampled pose is shown"
    zero = f"{measured.label} · 0% of the stride"
    starts = [i for i, c in enumerate(captions) if c == zero and (i == 0 or captions[i - 1] != zero)]
    loops = [(after - before) * tick for before, after in itertools.pairwise(starts)]
    assert len(loops) >= 1
    for loop_ms in loops:
        assert abs(loop_ms - stride_ms) <= 2 * tick, (
            f"one loop took {loop_ms} ms, the stride {stride_ms:.0f} ms"
        )
    play.click()
    expect(play).to_have_attribute("aria-pressed", "false")
    before = near_thigh(page)
    page.clock.run_for(2000)
    assert near_thigh(page) == before, "the figure kept moving after pause"


def test_with_reduced_motion_nothing_plays_on_its_own(open_page):
    page = open_page(reduced_motion="reduce")
    page.clock.install()
    page.goto("/speed")
    still = near_thigh(page)
    page.clock.run_for(3000)
    expect(page.locator("[data-play]")).to_have_attribute("aria-pressed", "false")
    assert near_thigh(page) == still
    expect(page.locator("#speed-caption")).to_have_text(re.compile("70% of the stride"))


def test_without_javascript_the_speed_links_still_navigate(open_page):
    page = open_page(java_script_enabled=False)
    page.goto("/speed/2-m-s")
    expect(page.locator("[data-play]")).to_be_hidden()
    page.locator('.speed-picker a[href="/speed/4-m-s"]').click()
    expect(page).to_have_url(re.compile("/speed/4-m-s$"))
    page.locator('.compare-links a[href="/speed/4-m-s/vs/5-m-s"]').click()
    expect(page.locator("#panel-heading")).to_have_text("4 m/s and 5 m/s")


def test_the_keyboard_reaches_and_opens_a_speed(page: Page):
    page.goto("/speed/2-m-s")
    link = page.locator('.speed-picker a[href="/speed/3-m-s"]')
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/speed/3-m-s$"))
    expect(page.locator("#panel-heading")).to_be_focused()


@pytest.mark.parametrize("path", ["/speed/4-m-s", "/speed/2-m-s/vs/5-m-s", "/speed/5-m-s/calves"])
def test_speed_pages_fit_a_phone_and_pass_the_audit(open_page, path):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(viewport={"width": 375, "height": 812})
    page.goto(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    assert overflow <= 0
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    ("path", "started_by"), [("/speed", "itself"), (f"/speed/{SLUGS[-1]}", "the button")]
)
def test_while_play_runs_the_caption_describes_the_pose_shown(page: Page, app, path, started_by):
    measured = SPEEDS[0] if started_by == "itself" else SPEEDS[-1]
    poses = poses_by_caption(app, measured)
    page.clock.install(time=0)
    frames = re.compile(rf"/speed/{measured.speed.slug}/frames$")
    play = page.locator("[data-play]")
    if started_by == "itself":
        with page.expect_response(frames):
            page.goto(path)
        page.clock.pause_at(60_000)
    else:
        page.goto(path)
        page.clock.pause_at(60_000)
        with page.expect_response(frames):
            play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    run_until_playing(page)
    captions = []
    for _ in range(round(1.1 * measured.speed.stride_time * 1000 / TICK)):
        page.clock.run_for(TICK)
        shown = page.evaluate(SHOWN)
        assert shown["pose"] == poses[shown["caption"]], (
            f"the figure is not the pose {shown['caption']!r} names"
        )
        assert shown["status"] == "" and shown["spoken"] == 0, "no frame is read out"
        captions.append(shown["caption"])
    assert set(captions) == set(poses), "one stride shows every pose"
    play.click()
    expect(page.locator("#play-status")).to_have_text(f"Paused at {captions[-1]}")


def test_with_reduced_motion_an_explicit_play_steps_through_the_poses_without_tweening(open_page, app):
    measured = SPEEDS[0]
    poses = poses_by_caption(app, measured)
    page = open_page(reduced_motion="reduce")
    page.clock.install(time=0)
    page.goto(f"/speed/{measured.speed.slug}")
    page.clock.pause_at(60_000)
    with page.expect_response(re.compile(rf"/speed/{measured.speed.slug}/frames$")):
        page.locator("[data-play]").click()
    run_until_playing(page)
    captions = set()
    for _ in range(round(1.1 * measured.speed.stride_time * 1000 / TICK)):
        page.clock.run_for(TICK)
        shown = page.evaluate(SHOWN)
        assert shown["pose"] == poses[shown["caption"]]
        captions.add(shown["caption"])
    assert captions == set(poses), "an explicit Play still shows every pose"
    tweened = page.evaluate(
        """[...document.querySelectorAll('#speed-figure *')]
             .filter(e => getComputedStyle(e).transitionDuration.split(',').some(d => parseFloat(d) > 0)
                       || getComputedStyle(e).animationName !== 'none').length"""
    )
    assert tweened == 0, "with reduced motion each pose replaces the last at once"
