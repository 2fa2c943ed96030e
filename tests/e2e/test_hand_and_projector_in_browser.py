"""The atlas in a hand and on a projector (issue 20): a tap on the runner's pane never moves
the page, a keyboard lands on the new heading, Back returns to where the reader was, the first
phone screen explains itself, the quiz question and the tour's words come first on a phone, the
sticky runner pane fits laptop and projector screens, a long page has a contents bar, and
footnote and glossary markers are big enough to tap."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import real_content
from tests.e2e.helpers import _FIND_POINT, document_was_kept, mark_document

PHONE = {
    "viewport": {"width": 375, "height": 812},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
LAPTOPS_AND_PROJECTORS = [(1024, 768), (1280, 800), (1366, 768), (1440, 900)]
FIRST_SCREEN = 650  # CSS px a phone shows before any browser bar or keyboard takes its share
CONTENT = real_content()
NAMES = {m.slug: m.name for m in CONTENT.atlas.muscles}
TOUR = CONTENT.atlas.tour("one-stride")


@pytest.fixture
def phone(open_page) -> Page:
    return open_page(**PHONE)


def finger_tap(page: Page, selector: str) -> None:
    """Tap the middle of an element with a finger; the element must already be on screen."""
    box = page.locator(selector).first.bounding_box()
    assert box, selector
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def tap_muscle_on_runner(page: Page, slug: str) -> None:
    point = page.evaluate(_FIND_POINT, slug)
    assert point, f"no point on the runner opens {slug}"
    page.touchscreen.tap(point["x"], point["y"])


def scroll_to(page: Page, selector: str) -> float:
    """Bring an element to the middle of the screen, as a reader scrolling to it would; the new
    scroll position."""
    page.locator(selector).first.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(50)
    return page.evaluate("scrollY")


def in_view(page: Page, selector: str) -> bool:
    return page.locator(selector).first.evaluate(
        "e => { const b = e.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight && b.height > 0; }"
    )


def top_of(page: Page, selector: str) -> float:
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top + scrollY")


def bottom_of(page: Page, selector: str) -> float:
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().bottom + scrollY")


def settled_scroll(page: Page, expected: float, seconds: float = 5) -> float:
    """The scroll position once it reaches ``expected`` or ``seconds`` have passed (a history
    swap is fetched, so the position is put back a moment after the address changes)."""
    for _ in range(int(seconds * 10)):
        y = page.evaluate("scrollY")
        if abs(y - expected) <= 1:
            break
        page.wait_for_timeout(100)
    return y


# --- 1. No jumps ------------------------------------------------------------------------------

# (what the reader taps, where it is, the address it opens, what the page then says and reads out)
# fmt: off
TAPS = [
    ("Front view", "/muscles/calves", '.figure-controls a[data-announce-as="Front view"]', "/front/muscles/calves", "Front view: Calves"),
    ("Show names", "/muscles/calves", ".names-toggle", "/labelled/muscles/calves", "Names shown: Calves"),
    ("a muscle chip", "/muscles/calves", '.muscle-list a[data-muscle="glutes"]', "/muscles/glutes", NAMES["glutes"]),
    ("a stride step", "/stride", '.phase-steps a[data-phase="toe-off"]', "/stride/toe-off", None),
]
# fmt: on


@pytest.mark.parametrize(("what", "start", "selector", "opens", "says"), TAPS, ids=[t[0] for t in TAPS])
def test_a_tap_on_the_runners_pane_leaves_the_page_where_it_was(
    phone: Page, what, start, selector, opens, says
):
    phone.goto(start)
    mark_document(phone)
    before = scroll_to(phone, selector)
    finger_tap(phone, selector)
    expect(phone).to_have_url(re.compile(f"{re.escape(opens)}$"))
    phone.wait_for_timeout(150)
    assert phone.evaluate("scrollY") == pytest.approx(before, abs=1), f"{what} moved the page"
    assert document_was_kept(phone), f"{what} reloaded the page instead of swapping in place"
    if says:
        expect(phone.locator("[data-announce]")).to_have_text(says)


@pytest.mark.parametrize("path", ["/muscles/calves", "/stride/loading/calves"])
def test_a_tapped_muscle_is_named_at_the_top_of_the_screen_and_read_out(phone: Page, path):
    phone.goto(path)
    # The reader has scrolled the runner to fill the screen: the bar above it has stuck at the top.
    phone.locator("svg.runner").evaluate("svg => svg.scrollIntoView({block: 'start'})")
    before = phone.evaluate("scrollY")
    tap_muscle_on_runner(phone, "hamstrings")
    expect(phone).to_have_url(re.compile(path.replace("calves", "hamstrings") + "$"))
    expect(phone.locator("#name-bar")).to_contain_text(NAMES["hamstrings"])
    assert phone.evaluate("scrollY") == pytest.approx(before, abs=1), "the figure tap moved the page"
    bar = phone.locator("#name-bar").bounding_box()
    assert bar and bar["y"] == pytest.approx(0, abs=1), "the name bar is not at the top of the screen"
    expect(phone.locator("[data-announce]")).to_have_text(NAMES["hamstrings"])
    expect(phone.locator("#panel-heading")).not_to_be_focused()


def test_from_the_front_page_a_tap_keeps_the_runner_on_screen_and_names_the_muscle(phone: Page):
    phone.goto("/")
    before = scroll_to(phone, '.muscle-list a[data-muscle="core"]')
    finger_tap(phone, '.muscle-list a[data-muscle="core"]')
    expect(phone.locator("#panel-heading")).to_have_text(NAMES["core"])
    expect(phone.locator("#stage-lead")).to_be_hidden()
    expect(phone.locator("h1")).to_have_count(1)
    assert phone.evaluate("scrollY") == pytest.approx(before, abs=1)
    expect(phone.locator("#name-bar")).to_contain_text(NAMES["core"])


@pytest.mark.parametrize("size", [PHONE["viewport"], {"width": 1280, "height": 800}], ids=["phone", "laptop"])
def test_enter_on_a_link_moves_focus_to_the_new_heading_and_shows_it(open_page, size):
    page = open_page(viewport=size)
    page.goto("/muscles/calves")
    page.evaluate("scrollTo(0, document.body.scrollHeight)")
    chip = page.locator('.muscle-list a[data-muscle="quadriceps"]')
    chip.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#panel-heading")).to_have_text(NAMES["quadriceps"])
    expect(page.locator("#panel-heading")).to_be_focused()
    assert in_view(page, "#panel-heading"), "the focused heading is off-screen"


def test_back_and_forward_return_to_where_the_reader_was(phone: Page):
    phone.goto("/muscles/calves")
    at_chips = scroll_to(phone, '.muscle-list a[data-muscle="glutes"]')
    finger_tap(phone, '.muscle-list a[data-muscle="glutes"]')
    expect(phone).to_have_url(re.compile("/muscles/glutes$"))
    reading = scroll_to(phone, "#exercises-heading")
    assert reading > at_chips + 200
    phone.go_back()
    expect(phone.locator("#panel-heading")).to_have_text(NAMES["calves"])
    assert settled_scroll(phone, at_chips) == pytest.approx(at_chips, abs=1), "Back lost the place"
    phone.go_forward()
    expect(phone.locator("#panel-heading")).to_have_text(NAMES["glutes"])
    assert settled_scroll(phone, reading) == pytest.approx(reading, abs=1), "Forward lost the place"


# --- 2. The first phone screen ------------------------------------------------------------------


def test_the_first_phone_screen_has_the_title_what_to_do_and_the_whole_runner(phone: Page):
    phone.goto("/")
    expect(phone.locator("h1")).to_have_text("What muscles does running work?")
    for part in ["h1", ".stage-lead__do"]:
        assert bottom_of(phone, part) <= FIRST_SCREEN, f"{part} ends below the first {FIRST_SCREEN} px"
    # The runner starts high and ends on the first screen, as large as that allows: most of it
    # within the first 650 px, all of it above the fold, its taps a median of 44 px square
    # (test_figure_targets.py measures them on this page).
    top, bottom = top_of(phone, "svg.runner"), bottom_of(phone, "svg.runner")
    assert bottom <= PHONE["viewport"]["height"], f"the runner ends below the first screen, at {bottom}"
    assert FIRST_SCREEN - top >= 0.75 * (bottom - top), f"the runner at {top}..{bottom} starts too low"
    assert top_of(phone, "h1") < top_of(phone, ".stage-lead__do") < top_of(phone, "svg.runner")
    expect(phone.locator(".stage-lead__do")).to_contain_text("Tap or click a muscle")


def test_the_phone_header_is_two_rows_with_the_pain_map_and_the_plan_in_view(phone: Page):
    phone.goto("/")
    rows = phone.evaluate(
        "new Set([...document.querySelectorAll('.site-header .brand, .site-nav a')]"
        ".filter(a => a.getBoundingClientRect().width > 0).map(a => Math.round(a.getBoundingClientRect().top / 20))).size"
    )
    assert rows <= 2, f"the header takes {rows} rows"
    for link in [phone.get_by_role("link", name="Where does it hurt?"), phone.locator("[data-plan-link]")]:
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["height"] >= 44, box
    finger_tap(phone, ".site-nav a[href='/pain']")
    expect(phone).to_have_url(re.compile("/pain$"))


# --- 3. Question first, step first ----------------------------------------------------------------


def test_on_a_phone_the_quiz_question_comes_before_the_runner(phone: Page):
    phone.goto("/quiz/4242/1")
    assert bottom_of(phone, ".quiz__prompt") < top_of(phone, "svg.runner")
    assert in_view(phone, ".quiz__prompt")


def test_on_a_phone_each_tour_step_shows_its_words_first_and_next_needs_no_scrolling(phone: Page):
    phone.goto(f"/tours/{TOUR.slug}/1")
    for number in range(2, len(TOUR.steps) + 1):
        assert bottom_of(phone, ".tour__script") < top_of(phone, "svg.runner")
        assert in_view(phone, 'a[rel="next"]'), f"Next is off-screen on step {number - 1}"
        finger_tap(phone, 'a[rel="next"]')
        expect(phone).to_have_url(re.compile(f"/tours/{TOUR.slug}/{number}$"))
        heading = phone.locator("#panel-heading").bounding_box()
        assert heading and heading["y"] < 812 / 4, f"step {number}'s heading is not at the top"
        assert in_view(phone, ".tour__script"), f"step {number}'s words need scrolling"


# --- 5. Panes that fit ---------------------------------------------------------------------------


STICKY_PANES = [
    "/",
    "/muscles/calves",
    "/stride",
    "/speed/3-m-s",
    "/speed/3-m-s/calves",
    "/tours/one-stride/2",
]


@pytest.mark.parametrize("size", LAPTOPS_AND_PROJECTORS, ids=[f"{w}x{h}" for w, h in LAPTOPS_AND_PROJECTORS])
def test_the_sticky_runner_pane_fits_the_screen(open_page, size):
    width, height = size
    page = open_page(viewport={"width": width, "height": height})
    for path in STICKY_PANES:
        page.goto(path)
        # Reading the panel, with the pane stuck to the top (the page's end may later push it up).
        page.evaluate("scrollTo(0, document.querySelector('.stage').offsetTop + 300)")
        pane = page.locator(".figure-pane").bounding_box()
        # A pane lets go only where its stage ends (a short tour step has nothing more beside it).
        stage_ends = page.evaluate("document.querySelector('.stage').getBoundingClientRect().bottom")
        assert pane and pane["height"] <= height - 16, f"{path}: pane {pane} on {size}"
        assert pane["y"] >= 0 or stage_ends <= height, f"{path}: the pane left while its stage went on"
        assert pane["y"] + pane["height"] <= height, f"{path}: pane {pane} on {size}"
        last = page.locator(".figure-pane > :last-child").bounding_box()
        assert last and last["y"] + last["height"] <= height, (
            f"{path}: the pane's last line is below the screen"
        )
        runner = page.locator(".figure-pane svg.runner").bounding_box()
        assert runner and runner["height"] >= 12 * 16 - 20, f"{path}: the runner shrank to nothing"


# --- 10. Long pages -------------------------------------------------------------------------------


def test_a_muscle_page_has_a_contents_bar_that_stays_at_the_top_on_a_phone(phone: Page):
    phone.goto("/muscles/calves")
    sections = phone.evaluate(
        "[...document.querySelectorAll('#panel .panel__section > h2[id]')].map(h => '#' + h.id)"
        ".filter(id => !['#related-heading', '#embed-heading'].includes(id))"
    )
    links = phone.locator(".contents-bar a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links == ["#panel-heading", *sections]
    scroll_to(phone, "#exercises-heading")
    bar = phone.locator(".contents-bar").bounding_box()
    assert bar and bar["y"] == pytest.approx(0, abs=1), "the contents bar does not stay at the top"
    phone.locator('.contents-bar a[href="#sources-heading"]').scroll_into_view_if_needed()
    finger_tap(phone, '.contents-bar a[href="#sources-heading"]')
    phone.wait_for_timeout(200)
    heading = phone.locator("#sources-heading").bounding_box()
    bar = phone.locator(".contents-bar").bounding_box()
    assert heading and bar and bar["y"] + bar["height"] <= heading["y"] < 812 / 3, (
        "Sources is hidden or far down"
    )


@pytest.mark.parametrize("path", ["/muscles/calves", "/muscles/glute-medius"])
def test_footnote_and_glossary_markers_are_at_least_24_px_square(open_page, path):
    page = open_page(**PHONE)
    page.goto(path)
    sizes = page.locator(".cite a, a.term").evaluate_all(
        "links => links.map(a => { const b = a.getBoundingClientRect(); return [a.textContent, b.width, b.height]; })"
    )
    assert sizes, "no markers on the page"
    small = [(text, round(w), round(h)) for text, w, h in sizes if w < 24 or h < 24]
    assert small == [], f"markers smaller than 24 x 24 px: {small[:5]}"


# --- Accessibility stays clean --------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/muscles/calves", "/quiz/4242/1", "/stride"])
def test_the_phone_layout_passes_the_audit(open_page, path):
    page = open_page(**PHONE)
    page.goto(path)
    if path == "/muscles/calves":
        # A muscle's page shows its runner at full size, so the chips are a scroll away.
        page.locator('.muscle-list a[data-muscle="glutes"]').scroll_into_view_if_needed()
        finger_tap(page, '.muscle-list a[data-muscle="glutes"]')
        expect(page.locator("#panel-heading")).to_have_text(NAMES["glutes"])
    # At the top of the page: scrolled, the sticky name and contents bars pass over the chips,
    # which axe reports as targets too small while they are covered.
    page.evaluate("scrollTo(0, 0)")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", [*(f"/tours/{t.slug}/1" for t in CONTENT.atlas.tours), "/stride"])
def test_on_a_phone_the_view_switch_fits_its_row(open_page, path):
    phone = open_page(**PHONE)
    phone.goto(path)
    widths = phone.locator(".view-controls .segmented").evaluate_all(
        "all => all.map(e => [e.scrollWidth, e.clientWidth, Math.round(e.getBoundingClientRect().right)])"
    )
    assert widths and all(scroll <= client and right <= 375 for scroll, client, right in widths), widths


# Every word in `selector` that the browser split over two lines.
SPLIT_WORDS = """(selector) => {
  const split = [];
  for (const table of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) split.push(match[0]);
      }
    }
  }
  return split;
}"""
BUILT_UP = sorted({m.slug for m in CONTENT.atlas.muscles for e in m.exercises if e.build_up})


def test_on_a_phone_no_word_in_a_week_by_week_table_is_split(phone: Page):
    assert BUILT_UP
    for slug in BUILT_UP:
        phone.goto(f"/muscles/{slug}")
        assert phone.evaluate(SPLIT_WORDS, "table.build-up") == [], slug


def test_with_names_shown_a_tap_moves_the_filled_number_to_the_new_muscle(phone: Page):
    phone.goto("/labelled/muscles/calves")
    badge = '#stage .figure .badge[data-muscle="{}"]'
    expect(phone.locator(badge.format("calves"))).to_have_class(re.compile("badge--current"))
    phone.locator('#stage .muscle-list a[data-muscle="glutes"]').scroll_into_view_if_needed()
    finger_tap(phone, '#stage .muscle-list a[data-muscle="glutes"]')
    expect(phone.locator("#panel-heading")).to_have_text(NAMES["glutes"])
    expect(phone.locator(badge.format("glutes"))).to_have_class(re.compile("badge--current"))
    assert phone.locator("#stage .figure .badge.badge--current").count() == 1
