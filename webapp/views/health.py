"""``/healthz``: a cheap answer a load balancer can poll."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify

from webapp.pages.context import prepared

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz() -> Response:
    """200 with the content's size once the app has loaded; never cached by anyone."""
    response = jsonify(status="ok", muscles=len(prepared().atlas.muscles))
    response.headers["Cache-Control"] = "no-store"
    return response
