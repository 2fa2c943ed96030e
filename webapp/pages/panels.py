"""The muscle panel (what a muscle does, when, what goes wrong, how to train it) and the atlas
page around it, shared by the atlas, stride mode, the speed view, the presenter and the 404 page."""

from __future__ import annotations

from typing import Any

from flask import Response, url_for

from webapp.content.model import Muscle, Phase
from webapp.figure.qr import qr_svg
from webapp.gait.activation import describe_timing, peak_phase
from webapp.pages.context import prepared, public_url, reading_aids
from webapp.pages.figure_state import PLAIN, figure_state
from webapp.pages.figures import activation_chart, runner
from webapp.pages.links import muscle_url
from webapp.pages.rendering import render_page


def muscle_panel_context(muscle: Muscle | None, phase: Phase | None = None) -> dict[str, Any]:
    """What the muscle panel template needs, in normal and stride mode alike."""
    if muscle is None:
        return {"muscle": None, **reading_aids([])}
    atlas = prepared().atlas
    handout_url = public_url(url_for("muscles.muscle", slug=muscle.slug, figure=PLAIN))
    at_phase = phase or peak_phase(muscle, atlas.phases) or atlas.phases[0]
    return {
        "muscle": muscle,
        "drills": atlas.training.drills_for(muscle.slug),
        "timing_chart": activation_chart(
            phase,
            lambda m: url_for("stride.muscle_at_phase", phase=at_phase.slug, muscle=m.slug),
            only=muscle,
        ),
        "timing_sentence": describe_timing(muscle, atlas.phases),
        "timing_peak": peak_phase(muscle, atlas.phases),
        "handout_url": handout_url,
        "handout_qr": qr_svg(handout_url),
        **reading_aids(muscle.cited_source_ids()),
    }


def render_atlas(muscle: Muscle | None, status: int = 200, missing: str | None = None) -> Response:
    """The runner and a muscle's panel (or the introduction, or a not-found message)."""
    return render_page(
        "atlas.html",
        status=status,
        atlas=prepared().atlas,
        figure=runner(muscle_url, selected=muscle.slug if muscle else None, state=figure_state()),
        missing=missing,
        **muscle_panel_context(muscle),
    )
