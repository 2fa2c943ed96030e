"""Thin Flask views: each picks the data for one URL and renders a template."""

from __future__ import annotations

from flask import current_app

from webapp.site import Site


def site() -> Site:
    """The content and figures built when the app started."""
    return current_app.extensions["stride_anatomy"]
