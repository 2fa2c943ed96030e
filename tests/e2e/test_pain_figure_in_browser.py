"""The pain map's figure in a real Chromium: in the front, back and side views and on the
magnified foot, every circle opens its place in place by a finger's tap on a phone (both legs'
circles alike), by a mouse click and from the keyboard; every circle is at least 24×24 px and
no two places' circles overlap, at 375×812 and on laptops and desktops; without JavaScript the
circles are plain links; the views pass an automated audit."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import real_content
from tests.e2e.helpers import document_was_kept, mark_document
from webapp.content.model import PAIN_MAP_VIEWS
from webapp.pages.pain import DEFAULT_VIEW, FOOT_INSET

PAIN = real_content().atlas.pain
NAMES = {spot.slug: spot.name for spot in PAIN.spots}
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
SCREENS = [(375, 812), (1024, 768), (1280, 800), (1920, 1080)]
CIRCLES = ".pain-figure a.place"


def map_address(view: str, slug: str | None = None) -> str:
    prefix = "/pain" if view == DEFAULT_VIEW else f"/pain/{view}"
    return f"{prefix}/{slug}" if slug else prefix


def drawn_in(view: str) -> list[str]:
    """Every spot the page in ``view`` draws: in the runner's view or on the foot."""
    return [spot.slug for spot in PAIN.spots if any(v.view in (view, *FOOT_INSET) for v in spot.views)]


def circle_centre(page: Page, index: int) -> tuple[float, float]:
    """The centre of the ``index``-th circle on the page, scrolled into view (CSS px)."""
    circle = page.locator(CIRCLES).nth(index)
    circle.scroll_into_view_if_needed()
    box = circle.locator(".place__disc").bounding_box()
    assert box
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def opened(page: Page, view: str, slug: str) -> None:
    """The place's page is shown, in the same view, with its heading focused."""
    expect(page).to_have_url(re.compile(re.escape(map_address(view, slug)) + "$"))
    expect(page.locator("#panel-heading")).to_have_text(NAMES[slug])
    expect(page.locator("#panel-heading")).to_be_focused()
    expect(page.locator(f'{CIRCLES}[data-spot="{slug}"]').first).to_have_attribute("aria-current", "page")


@pytest.mark.parametrize("view", PAIN_MAP_VIEWS)
def test_every_circle_on_both_legs_and_the_foot_opens_its_place_in_place_by_a_tap(open_page, view):
    phone = open_page(**PHONE)
    phone.goto(map_address(view))
    mark_document(phone)
    spots = phone.eval_on_selector_all(CIRCLES, "links => links.map(a => a.dataset.spot)")
    assert sorted(set(spots)) == sorted(drawn_in(view))
    for index, slug in enumerate(spots):
        phone.touchscreen.tap(*circle_centre(phone, index))
        opened(phone, view, slug)
    assert document_was_kept(phone), "a tap reloaded the page instead of swapping it in place"


@pytest.mark.parametrize("view", PAIN_MAP_VIEWS)
def test_on_a_phone_the_map_starts_on_the_first_screen_under_the_emergency_line(open_page, view):
    """The title, the emergency line and "Feeling unwell" come first; then the runner, whose top
    part (at least a quarter of the screen, with a circle in it) is on the first screen, above
    what the map is and where else to go."""
    phone = open_page(**PHONE)
    phone.goto(map_address(view))
    top = phone.evaluate(
        """() => Object.fromEntries(['#panel-heading', '.emergency-line', '.pain-unwell', '.pain-figure svg',
              '.pain-about', '.pain-figure a.place'].map(s => [s, document.querySelector(s).getBoundingClientRect().top]))"""
    )
    screen = PHONE["viewport"]["height"]
    assert top["#panel-heading"] < top[".emergency-line"] < top[".pain-unwell"] < top[".pain-figure svg"]
    assert top[".pain-figure svg"] <= screen * 3 / 4, f"the runner starts at {top['.pain-figure svg']:.0f} px"
    assert top[".pain-figure a.place"] < screen, "no place to tap on the first screen"
    assert top[".pain-about"] > top[".pain-figure svg"]


NAMED = f"{CIRCLES}[aria-label]"  # each place's one tab stop in each picture (the runner, the foot)


@pytest.mark.parametrize("view", PAIN_MAP_VIEWS)
def test_every_place_opens_by_a_mouse_click_in_each_view(page: Page, view):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(map_address(view))
    mark_document(page)
    spots = page.eval_on_selector_all(NAMED, "links => links.map(a => a.dataset.spot)")
    assert sorted(set(spots)) == sorted(drawn_in(view))
    for index, slug in enumerate(spots):
        named = page.locator(NAMED).nth(index)
        named.scroll_into_view_if_needed()
        box = named.locator(".place__disc").bounding_box()
        assert box
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        opened(page, view, slug)
    assert document_was_kept(page)


@pytest.mark.parametrize("view", PAIN_MAP_VIEWS)
def test_tab_reaches_each_place_in_each_picture_once_and_enter_opens_it(page: Page, view):
    page.goto(map_address(view))
    spots = page.eval_on_selector_all(NAMED, "links => links.map(a => a.dataset.spot)")
    page.locator('.pain-views a[aria-current="true"]').focus()
    order = []
    for _ in range(3):  # past the rest of the view switch
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.place')"):
            break
    while page.evaluate("document.activeElement.matches('a.place')"):
        order.append(page.evaluate("document.activeElement.dataset.spot"))
        page.keyboard.press("Tab")
    assert order == spots, "each place is one tab stop in each picture, in the order drawn"
    for index, slug in enumerate(spots):
        page.locator(NAMED).nth(index).focus()
        page.keyboard.press("Enter")
        opened(page, view, slug)


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_every_circle_is_at_least_24_px_no_two_places_overlap_and_each_answers_a_click(
    open_page, width, height
):
    options = PHONE if width == 375 else {"viewport": {"width": width, "height": height}}
    page = open_page(**options)
    for view in PAIN_MAP_VIEWS:
        page.goto(map_address(view))
        circles = page.eval_on_selector_all(
            ".pain-figure .place__disc",
            """discs => discs.map(d => {
                const r = d.getBoundingClientRect();
                return {spot: d.closest('a').dataset.spot, x: r.x + r.width / 2, y: r.y + r.height / 2,
                        w: r.width, h: r.height};
            })""",
        )
        assert circles
        for c in circles:
            assert c["w"] >= 24 and c["h"] >= 24, f"{view}: {c['spot']} is {c['w']:.1f}×{c['h']:.1f} px"
        for i, a in enumerate(circles):
            for b in circles[i + 1 :]:
                if a["spot"] != b["spot"]:
                    apart = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
                    assert apart >= (a["w"] + b["w"]) / 2 - 0.5, f"{view}: {a['spot']} overlaps {b['spot']}"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        # What a click or a tap on the middle of each circle lands on, at this size.
        landed = page.eval_on_selector_all(
            ".pain-figure .place__disc",
            """discs => discs.map(d => {
                d.scrollIntoView({block: 'center'});
                const r = d.getBoundingClientRect();
                const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                return [d.closest('a').dataset.spot, hit && hit.closest('a') ? hit.closest('a').dataset.spot : null];
            })""",
        )
        assert [spot for spot, hit in landed if hit != spot] == [], f"{view}: {landed}"


def test_the_view_switch_keeps_the_open_place_and_back_returns_to_the_view_before(open_page):
    phone = open_page(**PHONE)
    phone.goto("/pain/achilles")
    mark_document(phone)
    phone.locator(".pain-views a", has_text="Back").tap()
    expect(phone).to_have_url(re.compile("/pain/back/achilles$"))
    expect(phone.locator(".pain-figure__runner")).to_have_attribute("data-view", "back")
    expect(phone.locator(f'{CIRCLES}[data-spot="achilles"][aria-current="page"]').first).to_be_visible()
    phone.go_back()
    expect(phone).to_have_url(re.compile("/pain/achilles$"))
    expect(phone.locator(".pain-figure__runner")).to_have_attribute("data-view", "front")
    assert document_was_kept(phone)


def test_without_javascript_every_circle_is_a_plain_link(open_page):
    page = open_page(java_script_enabled=False, **PHONE)
    page.goto("/pain/side")
    with page.expect_navigation():
        page.locator(f'{NAMED}[data-spot="calf"]').click()
    expect(page).to_have_url(re.compile("/pain/side/calf$"))
    expect(page.locator("#panel-heading")).to_have_text(NAMES["calf"])
    with page.expect_navigation():
        page.locator('.pain-figure__inset a.place[data-spot="back-of-heel"][aria-label]').click()
    expect(page).to_have_url(re.compile("/pain/side/back-of-heel$"))


@pytest.mark.parametrize(
    ("path", "width"),
    [
        *(
            (path, width)
            for path in ("/pain", "/pain/back/calf", "/pain/side/kneecap")
            for width in (375, 1280)
        ),
        ("/pain", 1024),
        ("/pain", 1920),
    ],
)
def test_the_map_in_each_view_passes_an_automated_wcag_aa_audit(open_page, path, width):
    height = dict(SCREENS)[width]
    options = PHONE if width == 375 else {"viewport": {"width": width, "height": height}}
    page = open_page(**options)
    page.goto(path)
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()


SLIDES = [spot.slug for spot in PAIN.spots]


def test_a_clicker_moves_through_the_places_slides_and_a_circle_opens_another(open_page):
    page = open_page(viewport={"width": 1024, "height": 768})
    page.goto(f"/present/pain/{SLIDES[0]}")
    page.keyboard.press("PageDown")
    expect(page).to_have_url(re.compile(f"/present/pain/{SLIDES[1]}$"))
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(f"/present/pain/{SLIDES[2]}$"))
    page.keyboard.press("PageUp")
    expect(page).to_have_url(re.compile(f"/present/pain/{SLIDES[1]}$"))
    expect(page.locator(".presenter__emergency")).to_contain_text("Call 999 / 112 / 911 now")
    page.locator('.presenter__places a.place[data-spot="kneecap"][aria-label]').click()
    expect(page).to_have_url(re.compile("/present/pain/kneecap$"))
    expect(page.locator("h1")).to_have_text(NAMES["kneecap"])
    page.keyboard.press("q")
    expect(page).to_have_url(re.compile("/present/pain/kneecap/qr$"))
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile("/present/pain/kneecap$"))


@pytest.mark.parametrize("slug", ["chest", "back-of-heel", "feeling-unwell"])
def test_a_places_slide_passes_the_audit_on_a_projector(open_page, slug):
    page = open_page(viewport={"width": 1024, "height": 768})
    page.goto(f"/present/pain/{slug}")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()


def test_on_a_phone_a_new_slide_starts_at_its_top(open_page):
    phone = open_page(**PHONE)
    spots = PAIN.spots
    phone.goto(f"/present/pain/{spots[0].slug}")
    following = phone.locator('.presenter__bar a[rel="next"]')
    following.scroll_into_view_if_needed()
    assert phone.evaluate("scrollY") > 300
    box = following.bounding_box()
    assert box
    phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(phone).to_have_url(re.compile(rf"/present/pain/{spots[1].slug}$"))
    expect(phone.locator("#panel-heading")).to_have_text(spots[1].name)
    phone.wait_for_function("scrollY === 0")


FITS = """(() => { const p = document.querySelector('.presenter__points');
  return document.documentElement.scrollHeight <= innerHeight && p.scrollHeight <= p.clientHeight + 1; })()"""


@pytest.mark.parametrize(("width", "height"), [(375, 812), (1024, 768)])
def test_every_places_slide_has_24_px_circles_and_on_a_projector_fits_the_screen(open_page, width, height):
    page = open_page(**(PHONE if width == 375 else {"viewport": {"width": width, "height": height}}))
    for spot in PAIN.spots:
        page.goto(f"/present/pain/{spot.slug}")
        sizes = page.eval_on_selector_all(
            ".presenter__places .place__disc",
            "discs => discs.map(d => { const r = d.getBoundingClientRect(); return Math.min(r.width, r.height); })",
        )
        assert sizes and min(sizes) >= 24, f"{spot.slug} at {width}: circles {min(sizes or [0]):.1f} px"
        if width > 860:  # a projector: the whole slide on one screen, emergency line and all
            line = page.locator(".presenter__emergency").bounding_box()
            assert line and line["y"] + line["height"] <= height
            assert page.evaluate(FITS), f"{spot.slug}: the slide does not fit the screen"
