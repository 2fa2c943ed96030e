"""The one cache: every page is rendered once, then served from memory before Flask runs.

The content cannot change while the app runs, and every absolute address in a page comes
from the public base URL fixed at start-up (never from the request), so a page is a pure
function of its address and of which part htmx asked for. Views that are such functions are
marked with :func:`cached_page`. :class:`PageCache` is WSGI middleware (as WhiteNoise is for
static files): the first request for a marked page goes through Flask and is kept, with a
strong ETag and its gzip and brotli forms once a client asks for them; later requests are
answered from memory without routing, templates or a request context: a dictionary look-up,
or ``304 Not Modified`` when the browser already holds the page.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import wraps
from threading import Lock
from typing import Any

import brotli
from flask import Flask, Response, make_response
from werkzeug.http import parse_accept_header, parse_etags
from werkzeug.sansio.utils import host_is_trusted

from webapp.serving.requested_part import RENDERED_AS, VARY_ON, WHOLE, requested_part_of

MARKER = "X-Stride-Anatomy-Cacheable"  # set by cached_page, never sent to a browser
MAX_ENTRIES = 4096  # bounded, so odd addresses cannot grow memory without limit
CODINGS = ("br", "gzip")  # preferred first
PAGE_CACHING = "public, no-cache"  # shared caches may keep a page but must revalidate it
FRAGMENT_CACHING = "private, no-cache"  # a fragment is never stored where it could be mixed up
VARY = ", ".join((*VARY_ON, "Accept-Encoding"))
# Brotli one step below its best, as for static files: about 2% larger, and three times
# faster on the first request for each page (a muscle page: 70 ms instead of 200 ms; the
# Play frames: 0.5 s instead of 2.1 s).
COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "br": lambda body: brotli.compress(body, quality=10),
    "gzip": lambda body: gzip.compress(body, compresslevel=9, mtime=0),
}
# Pictures are compressed already: squeezing them again costs time and saves nothing.
ALREADY_COMPRESSED = ("image/png", "image/jpeg", "image/webp")
StartResponse = Callable[..., Any]


def cached_page(view: Callable[..., Any]) -> Callable[..., Response]:
    """Mark a view whose answer depends only on its path (and the part htmx asks for), never
    on the query string: :class:`PageCache` keeps its successful answers. Errors are never
    kept."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        response = make_response(view(*args, **kwargs))
        response.headers[MARKER] = "1"
        return response

    wrapper.cached_page = True  # type: ignore[attr-defined]  # so tests can find every cached view
    return wrapper


@dataclass(frozen=True)
class CachedAnswer:
    """A rendered answer, and each compressed form of it once a client has asked for that
    coding; every form has its own strong ETag."""

    body: bytes
    digest: str
    headers: tuple[tuple[str, str], ...]
    caching: str
    codings: tuple[str, ...] = CODINGS  # the content codings worth offering for this body
    compressed: dict[str, bytes] = field(default_factory=dict)

    def encoded(self, coding: str) -> bytes:
        """The body in ``coding``, compressed the first time it is asked for."""
        if coding == "identity":
            return self.body
        if coding not in self.compressed:
            # Two threads may both compress on a first visit; the results are identical.
            self.compressed[coding] = COMPRESSORS[coding](self.body)
        return self.compressed[coding]

    def serve(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """The best coding the client accepts, or 304 when it already holds that one."""
        accepted = parse_accept_header(environ.get("HTTP_ACCEPT_ENCODING"))
        coding = next((c for c in self.codings if accepted[c]), "identity")
        etag = self.digest if coding == "identity" else f"{self.digest}-{coding}"
        headers = [*self.headers, ("Vary", VARY), ("ETag", f'"{etag}"'), ("Cache-Control", self.caching)]
        if parse_etags(environ.get("HTTP_IF_NONE_MATCH")).contains(etag):
            start_response("304 Not Modified", headers)
            return []
        body = self.encoded(coding)
        if coding != "identity":
            headers.append(("Content-Encoding", coding))
        start_response("200 OK", [*headers, ("Content-Length", str(len(body)))])
        return [body]


class PageCache:
    """WSGI middleware answering marked pages from memory (see the module's docstring)."""

    def __init__(self, app: Flask, inner: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self.inner = inner
        # (script name, path, fragment) -> answer
        self.store: OrderedDict[tuple[str, str, str | None], CachedAnswer] = OrderedDict()
        self.lock = Lock()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ["REQUEST_METHOD"] != "GET":
            return self.inner(environ, start_response)
        # The path alone: a marked view never reads the query string (every state has a path
        # of its own), so ``?anything`` can neither fill the cache nor force a fresh render.
        key = (environ.get("SCRIPT_NAME", ""), environ.get("PATH_INFO", ""), requested_part_of(environ))
        with self.lock:
            entry = self.store.get(key)
            if entry:
                self.store.move_to_end(key)
        if entry and self._trusted(environ):
            return entry.serve(environ, start_response)
        return self._render(environ, start_response, key)

    def _trusted(self, environ: dict[str, Any]) -> bool:
        """Only a trusted Host may be answered from memory; Flask answers the others (400)."""
        trusted = self.app.config.get("TRUSTED_HOSTS")
        return trusted is None or host_is_trusted(environ.get("HTTP_HOST", ""), trusted)

    def _render(
        self, environ: dict[str, Any], start_response: StartResponse, key: tuple[str, str, str | None]
    ) -> Iterable[bytes]:
        """Let Flask answer, and keep the answer when the view was marked and it succeeded."""
        answered: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable:
            answered.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None  # the body is collected below, never written early

        chunks = self.inner(environ, capture)
        try:
            body = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
        headers = answered["headers"]
        marked = any(name == MARKER for name, _ in headers)
        rendered = next((v for k, v in headers if k == RENDERED_AS), WHOLE)
        private = {MARKER, RENDERED_AS}
        kept = tuple(
            (k, v) for k, v in headers if k not in {*private, "Content-Length", "Vary", "Cache-Control"}
        )
        # Flask and this cache ask the same function which part is wanted, so Flask renders
        # either that part or, when the answer has no such part (a picture, a sitemap, a page
        # without a panel), the whole answer, and does so for every request with this key.
        if not (marked and answered["status"].startswith("200") and rendered in {key[2] or WHOLE, WHOLE}):
            public = [(k, v) for k, v in headers if k not in private]
            start_response(answered["status"], public, answered["exc_info"])
            return [body]
        content_type = next((v for k, v in kept if k == "Content-Type"), "")
        entry = CachedAnswer(
            body=body,
            digest=hashlib.sha256(body).hexdigest()[:20],
            headers=kept,
            caching=PAGE_CACHING if rendered == WHOLE else FRAGMENT_CACHING,
            codings=() if content_type.split(";")[0] in ALREADY_COMPRESSED else CODINGS,
        )
        with self.lock:
            self.store[key] = entry
            if len(self.store) > MAX_ENTRIES:
                self.store.popitem(last=False)
        return entry.serve(environ, start_response)


def init_page_cache(app: Flask) -> None:
    """Put the page cache in front of Flask (inside the static files and proxy layers); it is
    also ``app.extensions["page_cache"]``, for benchmarks that time a first render."""
    cache = PageCache(app, app.wsgi_app)
    app.extensions["page_cache"] = cache
    app.wsgi_app = cache  # type: ignore[method-assign]
