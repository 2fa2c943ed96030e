"""The work a tap leaves out, on a phone (issue 20, item 11; the timings are bench.tap_timing's):
no history snapshot of the whole page before a swap, and no rendering of the panel's sections
until they come near the viewport."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import real_content

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
FIRST, SECOND = (m.slug for m in real_content().atlas.muscles[:2])

# Count the snapshots htmx announces (it fires this just before cloning the body for one).
COUNT_SNAPSHOTS = """() => {
  window.__snapshots = 0;
  document.body.addEventListener('htmx:beforeHistorySave', () => { window.__snapshots += 1; });
}"""
# Whether the panel's last section is rendered (false while content-visibility skips it),
# asked once frames have run: at once when ``wait`` is false, else until it is (up to 3 s).
LAST_SECTION_RENDERED = """(wait) => new Promise((resolve) => {
  const heading = [...document.querySelectorAll('#panel > .panel__section')].pop().querySelector('h2');
  const started = performance.now();
  const check = () => {
    const rendered = heading.checkVisibility({contentVisibilityAuto: true});
    if (rendered || !wait || performance.now() - started > 3000) resolve(rendered);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(() => requestAnimationFrame(check));
})"""


@pytest.fixture
def phone(open_page) -> Page:
    return open_page(**PHONE)


def test_a_tap_that_pushes_an_address_takes_no_history_snapshot(phone: Page):
    phone.goto(f"/muscles/{FIRST}")
    phone.evaluate(COUNT_SNAPSHOTS)
    phone.locator(f'.muscle-list a[data-muscle="{SECOND}"]').tap()
    expect(phone.locator("#panel")).to_have_attribute("data-muscle", SECOND)
    expect(phone).to_have_url(re.compile(rf"/muscles/{SECOND}"))
    assert phone.evaluate("window.__snapshots") == 0


def test_panel_sections_out_of_view_are_rendered_only_when_they_come_near(phone: Page):
    phone.goto(f"/muscles/{FIRST}")
    assert phone.evaluate(LAST_SECTION_RENDERED, False) is False
    phone.locator("#panel > .panel__section").last.locator("h2").scroll_into_view_if_needed()
    assert phone.evaluate(LAST_SECTION_RENDERED, True) is True
