"""Every address a page links to, built with ``url_for`` in one place: a muscle's page (in the
figure state shown now), a phase, a speed, a comparison (each in the view shown now), an embed,
the page an embed stands for, and a page's preview picture (in the view shown now)."""

from __future__ import annotations

from flask import url_for

from webapp.content.model import MeasuredSpeed, Muscle, Phase, Problem, Spot
from webapp.content.wording import with_the
from webapp.pages.context import prepared, public_url
from webapp.pages.figure_state import figure_state

# The presenter's extra screens of one muscle: the full panel and the QR code.
PRESENTER_VIEWS = ("details", "qr")
NOTHING_SHOWN = "an embed shows a muscle, a phase, or both"


def _view() -> str:
    """The view shown now, as every mode but the atlas names it in its address."""
    return figure_state().view_name


def _seen() -> str:
    """How a picture in a view other than the first is seen (" seen from behind"), else nothing."""
    state = figure_state()
    return f" {prepared().figure.views[state.view].label}" if state.view_name else ""


def muscle_url(muscle: Muscle) -> str:
    """A muscle's own page, with the figure shown as it is now."""
    return url_for("muscles.muscle", slug=muscle.slug, figure=figure_state().name)


def phase_url(phase: Phase, muscle: Muscle | None = None) -> str:
    """A phase's page, or a muscle's panel at that phase."""
    if muscle:
        return url_for("stride.muscle_at_phase", phase=phase.slug, muscle=muscle.slug, figure=_view())
    return url_for("stride.phase", phase=phase.slug, figure=_view())


def speed_url(measured: MeasuredSpeed, muscle: Muscle | None = None) -> str:
    """A speed's page, or a muscle's panel at that speed."""
    if muscle:
        return url_for("speed.muscle_at_speed", speed=measured.speed.slug, muscle=muscle.slug, figure=_view())
    return url_for("speed.speed", speed=measured.speed.slug, figure=_view())


def compare_url(one: MeasuredSpeed, other: MeasuredSpeed) -> str:
    """The page that lays one speed's runner over another's; links name the slower first, so
    each pair has one address in use (the other order answers the same)."""
    slower, faster = sorted((one, other), key=lambda m: m.speed.speed)
    return url_for("speed.compare", speed=slower.speed.slug, other=faster.speed.slug, figure=_view())


def embed_path(muscle: Muscle | None = None, phase: Phase | None = None, *, view: str | None = None) -> str:
    """The embed of a muscle, a phase, or a muscle at a phase, in ``view`` (a view's address
    segment; by default the view shown now)."""
    figure = _view() if view is None else view
    if phase:
        if muscle:
            return url_for("embeds.muscle_at_phase", phase=phase.slug, muscle=muscle.slug, figure=figure)
        return url_for("embeds.phase", phase=phase.slug, figure=figure)
    if muscle is None:
        raise ValueError(NOTHING_SHOWN)
    return url_for("embeds.muscle", slug=muscle.slug, figure=figure)


def full_page_path(muscle: Muscle | None, phase: Phase | None) -> str:
    """The atlas page an embed stands for."""
    if phase:
        return phase_url(phase, muscle)
    if muscle is None:
        raise ValueError(NOTHING_SHOWN)
    return muscle_url(muscle)


def picture_of(
    muscle: Muscle | None,
    phase: Phase | None,
    measured: MeasuredSpeed | None = None,
    spot: Spot | None = None,
    problem: Problem | None = None,
) -> tuple[str, str]:
    """The public address of the picture for a page about ``muscle`` (else ``phase``, else a
    running speed, else a place that hurts or a running problem, else the site), and the
    picture's alternative text."""
    if spot:
        address = url_for("previews.spot", slug=spot.slug)
        alt = f"Where does it hurt? {spot.name}, with the emergency line first"
    elif problem:
        address = url_for("previews.problem", slug=problem.slug)
        alt = f"{problem.name}, a common running problem, with the emergency line first"
    elif muscle:
        address = url_for("previews.muscle", slug=muscle.slug, figure=_view())
        alt = f"A runner{_seen()} with {with_the(muscle.name)} highlighted"
    elif phase:
        address = url_for("previews.phase", phase=phase.slug, figure=_view())
        alt = f"A runner{_seen()} at {phase.short_name}, with the working muscles lit up"
    elif measured:
        address = url_for("previews.speed", speed=measured.speed.slug, figure=_view())
        alt = f"A runner{_seen()} at {measured.speed.label} ({measured.speed.word}), posed from measured data"
    else:
        address, alt = url_for("previews.site"), "A runner in mid-stride with the running muscles drawn on"
    return public_url(address), alt
