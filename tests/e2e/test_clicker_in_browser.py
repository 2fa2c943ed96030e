"""Clickers and keys in Chromium, at a 1024x768 projector and a 1920x1080 screen: tours, stride
mode and the speed view step on the arrows and Page Down / Page Up (what a presentation clicker
sends); the presenter's number keys reach every slide, G opens a go-to list with type-ahead,
Page Down reads through the Full panel before it moves on, a new slide takes focus without a
ring, S plays the speed slides, and the text is legible from the back of the room."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import real_content
from tests.e2e.helpers import run_until_playing

ATLAS = real_content().atlas
SLUGS = [m.slug for m in ATLAS.muscles]
PHASES = [p.slug for p in ATLAS.phases]
SPEEDS = [m.speed.slug for m in ATLAS.speeds.measured]
PLACES = [spot.slug for spot in ATLAS.pain.spots]
TOUR = ATLAS.tours[0]
SIZES = {"1024x768": {"width": 1024, "height": 768}, "1920x1080": {"width": 1920, "height": 1080}}

# Each stepping page: where it starts, and the addresses after →, Page Down, Page Up and ←.
STEPPERS = {
    "tour": [f"/tours/{TOUR.slug}/{n}" for n in (1, 2, 3, 2, 1)],
    "stride": [f"/stride/{PHASES[i]}" for i in (0, 1, 2, 1, 0)],
    "speed": [f"/speed/{SPEEDS[i]}" for i in (0, 1, 2, 1, 0)],
    "muscle at a phase": [f"/stride/{PHASES[i]}/calves" for i in (0, 1, 2, 1, 0)],
}
KEYS = ["ArrowRight", "PageDown", "PageUp", "ArrowLeft"]


@pytest.fixture(params=list(SIZES))
def screen(request, open_page) -> Page:
    """A page at a projector's size and at a large screen's."""
    return open_page(viewport=SIZES[request.param])


def at(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path) + "$")


def press_and_settle(page: Page, key: str) -> None:
    """Press ``key`` and wait for whatever it started (a swap, a page load) to finish."""
    page.keyboard.press(key)
    page.wait_for_load_state()


@pytest.mark.parametrize("kind", list(STEPPERS))
def test_tours_stride_and_speeds_step_on_the_arrows_and_the_page_keys(screen: Page, kind):
    page = screen
    addresses = STEPPERS[kind]
    page.goto(addresses[0])
    for key, address in zip(KEYS, addresses[1:], strict=True):
        press_and_settle(page, key)
        expect(page).to_have_url(at(address))
        # A tour step is a new page: its scripts (the clicker's keys) run by its load event. The
        # wait above can return for the old page, before the new one has even started.
        page.wait_for_load_state()
    heading = page.locator("#panel-heading")
    expect(heading).to_be_visible()


def test_keys_with_a_modifier_or_in_a_form_field_are_left_alone(page: Page):
    page.goto(f"/tours/{TOUR.slug}/2")
    for key in ["Control+ArrowRight", "Shift+PageDown", "Control+PageUp", "Meta+ArrowLeft"]:
        page.keyboard.press(key)
    # A field someone types in (a search box, say): its arrows move the caret, not the tour.
    page.evaluate("document.querySelector('.tour__nav').insertAdjacentHTML('beforeend', '<input id=typing>')")
    page.locator("#typing").fill("calf")
    page.locator("#typing").press("ArrowLeft")
    page.locator("#typing").press("PageDown")
    page.wait_for_timeout(300)
    expect(page).to_have_url(at(f"/tours/{TOUR.slug}/2"))


def test_the_last_tour_step_stays_put_on_next(page: Page):
    last = len(TOUR.steps)
    page.goto(f"/tours/{TOUR.slug}/{last}")
    page.keyboard.press("PageDown")
    page.wait_for_timeout(300)
    expect(page).to_have_url(at(f"/tours/{TOUR.slug}/{last}"))


def test_every_slide_has_a_number_key_even_past_nine(screen: Page):
    page = screen
    page.goto(f"/present/{SLUGS[0]}")
    last = str(len(SLUGS))
    assert len(last) == 2, "the data has more than nine muscles"
    for digit in last:
        page.keyboard.press(digit)
    expect(page).to_have_url(at(f"/present/{SLUGS[-1]}"))
    page.keyboard.press("9")  # no longer number starts with 9: it goes at once
    expect(page).to_have_url(at(f"/present/{SLUGS[8]}"))
    page.keyboard.press("1")  # 1 could begin 10 or 11: a pause settles it
    expect(page).to_have_url(at(f"/present/{SLUGS[0]}"))
    page.keyboard.press("1")
    page.keyboard.press("0")
    expect(page).to_have_url(at(f"/present/{SLUGS[9]}"))


def test_g_opens_a_go_to_list_filtered_as_you_type_and_enter_opens_the_match(screen: Page):
    page = screen
    page.goto(f"/present/{SLUGS[0]}")
    dialog = page.locator("dialog[data-goto]")
    expect(dialog).to_be_hidden()
    page.keyboard.press("g")
    expect(dialog).to_be_visible()
    expect(dialog.locator("input")).to_be_focused()
    expect(dialog.locator("li:visible")).to_have_count(len(SLUGS))
    target = ATLAS.muscle("hamstrings")
    page.keyboard.type(target.name[:3].lower())
    matching = [
        m.name
        for m in ATLAS.muscles
        if any(w.lower().startswith(target.name[:3].lower()) for w in m.name.split())
    ]
    expect(dialog.locator("li:visible a")).to_have_count(len(matching))
    page.keyboard.press("Enter")
    expect(page).to_have_url(at(f"/present/{target.slug}"))
    expect(dialog).to_be_hidden()

    page.keyboard.press("G")  # a number works too, and Escape closes without moving
    page.keyboard.type(str(len(SLUGS)))
    expect(dialog.locator("li:visible a")).to_have_text(
        [re.compile(rf"{len(SLUGS)}\s+{ATLAS.muscles[-1].name}")]
    )
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page).to_have_url(at(f"/present/{target.slug}"))

    page.keyboard.press("g")
    page.keyboard.type("zz")
    expect(dialog.locator("li:visible")).to_have_count(0)
    expect(dialog.locator("[data-goto-none]")).to_be_visible()
    page.keyboard.press("Enter")  # nothing to open: the list stays
    expect(dialog).to_be_visible()


@pytest.mark.parametrize("size", list(SIZES))
def test_the_longest_go_to_list_keeps_its_field_and_close_on_the_screen(open_page, size):
    page = open_page(viewport=SIZES[size])
    page.goto(f"/present/pain/{PLACES[0]}")
    page.keyboard.press("g")
    dialog = page.locator("dialog[data-goto]")
    expect(dialog.locator("input")).to_be_focused()
    height = SIZES[size]["height"]
    for part in ("input", ".goto__close"):
        box = dialog.locator(part).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, f"{part} is off the screen"
    inside = dialog.bounding_box()
    close = dialog.locator(".goto__close").bounding_box()
    assert inside and close and close["y"] + close["height"] <= inside["y"] + inside["height"], (
        "Close is cut off"
    )


def test_the_speed_presenter_has_a_go_to_list_too(page: Page):
    page.goto(f"/present/speed/{SPEEDS[0]}")
    page.keyboard.press("g")
    expect(page.locator("dialog[data-goto] input")).to_be_focused()  # as a presenter sees it open
    page.keyboard.type(ATLAS.speeds.measured[-1].speed.word)
    page.keyboard.press("Enter")
    expect(page).to_have_url(at(f"/present/speed/{SPEEDS[-1]}"))


PANEL = """() => { const p = document.querySelector('[data-scroll-first]');
  return {top: Math.round(p.scrollTop), end: Math.round(p.scrollHeight - p.clientHeight)}; }"""


@pytest.mark.parametrize("size", list(SIZES))
def test_page_down_reads_through_the_full_panel_before_the_next_slide(open_page, size):
    page = open_page(viewport=SIZES[size], reduced_motion="reduce")  # scrolls without easing
    index = SLUGS.index("calves")
    page.goto("/present/calves/details")
    assert page.evaluate("document.documentElement.scrollHeight") <= SIZES[size]["height"], (
        "only the panel scrolls, not the page"
    )
    panel = page.evaluate(PANEL)
    assert panel["end"] > 0, "the full panel is longer than the screen"
    tops = [0]
    while tops[-1] < panel["end"]:
        page.keyboard.press("PageDown")
        page.wait_for_function(f"document.querySelector('[data-scroll-first]').scrollTop > {tops[-1]}")
        tops.append(page.evaluate(PANEL)["top"])
        expect(page).to_have_url(at("/present/calves/details"))
        assert len(tops) < 40
    assert len(tops) > 2, "each Page Down reads on by part of a screen, not all at once"
    page.keyboard.press("PageUp")  # back up a little, still on this slide
    page.wait_for_function(f"document.querySelector('[data-scroll-first]').scrollTop < {tops[-1]}")
    expect(page).to_have_url(at("/present/calves/details"))
    page.keyboard.press("PageDown")
    page.wait_for_function(f"document.querySelector('[data-scroll-first]').scrollTop >= {tops[-1] - 1}")
    page.keyboard.press("PageDown")  # at the end: on to the next slide
    expect(page).to_have_url(at(f"/present/{SLUGS[index + 1]}"))

    page.goto("/present/calves/details")
    page.locator("[data-scroll-first]").evaluate("p => p.scrollTop = 400")
    page.keyboard.press("PageUp")
    page.wait_for_function("document.querySelector('[data-scroll-first]').scrollTop < 400")
    expect(page).to_have_url(at("/present/calves/details"))
    page.locator("[data-scroll-first]").evaluate("p => p.scrollTop = 0")
    page.keyboard.press("PageUp")  # at the top: back to the previous slide
    expect(page).to_have_url(at(f"/present/{SLUGS[index - 1]}"))


FOCUS = """() => { const e = document.activeElement, s = getComputedStyle(e);
  return {slide: e.matches('[data-slide]'), tag: e.localName, cls: e.className,
          ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; }"""


@pytest.mark.parametrize(
    "path", [f"/present/{SLUGS[0]}", f"/present/{SLUGS[0]}/details", f"/present/speed/{SPEEDS[0]}"]
)
def test_a_new_slide_takes_focus_without_a_ring_and_the_controls_keep_theirs(open_page, path):
    page = open_page(viewport=SIZES["1024x768"])
    page.goto(path)
    page.keyboard.press("ArrowRight")
    expect(page).not_to_have_url(at(path))
    page.wait_for_function("document.activeElement.matches('[data-slide]')")
    focus = page.evaluate(FOCUS)
    assert focus["slide"] and not focus["ring"], focus
    for _ in range(12):  # Tab on to a real control: its ring shows
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if "presenter__button" in focus["cls"]:
            break
    assert "presenter__button" in focus["cls"] and focus["ring"], focus


@pytest.mark.parametrize("reduced", [False, True])
def test_s_plays_the_speed_slide_and_every_pose_keeps_its_marks(open_page, reduced):
    page = open_page(viewport=SIZES["1024x768"], reduced_motion="reduce" if reduced else "no-preference")
    measured = ATLAS.speeds.measured[1]
    harder = sorted(m.slug for m in ATLAS.muscles if m.speed and m.speed.works_harder)
    page.clock.install(time=0)
    page.goto(f"/present/speed/{measured.speed.slug}")
    page.clock.pause_at(60_000)
    play = page.locator("[data-play]")
    expect(play).to_be_visible()
    with page.expect_response(re.compile(rf"/present/speed/{measured.speed.slug}/frames$")):
        page.keyboard.press("s")
    expect(play).to_have_attribute("aria-pressed", "true")
    run_until_playing(page)
    captions = set()
    for _ in range(40):
        page.clock.run_for(16)
        shown = page.evaluate(
            """() => ({caption: document.querySelector('#speed-caption').textContent.trim(),
                      status: document.querySelector('#play-status').textContent,
                      strong: [...new Set([...document.querySelectorAll('#speed-figure a.region--strong')]
                                .map(a => a.dataset.muscle))].sort()})"""
        )
        assert shown["status"] == "", "no frame is read out"
        assert shown["strong"] == harder, "the muscles that work harder stay marked while it runs"
        captions.add(shown["caption"])
    assert len({c for c in captions if re.fullmatch(rf"{measured.speed.label} · \d+% of the stride", c)}) >= 5
    page.keyboard.press("s")
    expect(play).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#play-status")).to_have_text(
        re.compile(rf"^Paused at {measured.speed.label} · \d+% of the stride$")
    )
    if reduced:
        tweened = page.evaluate(
            """[...document.querySelectorAll('#speed-figure *')]
                 .filter(e => getComputedStyle(e).transitionDuration.split(',').some(d => parseFloat(d) > 0)
                           || getComputedStyle(e).animationName !== 'none').length"""
        )
        assert tweened == 0


def test_the_speed_slide_names_the_muscles_that_work_harder(screen: Page):
    screen.goto(f"/present/speed/{SPEEDS[0]}")
    harder = [m.name for m in ATLAS.muscles if m.speed and m.speed.works_harder]
    expect(screen.locator(".presenter__harder")).to_contain_text(", ".join(harder))
    expect(screen.locator(".presenter__harder")).to_be_in_viewport(ratio=1)


# A slide's text on a 1024x768 projector: 2.3% of its height. A tour step is a page of the
# site, whose running text is sized for reading close to: 2.1% (16 px).
SLIDE_PX = 18

# Text that people read, on the slides and the tour steps (not footnote markers or labels on
# the figure, which are sized on their own).
LEGIBLE = """() => {
  const out = [];
  for (const e of document.querySelectorAll('main p, main li, main dd, main h1, main h2, main a, main span, main kbd')) {
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height || e.closest('svg, .visually-hidden, .cite, .presenter__details, dialog:not([open])')) continue;
    if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    out.push({text: e.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(e).fontSize),
              cut: r.bottom > innerHeight + 1 || r.right > innerWidth + 1 || r.left < -1});
  }
  return out;
}"""


@pytest.mark.parametrize(
    "path",
    [
        f"/present/{SLUGS[0]}",
        f"/present/{SLUGS[-1]}",
        "/present/calves/details",
        "/present/calves/qr",
        f"/present/speed/{SPEEDS[-1]}",
        f"/present/pain/{PLACES[0]}",
        f"/present/pain/{PLACES[-1]}",
        *(f"/tours/{t.slug}/1" for t in ATLAS.tours),
    ],
)
def test_slides_and_tours_are_legible_at_1024x768(open_page, path):
    page = open_page(viewport=SIZES["1024x768"])
    page.goto(path)
    texts = page.evaluate(LEGIBLE)
    least = SLIDE_PX if path.startswith("/present") else 0.021 * 768
    small = [t for t in texts if t["size"] < least]
    assert small == [], f"smaller than {least:.1f} px: {small}"
    if path.startswith("/present"):
        assert [t for t in texts if t["cut"]] == [], "a slide fits the screen"
        assert page.evaluate("document.documentElement.scrollHeight") <= 768
    if "/details" in path:
        # The Full panel's running text: its summary and the points of each section.
        sizes = page.locator(".presenter__details :is(.panel__summary, .points li)").evaluate_all(
            "all => all.map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        assert len(sizes) > 3 and min(sizes) >= 0.021 * 768, sizes


@pytest.mark.parametrize(
    "path", [f"/present/{SLUGS[0]}", f"/present/speed/{SPEEDS[0]}", f"/present/pain/{PLACES[0]}"]
)
def test_on_a_large_screen_the_presenters_controls_sit_in_one_row(open_page, path):
    page = open_page(viewport=SIZES["1920x1080"])
    page.goto(path)
    middles = page.locator(".presenter__bar > *").evaluate_all(
        "all => all.map(e => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); })"
    )
    assert len(middles) > 4 and max(middles) - min(middles) <= 4, f"the controls wrap: {middles}"
