"""Rendering a page, or just its changing part for htmx, from one template.

Every page template extends ``base.html``. For a genuine htmx swap of the stage (a request
with ``HX-Request`` whose ``HX-Target`` is ``stage``, and not a history restore) base.html
renders only the page's ``<title>`` and its ``main`` block; otherwise the whole page. This
module is the only place that decides, and every answer says so in ``Vary``.
"""

from __future__ import annotations

from flask import Response, make_response, render_template
from htmx_flask import request

STAGE_ID = "stage"
VARY_ON = ("HX-Request", "HX-Target", "HX-History-Restore-Request")


def wants_fragment() -> bool:
    """True for an htmx swap of the stage; False for browsers, boosted whole-body swaps and
    history restores (which must get a whole page)."""
    htmx = request.htmx
    return bool(htmx) and not htmx.history_restore_request and htmx.target == STAGE_ID


def render_page(template: str, status: int = 200, **context: object) -> Response:
    """The page, or only its title and stage for an htmx swap."""
    response = make_response(
        render_template(template, fragment=wants_fragment(), status=status, **context), status
    )
    response.vary.update(VARY_ON)
    return response
