"""The classroom's front page and its guided tours: ordered lessons with a URL per step."""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, url_for
from flask.typing import ResponseReturnValue

from webapp.pages.context import prepared, reading_aids
from webapp.pages.figure_state import PLAIN
from webapp.pages.figures import runner, speed_figure
from webapp.pages.links import muscle_url
from webapp.pages.pain import emergency_line
from webapp.pages.rendering import render_page
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("tours", __name__)


@blueprint.get("/tours", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/tours")
@cached_page
def index(figure: str) -> Response:
    """Everything for teaching: presenter view, tours, quiz and worksheet."""
    return render_page("tours.html", atlas=prepared().atlas)


@blueprint.get("/tours/<slug>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/tours/<slug>")
def start(slug: str, figure: str) -> ResponseReturnValue:
    """A tour's address opens its first step, in the view it names."""
    if prepared().atlas.tour(slug) is None:
        abort(404)
    return redirect(url_for("tours.step", slug=slug, number=1))


@blueprint.get("/tours/<slug>/<int(signed=True):number>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/tours/<slug>/<int(signed=True):number>")
@cached_page
def step(slug: str, number: int, figure: str) -> Response:
    """One step of a tour: the figure (at a phase, with a muscle, or both) and the script."""
    atlas = prepared().atlas
    tour = atlas.tour(slug)
    if tour is None or not 1 <= number <= len(tour.steps):
        abort(404)
    current = tour.steps[number - 1]
    muscle = atlas.muscle(current.muscle) if current.muscle else None
    phase = atlas.phase(current.phase) if current.phase else None
    at_speed = atlas.speeds.find(current.speed) if current.speed else None
    spot = atlas.pain.spot(current.spot) if current.spot else None
    problem = atlas.pain.problem(current.problem) if current.problem else None
    pain_item = spot or problem
    drawn = (
        speed_figure(at_speed, selected=current.muscle, swap=False)
        if at_speed
        else runner(muscle_url, selected=current.muscle, phase=phase, swap=False)
    )
    return render_page(
        "tour_step.html",
        atlas=atlas,
        tour=tour,
        step=current,
        number=number,
        muscle=muscle,
        phase=phase,
        at_speed=at_speed,
        spot=spot,
        problem=problem,
        emergency=emergency_line(pain_item.red_flags) if pain_item else None,
        figure=drawn,
        **reading_aids([]),
    )
