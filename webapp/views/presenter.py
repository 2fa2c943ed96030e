"""The presenter view: one muscle at a time, projector-sized, driven by a clicker or keys,
with a QR code that sends the muscle to every phone in the room."""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, url_for
from flask.typing import ResponseReturnValue

from webapp.figure.qr import qr_svg
from webapp.pages.context import prepared, public_url, reachable_only_here, speed_or_404
from webapp.pages.figure_state import PLAIN, figure_state
from webapp.pages.figures import STILL_PERCENT, runner, speed_figure
from webapp.pages.frames import pose_caption, speed_frame_ms, speed_frames
from webapp.pages.links import PRESENTER_VIEWS, speed_url
from webapp.pages.pain import emergency_line, slide_figure, spot_or_404, warning_signs
from webapp.pages.panels import muscle_panel_context
from webapp.pages.rendering import render_page
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("presenter", __name__)

# The presenter's runner is drawn small beside the slide's words, its numbers read from the
# back of the room: badges about twice the usual size (static/app.css sets their digits).
PRESENTER_BADGE_RADIUS = 19

# A slide in the go-to list (templates/_goto.html): its number, name, address and whether
# it is the one shown.
Slide = tuple[int, str, str, bool]


def harder_with_speed() -> dict[str, str]:
    """Each muscle marked as stride mode marks hard work: "strong" where studies found it
    working harder as the speed rose, "off" elsewhere (the speed presenter's runner)."""
    return {m.slug: "strong" if m.speed and m.speed.works_harder else "off" for m in prepared().atlas.muscles}


@blueprint.get("/present")
def start() -> ResponseReturnValue:
    """The presenter view starts at the first muscle in teaching order."""
    return redirect(url_for("presenter.present", slug=prepared().atlas.muscles[0].slug))


@blueprint.get("/present/<slug>", defaults={"figure": PLAIN})
@blueprint.get("/present/<slug>/<view>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/present/<slug>")
@blueprint.get("/<view:figure>/present/<slug>/<view>")
@cached_page
def present(slug: str, figure: str, view: str | None = None) -> Response:
    """One muscle, projector-sized; ``view`` opens the full panel or the QR code."""
    atlas = prepared().atlas
    muscle = atlas.muscle(slug)
    if muscle is None or (view and view not in PRESENTER_VIEWS):
        abort(404)
    index = atlas.muscles.index(muscle)
    deep_link = public_url(url_for("muscles.muscle", slug=slug, figure=figure))
    return render_page(
        "present.html",
        atlas=atlas,
        view=view,
        index=index,
        previous=atlas.muscles[index - 1],
        following=atlas.muscles[(index + 1) % len(atlas.muscles)],
        figure=runner(
            lambda m: url_for("presenter.present", slug=m.slug, figure=figure),
            selected=slug,
            state=figure_state().toggled(labelled=True),
            badge_radius=PRESENTER_BADGE_RADIUS,
        ),
        slides=[
            (number, m.name, url_for("presenter.present", slug=m.slug), m == muscle)
            for number, m in enumerate(atlas.muscles, start=1)
        ],
        deep_link=deep_link,
        local_only=reachable_only_here(deep_link),
        qr=qr_svg(deep_link),
        **muscle_panel_context(muscle),
    )


@blueprint.get("/present/speed/<speed>", defaults={"figure": PLAIN})
@blueprint.get("/present/speed/<speed>/<view>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/present/speed/<speed>")
@blueprint.get("/<view:figure>/present/speed/<speed>/<view>")
@cached_page
def present_speed(speed: str, figure: str, view: str | None = None) -> Response:
    """One measured speed, projector-sized, with the runner named; ``view`` "qr" shows the
    code that opens the speed on phones."""
    speeds = prepared().atlas.speeds.measured
    measured = speed_or_404(speed)
    if view and view != "qr":
        abort(404)
    index = speeds.index(measured)
    deep_link = public_url(speed_url(measured))
    return render_page(
        "present_speed.html",
        speeds=speeds,
        current=measured,
        view=view,
        index=index,
        previous=speeds[index - 1],
        following=speeds[(index + 1) % len(speeds)],
        figure=speed_figure(
            measured,
            swap=False,
            labels=True,
            intensities=harder_with_speed(),
            badge_radius=PRESENTER_BADGE_RADIUS,
        ),
        harder=[m for m in prepared().atlas.muscles if m.speed and m.speed.works_harder],
        caption=pose_caption(measured, STILL_PERCENT),
        frame_ms=speed_frame_ms(measured),
        slides=[
            (
                number,
                f"{m.speed.label}, {m.speed.word}",
                url_for("presenter.present_speed", speed=m.speed.slug),
                m == measured,
            )
            for number, m in enumerate(speeds, start=1)
        ],
        deep_link=deep_link,
        local_only=reachable_only_here(deep_link),
        qr=qr_svg(deep_link),
    )


@blueprint.get("/present/pain/<slug>")
@blueprint.get("/present/pain/<slug>/<view>")
@cached_page
def present_pain(slug: str, view: str | None = None) -> Response:
    """One place that hurts, projector-sized: the emergency line first, the signs that cannot
    wait and the problems common there; ``view`` "qr" shows the code that opens the place on
    phones."""
    pain = prepared().atlas.pain
    spot = spot_or_404(slug)
    if view and view != "qr":
        abort(404)
    spots = pain.spots
    index = spots.index(spot)
    deep_link = public_url(url_for("pain.spot", slug=slug))
    return render_page(
        "present_pain.html",
        spots=spots,
        spot=spot,
        area=pain.area_of(spot),
        view=view,
        index=index,
        previous=spots[index - 1],
        following=spots[(index + 1) % len(spots)],
        figure=slide_figure(spot, lambda s: url_for("presenter.present_pain", slug=s.slug)),
        slides=[
            (number, s.name, url_for("presenter.present_pain", slug=s.slug), s == spot)
            for number, s in enumerate(spots, start=1)
        ],
        emergency=emergency_line(spot.red_flags),
        first=warning_signs(spot.red_flags)[0],
        problems=pain.problems_at(spot),
        deep_link=deep_link,
        local_only=reachable_only_here(deep_link),
        qr=qr_svg(deep_link),
    )


@blueprint.get("/present/speed/<speed>/frames", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/present/speed/<speed>/frames")
@cached_page
def speed_frames_page(speed: str, figure: str) -> str:
    """The speed presenter's Play (S): every pose of the speed's stride with the muscles that
    work harder marked, as on the slide. The names stay off while it runs, as in the stride
    presenter: labels that follow every pose would double what the offline copy keeps."""
    return speed_frames(speed_or_404(speed), swap=False, intensities=harder_with_speed())
