"""The site as a visitor finds it: a crawl that follows every link, to check the page list.

The crawl starts from each rule in the app's URL map that takes no arguments and follows
every same-site address a page mentions (links, figure links, ``data-frames``, stylesheets,
scripts, icons), and every absolute address under the public base URL in any text answer
(canonical links, preview images, embed code, a sitemap). It renders every page, so the app never
runs it: the page list (:mod:`webapp.pages.page_list`) is worked out without
rendering, and a test crawls once to check that the two agree and that no link leads nowhere.
"""

from __future__ import annotations

import gzip
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser

from flask import Flask
from werkzeug.exceptions import HTTPException

from webapp.pages.page_list import LIST_BASE, NEEDS_QUERY, SERVER_ONLY, Address, drawn_on_demand

REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Site:
    """What the crawl found: files that answer 200 (pages, fragments, assets, images) with
    their gzipped size, the addresses that redirect (to where), links that lead nowhere (link,
    page it was on), and links left to the running server (the quiz, other views' modes)."""

    files: tuple[str, ...]
    redirects: dict[str, str] = field(default_factory=dict)
    broken: tuple[tuple[str, str], ...] = ()
    gzipped: dict[str, int] = field(default_factory=dict)
    left_out: tuple[str, ...] = ()

    @property
    def pages(self) -> tuple[str, ...]:
        """The HTML pages (and the play button's frames), without the static files."""
        return tuple(path for path in self.files if is_page(path))

    @property
    def assets(self) -> tuple[str, ...]:
        """The static files the pages use (fingerprinted names)."""
        return tuple(path for path in self.files if path.startswith("/static/"))


def is_page(path: str) -> bool:
    """An address with no extension is a page (``/muscles/calves``); ``/sw.js`` is a file."""
    return Address(path).is_page


class _Attributes(HTMLParser):
    """Collects every attribute value of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.values += [value for _, value in attrs if value]


def mentioned(text: str, public_base_url: str) -> list[str]:
    """Absolute addresses under the public base URL anywhere in ``text`` (a backslash ends one:
    in a script's string, such as the offline page inside the worker, it escapes a quote)."""
    return re.findall(re.escape(public_base_url) + r"/[^\s\"'<>&\\]*", text)


def site_path(value: str, public_base_url: str) -> str | None:
    """The site path an attribute value points at (``/muscles/calves``), or None when it is
    not an address on this site, or has a query string (a static file cannot vary by it)."""
    value = value.split("#", 1)[0]
    if value.startswith(public_base_url + "/"):
        value = value[len(public_base_url) :]
    if not value.startswith("/") or value.startswith("//") or "?" in value:
        return None
    return value


def left_out(app: Flask, path: str) -> bool:
    """True when ``path`` needs the running app, or is drawn by it on demand."""
    try:
        endpoint, values = app.url_map.bind("localhost").match(path, method="GET")
    except HTTPException:
        return False
    endpoint = str(endpoint)
    return (
        endpoint.split(".", 1)[0] in SERVER_ONLY
        or endpoint in NEEDS_QUERY
        or drawn_on_demand(endpoint, values)
    )


def crawl(app: Flask, starts: list[str] | None = None) -> Site:
    """Ask the app for every page it links to, starting from ``starts`` (by default, its
    argument-free GET rules)."""
    client = app.test_client()
    public = app.config["PUBLIC_BASE_URL"]
    queue = deque(
        starts
        or (
            rule.rule
            for rule in app.url_map.iter_rules()
            if not rule.arguments and "GET" in rule.methods and rule.endpoint != "static"
        )
    )
    starts: set[str] = set(queue)
    seen = set(starts)
    files: list[str] = []
    redirects: dict[str, str] = {}
    broken: list[tuple[str, str]] = []
    found_on: dict[str, str] = {}
    gzipped: dict[str, int] = {}
    skipped: list[str] = []
    while queue:
        path = queue.popleft()
        if left_out(app, path):
            skipped.append(path)
            continue
        response = client.get(path, base_url=LIST_BASE)
        links: list[str] = []
        if response.status_code == 200:
            files.append(path)
            gzipped[path] = len(gzip.compress(response.get_data(), 9, mtime=0))
            if response.mimetype == "text/html":
                parser = _Attributes()
                parser.feed(response.get_data(as_text=True))
                links = parser.values
            if response.mimetype.startswith("text/") or response.mimetype.endswith(("xml", "json")):
                links += mentioned(response.get_data(as_text=True), public)
        elif response.status_code in REDIRECTS and response.location:
            redirects[path] = site_path(response.location.removeprefix(LIST_BASE), public) or "/"
            links = [redirects[path]]
        elif path not in starts:  # a rule that needs a query string is not a broken link
            broken.append((path, found_on.get(path, "")))
        response.close()
        for link in links:
            target = site_path(link, public)
            if target and target not in seen:
                seen.add(target)
                found_on[target] = path
                queue.append(target)
    return Site(tuple(files), redirects, tuple(broken), gzipped, tuple(skipped))
