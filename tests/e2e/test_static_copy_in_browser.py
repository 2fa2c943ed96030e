"""The static copy in Chromium, served by ``python -m http.server`` (no app behind it): the atlas
and stride mode swap, deep-link and go back exactly as they do on the app.

A static server answers ``/muscles/calves`` with a redirect to ``/muscles/calves/`` (the folder
the export wrote), so addresses here may end with a slash."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from harness.server import free_port, running
from tests.conftest import real_content
from tests.e2e.conftest import watch_console
from tests.e2e.helpers import click_region, document_was_kept, mark_document

NAMES = {m.slug: m.name for m in real_content().atlas.muscles}


def at(path: str) -> re.Pattern[str]:
    """The address ``path``, with or without the static server's trailing slash."""
    return re.compile(re.escape(path.rstrip("/")) + "/?$")


@pytest.fixture(scope="module")
def static_site(exported_site) -> Iterator[str]:
    """The shared export, served by Python's plain static file server on a free loopback port
    (its printed addresses name the public base URL it was made for, not this port)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    folder = exported_site
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", folder]
    with running(command, f"{url}/", quiet=True):
        yield url


@pytest.fixture
def static_page(browser: Browser, static_site: str) -> Iterator[Page]:
    """A page on the static copy, failing the test on any console error."""
    context = browser.new_context(base_url=static_site)
    page = context.new_page()
    errors: list[str] = []
    watch_console(page, errors)
    yield page
    context.close()
    assert errors == [], f"browser console errors: {errors}"


def expect_muscle(page: Page, slug: str) -> None:
    expect(page).to_have_url(at(f"/muscles/{slug}"))
    expect(page.locator("#panel-heading")).to_have_text(NAMES[slug])
    expect(page.locator(f'svg a.region[data-muscle="{slug}"][aria-current="page"]').first).to_be_attached()
    expect(page.locator("#stage")).to_have_count(1)
    expect(page.locator("header.site-header")).to_have_count(1)


def test_clicking_a_region_swaps_the_panel_and_changes_the_address(static_page: Page):
    static_page.goto("/")
    mark_document(static_page)
    click_region(static_page, "calves")
    expect_muscle(static_page, "calves")
    expect(static_page).to_have_title(re.compile(f"^{NAMES['calves']} in running"))
    static_page.locator('.muscle-list a[data-muscle="hamstrings"]').click()
    expect_muscle(static_page, "hamstrings")
    assert document_was_kept(static_page), "a click reloaded the page instead of swapping the panel"


def test_a_cold_deep_link_opens_on_that_muscle(static_page: Page):
    static_page.goto("/muscles/glute-medius")
    expect_muscle(static_page, "glute-medius")


def test_back_and_forward_move_between_muscles(static_page: Page):
    static_page.goto("/")
    click_region(static_page, "calves")
    expect_muscle(static_page, "calves")
    click_region(static_page, "hamstrings")
    expect_muscle(static_page, "hamstrings")
    static_page.go_back()
    expect_muscle(static_page, "calves")
    static_page.go_back()
    expect(static_page.locator("#panel-heading")).to_have_text("What muscles does running work?")
    static_page.go_forward()
    expect_muscle(static_page, "calves")


def test_stride_mode_steps_by_swapping_and_goes_back(static_page: Page):
    static_page.goto("/stride/loading")
    mark_document(static_page)
    static_page.locator('a[data-step="next"]').click()
    expect(static_page).to_have_url(at("/stride/midstance"))
    expect(static_page.locator('.phase-steps a[data-phase="midstance"]')).to_have_attribute(
        "aria-current", "step"
    )
    static_page.locator('.phase-steps a[data-phase="toe-off"]').click()
    expect(static_page.locator("#panel-heading")).to_have_text("Propulsion and toe-off")
    assert document_was_kept(static_page)
    static_page.go_back()
    expect(static_page).to_have_url(at("/stride/midstance"))
    expect(static_page.locator("header.site-header")).to_have_count(1)


def test_a_muscle_at_a_phase_opens_cold_and_keeps_the_muscle_while_stepping(static_page: Page):
    static_page.goto("/stride/toe-off/calves")
    expect(static_page.locator("#panel-heading")).to_have_text(NAMES["calves"])
    static_page.locator('a[data-step="next"]').click()
    expect(static_page).to_have_url(re.compile(r"/stride/[a-z-]+/calves/?$"))
    expect(static_page.locator("#panel-heading")).to_have_text(NAMES["calves"])


def test_an_unknown_address_on_the_static_host_is_not_the_app(static_page: Page):
    # Python's server has no custom 404 page; hosts that do (nginx, Pages) serve 404.html.
    response = static_page.request.get("/muscles/elbow")
    assert response.status == 404


def test_the_presenter_moves_between_muscles(static_page: Page):
    first, second = list(NAMES)[:2]
    static_page.goto("/present")
    expect(static_page).to_have_url(at(f"/present/{first}"))
    static_page.locator('a[rel="next"]').click()
    expect(static_page).to_have_url(at(f"/present/{second}"))  # waits for the swap, unlike a bare assert
    expect(static_page.locator("header.site-header")).to_have_count(0)
