"""What every view looks up: the content prepared at start-up, a muscle, phase or speed named by an
address (or the friendly 404), the reading aids of a content page, the main menu and public
addresses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import abort, current_app, request, url_for

from webapp.content.model import MOST_PLAN_EXERCISES, MeasuredSpeed, Muscle, Phase
from webapp.pages.glossary_links import TermLinker
from webapp.prepared import Prepared
from webapp.serving.public_address import join_url

EXTENSION_KEY = "stride_anatomy"
# The site in a sentence: for pages that do not describe themselves, and the site's picture.
SITE_DESCRIPTION = (
    "An interactive atlas of the muscles that make a person run: what each one does in the "
    "stride, what goes wrong when it is weak or tight, and how to make it strong."
)


def prepared() -> Prepared:
    """The content and poses prepared when the app started."""
    return current_app.extensions[EXTENSION_KEY]


def muscle_or_404(slug: str) -> Muscle:
    """The muscle an address names, or the friendly 404."""
    found = prepared().atlas.muscle(slug)
    if found is None:
        abort(404)
    return found


def phase_or_404(slug: str) -> Phase:
    """The stride phase an address names, or the friendly 404."""
    found = prepared().atlas.phase(slug)
    if found is None:
        abort(404)
    return found


def speed_or_404(slug: str) -> MeasuredSpeed:
    """The measured speed an address names, or the friendly 404."""
    found = prepared().atlas.speeds.find(slug)
    if found is None:
        abort(404)
    return found


def reading_aids(source_ids: Iterable[str]) -> dict[str, Any]:
    """Template context every content page needs: its numbered sources and a glossary linker."""
    sources = prepared().atlas.sources_by_id(list(source_ids))
    return {
        "sources": sources,
        "citation_numbers": {source.id: number for number, source in enumerate(sources, start=1)},
        "explain": TermLinker(prepared().terms, url_for("guides.glossary")),
    }


# The site's sections: (endpoint of the section's front page, label, blueprint inside it).
# "Where does it hurt?" comes second: on a phone it is in view without scrolling the menu.
SECTIONS = (
    ("muscles.index", "Muscles", "muscles"),
    ("pain.index", "Where does it hurt?", "pain"),
    ("stride.start", "Stride", "stride"),
    ("speed.start", "Speed", "speed"),
    ("guides.training", "Training", "guides.training"),
    ("guides.soreness", "Soreness", "guides.soreness"),
    ("guides.glossary", "Glossary", "guides.glossary"),
    ("tours.index", "Teach", "teach"),
)


def main_navigation() -> dict[str, Any]:
    """Template context: the main menu as (url, label, is-current) triples, and the most
    exercises a plan holds (the header's "Plan (n)" and every "Add to plan" button keep to it)."""
    endpoint = request.endpoint or ""
    teaching = request.blueprint in {"tours", "quiz", "worksheet"}
    return {
        "main_navigation": [
            (
                url_for(front),
                label,
                endpoint == inside or request.blueprint == inside or (inside == "teach" and teaching),
            )
            for front, label, inside in SECTIONS
        ],
        "plan_most": MOST_PLAN_EXERCISES,
    }


def public_url(path: str) -> str:
    """The address students can reach: the public base URL fixed at start-up, never the
    request's Host (see webapp/serving/public_address.py)."""
    return join_url(current_app.config["PUBLIC_BASE_URL"], path)


def reachable_only_here(url: str) -> bool:
    """True when the address points at this computer only (phones cannot open it)."""
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host in {"localhost", "::1", "[::1]"} or host.startswith("127.")
