"""What the site says about its embeds outside the embed pages themselves: the ``<iframe>`` code
a muscle page offers, the frame's title, and which of our addresses have an embed (for oEmbed
discovery and answers)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import current_app, url_for
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from webapp.content.model import Muscle, Phase, Problem, Spot
from webapp.pages.context import prepared, public_url
from webapp.pages.links import NOTHING_SHOWN, embed_path

EMBED_WIDTH, EMBED_HEIGHT = 720, 600  # what the copied code and oEmbed ask for, in CSS pixels
PROVIDER = "Stride Anatomy"
# The pages that have an embed -> whether they name (a muscle, a phase).
EMBEDDABLE = {
    "muscles.muscle": (True, False),
    "embeds.muscle": (True, False),
    "stride.phase": (False, True),
    "embeds.phase": (False, True),
    "stride.muscle_at_phase": (True, True),
    "embeds.muscle_at_phase": (True, True),
}


def embed_title(muscle: Muscle | None = None, phase: Phase | None = None) -> str:
    """What the frame is called, for screen readers and the oEmbed answer."""
    if muscle and phase:
        subject = f"{muscle.name} at {phase.short_name}"
    elif muscle:
        subject = f"{muscle.name} in running"
    elif phase:
        subject = f"{phase.name}: the running stride"
    else:
        raise ValueError(NOTHING_SHOWN)
    return f"{subject}, from {PROVIDER}"


def iframe_code(
    muscle: Muscle | None = None,
    phase: Phase | None = None,
    width: int = EMBED_WIDTH,
    height: int = EMBED_HEIGHT,
    view: str | None = None,
) -> str:
    """The ``<iframe>`` another site pastes in to show the embed, as text (in ``view``, a view's
    address segment; by default the view shown now)."""
    source = escape(public_url(embed_path(muscle, phase, view=view)))
    title = escape(embed_title(muscle, phase))
    return (
        f'<iframe src="{source}" width="{width}" height="{height}" title="{title}" '
        'loading="lazy" style="max-width: 100%; border: 0;"></iframe>'
    )


def pain_iframe_code(spot: Spot | None = None, problem: Problem | None = None) -> str:
    """The ``<iframe>`` code for the embed of a place that hurts or a running problem."""
    if spot:
        path, subject = url_for("embeds.spot", slug=spot.slug), f"{spot.name}: where it hurts"
    elif problem:
        path, subject = url_for("embeds.problem", slug=problem.slug), f"{problem.name} in runners"
    else:
        raise ValueError("an embed of the pain map shows a spot or a problem")
    source, title = escape(public_url(path)), escape(f"{subject}, from {PROVIDER}")
    return (
        f'<iframe src="{source}" width="{EMBED_WIDTH}" height="{EMBED_HEIGHT}" title="{title}" '
        'loading="lazy" style="max-width: 100%; border: 0;"></iframe>'
    )


def embeddable(endpoint: str, args: dict[str, Any]) -> tuple[Muscle | None, Phase | None] | None:
    """The muscle and phase a page of ours shows, when it has an embed; else None."""
    atlas = prepared().atlas
    muscle = atlas.muscle(args.get("slug") or args.get("muscle") or "")
    phase = atlas.phase(args.get("phase") or "")
    wanted = EMBEDDABLE.get(endpoint)
    if wanted is None or wanted != (muscle is not None, phase is not None):
        return None
    return muscle, phase


def page_at(url: str) -> tuple[str, dict[str, Any]] | None:
    """The endpoint and arguments of one of our own public addresses, or None for anything else."""
    try:
        ours, theirs = urlsplit(current_app.config["PUBLIC_BASE_URL"]), urlsplit(url.strip())
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if (theirs.scheme, theirs.netloc.lower()) != (ours.scheme, ours.netloc.lower()):
        return None
    if not (theirs.path + "/").startswith(ours.path + "/"):
        return None
    try:
        endpoint, arguments = current_app.url_map.bind(ours.hostname or "localhost").match(
            theirs.path[len(ours.path) :] or "/", method="GET"
        )
        return str(endpoint), dict(arguments)
    except HTTPException:  # not found, a redirect, or a method we do not serve
        return None
