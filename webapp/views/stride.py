"""Stride mode: the runner posed at each phase of the stride, with the working muscles lit."""

from __future__ import annotations

from functools import partial

from flask import Blueprint, Response, render_template
from markupsafe import Markup

from webapp.content.model import Atlas, Muscle, Phase
from webapp.gait.activation import working_in
from webapp.pages.context import muscle_or_404, phase_or_404, prepared, reading_aids
from webapp.pages.figure_state import PLAIN
from webapp.pages.figures import activation_chart, runner
from webapp.pages.frames import Frame, render_frames
from webapp.pages.links import phase_url
from webapp.pages.panels import muscle_panel_context
from webapp.pages.rendering import render_page
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("stride", __name__)


def stride_sources(atlas: Atlas) -> list[str]:
    """What a phase page cites, numbered the same on every phase page: Play shows every
    phase's text on one page, beside that page's list of sources."""
    return [
        *(s for p in atlas.phases for s in p.sources),
        *(s for m in atlas.muscles for s in m.timing.sources),
        *atlas.timing_note.sources,
        *atlas.stride.sources,
    ]


def render_phase(phase: Phase, muscle: Muscle | None = None, autoplay: bool = False) -> Response:
    """One phase (optionally with a muscle's panel open)."""
    atlas = prepared().atlas
    index = atlas.phases.index(phase)
    panel = muscle_panel_context(muscle, phase)
    if muscle is None:
        panel |= reading_aids(stride_sources(atlas))
    return render_page(
        "stride.html",
        atlas=atlas,
        phase=phase,
        previous=atlas.phases[index - 1],
        following=atlas.phases[(index + 1) % len(atlas.phases)],
        working=working_in(atlas.muscles, phase),
        figure=runner(lambda m: phase_url(phase, m), selected=muscle.slug if muscle else None, phase=phase),
        chart=activation_chart(phase, lambda m: phase_url(phase, m)),
        phase_url=phase_url,
        autoplay=autoplay,
        **panel,
    )


@blueprint.get("/stride", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/stride")
@cached_page
def start(figure: str) -> Response:
    """Stride mode's front door: the first phase, playing unless the reader prefers no motion."""
    return render_phase(prepared().atlas.phases[0], autoplay=True)


@blueprint.get("/stride/<phase>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/stride/<phase>")
@cached_page
def phase(phase: str, figure: str) -> Response:
    """One phase of the stride: the pose, the working muscles and why."""
    return render_phase(phase_or_404(phase))


@blueprint.get("/stride/<phase>/<muscle>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/stride/<phase>/<muscle>")
@cached_page
def muscle_at_phase(phase: str, muscle: str, figure: str) -> Response:
    """A muscle's panel beside the runner posed at one phase."""
    return render_phase(phase_or_404(phase), muscle_or_404(muscle))


@blueprint.get("/stride/frames", defaults={"figure": PLAIN})
@blueprint.get("/stride/frames/<muscle>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/stride/frames")
@blueprint.get("/<view:figure>/stride/frames/<muscle>")
@cached_page
def frames(figure: str, muscle: str | None = None) -> str:
    """Every phase at once, for the play button: its pose and the text that describes it. The
    animation loops through these in the browser instead of asking the server for every frame."""
    chosen = muscle_or_404(muscle) if muscle else None
    atlas = prepared().atlas
    return render_frames(
        [
            Frame(
                p.slug,
                p.name,
                Markup(
                    render_template(
                        "_stride_frame.html",
                        atlas=atlas,
                        phase=p,
                        muscle=chosen,
                        working=working_in(atlas.muscles, p),
                        figure=runner(
                            partial(phase_url, p), selected=chosen.slug if chosen else None, phase=p
                        ),
                        phase_url=phase_url,
                        **reading_aids(stride_sources(atlas)),
                    )
                ),
            )
            for p in atlas.phases
        ]
    )
