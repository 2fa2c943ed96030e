"""Embeds in a real browser: a page on another origin (a second local port) frames
/embed/calves, and clicking inside the frame works; framing the atlas's home page is refused."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.helpers import click_region_in_frame


@contextmanager
def other_site(pages: dict[str, str]) -> Iterator[str]:
    """A tiny site on another loopback port (so another origin) serving ``pages`` (path -> HTML)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def framing(src: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
        "<title>A class blog</title></head>"
        f'<body><h1>Our lesson</h1><iframe id="embed" src="{src}" width="720" height="600" '
        'title="From Stride Anatomy"></iframe></body></html>'
    )


@pytest.fixture
def blog(base_url) -> Iterator[str]:
    pages = {"/embed": framing(f"{base_url}/embed/calves"), "/home": framing(f"{base_url}/")}
    with other_site(pages) as url:
        assert url != base_url
        yield url


def test_another_site_frames_an_embed_and_a_click_inside_it_works(page: Page, blog):
    page.goto(f"{blog}/embed")
    frame = page.frame_locator("#embed")
    expect(frame.locator("#panel-heading")).to_have_text("Calves")
    click_region_in_frame(page, "#embed", "quadriceps")
    expect(frame.locator("#panel-heading")).to_have_text("Quadriceps")
    expect(
        frame.locator('svg a.region[data-muscle="quadriceps"][aria-current="page"]').first
    ).to_be_attached()
    embedded = page.locator("#embed").element_handle().content_frame()
    assert embedded and embedded.url.endswith("/embed/quadriceps")
    assert page.url == f"{blog}/embed"  # the host page stays where it was
    link = frame.get_by_role("link", name=re.compile("The full page"))
    expect(link).to_have_attribute("target", "_blank")


def test_framing_the_atlas_itself_is_refused(browser, blog):
    context = browser.new_context()
    try:
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda message: messages.append(message.text))
        page.goto(f"{blog}/home")
        embedded = page.locator("#embed").content_frame
        expect(embedded.locator("body")).not_to_contain_text("Stride Anatomy")
        expect(page.locator("h1")).to_have_text("Our lesson")
        assert embedded.locator("#panel-heading").count() == 0
        page.wait_for_function("true")  # let the refusal reach the console
        assert any("frame-ancestors 'none'" in text for text in messages), messages
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/embed/calves", "/embed/stride/toe-off", "/muscles/calves"])
def test_embeds_and_the_embed_code_pass_an_accessibility_audit(page: Page, path):
    page.goto(path)
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()


def test_the_copy_button_copies_the_embed_code(open_page):
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto("/muscles/calves")
    page.get_by_text("Embed on a website").click()
    page.get_by_role("button", name="Copy the code").click()
    expect(page.locator(".embed-code__done")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("<iframe src=") and "/embed/calves" in copied


@pytest.mark.parametrize("width", [375, 1280])
def test_an_embed_fits_a_phone_and_a_wide_frame_without_sideways_scrolling(open_page, width):
    page = open_page(viewport={"width": width, "height": 600})
    page.goto("/embed/stride/toe-off")
    expect(page.locator("#panel-heading")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
