"""The offline classroom in Chromium: after one visit, with the network cut, another muscle, a
stride phase, a presenter state and a guide all open, on the app and on the static copy."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import real_content
from tests.e2e.helpers import click_region
from tests.e2e.test_static_copy_in_browser import static_site  # noqa: F401 (a fixture)

NAMES = {m.slug: m.name for m in real_content().atlas.muscles}

CACHE_BYTES = """async () => {
  let total = 0;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      total += (await (await cache.match(request)).blob()).size;
    }
  }
  return total;
}"""


def visit_once(page: Page) -> None:
    """Open one page and wait until the worker has kept everything and controls the page."""
    page.goto("/muscles/calves")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")


@pytest.fixture
def visitor(open_page) -> Callable[[str], Page]:
    """Open a page on a site in a context of its own, with the service worker allowed (the
    other browser tests block it), failing the test on any console error."""
    return lambda site: open_page(base_url=site, service_workers="allow")


@pytest.mark.parametrize("where", ["app", "static copy"])
def test_after_one_visit_the_classroom_works_with_no_network(
    visitor,
    base_url: str,
    static_site: str,  # noqa: F811 (the fixture imported above)
    where: str,
):
    page = visitor(base_url if where == "app" else static_site)
    visit_once(page)
    print(f"\nOffline cache ({where}): {page.evaluate(CACHE_BYTES) / 1_000_000:.1f} MB")
    page.context.set_offline(True)

    page.goto("/muscles/hamstrings")
    expect(page.locator("#panel-heading")).to_have_text(NAMES["hamstrings"])
    click_region(page, "calves")
    expect(page.locator("#panel-heading")).to_have_text(NAMES["calves"])
    expect(page).to_have_url(re.compile(r"/muscles/calves/?$"))
    page.goto("/stride/toe-off")
    expect(page.locator("#panel-heading")).to_have_text("Propulsion and toe-off")
    page.locator('a[data-step="next"]').click()
    expect(page).to_have_url(re.compile(r"/stride/initial-swing/?$"))
    page.goto("/present/glutes/qr")
    expect(page.locator(".presenter")).to_be_visible()
    page.goto("/training")
    expect(page.locator("h1")).to_have_count(1)


def test_the_quiz_is_not_kept_for_offline_use(visitor, base_url: str):
    page = visitor(base_url)
    visit_once(page)
    kept = page.evaluate(
        "caches.keys().then(n => caches.open(n[0])).then(c => c.keys()).then(r => r.map(x => x.url))"
    )
    assert kept and not [url for url in kept if "/quiz" in url]
    assert any(url.endswith("/muscles/calves") for url in kept)


def test_where_service_workers_are_blocked_the_site_works_and_logs_nothing(page: Page):
    # `page` comes from a context with service workers blocked (tests/e2e/conftest.py), like a
    # browser without them; any console error fails the test.
    page.goto("/muscles/calves")
    click_region(page, "hamstrings")
    expect(page.locator("#panel-heading")).to_have_text(NAMES["hamstrings"])
    assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
