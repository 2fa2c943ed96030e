"""The atlas as a person uses it in Chromium: clicking, deep links, history, keyboard,
no JavaScript, a phone, and an accessibility audit."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import real_content
from tests.e2e.helpers import click_region, document_was_kept, mark_document

PERMANENT = [
    "glutes", "quadriceps", "hip-flexors", "hamstrings", "core", "calves", "big-toe", "heart",
    "glute-medius", "tibialis-anterior", "adductors",
]  # fmt: skip


@pytest.fixture(scope="module")
def muscles(app):
    return [(m.slug, m.name) for m in real_content().atlas.muscles]


def expect_muscle_shown(page: Page, slug: str, name: str) -> None:
    expect(page).to_have_url(re.compile(f"/muscles/{slug}$"))
    expect(page.locator("#panel-heading")).to_have_text(name)
    expect(page.locator(f'svg a.region[data-muscle="{slug}"][aria-current="page"]').first).to_be_attached()
    expect(page.locator("#stage")).to_have_count(1)


def test_clicking_every_region_swaps_the_panel_in_place_and_updates_the_address(page: Page, muscles):
    page.goto("/")
    mark_document(page)
    for slug, name in muscles:
        if slug not in real_content().figure.views["side"].shapes:
            continue
        click_region(page, slug)
        expect_muscle_shown(page, slug, name)
        expect(page).to_have_title(re.compile(f"^{re.escape(name)} in running"))
    assert document_was_kept(page), "a click reloaded the page instead of swapping the panel"


def test_the_list_links_swap_the_panel_too(page: Page, muscles):
    page.goto("/")
    mark_document(page)
    for slug, name in muscles:
        page.locator(f'.muscle-list a[data-muscle="{slug}"]').click()
        expect_muscle_shown(page, slug, name)
    assert document_was_kept(page)


@pytest.mark.parametrize("path", ["/muscles/calves", "/stride/loading/calves"])
def test_a_panel_swap_does_not_walk_the_outgoing_panel(page: Page, path):
    """htmx's own swap fires two events on every element it removes (about 400 in a panel); on
    a slow phone that was a sixth of a tap. The panel is replaced without that walk, and what
    it shows, its attributes and its links work as after any swap."""
    page.goto(path)
    mark_document(page)
    outgoing = page.evaluate("document.querySelectorAll('#panel *').length")
    page.evaluate(
        "() => { window.__walked = 0; document.addEventListener('htmx:beforeCleanupElement',"
        " (e) => { if (e.target.closest && e.target.closest('#panel')) window.__walked++; }); }"
    )
    page.locator("#panel").evaluate("panel => panel.dataset.before = 'yes'")
    click_region(page, "hamstrings")
    expect(page.locator("#panel-heading")).to_have_text("Hamstrings")
    panel = page.locator("#panel")
    expect(panel).to_have_attribute("data-muscle", "hamstrings")
    assert panel.get_attribute("data-before") is None, "the new panel kept an attribute of the old"
    assert page.evaluate("document.querySelectorAll('#panel').length") == 1
    assert page.evaluate("window.__walked") < outgoing / 10, "the outgoing panel was walked"
    related = page.locator("#panel ul.related a").first  # a link in the new panel swaps again
    href = related.get_attribute("href")
    related.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(panel).not_to_have_attribute("data-muscle", "hamstrings")
    assert document_was_kept(page)


@pytest.mark.parametrize("slug", PERMANENT)
def test_each_deep_link_opens_cold_on_that_muscle(page: Page, muscles, slug):
    page.goto(f"/muscles/{slug}")
    expect_muscle_shown(page, slug, dict(muscles)[slug])


def test_back_and_forward_move_between_muscles_and_always_show_a_whole_page(page: Page, muscles):
    names = dict(muscles)
    page.goto("/")
    click_region(page, "calves")
    expect_muscle_shown(page, "calves", names["calves"])
    click_region(page, "hamstrings")
    expect_muscle_shown(page, "hamstrings", names["hamstrings"])
    page.go_back()
    expect_muscle_shown(page, "calves", names["calves"])
    page.go_back()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("#panel-heading")).to_have_text("What muscles does running work?")
    page.go_forward()
    expect_muscle_shown(page, "calves", names["calves"])
    expect(page.locator("header.site-header")).to_have_count(1)


def test_back_after_the_history_cache_is_lost_still_shows_a_whole_page(page: Page, muscles):
    names = dict(muscles)
    page.goto("/muscles/glutes")
    click_region(page, "quadriceps")
    expect_muscle_shown(page, "quadriceps", names["quadriceps"])
    page.evaluate("sessionStorage.clear()")
    page.go_back()
    expect_muscle_shown(page, "glutes", names["glutes"])
    expect(page.locator("header.site-header")).to_have_count(1)
    expect(page.locator("main")).to_have_count(1)


def test_keyboard_tab_reaches_the_figure_and_enter_opens_a_muscle(page: Page, muscles):
    page.goto("/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('svg a.region')"):
            break
    else:
        pytest.fail("Tab never reached a muscle in the figure")
    slug = page.evaluate("document.activeElement.dataset.muscle")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == dict(muscles)[slug]
    ring = page.evaluate("getComputedStyle(document.activeElement.querySelector('path')).strokeWidth")
    assert float(ring.rstrip("px")) >= 3, "the focused region shows no focus ring"
    page.keyboard.press("Enter")
    expect_muscle_shown(page, slug, dict(muscles)[slug])
    expect(page.locator("#panel-heading")).to_be_focused()


def test_without_javascript_every_region_is_a_link_that_navigates(open_page, muscles):
    page = open_page(java_script_enabled=False)
    page.goto("/")
    for slug, name in muscles:
        if slug not in real_content().figure.views["side"].shapes:
            continue
        click_region_without_js(page, slug)
        expect(page).to_have_url(re.compile(f"/muscles/{slug}$"))
        expect(page.locator("#panel-heading")).to_have_text(name)


def click_region_without_js(page: Page, slug: str) -> None:
    # No script may run in the page, so follow the region's real link by clicking the
    # shape's on-screen position read from Playwright's own geometry.
    region = page.locator(f'svg a.region[data-muscle="{slug}"]:not([aria-hidden]) path').first
    with page.expect_navigation():
        region.click(force=True)


# fmt: off
PHONE_PAGES = [
    "/", "/muscles/calves", "/muscles/big-toe", "/muscles/spleen", "/training", "/soreness", "/glossary",
    "/tours", "/tours/one-stride/3", "/quiz", "/quiz/4242/1", "/worksheet", "/present/calves", "/present/calves/qr",
]
AUDITED_PAGES = [
    "/", "/muscles/calves", "/muscles/glute-medius", "/muscles/spleen", "/training", "/soreness", "/glossary",
    "/tours", "/tours/one-stride/3", "/quiz", "/quiz/4242/1", "/quiz/4242/1/answer?choice=calves", "/worksheet",
]
# fmt: on


def test_a_375px_phone_never_scrolls_sideways(open_page):
    page = open_page(viewport={"width": 375, "height": 812})
    wide = {}
    for path in PHONE_PAGES:  # one phone, every page opened cold in turn
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide[path] = overflow
    assert wide == {}, f"pages wider than the phone (px too wide): {wide}"


@pytest.mark.parametrize("path", AUDITED_PAGES)
def test_pages_pass_an_automated_wcag_aa_audit(page: Page, path):
    page.goto(path)
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()


def test_an_unknown_muscle_shows_a_friendly_page_with_a_way_back(page: Page):
    response = page.goto("/muscles/elbow")
    assert response is not None and response.status == 404
    expect(page.locator("#panel-heading")).to_have_text("We could not find that page")
    page.locator(".muscle-cards a", has_text="Calves").click()
    expect(page).to_have_url(re.compile("/muscles/calves$"))


def test_a_glossary_word_in_a_panel_opens_its_definition(page: Page):
    page.goto("/muscles/glute-medius")
    page.locator("#panel a.term", has_text="abduction").first.click()
    expect(page).to_have_url(re.compile(r"/glossary#abduction$"))
    expect(page.locator("#abduction")).to_contain_text("out to the side")


def test_the_training_warm_up_links_each_drill_to_its_muscles(page: Page):
    page.goto("/training#warm-up")
    page.locator("#warm-up .prepares a", has_text="Tibialis anterior").first.click()
    expect(page).to_have_url(re.compile("/muscles/tibialis-anterior$"))
    expect(page.locator("#panel-heading")).to_have_text("Tibialis anterior")


def test_the_figure_is_one_tab_stop_and_arrow_keys_move_between_muscles(page: Page, muscles):
    page.goto("/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('svg a.region')"):
            break
    first = page.evaluate("document.activeElement.dataset.muscle")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.dataset.muscle")
    assert second != first and page.evaluate("document.activeElement.matches('svg a.region')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.dataset.muscle") == first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.matches('svg a.region')"), "Tab leaves the figure"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.muscle") == second
    page.keyboard.press("Enter")
    expect_muscle_shown(page, second, dict(muscles)[second])
