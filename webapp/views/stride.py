"""Stride mode: the runner posed at each of the six phases, with the working muscles lit."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template

from webapp.htmx import page_or_fragment
from webapp.site import stride_path
from webapp.stride.activation import working_in
from webapp.views import reading_aids, site
from webapp.views.muscles import muscle_panel_context
from webapp.views.render_cache import rendered_once

blueprint = Blueprint("stride", __name__)


def render_phase(phase_slug: str, muscle_slug: str | None = None, autoplay: bool = False) -> Response:
    """One phase (optionally with a muscle's panel open), as a page or an htmx fragment."""
    atlas = site().atlas
    phase = site().phase(phase_slug)
    muscle = atlas.muscle(muscle_slug) if muscle_slug else None
    if phase is None or (muscle_slug and muscle is None):
        abort(404)
    index = atlas.phases.index(phase)
    panel = muscle_panel_context(muscle, phase.slug)
    if muscle is None:
        panel |= reading_aids(
            [*phase.why.sources, *(s for m in atlas.muscles for s in m.timing.sources), "hamner2013"]
        )
    return page_or_fragment(
        "stride.html",
        "_stride_stage.html",
        atlas=atlas,
        phase=phase,
        previous=atlas.phases[index - 1],
        following=atlas.phases[(index + 1) % len(atlas.phases)],
        working=working_in(atlas.muscles, phase),
        figure=site().figure(muscle.slug if muscle else None, phase.slug),
        chart=site().chart(phase.slug),
        stride_path=stride_path,
        autoplay=autoplay,
        **panel,
    )


@blueprint.get("/stride")
@rendered_once
def start() -> Response:
    """Stride mode's front door: the first phase, playing unless the reader prefers no motion."""
    return render_phase(site().atlas.phases[0].slug, autoplay=True)


@blueprint.get("/stride/<phase>")
@rendered_once
def phase(phase: str) -> Response:
    """One phase of the stride: the pose, the working muscles and why."""
    return render_phase(phase)


@blueprint.get("/stride/<phase>/<muscle>")
@rendered_once
def muscle_at_phase(phase: str, muscle: str) -> Response:
    """A muscle's panel beside the runner posed at one phase."""
    return render_phase(phase, muscle)


@blueprint.get("/stride/frames")
@blueprint.get("/stride/frames/<muscle>")
@rendered_once
def frames(muscle: str | None = None) -> str:
    """All six poses at once, for the play button: the animation loops through these in the
    browser instead of asking the server for every frame."""
    if muscle and site().atlas.muscle(muscle) is None:
        abort(404)
    return render_template(
        "_frames.html", atlas=site().atlas, muscle=muscle, figure=site().figure, stride_path=stride_path
    )
