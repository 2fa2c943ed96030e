"""Sharing like a phone app, in Chromium: on a phone with no Web Share, Share opens to the
page's public address selected in a read-only field with a Copy button, which copies over
plain http too (no navigator.clipboard there) and always says what happened; where the
browser has Web Share, Share hands the address to the device's share sheet; the QR dialog fits
a 375-wide screen; the embed code waits behind "Embed on a website"."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import real_content

ATLAS = real_content().atlas
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
# A page of every kind that has its own address: home, a muscle, a phase, a muscle at a phase,
# a speed, a place that hurts, a problem, a guide and a tour step.
SHAREABLE = [
    "/",
    f"/muscles/{ATLAS.muscles[0].slug}",
    f"/stride/{ATLAS.phases[0].slug}",
    f"/stride/{ATLAS.phases[-1].slug}/{ATLAS.muscles[-1].slug}",
    f"/speed/{ATLAS.speeds.measured[0].speed.slug}",
    f"/pain/{ATLAS.pain.spots[0].slug}",
    f"/pain/problems/{ATLAS.pain.problems[0].slug}",
    "/training",
    f"/tours/{ATLAS.tours[0].slug}/1",
]
NO_WEB_SHARE = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"
# Plain http on a school network: an insecure origin has no navigator.clipboard.
PLAIN_HTTP = (
    NO_WEB_SHARE
    + "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
    + "Object.defineProperty(window, 'isSecureContext', {get: () => false});"
    # What the browser's copy command took: the selection when it ran.
    + "document.addEventListener('copy', () => { window.__copied = String(getSelection()); });"
)
SELECTED = "(() => { const f = document.activeElement; return f.matches('[data-share-link]') && f.selectionStart === 0 && f.selectionEnd === f.value.length; })()"


def link_is_selected(page: Page, within_ms: int = 2000) -> bool:
    """Whether the focused link field has all its text selected, within ``within_ms`` (the
    share control selects it when it has opened, which the browser reports a moment later)."""
    for _ in range(within_ms // 50):
        if page.evaluate(SELECTED):
            return True
        page.wait_for_timeout(50)
    return False


def phone(open_page, script: str) -> Page:
    page = open_page(**PHONE)
    page.add_init_script(script)
    return page


def share_button(page: Page):
    return page.locator("[data-share] > summary")


@pytest.mark.parametrize("path", SHAREABLE)
def test_without_web_share_share_opens_to_the_public_link_selected(open_page, base_url, path):
    page = phone(open_page, NO_WEB_SHARE)
    page.goto(path)
    expect(share_button(page)).to_have_count(1)
    share_button(page).tap()
    link = page.locator("[data-share-link]")
    expect(link).to_be_visible()
    expect(link).to_have_value(base_url + path)
    expect(link).to_have_attribute("readonly", "")
    assert link_is_selected(page)
    box, width = link.bounding_box(), page.evaluate("document.documentElement.clientWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_copy_works_over_plain_http_and_says_copied(open_page, base_url):
    page = phone(open_page, PLAIN_HTTP)
    page.goto("/muscles/calves")
    assert page.evaluate("navigator.clipboard") is None
    share_button(page).tap()
    page.get_by_role("button", name="Copy", exact=True).tap()
    expect(page.locator("[data-share-status]")).to_have_text("Copied")
    assert page.evaluate("window.__copied") == base_url + "/muscles/calves"


def test_when_nothing_can_copy_it_says_so_and_leaves_the_link_selected(open_page):
    page = phone(open_page, PLAIN_HTTP + "document.execCommand = () => false;")
    page.goto("/training")
    share_button(page).tap()
    page.get_by_role("button", name="Copy", exact=True).tap()
    expect(page.locator("[data-share-status]")).to_have_text("Select the link and copy it")
    assert link_is_selected(page)


RECORD_SHARE = """
Navigator.prototype.share = function (data) { window.__shared = data; return Promise.resolve(); };
"""


def test_with_web_share_share_hands_the_public_link_to_the_share_sheet(open_page, base_url):
    page = phone(open_page, RECORD_SHARE)
    page.goto("/muscles/calves")
    share_button(page).tap()
    page.wait_for_function("window.__shared !== undefined")
    shared = page.evaluate("window.__shared")
    assert shared == {"title": page.title(), "url": base_url + "/muscles/calves"}
    expect(page.locator("[data-share-link]")).to_be_hidden()  # the sheet, not the fallback


def test_when_the_share_sheet_fails_the_link_is_shown_instead(open_page):
    page = phone(
        open_page,
        "Navigator.prototype.share = () => Promise.reject(new DOMException('no', 'NotAllowedError'));",
    )
    page.goto("/muscles/calves")
    share_button(page).tap()
    expect(page.locator("[data-share-link]")).to_be_visible()
    expect(page.locator("[data-share-status]")).to_contain_text("Copy the link instead")


def test_the_share_link_never_names_a_forwarded_host(open_page, base_url):
    page = open_page(extra_http_headers={"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"})
    page.goto("/glossary")
    expect(page.locator("[data-share-link]")).to_have_value(base_url + "/glossary")


def test_the_qr_dialog_fits_a_phone(open_page):
    page = open_page(**PHONE)
    page.goto(f"/present/{ATLAS.muscles[0].slug}/qr")
    dialog = page.locator(".presenter__qr").bounding_box()
    code = page.locator(".presenter__qr-code").bounding_box()
    assert dialog["x"] >= 0 and dialog["x"] + dialog["width"] <= 375
    assert dialog["x"] <= code["x"] and code["x"] + code["width"] <= dialog["x"] + dialog["width"]
    assert code["width"] >= 250  # still large enough to scan across a room
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_embed_code_waits_behind_embed_on_a_website(open_page):
    page = open_page(**PHONE)
    page.goto("/muscles/calves")
    code = page.locator(".embed-code__text")
    expect(code).to_be_hidden()
    page.get_by_text("Embed on a website").tap()
    expect(code).to_be_visible()


@pytest.mark.parametrize("size", [PHONE, {"viewport": {"width": 1280, "height": 800}}], ids=["375", "1280"])
def test_the_open_share_control_passes_axe(open_page, size):
    page = open_page(**size)
    page.add_init_script(NO_WEB_SHARE)
    page.goto("/muscles/calves")
    share_button(page).click()
    page.get_by_role("button", name="Copy", exact=True).click()
    expect(page.locator("[data-share-status]")).not_to_be_empty()
    # At the top of the page: scrolled, the sticky name and contents bars pass over the chips,
    # which axe reports as targets too small while they are covered.
    page.evaluate("scrollTo(0, 0)")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()
