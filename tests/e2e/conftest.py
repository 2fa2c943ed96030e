"""Real-browser fixtures: the app served on loopback, Chromium found on this machine, and a
check that no page ever logs a console error (CSP violations included)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page

from harness.browser import INSTALL_HINT, chromium_path, launch_options
from harness.server import free_port, serving
from webapp import create_app
from webapp.views.offline import warm


def _playwright_has_its_own_chromium() -> bool:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        return Path(pw.chromium.executable_path).exists()


def pytest_collection_modifyitems(config, items):
    e2e = [item for item in items if "tests/e2e/" in str(item.fspath).replace(os.sep, "/")]
    for item in e2e:
        item.add_marker(pytest.mark.e2e)
    if e2e and not chromium_path(shell=True) and not _playwright_has_its_own_chromium():
        if os.environ.get("CI"):
            raise pytest.UsageError(INSTALL_HINT)
        for item in e2e:
            item.add_marker(pytest.mark.skip(reason=INSTALL_HINT))


@pytest.fixture(scope="session")
def served_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def app(served_port):
    """The app as the browser sees it: its public address (in QR codes) is where it is served."""
    return create_app(testing=True, public_url=f"http://127.0.0.1:{served_port}")


@pytest.fixture(scope="session")
def base_url(app, served_port):
    """pytest-playwright's base URL: the app, served for the whole session.

    Every kept page is rendered before serving, as the production server does at start-up:
    first visits are then memory look-ups, as a reader finds them, and the offline copy's size
    (which every page's first visit asks for) is known."""
    warm(app)
    with serving(app, served_port) as url:
        yield url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Pages under test behave as on a first visit: the service worker, which would precache the
    whole site in every test's fresh context, is tested on its own (test_offline_in_browser.py)."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, tmp_path_factory):
    headless = browser_type_launch_args.get("headless", True)  # --headed needs the full browser
    return {**browser_type_launch_args, **launch_options(tmp_path_factory.mktemp("chromium"), shell=headless)}


def watch_console(page: Page, errors: list[str]) -> None:
    """Record console errors and uncaught exceptions of ``page`` into ``errors``.

    The one exception: Chromium logs a 404 for a page the test deliberately opened at an
    unknown address. A missing script, stylesheet or fragment still counts.
    """
    documents: set[str] = set()

    def on_console(message) -> None:
        deliberate_404 = "status of 404" in message.text and message.location.get("url") in documents
        if message.type == "error" and not deliberate_404:
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("framenavigated", lambda frame: documents.add(frame.url))
    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))


@pytest.fixture(autouse=True)
def console_errors(request):
    """Any console error on the test's page fails the test (CSP violations included)."""
    errors: list[str] = []
    if "page" in request.fixturenames:
        watch_console(request.getfixturevalue("page"), errors)
    yield errors
    assert errors == [], f"browser console errors: {errors}"


@pytest.fixture
def open_page(browser, base_url):
    """Open a page in a context of its own (phone size, no JavaScript, reduced motion...),
    watched for console errors like every other page."""
    contexts, errors = [], []

    def factory(**options) -> Page:
        context = browser.new_context(**{"base_url": base_url, **options})  # another site may be named
        contexts.append(context)
        page = context.new_page()
        watch_console(page, errors)
        return page

    yield factory
    for context in contexts:
        context.close()
    assert errors == [], f"browser console errors: {errors}"
