"""Embeds: a muscle or a phase of the stride (the runner and a short panel) made for an iframe
on another site, such as a learning platform or a class blog, and the oEmbed answer that turns
a pasted link to a muscle or phase page into that embed.

Only these pages may be framed, and only by the sites ``STRIDE_ANATOMY_EMBED_ORIGINS`` names
(see webapp/security.py). Clicking a muscle on the figure stays inside the frame; every other
link opens the full atlas in a new tab, because the atlas's own pages refuse to be framed.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from webapp.content.model import Muscle, Phase
from webapp.figure.preview import HEIGHT, WIDTH
from webapp.gait.activation import working_in
from webapp.security import allow_framing
from webapp.views import muscle_or_404, phase_or_404, prepared, public_url
from webapp.views.figures import runner
from webapp.views.muscles import muscle_url
from webapp.views.pages import render_page
from webapp.views.previews import picture_of
from webapp.views.response_cache import cached_page
from webapp.views.stride import phase_url

blueprint = Blueprint("embeds", __name__)
EMBED_WIDTH, EMBED_HEIGHT = 720, 600  # what the copied code and oEmbed ask for, in CSS pixels
LEVEL_WORDS = {"strong": "works hard", "light": "works lightly", "off": "rests"}
PROVIDER = "Stride Anatomy"
NOTHING_SHOWN = "an embed shows a muscle, a phase, or both"


def embed_path(muscle: Muscle | None = None, phase: Phase | None = None) -> str:
    """The embed of a muscle, a phase, or a muscle at a phase."""
    if phase:
        if muscle:
            return url_for("embeds.muscle_at_phase", phase=phase.slug, muscle=muscle.slug)
        return url_for("embeds.phase", phase=phase.slug)
    if muscle is None:
        raise ValueError(NOTHING_SHOWN)
    return url_for("embeds.muscle", slug=muscle.slug)


def full_page_path(muscle: Muscle | None, phase: Phase | None) -> str:
    """The atlas page an embed stands for."""
    if phase:
        return phase_url(phase, muscle)
    if muscle is None:
        raise ValueError(NOTHING_SHOWN)
    return muscle_url(muscle)


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
) -> str:
    """The ``<iframe>`` another site pastes in to show the embed, as text."""
    source, title = escape(public_url(embed_path(muscle, phase))), escape(embed_title(muscle, phase))
    return (
        f'<iframe src="{source}" width="{width}" height="{height}" title="{title}" '
        'loading="lazy" style="max-width: 100%; border: 0;"></iframe>'
    )


def render_embed(muscle: Muscle | None, phase: Phase | None) -> Response:
    """The runner and a short panel, framable by the configured sites."""
    atlas = prepared().atlas
    context: dict[str, Any] = {"atlas": atlas, "muscle": muscle, "phase": phase}
    if phase:
        index = atlas.phases.index(phase)
        context |= {
            "figure": runner(
                lambda m: embed_path(m, phase), selected=muscle.slug if muscle else None, phase=phase
            ),
            "previous": atlas.phases[index - 1],
            "following": atlas.phases[(index + 1) % len(atlas.phases)],
            "working": working_in(atlas.muscles, phase),
            "level": LEVEL_WORDS[muscle.timing.intensities[phase.slug]] if muscle else None,
        }
    else:
        context["figure"] = runner(lambda m: embed_path(m), selected=muscle.slug if muscle else None)
    full_page = public_url(full_page_path(muscle, phase))
    response = render_page(
        "embed.html", full_page=full_page, canonical=full_page, embed_path=embed_path, **context
    )
    return allow_framing(response, current_app.config["EMBED_ORIGINS"])


@blueprint.get("/embed/<slug>")
@cached_page
def muscle(slug: str) -> Response:
    """One muscle, highlighted on the runner, with what it does in the stride."""
    return render_embed(muscle_or_404(slug), None)


@blueprint.get("/embed/stride/<phase>")
@cached_page
def phase(phase: str) -> Response:
    """One phase of the stride: the pose, the working muscles and what happens."""
    return render_embed(None, phase_or_404(phase))


@blueprint.get("/embed/stride/<phase>/<muscle>")
@cached_page
def muscle_at_phase(phase: str, muscle: str) -> Response:
    """A muscle at one phase: how hard it works there, on the posed runner."""
    return render_embed(muscle_or_404(muscle), phase_or_404(phase))


def embeddable(endpoint: str, args: dict[str, Any]) -> tuple[Muscle | None, Phase | None] | None:
    """The muscle and phase a page of ours shows, when it has an embed; else None."""
    atlas = prepared().atlas
    muscle = atlas.muscle(args.get("slug") or args.get("muscle") or "")
    phase = atlas.phase(args.get("phase") or "")
    wanted = {
        "muscles.muscle": (True, False),
        "embeds.muscle": (True, False),
        "stride.phase": (False, True),
        "embeds.phase": (False, True),
        "stride.muscle_at_phase": (True, True),
        "embeds.muscle_at_phase": (True, True),
    }.get(endpoint)
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
        return current_app.url_map.bind(ours.hostname or "localhost").match(
            theirs.path[len(ours.path) :] or "/", method="GET"
        )
    except HTTPException:  # not found, a redirect, or a method we do not serve
        return None


def _size(name: str, largest: int) -> int:
    """``maxwidth``/``maxheight`` from the consumer, if it is a usable number."""
    asked = request.args.get(name, "")
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    return min(largest, int(asked)) if re.fullmatch(r"[0-9]{1,5}", asked) and int(asked) > 0 else largest


def _problem(status: int, text: str) -> Response:
    response = jsonify(error=text)
    response.status_code = status
    return response


@blueprint.get("/oembed")
def oembed() -> Response:
    """The oEmbed answer (version 1.0, type "rich") for a muscle or stride page of ours."""
    if request.args.get("format", "json") != "json":
        return _problem(501, "Only format=json is offered.")
    url = request.args.get("url", "")
    if not url:
        return _problem(400, "Add url=, the address of a muscle or stride page.")
    page = page_at(url)
    shown = embeddable(*page) if page else None
    if shown is None:
        return _problem(404, "That address is not a muscle or stride page of this site.")
    muscle, phase = shown
    width, height = _size("maxwidth", EMBED_WIDTH), _size("maxheight", EMBED_HEIGHT)
    return jsonify(
        version="1.0",
        type="rich",
        provider_name=PROVIDER,
        provider_url=public_url(url_for("muscles.index")),
        title=embed_title(muscle, phase),
        html=iframe_code(muscle, phase, width, height),
        width=width,
        height=height,
        thumbnail_url=picture_of(muscle, phase)[0],
        thumbnail_width=WIDTH,
        thumbnail_height=HEIGHT,
        cache_age=86400,
    )
