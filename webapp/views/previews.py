"""Link-preview pictures (PNG, 1200×630): one per muscle, one per phase of the stride and one
for the rest of the site, drawn from the same runner as the pages and rendered once each."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, render_template

from webapp.figure.preview import PREVIEW_CSS, PreviewText, preview_svg
from webapp.figure.raster import png, resolve_custom_properties
from webapp.figure.svg import Figure
from webapp.pages.context import SITE_DESCRIPTION, muscle_or_404, phase_or_404, prepared, speed_or_404
from webapp.pages.figure_state import PLAIN
from webapp.pages.figures import runner, speed_figure
from webapp.pages.links import muscle_url
from webapp.pages.pain import emergency_line, problem_or_404, spot_or_404
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("previews", __name__)
STYLESHEET_KEY = "preview_stylesheet"


def stylesheet() -> str:
    """The site's stylesheet with the picture's own rules, custom properties resolved; read
    once per app."""
    if STYLESHEET_KEY not in current_app.extensions:
        css = (Path(current_app.static_folder or "") / "app.css").read_text(encoding="utf-8")
        current_app.extensions[STYLESHEET_KEY] = resolve_custom_properties(css + PREVIEW_CSS)
    return current_app.extensions[STYLESHEET_KEY]


def picture(figure: Figure, kind: str, kicker: str, title: str, body: str) -> Response:
    """The preview as a PNG response."""
    address = urlsplit(current_app.config["PUBLIC_BASE_URL"])
    text = PreviewText(kicker, title, body, f"{address.netloc}{address.path}")
    svg = preview_svg(figure, text, kind, defs=render_template("_svg_defs.html"))
    return Response(png(svg, stylesheet()), mimetype="image/png")


@blueprint.get("/preview/muscles/<slug>.png", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/preview/muscles/<slug>.png")
@cached_page
def muscle(slug: str, figure: str) -> Response:
    """The runner with one muscle highlighted, and its name."""
    atlas = prepared().atlas
    found = muscle_or_404(slug)
    drawn = runner(muscle_url, selected=found.slug, swap=False)
    kicker = f"Running muscle {atlas.muscles.index(found) + 1} of {len(atlas.muscles)}"
    return picture(drawn, "muscle", kicker, found.name, found.summary)


@blueprint.get("/preview/stride/<phase>.png", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/preview/stride/<phase>.png")
@cached_page
def phase(phase: str, figure: str) -> Response:
    """The runner posed at one phase of the stride, its working muscles lit."""
    atlas = prepared().atlas
    found = phase_or_404(phase)
    drawn = runner(muscle_url, phase=found, swap=False)
    kicker = f"Stride phase {atlas.phases.index(found) + 1} of {len(atlas.phases)}"
    return picture(drawn, "phase", kicker, found.name, found.what_happens)


@blueprint.get("/preview/speed/<speed>.png", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/preview/speed/<speed>.png")
@cached_page
def speed(speed: str, figure: str) -> Response:
    """The runner at one measured speed, with its pace."""
    found = speed_or_404(speed)
    measured = found.speed
    kicker = f"Running {measured.word}, {measured.pace_per_km} a kilometre"
    body = f"How the muscles' jobs change from a jog to a sprint, posed from one runner measured at {measured.label}."
    title = f"Running at {measured.label}".replace(" m/s", "\u00a0m/s")  # keep "4 m/s" on one line
    return picture(speed_figure(found, swap=False), "speed", kicker, title, body)


@blueprint.get("/preview/pain/<slug>.png")
@cached_page
def spot(slug: str) -> Response:
    """A place that hurts: its name, and the emergency line first."""
    found = spot_or_404(slug)
    body = f"{emergency_line(found.red_flags)} {found.where}"
    return picture(runner(muscle_url, swap=False), "site", "Where does it hurt?", found.name, body)


@blueprint.get("/preview/pain/problems/<slug>.png")
@cached_page
def problem(slug: str) -> Response:
    """A common running problem: its name, and the emergency line first."""
    found = problem_or_404(slug)
    body = f"{emergency_line(found.red_flags)} {found.summary}"
    return picture(runner(muscle_url, swap=False), "site", "A common running problem", found.name, body)


@blueprint.get("/preview/site.png")
@cached_page
def site() -> Response:
    """The runner in mid-stride, for every page that is not about one muscle or phase."""
    figure = runner(muscle_url, swap=False)
    return picture(
        figure, "site", "An atlas for runners", "What muscles does running work?", SITE_DESCRIPTION
    )
