"""The speed view: one runner measured at several speeds, posed from each speed's own
stride, compared two at a time, with what changes for each muscle as a runner speeds up."""

from __future__ import annotations

from flask import Blueprint, Response, url_for

from webapp.content.model import MeasuredSpeed, Muscle
from webapp.figure.overlay import overlay
from webapp.figure.speed_chart import Finding, Metric, draw_speed_chart
from webapp.pages.context import muscle_or_404, prepared, reading_aids, speed_or_404
from webapp.pages.figure_state import PLAIN, figure_state
from webapp.pages.figures import STILL_PERCENT, speed_figure
from webapp.pages.frames import pose_caption, speed_frame_ms, speed_frames
from webapp.pages.links import compare_url, speed_url
from webapp.pages.panels import muscle_panel_context
from webapp.pages.rendering import render_page
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("speed", __name__)


def speed_chart() -> str:
    """Stride length, steps a minute and foot contact against speed, from the data, with
    research beyond our fastest speed drawn apart."""
    speeds = prepared().atlas.speeds
    measured = [m.speed for m in speeds.measured]
    metrics = [
        Metric("stride-length", "Stride length", "metres", 2, tuple(s.stride_length for s in measured)),
        Metric("cadence", "Steps a minute", "steps", 0, tuple(s.steps_per_minute for s in measured)),
        Metric("contact", "Foot contact", "seconds", 2, tuple(s.contact_time for s in measured)),
    ]
    findings = [Finding(mark.speed, mark.label) for mark in speeds.research]
    return draw_speed_chart(
        [s.speed for s in measured],
        metrics,
        findings,
        "Chart: as this runner speeds up, stride length rises steeply, steps a minute rise a little "
        "and each foot contact gets shorter. Beyond our data, research findings are marked.",
    )


def render_speed(measured: MeasuredSpeed, muscle: Muscle | None = None, autoplay: bool = False) -> Response:
    """One speed (optionally with a muscle's panel open)."""
    atlas = prepared().atlas
    speeds = atlas.speeds
    panel = muscle_panel_context(muscle)
    if muscle is None:
        cited = [
            *speeds.sources,
            *(s for mark in speeds.research for s in mark.sources),
            *(speeds.myth.sources if speeds.myth else ()),
            *(s for m in atlas.muscles if m.speed for s in m.speed.sources),
        ]
        panel |= reading_aids(cited)
    return render_page(
        "speed.html",
        atlas=atlas,
        speeds=speeds,
        current=measured,
        figure=speed_figure(measured, selected=muscle.slug if muscle else None),
        # One set of poses per speed (not per muscle): a stride's twenty poses weigh 600 KB
        # before compression, and every file here is in the static copy and the offline cache.
        frames_url=url_for("speed.frames", speed=measured.speed.slug, figure=figure_state().view_name),
        frame_ms=speed_frame_ms(measured),
        caption=pose_caption(measured, STILL_PERCENT),
        speed_url=speed_url,
        compare_url=compare_url,
        speed_chart=speed_chart(),
        autoplay=autoplay,
        **panel,
    )


@blueprint.get("/speed", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/speed")
@cached_page
def start(figure: str) -> Response:
    """The speed view's front door: the slowest speed, playing unless the reader prefers no
    motion."""
    return render_speed(prepared().atlas.speeds.measured[0], autoplay=True)


@blueprint.get("/speed/<speed>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/speed/<speed>")
@cached_page
def speed(speed: str, figure: str) -> Response:
    """One measured speed: its runner, its numbers and how it differs from the others."""
    return render_speed(speed_or_404(speed))


@blueprint.get("/speed/<speed>/<muscle>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/speed/<speed>/<muscle>")
@cached_page
def muscle_at_speed(speed: str, muscle: str, figure: str) -> Response:
    """A muscle's panel beside the runner at one speed."""
    return render_speed(speed_or_404(speed), muscle_or_404(muscle))


@blueprint.get("/speed/<speed>/vs/<other>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/speed/<speed>/vs/<other>")
@cached_page
def compare(speed: str, other: str, figure: str) -> Response:
    """Two speeds at the same moment of the stride: the slower a faint outline behind the
    faster. A speed set against itself is answered with a choice of other speeds."""
    first, second = speed_or_404(speed), speed_or_404(other)
    speeds = prepared().atlas.speeds
    same = first == second
    slower, faster = sorted((first, second), key=lambda m: m.speed.speed)
    drawn = speed_figure(slower)  # a speed set against itself: just its runner
    if not same:
        drawn = overlay(
            speed_figure(slower, linked=False),
            speed_figure(faster),
            f"The runner at {faster.speed.label} over a faint outline of the runner at "
            f"{slower.speed.label}, both at {STILL_PERCENT}% of the stride",
            figure_state().view,
        )
    return render_page(
        "speed_compare.html",
        status=400 if same else 200,
        atlas=prepared().atlas,
        speeds=speeds,
        slower=slower,
        faster=faster,
        same=same,
        figure=drawn,
        still_percent=STILL_PERCENT,
        speed_url=speed_url,
        compare_url=compare_url,
        **reading_aids(speeds.sources),
    )


@blueprint.get("/speed/<speed>/frames", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/speed/<speed>/frames")
@cached_page
def frames(speed: str, figure: str) -> str:
    """Every sampled pose of one speed's stride at once, with its caption, for the play
    button: the browser loops through them at the speed's real stride time."""
    return speed_frames(speed_or_404(speed))
