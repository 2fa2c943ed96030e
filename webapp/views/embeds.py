"""Embeds: a muscle or a phase of the stride (the runner and a short panel) made for an iframe
on another site, such as a learning platform or a class blog, and the oEmbed answer that turns
a pasted link to a muscle or phase page into that embed.

Only these pages may be framed, and only by the sites the embed-origins setting names
(see webapp/serving/security.py). Clicking a muscle on the figure stays inside the frame; every
other link opens the full atlas in a new tab, because the atlas's own pages refuse to be framed.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from webapp.content.model import Muscle, Phase, Problem, Spot
from webapp.figure.preview import HEIGHT, WIDTH
from webapp.gait.activation import working_in
from webapp.pages.context import muscle_or_404, phase_or_404, prepared, public_url
from webapp.pages.embedding import (
    EMBED_HEIGHT,
    EMBED_WIDTH,
    PROVIDER,
    embed_title,
    embeddable,
    iframe_code,
    page_at,
)
from webapp.pages.figure_state import PLAIN, parse_state, view_names
from webapp.pages.figures import runner
from webapp.pages.links import embed_path, full_page_path, picture_of
from webapp.pages.pain import emergency_line, problem_or_404, spot_or_404, warning_signs
from webapp.pages.rendering import render_page
from webapp.serving.page_cache import cached_page
from webapp.serving.security import allow_framing

blueprint = Blueprint("embeds", __name__)
LEVEL_WORDS = {"strong": "works hard", "light": "works lightly", "off": "rests"}


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


@blueprint.get("/embed/<slug>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/embed/<slug>")
@cached_page
def muscle(slug: str, figure: str) -> Response:
    """One muscle, highlighted on the runner, with what it does in the stride."""
    return render_embed(muscle_or_404(slug), None)


@blueprint.get("/embed/stride/<phase>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/embed/stride/<phase>")
@cached_page
def phase(phase: str, figure: str) -> Response:
    """One phase of the stride: the pose, the working muscles and what happens."""
    return render_embed(None, phase_or_404(phase))


@blueprint.get("/embed/stride/<phase>/<muscle>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/embed/stride/<phase>/<muscle>")
@cached_page
def muscle_at_phase(phase: str, muscle: str, figure: str) -> Response:
    """A muscle at one phase: how hard it works there, on the posed runner."""
    return render_embed(muscle_or_404(muscle), phase_or_404(phase))


def render_pain_embed(spot: Spot | None, problem: Problem | None) -> Response:
    """A place that hurts or a running problem, for a frame: the emergency line first, the
    signs that cannot wait, and the problems (or the places) with a link to the full page."""
    pain = prepared().atlas.pain
    item = spot or problem
    assert item is not None
    first, _ = warning_signs(item.red_flags)
    if spot:
        full_page = public_url(url_for("pain.spot", slug=spot.slug))
    else:
        full_page = public_url(url_for("pain.problem", slug=item.slug))
    response = render_page(
        "embed_pain.html",
        item=item,
        spot=spot,
        problem=problem,
        problems=pain.problems_at(spot) if spot else [],
        first=first,
        emergency=emergency_line(item.red_flags),
        full_page=full_page,
        canonical=full_page,
    )
    return allow_framing(response, current_app.config["EMBED_ORIGINS"])


@blueprint.get("/embed/pain/<slug>")
@cached_page
def spot(slug: str) -> Response:
    """A place that hurts: the emergency line, the signs that cannot wait, the problems."""
    return render_pain_embed(spot_or_404(slug), None)


@blueprint.get("/embed/pain/problems/<slug>")
@cached_page
def problem(slug: str) -> Response:
    """A running problem: the emergency line, the signs that cannot wait, a short summary."""
    return render_pain_embed(None, problem_or_404(slug))


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
    if page is None or shown is None:
        return _problem(404, "That address is not a muscle or stride page of this site.")
    muscle, phase = shown
    # The embed shows the page's view (a link to the back view embeds the back view).
    view = parse_state(page[1].get("figure", PLAIN), view_names()).view_name
    width, height = _size("maxwidth", EMBED_WIDTH), _size("maxheight", EMBED_HEIGHT)
    return jsonify(
        version="1.0",
        type="rich",
        provider_name=PROVIDER,
        provider_url=public_url(url_for("muscles.index")),
        title=embed_title(muscle, phase),
        html=iframe_code(muscle, phase, width, height, view=view),
        width=width,
        height=height,
        thumbnail_url=picture_of(muscle, phase)[0],
        thumbnail_width=WIDTH,
        thumbnail_height=HEIGHT,
        cache_age=86400,
    )
