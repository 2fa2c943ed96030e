"""The offline classroom in Chromium. Nothing is downloaded for offline use until the reader
accepts the offer, which states the copy's size; once kept, with the network cut, another
muscle, a stride phase, a presenter state and a guide all open, on the app and on the static
copy; "Remove offline copy" clears it. A page opened once opens again offline, and any address
not kept (the quiz included) shows the site's own offline page, with links to what is kept."""

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


KEPT_PAGES = """async () => {
  const kept = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) kept.push(new URL(request.url).pathname);
  }
  return kept.filter(path => !path.startsWith("/static/")).sort();
}"""
# The copy's size takes one pass over the site the first time it is asked for (then it is
# kept), which on a busy two-core machine takes a minute or more.
MEASURING = 240_000
KEEPING = 240_000
BAR = "[data-offline-bar]"


def open_with_worker(page: Page, path: str = "/muscles/calves") -> None:
    """Open a page and wait until the worker controls it and has kept it."""
    page.goto(path)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.wait_for_function(f"({KEPT_PAGES})().then(kept => kept.includes({path!r}))")


def keep_the_copy(page: Page) -> None:
    """Accept the offer of an offline copy and wait until the whole copy is kept."""
    page.locator(BAR).get_by_role("button", name="Keep offline copy").click(timeout=MEASURING)
    expect(page.locator(BAR)).to_contain_text("is kept on this device", timeout=KEEPING)


def visit_once(page: Page) -> None:
    """Open one page, keep the offline copy, and wait until the worker controls the page."""
    open_with_worker(page)
    keep_the_copy(page)


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


def megabytes(size: int) -> str:
    """A size as the bar states it."""
    return f"{size / 1e6:.1f} MB" if size < 10_000_000 else f"{round(size / 1e6)} MB"


def test_nothing_is_kept_beyond_the_pages_opened_until_the_reader_accepts(visitor, base_url: str, app):
    page = visitor(base_url)
    open_with_worker(page)
    bar = page.locator(BAR)
    expect(bar).to_be_visible(timeout=MEASURING)
    with app.app_context():
        from webapp.views.offline import offline_copy

        copy = offline_copy(app)
    expect(bar).to_contain_text(f"a download of about {megabytes(copy.download)}")
    expect(bar).to_contain_text(f"{megabytes(copy.bytes)} of space")
    assert page.evaluate(KEPT_PAGES) == ["/muscles/calves"]
    open_with_worker(page, "/glossary")  # kept as it is opened
    assert page.evaluate(KEPT_PAGES) == ["/glossary", "/muscles/calves"]

    bar.get_by_role("button", name="Keep offline copy").click()
    expect(bar.locator("progress")).to_be_visible()
    expect(bar).to_contain_text("is kept on this device", timeout=KEEPING)
    assert len(page.evaluate(KEPT_PAGES)) > 100

    bar.get_by_role("button", name="Remove offline copy").click()
    expect(bar).to_contain_text("removed")
    assert page.evaluate("caches.keys()") == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    page.reload()
    expect(bar).to_contain_text("removed")
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


def test_the_quiz_is_not_kept_for_offline_use(visitor, base_url: str):
    page = visitor(base_url)
    visit_once(page)
    kept = page.evaluate(
        "caches.keys().then(n => caches.open(n[0])).then(c => c.keys()).then(r => r.map(x => x.url))"
    )
    assert kept and not [url for url in kept if "/quiz" in url]
    assert any(url.endswith("/muscles/calves") for url in kept)


def expect_offline_page(page: Page) -> None:
    expect(page.locator("h1")).to_have_text("You are offline")


def test_an_address_not_kept_shows_the_offline_page_which_leads_back_to_what_is_kept(visitor, base_url: str):
    page = visitor(base_url)
    open_with_worker(page, "/plan")
    open_with_worker(page, "/muscles/calves")
    page.context.set_offline(True)

    page.goto("/glossary")
    expect_offline_page(page)
    kept = page.locator("[data-offline-kept] a")
    expect(kept).to_have_count(2)
    expect(kept.filter(has_text="Glossary")).to_have_count(0)
    page.get_by_role("button", name="Go back").click()
    expect(page.locator("#panel-heading")).to_have_text(NAMES["calves"])
    click_region(page, "hamstrings")  # an htmx swap to a page that is not kept
    expect_offline_page(page)
    expect(page).to_have_url(re.compile(r"/muscles/hamstrings$"))
    page.locator("[data-offline-kept] a", has_text=NAMES["calves"]).click()
    expect(page.locator("#panel-heading")).to_have_text(NAMES["calves"])
    page.goto("/plan")  # the home plan, opened once
    expect(page.locator("h1")).not_to_have_text("You are offline")


def test_the_quiz_offline_shows_the_offline_page_from_teach_and_mid_quiz(visitor, base_url: str):
    page = visitor(base_url)
    open_with_worker(page, "/tours")
    page.context.set_offline(True)
    page.get_by_role("link", name="Open the quiz").click()
    expect_offline_page(page)

    page.context.set_offline(False)
    page.goto("/quiz/777/1")
    # The page has asked for the offline copy's size (the offer shows it) before the network goes.
    expect(page.locator(BAR)).to_be_visible(timeout=MEASURING)
    page.locator(".quiz__option input").first.check()
    page.context.set_offline(True)
    page.get_by_role("button", name="Check my answer").click()
    expect_offline_page(page)
    expect(page).to_have_url(re.compile(r"/quiz/777/1/answer$"))


def test_the_offer_and_the_offline_page_pass_axe(visitor, base_url: str):
    from axe_playwright_python.sync_playwright import Axe

    page = visitor(base_url)
    open_with_worker(page)
    expect(page.locator(BAR)).to_be_visible(timeout=MEASURING)
    axe = Axe()
    wcag = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    assert axe.run(page, options=wcag).violations_count == 0
    page.context.set_offline(True)
    page.goto("/quiz")
    expect_offline_page(page)
    expect(page.locator("[data-offline-kept] a")).to_have_count(1)
    results = axe.run(page, options=wcag)
    assert results.violations_count == 0, results.generate_report()


def test_where_service_workers_are_blocked_the_site_works_and_logs_nothing(page: Page):
    # `page` comes from a context with service workers blocked (tests/e2e/conftest.py), like a
    # browser without them; any console error fails the test.
    page.goto("/muscles/calves")
    click_region(page, "hamstrings")
    expect(page.locator("#panel-heading")).to_have_text(NAMES["hamstrings"])
    assert page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
