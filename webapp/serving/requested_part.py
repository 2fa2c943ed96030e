"""Page or fragment: the one function that decides which part of a page a request asks for.

htmx swaps parts of a page in place. A genuine htmx swap (``HX-Request`` whose ``HX-Target``
names a swappable part, and not a history restore) asks for that part; everything else (a
browser, a boosted whole-body swap, a history restore, an image or a sitemap fetched with htmx
headers) asks for the whole answer. The page renderer and the page cache both ask this function,
through htmx-flask's reading of the headers, so they can never disagree.
"""

from __future__ import annotations

from typing import Any

from htmx_flask.requests import HtmxHeaders
from werkzeug.datastructures import EnvironHeaders

# The id of each element htmx may swap alone -> the template block that renders it.
FRAGMENTS = {"stage": "main", "panel": "panel"}
# The request headers an answer depends on besides its path (every answer says so in Vary).
VARY_ON = ("HX-Request", "HX-Target", "HX-History-Restore-Request")
WHOLE = "page"  # what an answer that is not a fragment is called in RENDERED_AS
# Set on every rendered answer: which part it holds, so the page cache keeps only what it
# asked for. Never sent to a browser.
RENDERED_AS = "X-Stride-Anatomy-Rendered"


def requested_part(htmx: HtmxHeaders) -> str | None:
    """The template block an htmx swap asks for; None when the whole answer is wanted."""
    if not htmx or htmx.history_restore_request:
        return None
    return FRAGMENTS.get(htmx.target or "")


def requested_part_of(environ: dict[str, Any]) -> str | None:
    """:func:`requested_part` for a raw WSGI request (the page cache runs before Flask)."""
    return requested_part(HtmxHeaders(EnvironHeaders(environ)))
