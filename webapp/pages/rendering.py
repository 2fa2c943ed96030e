"""Rendering a page, or just its changing part for htmx, from one template.

Every page template extends ``base.html``. For a genuine htmx swap (see
:mod:`webapp.serving.requested_part`, the one place that decides) base.html renders only the
page's ``<title>`` and that part's block: the ``main`` block for the whole stage, the ``panel``
block when only the panel changes (another muscle in the same figure). Otherwise, or when the
template has no such block, it renders the whole page. Every answer says so in ``Vary``.
"""

from __future__ import annotations

from flask import Response, current_app, make_response, render_template
from htmx_flask import request

from webapp.serving.requested_part import RENDERED_AS, VARY_ON, WHOLE, requested_part

# Blocks sent along with a part when the page has them: what the swap also picks out with
# hx-select-oob (the figure's view controls link to the open muscle and say when the view does
# not show it; the lead above the runner holds the front page's title).
COMPANIONS = {"panel": ("figure_controls", "view_controls", "stage_lead")}


def render_page(template: str, status: int = 200, **context: object) -> Response:
    """The page, or only its title and the part an htmx swap asks for (the whole page when
    the template has no such part)."""
    fragment = requested_part(request.htmx)
    blocks = current_app.jinja_env.get_template(template).blocks
    if fragment and fragment not in blocks:
        fragment = None
    parts = [fragment, *(b for b in COMPANIONS.get(fragment, ()) if b in blocks)] if fragment else []
    response = make_response(render_template(template, fragment=parts, status=status, **context), status)
    response.headers[RENDERED_AS] = fragment or WHOLE
    response.vary.update(VARY_ON)
    return response
