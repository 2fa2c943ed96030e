"""Stride mode in Chromium: stepping, playing (with the text describing the pose shown),
pausing, reduced motion, deep links, history and the stepper without JavaScript."""

from __future__ import annotations

import itertools
import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import real_content
from tests.e2e.helpers import PHASE_MS, document_was_kept, mark_document, run_until_playing

PHASES = ["loading", "midstance", "toe-off", "initial-swing", "mid-swing", "terminal-swing"]
ATLAS = real_content().atlas

# Everything on the page that says which phase is shown, read in one go; and every element
# that changes while Play runs, to check that none is read out as it changes.
SHOWN = """() => {
  const text = (selector) => [...document.querySelectorAll(selector)].map(e => e.textContent.trim());
  const changing = ['#stride-figure', '#stride-caption', '#phase-group', '#panel-heading', '#phase-summary',
                    '#phase-work', '#phase-back', '.phase-steps', '.activation-chart', '.timing-chart']
    .flatMap(s => [...document.querySelectorAll(s)]);
  return {
    thigh: document.querySelector('#stride-figure .limb--near path').getAttribute('transform'),
    strongRegions: [...document.querySelectorAll('#stride-figure a.region--strong:not([aria-hidden]):not(.region--adductors)')]
      .map(a => a.dataset.muscle).sort(),
    caption: document.querySelector('#stride-caption').textContent.trim(),
    step: text('.phase-steps a[aria-current="step"]').length
      ? document.querySelector('.phase-steps a[aria-current="step"]').dataset.phase : null,
    columns: [...document.querySelectorAll('.chart__column.is-current')].map(g => g.dataset.phase),
    group: text('#phase-group')[0] ?? null,
    heading: text('#panel-heading')[0],
    summary: text('#phase-summary')[0] ?? null,
    workingHard: text('#phase-work .working__group--strong dd a'),
    back: text('#phase-back a')[0] ?? null,
    status: document.querySelector('#play-status').textContent,
    spoken: changing.filter(e => e.closest('[aria-live], [role="status"], [role="log"], [role="alert"]')).length,
  };
}"""


def phase_caption(phase) -> str:
    return f"{phase.short_name.capitalize()} · {phase.period}, {int(phase.start)}–{int(phase.end)}% of the stride"


def near_thighs(page: Page) -> dict[str, str]:
    """The near thigh's drawn position at each phase, read from each phase's own page."""
    thighs = {}
    for phase in PHASES:
        page.goto(f"/stride/{phase}")
        thighs[phase] = page.evaluate(SHOWN)["thigh"]
    assert len(set(thighs.values())) == len(PHASES)
    return thighs


def assert_text_describes_the_pose(shown: dict, thighs: dict[str, str], muscle: str | None) -> str:
    """Which phase the figure shows (by its pose), and that every word on the page agrees."""
    [slug] = [p for p, thigh in thighs.items() if thigh == shown["thigh"]]
    phase = ATLAS.phase(slug)
    strong = [m for m in ATLAS.muscles if m.timing.intensities[slug] == "strong"]
    assert shown["strongRegions"] == sorted(m.slug for m in strong if m.slug != "adductors")
    assert shown["caption"] == phase_caption(phase)
    assert shown["step"] == slug
    assert shown["columns"] == [slug], "the chart's outlined column is the phase shown"
    if muscle is None:
        index = PHASES.index(slug)
        assert shown["group"] == (
            f"Phase {index + 1} of {len(PHASES)} · {phase.period}, {int(phase.start)}–{int(phase.end)}% of the stride"
        )
        assert shown["heading"] == phase.name
        assert shown["summary"] == " ".join(phase.what_happens.split())
        assert shown["workingHard"] == [m.name for m in strong]
    else:
        assert shown["heading"] == ATLAS.muscle(muscle).name
        assert shown["back"] == f"Back to everything that happens at {phase.short_name}"
    assert shown["status"] == "", "the live region stays quiet while Play runs"
    assert shown["spoken"] == 0, "nothing that changes with each frame is a live region"
    return slug


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
    page.clock.install(time=0)
    page.goto("/stride/loading")
    page.clock.pause_at(1000)  # the test moves time itself: no waiting on real frames
    play = page.locator("[data-play]")
    expect(play).to_be_visible()
    with page.expect_response(re.compile(r"/stride/frames$")):
        play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    run_until_playing(page)
    page.clock.run_for(2 * PHASE_MS + PHASE_MS // 2)  # two frames on: landing -> midstance -> toe-off
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
    page.clock.run_for(5 * PHASE_MS)
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
    page.clock.run_for(5 * PHASE_MS)
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


@pytest.mark.parametrize(
    ("path", "started_by", "muscle"),
    [
        ("/stride", "itself", None),
        ("/stride/mid-swing", "the button", None),
        ("/stride/toe-off/calves", "the button", "calves"),
    ],
)
def test_while_play_runs_every_word_describes_the_pose_shown(page: Page, path, started_by, muscle):
    thighs = near_thighs(page)
    page.clock.install(time=0)
    page.clock.pause_at(1000)  # from here time moves only when the test moves it, a phase at a time
    frames = re.compile(r"/stride/frames")
    play = page.locator("[data-play]")
    page.goto(path)
    with page.expect_response(frames):
        page.clock.run_for(1)  # htmx sets the page up on its first timer
        if started_by == "the button":
            play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    run_until_playing(page)
    page.clock.run_for(PHASE_MS // 2)  # each step below lands mid-phase (the fake clock draws every 16 ms)
    shown = []
    for _ in range(len(PHASES)):
        page.clock.run_for(PHASE_MS)
        shown.append(assert_text_describes_the_pose(page.evaluate(SHOWN), thighs, muscle))
    assert set(shown) == set(PHASES), "one loop shows every phase"
    following = dict(itertools.pairwise([*PHASES, PHASES[0]]))
    assert all(b == following[a] for a, b in itertools.pairwise(shown)), f"in stride order: {shown}"
    play.click()
    page.clock.run_for(500)  # pausing lands on the phase shown: htmx swaps the stage in
    on_page = path.split("/")[2] if path.count("/") > 1 else PHASES[0]
    landed = path if shown[-1] == on_page else f"/stride/{shown[-1]}" + (f"/{muscle}" if muscle else "")
    expect(page).to_have_url(re.compile(f"{landed}$"))
    expect(page.locator("#play-status")).to_have_text(f"Paused at {ATLAS.phase(shown[-1]).name}")


def test_with_reduced_motion_an_explicit_play_or_s_steps_through_the_poses_without_tweening(open_page):
    page = open_page(reduced_motion="reduce")
    thighs = near_thighs(page)
    page.clock.install(time=0)
    page.clock.pause_at(1000)
    page.goto("/stride/loading")
    page.clock.run_for(3 * PHASE_MS)
    assert assert_text_describes_the_pose(page.evaluate(SHOWN), thighs, None) == "loading", (
        "nothing moved on its own"
    )
    with page.expect_response(re.compile(r"/stride/frames$")):
        page.locator("[data-play]").click()
    run_until_playing(page)
    page.clock.run_for(PHASE_MS // 2)  # each step below lands mid-phase (the fake clock draws every 16 ms)
    shown = []
    for _ in range(3):
        page.clock.run_for(PHASE_MS)
        shown.append(assert_text_describes_the_pose(page.evaluate(SHOWN), thighs, None))
        tweened = page.evaluate(
            """[...document.querySelectorAll('#stride-figure *, .activation-chart *, .phase-steps *')]
                 .filter(e => getComputedStyle(e).transitionDuration.split(',').some(d => parseFloat(d) > 0)
                           || getComputedStyle(e).animationName !== 'none').length"""
        )
        assert tweened == 0, "with reduced motion each pose replaces the last at once"
    assert shown == ["midstance", "toe-off", "initial-swing"]

    page.goto("/present/calves")  # the presenter's S key is an explicit Play too
    page.clock.run_for(1)
    expect(page.locator("[data-play]")).to_be_visible()
    with page.expect_response(re.compile(r"/stride/frames/calves$")):
        page.keyboard.press("s")
    run_until_playing(page)
    page.clock.run_for(PHASE_MS // 2)  # each step below lands mid-phase (the fake clock draws every 16 ms)
    captions = set()
    for _ in range(4):
        page.clock.run_for(PHASE_MS)
        captions.add(page.locator("#stride-caption").text_content())
    assert len(captions & {phase_caption(p) for p in ATLAS.phases}) == 4, captions
