"""Rendering a page, or just its changing part for htmx, from one template.

Every page template extends ``base.html``. For a genuine htmx swap (a request with
``HX-Request`` whose ``HX-Target`` names a swappable part, and not a history restore)
base.html renders only the page's ``<title>`` and that part's block: the ``main`` block for
the whole stage, the ``panel`` block when only the panel changes (another muscle in the same
figure). Otherwise it renders the whole page. This module is the only place that decides,
and every answer says so in ``Vary``.
"""

from __future__ import annotations

from flask import Response, current_app, make_response, render_template
from htmx_flask import request

# The id of each element htmx may swap alone -> the template block that renders it.
FRAGMENTS = {"stage": "main", "panel": "panel"}
# Blocks sent along with a part when the page has them: what the swap also picks out with
# hx-select-oob (the figure's view controls link to the open muscle).
COMPANIONS = {"panel": ("figure_controls",)}
VARY_ON = ("HX-Request", "HX-Target", "HX-History-Restore-Request")


def fragment_for(htmx: bool, history_restore: bool, target: str | None) -> str | None:
    """The block an htmx swap asks for; None for browsers, boosted whole-body swaps and
    history restores (which must get a whole page)."""
    if not htmx or history_restore:
        return None
    return FRAGMENTS.get(target or "")


def wants_fragment() -> str | None:
    """The block the current request asks for (see :func:`fragment_for`)."""
    htmx = request.htmx
    return fragment_for(
        bool(htmx), bool(htmx and htmx.history_restore_request), htmx.target if htmx else None
    )


RENDERED_AS = "X-Stride-Anatomy-Rendered"  # which part was rendered, for the page cache


def render_page(template: str, status: int = 200, **context: object) -> Response:
    """The page, or only its title and the part an htmx swap asks for (the whole page when
    the template has no such part)."""
    fragment = wants_fragment()
    blocks = current_app.jinja_env.get_template(template).blocks
    if fragment and fragment not in blocks:
        fragment = None
    parts = [fragment, *(b for b in COMPANIONS.get(fragment, ()) if b in blocks)] if fragment else []
    response = make_response(render_template(template, fragment=parts, status=status, **context), status)
    response.headers[RENDERED_AS] = fragment or "page"
    response.vary.update(VARY_ON)
    return response
