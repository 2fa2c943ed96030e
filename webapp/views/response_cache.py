"""The one cache: every page is rendered, compressed and tagged once, then served from memory.

The content cannot change while the app runs, and every absolute address in a page comes
from the public base URL fixed at start-up (never from the request), so a page is a pure
function of its address and of whether htmx asked for the stage alone. The first request renders it; the answer is kept
with a strong ETag, and its gzip and brotli forms once asked for, so later requests cost a
dictionary look-up, a ``304 Not Modified`` when the browser already has it, and no
compression work.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from threading import Lock
from typing import Any

import brotli
from flask import Request, Response, current_app, make_response, request

from webapp.views.pages import VARY_ON, wants_fragment

MAX_ENTRIES = 4096  # bounded, so odd addresses cannot grow memory without limit
CODINGS = ("br", "gzip")  # preferred first
# Formats that are compressed already: compressing them again costs time and saves nothing.
ALREADY_COMPRESSED = frozenset({"image/png", "image/jpeg", "image/webp"})
PAGE_CACHING = "public, no-cache"  # shared caches may keep a page but must revalidate it
FRAGMENT_CACHING = "private, no-cache"  # a fragment is never stored where it could be mixed up


COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "br": lambda body: brotli.compress(body, quality=11),
    "gzip": lambda body: gzip.compress(body, compresslevel=9, mtime=0),
}


@dataclass(frozen=True)
class CachedAnswer:
    """A rendered answer, and each compressed form of it once a client has asked for that
    coding (none for a format that is compressed already); every form has its own strong ETag."""

    body: bytes
    digest: str
    headers: tuple[tuple[str, str], ...]
    caching: str
    codings: tuple[str, ...] = CODINGS
    compressed: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def of(cls, response: Response, fragment: bool) -> CachedAnswer:
        """Keep ``response``'s body and the headers that belong to it."""
        body = response.get_data()
        kept = tuple(
            (k, v) for k, v in response.headers.items() if k.lower() not in {"content-length", "vary"}
        )
        digest = hashlib.sha256(body).hexdigest()[:20]
        codings = () if response.mimetype in ALREADY_COMPRESSED else CODINGS
        return cls(body, digest, kept, FRAGMENT_CACHING if fragment else PAGE_CACHING, codings)

    def encoded(self, coding: str) -> bytes:
        """The body in ``coding``, compressed the first time it is asked for."""
        if coding == "identity":
            return self.body
        if coding not in self.compressed:
            # Two threads may both compress on a first visit; the results are identical.
            self.compressed[coding] = COMPRESSORS[coding](self.body)
        return self.compressed[coding]

    def answer(self, asked: Request) -> Response:
        """The best coding the client accepts, or 304 when it already holds that one."""
        coding = next((c for c in self.codings if asked.accept_encodings[c]), "identity")
        etag = self.digest if coding == "identity" else f"{self.digest}-{coding}"
        response = Response(status=200, headers=list(self.headers))
        response.vary.update((*VARY_ON, "Accept-Encoding"))
        response.set_etag(etag)
        response.headers["Cache-Control"] = self.caching
        if asked.if_none_match.contains(etag):
            response.status_code = 304
            return response
        if coding != "identity":
            response.content_encoding = coding
        response.set_data(self.encoded(coding))
        return response


_lock = Lock()


def cached_page(view: Callable[..., Any]) -> Callable[..., Response]:
    """Serve a view's successful answers from the cache (per app). Errors are rendered fresh
    each time and never kept."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        store: OrderedDict = current_app.extensions.setdefault("cached_pages", OrderedDict())
        fragment = wants_fragment()
        key = (request.full_path, fragment)
        with _lock:
            entry = store.get(key)
            if entry:
                store.move_to_end(key)
        if entry is None:
            response = make_response(view(*args, **kwargs))
            if response.status_code != 200 or response.direct_passthrough:
                return response
            entry = CachedAnswer.of(response, fragment)
            with _lock:
                store[key] = entry
                if len(store) > MAX_ENTRIES:
                    store.popitem(last=False)
        return entry.answer(request)

    return wrapper
