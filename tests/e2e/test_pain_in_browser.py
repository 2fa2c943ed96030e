"""Where does it hurt?, in a real Chromium on a phone (375×812, touch): every place and problem
opens in place by a tap and cold by its address, Back and Forward work, it all works without
JavaScript, the emergency line is on the first screen and the first printed page, and the pages
pass an automated audit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.conftest import real_content
from tests.e2e.helpers import document_was_kept, mark_document

ATLAS = real_content().atlas
SPOTS = [(spot.slug, spot.name) for spot in ATLAS.pain.spots]
PROBLEMS = [(problem.slug, problem.name) for problem in ATLAS.pain.problems]
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


def tap(page: Page, selector: str) -> None:
    """Tap the middle of an element with a finger, after scrolling it into view."""
    target = page.locator(selector).first
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    assert box, selector
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.fixture
def phone(open_page) -> Page:
    return open_page(**PHONE)


def test_every_place_opens_in_place_by_a_tap_from_the_list(phone: Page):
    phone.goto("/pain")
    mark_document(phone)
    for slug, name in SPOTS:
        tap(phone, f'.pain-list a[data-spot="{slug}"]')
        expect(phone).to_have_url(re.compile(f"/pain/{slug}$"))
        expect(phone.locator("#panel-heading")).to_have_text(name)
        expect(phone.locator("#panel-heading")).to_be_focused()
    assert document_was_kept(phone), "a tap reloaded the page instead of swapping it in place"


def test_every_problem_opens_in_place_by_a_tap_from_its_place(phone: Page):
    mark = False
    for slug, name in PROBLEMS:
        spot = ATLAS.pain.spots_of(ATLAS.pain.problem(slug))[0]
        phone.goto(f"/pain/{spot.slug}")
        mark_document(phone)
        tap(phone, f'.pain-problem-list a[href="/pain/problems/{slug}"]')
        expect(phone).to_have_url(re.compile(f"/pain/problems/{slug}$"))
        expect(phone.locator("#panel-heading")).to_have_text(name)
        mark = document_was_kept(phone)
        assert mark, slug


PAIN_PAGES = ["/pain", *(f"/pain/{s}" for s, _ in SPOTS), *(f"/pain/problems/{p}" for p, _ in PROBLEMS)]


def test_each_page_opens_cold_with_the_emergency_line_on_the_first_phone_screen(phone: Page):
    for path in PAIN_PAGES:  # one phone, every page opened cold in turn
        phone.goto(path)
        line = phone.locator(".emergency-line")
        expect(line).to_contain_text("Call 999 / 112 / 911 now")
        box = line.bounding_box()
        assert box and box["y"] + box["height"] <= 812, f"{path}: the emergency line ends at {box}"
        first = phone.locator(".pain-first .flag__tier").first
        if first.count():
            top = first.bounding_box()
            assert top and top["y"] < 812, f"{path}: the first urgent sign starts below the first screen"
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow} px wider than the phone"


@pytest.mark.parametrize("slug", ["chest", "feeling-unwell"])
def test_chest_and_feeling_unwell_show_an_emergency_sign_first_on_the_first_screen(phone: Page, slug):
    phone.goto(f"/pain/{slug}")
    first = phone.locator(".pain-first .flag__tier").first
    expect(first).to_have_text("Call 999 / 112 / 911 now")
    box = first.bounding_box()
    assert box and box["y"] + box["height"] <= 812


def test_back_and_forward_move_between_places_and_problems(phone: Page):
    phone.goto("/pain")
    tap(phone, '.pain-list a[data-spot="kneecap"]')
    expect(phone.locator("#panel-heading")).to_have_text("Kneecap and around it")
    tap(phone, '.pain-problem-list a[href="/pain/problems/patellofemoral-pain"]')
    expect(phone.locator("#panel-heading")).to_have_text("Pain around the kneecap")
    phone.go_back()
    expect(phone).to_have_url(re.compile("/pain/kneecap$"))
    expect(phone.locator("#panel-heading")).to_have_text("Kneecap and around it")
    phone.go_back()
    expect(phone).to_have_url(re.compile("/pain$"))
    expect(phone.locator("#panel-heading")).to_have_text("Where does it hurt?")
    phone.go_forward()
    expect(phone.locator("#panel-heading")).to_have_text("Kneecap and around it")
    assert phone.locator("header.site-header").count() == 1 and phone.locator("#stage").count() == 1


def test_without_javascript_the_places_and_problems_are_plain_links(open_page):
    page = open_page(java_script_enabled=False, **PHONE)
    page.goto("/pain")
    for slug, name in SPOTS:
        with page.expect_navigation():
            page.locator(f'.pain-list a[data-spot="{slug}"]').click()
        expect(page.locator("#panel-heading")).to_have_text(name)
    with page.expect_navigation():
        page.locator(".pain-problem-list a").first.click()
    expect(page).to_have_url(re.compile("/pain/problems/[a-z-]+$"))


def test_a_keyboard_opens_a_place_and_lands_on_its_heading(page: Page):
    page.goto("/pain")
    page.locator('.pain-list a[data-spot="achilles"]').focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/pain/achilles$"))
    expect(page.locator("#panel-heading")).to_be_focused()


def test_an_unknown_place_is_a_friendly_page_with_a_way_back_to_the_map(phone: Page):
    response = phone.goto("/pain/elbow")
    assert response is not None and response.status == 404
    expect(phone.locator("#panel-heading")).to_have_text("We could not find that place or problem")
    tap(phone, '#panel a[href="/pain"]')
    expect(phone).to_have_url(re.compile("/pain$"))


def test_the_list_links_are_big_enough_to_tap(phone: Page):
    phone.goto("/pain")
    sizes = phone.eval_on_selector_all(
        ".pain-list a", "links => links.map(a => a.getBoundingClientRect().height)"
    )
    assert min(sizes) >= 24 and sorted(sizes)[len(sizes) // 2] >= 44


@pytest.mark.parametrize(
    "path",
    [
        "/pain",
        "/pain/kneecap",
        "/pain/chest",
        "/pain/problems/achilles-tendinopathy",
        "/pain/elbow",
        "/embed/pain/feeling-unwell",
    ],
)
def test_pain_pages_pass_an_automated_wcag_aa_audit(phone: Page, path):
    phone.goto(path)
    results = Axe().run(
        phone, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", [f"/pain/{SPOTS[-1][0]}", f"/pain/problems/{PROBLEMS[0][0]}"])
def test_a_printed_place_or_problem_carries_the_emergency_line_on_its_first_page(
    page: Page, tmp_path: Path, path
):
    page.goto(path)
    line = page.locator(".emergency-line").inner_text()
    page.pdf(path=str(tmp_path / "page.pdf"), format="A4")
    first = " ".join(PdfReader(tmp_path / "page.pdf").pages[0].extract_text().split())
    assert " ".join(line.split()) in first
