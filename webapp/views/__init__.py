"""Thin Flask views: each picks the data for one URL and renders a template."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import current_app, url_for

from webapp.site import Site
from webapp.views.glossary_links import TermLinker


def site() -> Site:
    """The content and figures built when the app started."""
    return current_app.extensions["stride_anatomy"]


def reading_aids(source_ids: Iterable[str]) -> dict[str, Any]:
    """Template context every content page needs: its numbered sources and a glossary linker."""
    sources = site().atlas.sources_by_id(list(source_ids))
    return {
        "sources": sources,
        "citation_numbers": {source.id: number for number, source in enumerate(sources, start=1)},
        "explain": TermLinker(site().terms, url_for("guides.glossary")),
    }
