"""When to answer with a fragment instead of a whole page.

htmx asks for a fragment by sending ``HX-Request: true``. After a history-cache miss (Back
into a page htmx no longer holds) it sends the same header plus
``HX-History-Restore-Request: true`` and expects something it can put in place of the whole
body, so those get the full page. Caches must keep the two apart: hence ``Vary``.
"""

from __future__ import annotations

from flask import Response, make_response, render_template
from htmx_flask import request

VARY_ON = ("HX-Request", "HX-History-Restore-Request")


def wants_fragment() -> bool:
    """True for a genuine htmx swap request; False for browsers and history restores."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def page_or_fragment(page: str, fragment: str, status: int = 200, **context: object) -> Response:
    """Render the fragment template for htmx swaps and the page template otherwise."""
    template = fragment if wants_fragment() else page
    response = make_response(render_template(template, **context), status)
    response.vary.update(VARY_ON)
    return response
