"""Every address the site answers, worked out at start-up from the content and the URL map,
without rendering anything.

A rule that takes no arguments is listed as it is. A rule with arguments is filled from the
content by :data:`ARGUMENTS` (every muscle, phase, speed, tour step…); an endpoint the table
does not know stops start-up, so a new route cannot be left out by accident. Each address is
marked: a *canonical* page is a permanent page of its own (the sitemap lists these); the others
are variants of one (a figure state, an embed, the play button's frames), pictures and files.
Addresses that answer with a redirect, and those that need the running server (the quiz, the
health check, oEmbed), are marked too. The sitemap, the service worker's list and the static
export all read this list; a test crawls the site once and checks that the crawl finds exactly
these addresses.

A route that takes a view (``/back/stride/toe-off``) is listed in every view of ``data/views``.
The atlas (with its pages' link-preview pictures) is kept in every view; every other mode is kept
in the default view only, and drawn by the server on demand in the others
(:func:`drawn_on_demand`), so that each view added costs the static copy and the offline cache a
few pages, not a copy of the site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from flask import Flask, url_for

from webapp.content.model import PAIN_MAP_VIEWS, Atlas
from webapp.pages.context import EXTENSION_KEY
from webapp.pages.figure_state import PLAIN, state_names, view_names
from webapp.pages.links import PRESENTER_VIEWS

PAGE_LIST_KEY = "page_list"
# Blueprints whose answers depend on more than the address (a form, a query string, the running
# process), so neither a folder of files nor an offline copy can stand in for them.
SERVER_ONLY = ("quiz", "health")
NEEDS_QUERY = ("embeds.oembed",)  # answers only with a query string; never linked as a page
NOT_PAGES = ("static",)  # static files are listed from the asset manifest instead
# The host every address is worked out for; it never appears in an answer (see export.py).
LIST_BASE = "http://localhost"
# The atlas lists its own figure states (every view, with and without names). It is kept in
# every view, with the pictures its pages name for link previews; other modes in the default view.
ATLAS = ("muscles.index", "muscles.muscle")
KEPT_IN_EVERY_VIEW = (*ATLAS, "previews.muscle")


@dataclass(frozen=True)
class Address:
    """One address the site answers (a site path such as ``/muscles/calves``), and what it is."""

    path: str
    canonical: bool = False  # a permanent page of its own: in the sitemap
    redirect: bool = False  # answers 301/302 to another address
    needs_server: bool = False  # never in the static copy or the offline cache
    on_demand: bool = False  # needs the server only to keep the copies small: a browser may keep it

    @property
    def is_page(self) -> bool:
        """An address with no extension is a page (``/muscles/calves``); ``/sw.js`` is a file."""
        return "." not in self.path.rsplit("/", 1)[-1]


Arguments = Iterable[tuple[dict[str, Any], bool]]  # (url_for arguments, canonical)


def drawn_on_demand(endpoint: str, values: dict[str, Any]) -> bool:
    """Whether the page ``endpoint`` answers for ``values`` is a mode in a view other than the
    default: the server draws it when asked, and a browser keeps it once visited, but neither
    the static copy nor the offline cache holds it."""
    return endpoint not in KEPT_IN_EVERY_VIEW and bool(values.get("figure"))


def _figure_states() -> list[str]:
    return [PLAIN, *state_names(view_names())]


def _atlas_home(atlas: Atlas) -> Arguments:
    return (({"figure": figure}, figure == PLAIN) for figure in _figure_states())


def _muscle_pages(atlas: Atlas) -> Arguments:
    for muscle in atlas.muscles:
        for figure in _figure_states():
            yield {"slug": muscle.slug, "figure": figure}, figure == PLAIN


def _in_every_view(arguments: Arguments) -> Arguments:
    """Each page in the default view (as canonical as it was) and, as variants, in the others."""
    for values, canonical in arguments:
        yield values, canonical
        for view in view_names()[1:]:
            yield {**values, "figure": view}, False


def _phases_and_muscles(atlas: Atlas, canonical: bool) -> Arguments:
    for phase in atlas.phases:
        yield {"phase": phase.slug}, canonical
        for muscle in atlas.muscles:
            yield {"phase": phase.slug, "muscle": muscle.slug}, canonical


def _speeds(atlas: Atlas, *, muscles: bool = False, canonical: bool = True) -> Arguments:
    for measured in atlas.speeds.measured:
        yield {"speed": measured.speed.slug}, canonical
        if muscles:
            for muscle in atlas.muscles:
                yield {"speed": measured.speed.slug, "muscle": muscle.slug}, canonical


def _comparisons(atlas: Atlas) -> Arguments:
    # Links name the slower speed first (the measured list runs from slow to fast).
    for slower, faster in combinations(atlas.speeds.measured, 2):
        yield {"speed": slower.speed.slug, "other": faster.speed.slug}, True


def _presenter(atlas: Atlas) -> Arguments:
    for muscle in atlas.muscles:
        for view in (None, *PRESENTER_VIEWS):
            yield {"slug": muscle.slug, "view": view}, True


def _speed_presenter(atlas: Atlas) -> Arguments:
    for measured in atlas.speeds.measured:
        for view in (None, "qr"):
            yield {"speed": measured.speed.slug, "view": view}, True


def _pain_presenter(atlas: Atlas) -> Arguments:
    for spot in atlas.pain.spots:
        for view in (None, "qr"):
            yield {"slug": spot.slug, "view": view}, True


def _tour_steps(atlas: Atlas) -> Arguments:
    for tour in atlas.tours:
        for number in range(1, len(tour.steps) + 1):
            yield {"slug": tour.slug, "number": number}, True


def _each(
    field: str, values: Callable[[Atlas], Iterable[str]], canonical: bool = False
) -> Callable[[Atlas], Arguments]:
    """One page per value of ``field``."""

    def arguments(atlas: Atlas) -> Arguments:
        return (({field: value}, canonical) for value in values(atlas))

    return arguments


def _muscle_slugs(atlas: Atlas) -> Iterator[str]:
    return (muscle.slug for muscle in atlas.muscles)


def _phase_slugs(atlas: Atlas) -> Iterator[str]:
    return (phase.slug for phase in atlas.phases)


def _speed_slugs(atlas: Atlas) -> Iterator[str]:
    return (measured.speed.slug for measured in atlas.speeds.measured)


def _spot_slugs(atlas: Atlas) -> Iterator[str]:
    return (spot.slug for spot in atlas.pain.spots)


def _pain_map(atlas: Atlas, spots: bool) -> Arguments:
    # The map and each place in every view of the figure; the front view (no segment) is the
    # permanent page.
    for view in PAIN_MAP_VIEWS:
        if not spots:
            yield {"view": view}, view == PAIN_MAP_VIEWS[0]
        for slug in _spot_slugs(atlas) if spots else ():
            yield {"slug": slug, "view": view}, view == PAIN_MAP_VIEWS[0]


def _problem_slugs(atlas: Atlas) -> Iterator[str]:
    return (problem.slug for problem in atlas.pain.problems)


def _no_pages(atlas: Atlas) -> Arguments:
    return ()


# Endpoint -> the arguments of its pages, from the content. Endpoints without arguments need
# no entry unless they are more than a plain page.
ARGUMENTS: dict[str, Callable[[Atlas], Arguments]] = {
    "muscles.index": _atlas_home,
    "muscles.muscle": _muscle_pages,
    "stride.phase": _each("phase", _phase_slugs, canonical=True),
    "stride.muscle_at_phase": lambda atlas: (a for a in _phases_and_muscles(atlas, True) if "muscle" in a[0]),
    "stride.frames": lambda atlas: [({}, False), *(({"muscle": m.slug}, False) for m in atlas.muscles)],
    "speed.speed": _speeds,
    "speed.muscle_at_speed": lambda atlas: (a for a in _speeds(atlas, muscles=True) if "muscle" in a[0]),
    "speed.compare": _comparisons,
    "speed.frames": _each("speed", _speed_slugs),
    "presenter.present": _presenter,
    "presenter.present_speed": _speed_presenter,
    "presenter.present_pain": _pain_presenter,
    "presenter.speed_frames_page": _each("speed", _speed_slugs),
    "tours.start": _each("slug", lambda atlas: (tour.slug for tour in atlas.tours)),
    "tours.step": _tour_steps,
    "embeds.muscle": _each("slug", _muscle_slugs),
    "embeds.phase": _each("phase", _phase_slugs),
    "embeds.muscle_at_phase": lambda atlas: (
        a for a in _phases_and_muscles(atlas, False) if "muscle" in a[0]
    ),
    "pain.index": lambda atlas: _pain_map(atlas, spots=False),
    "pain.spot": lambda atlas: _pain_map(atlas, spots=True),
    "pain.problem": _each("slug", _problem_slugs, canonical=True),
    "previews.muscle": _each("slug", _muscle_slugs),
    "previews.spot": _each("slug", _spot_slugs),
    "previews.problem": _each("slug", _problem_slugs),
    "embeds.spot": _each("slug", _spot_slugs),
    "embeds.problem": _each("slug", _problem_slugs),
    "previews.phase": _each("phase", _phase_slugs),
    "previews.speed": _each("speed", _speed_slugs),
    # The quiz's runs are endless (a number per class), and answer from the server.
    "quiz.class_screen": _no_pages,
    "quiz.question": _no_pages,
    "quiz.answer": _no_pages,
    "quiz.score_page": _no_pages,
}
# Argument-free pages that redirect, and files that are not pages in their own right.
REDIRECTS = ("muscles.muscle_list", "presenter.start", "tours.start")
NOT_CANONICAL = (
    "sitemap.sitemap",
    "sitemap.robots",
    "offline.service_worker",
    "offline.manifest",
    "offline.size",
    "previews.site",
    "quiz.join",
    "health.healthz",
)


class UnlistedRoute(RuntimeError):
    """A route with arguments that :data:`ARGUMENTS` does not know how to fill."""


def list_pages(app: Flask) -> tuple[Address, ...]:
    """Every address of ``app``, in URL-map order, each once."""
    atlas: Atlas = app.extensions[EXTENSION_KEY].atlas
    found: dict[str, Address] = {}
    with app.test_request_context("/", base_url=LIST_BASE):
        for endpoint in dict.fromkeys(rule.endpoint for rule in app.url_map.iter_rules()):
            rules = [r for r in app.url_map.iter_rules(endpoint) if "GET" in (r.methods or ())]
            if endpoint in NOT_PAGES or not rules:
                continue
            if endpoint in ARGUMENTS:
                arguments = list(ARGUMENTS[endpoint](atlas))
            elif any(not rule.arguments - set(rule.defaults or {}) for rule in rules):
                arguments = [({}, endpoint not in NOT_CANONICAL)]
            else:
                raise UnlistedRoute(
                    f"{endpoint} takes arguments; say in page_list.ARGUMENTS how to fill them"
                )
            if endpoint not in ATLAS and app.url_map.is_endpoint_expecting(endpoint, "figure"):
                arguments = list(_in_every_view(arguments))
            server = endpoint.split(".", 1)[0] in SERVER_ONLY or endpoint in NEEDS_QUERY
            for values, canonical in arguments:
                path = url_for(endpoint, **{k: v for k, v in values.items() if v is not None})
                found.setdefault(
                    path,
                    Address(
                        path,
                        canonical and endpoint not in (*NEEDS_QUERY, *REDIRECTS),
                        endpoint in REDIRECTS,
                        server or drawn_on_demand(endpoint, values),
                        drawn_on_demand(endpoint, values),
                    ),
                )
        assets = app.extensions["assets"]
        for name in sorted(assets):
            path = url_for("static", filename=assets[name])
            found.setdefault(path, Address(path))
    return tuple(found.values())


def page_list(app: Flask) -> tuple[Address, ...]:
    """The list worked out at start-up (see :func:`init_page_list`)."""
    return app.extensions[PAGE_LIST_KEY]


def init_page_list(app: Flask) -> None:
    """Work out every address once, when the app starts."""
    app.extensions[PAGE_LIST_KEY] = list_pages(app)
