"""The runner and the activation chart for a view: the view says where each muscle links
(it builds the addresses with ``url_for``) and whether htmx swaps them; the drawing itself
stays a pure function in :mod:`webapp.figure`."""

from __future__ import annotations

from collections.abc import Callable

from webapp.content.model import MeasuredSpeed, Muscle, Phase
from webapp.content.wording import agree, with_the
from webapp.figure.chart import ChartRow, draw_activation_chart
from webapp.figure.drawing import BADGE_RADIUS
from webapp.figure.runner import RegionLink, draw_figure
from webapp.figure.svg import Figure
from webapp.figure.views import View
from webapp.pages.context import prepared
from webapp.pages.figure_state import FigureState, figure_state
from webapp.pages.links import speed_url
from webapp.prepared import SPEED_FRAME_PERCENTS

LinkFor = Callable[[Muscle], str]
MaybeLinkFor = Callable[[Muscle], str | None]  # None: drawn dimmed, not a link
STILL_PERCENT = 70  # late swing: the swinging knee near its deepest fold, the other foot down


def seen_as(view: View) -> str:
    """How a screen reader hears which view it is and whose left is whose: "seen from behind:
    the runner's left is on your left"."""
    return f"{view.label[:1].upper()}{view.label[1:]}: {view.whose_left}"


def runner(
    link: MaybeLinkFor,
    *,
    selected: str | None = None,
    phase: Phase | None = None,
    lit: bool = True,
    swap: bool = True,
    label: str | None = None,
    numbers: dict[str, int] | None = None,
    state: FigureState | None = None,
    badge_radius: float = BADGE_RADIUS,
) -> Figure:
    """The runner with every muscle linking to ``link(muscle)`` (drawn dimmed, not a link, where
    that is None): at home (no phase), or posed
    at ``phase`` with the muscles lit by how hard they work there (unless not ``lit``); in the
    view and with or without names, as ``state`` says (by default, as the address says), its
    numbered badges of radius ``badge_radius``. A ``label`` is followed by which view it is."""
    state = state or figure_state()
    view = prepared().figure.views[state.view]
    links = [RegionLink(m.slug, m.name, link(m)) for m in prepared().atlas.muscles]
    pose = prepared().pose(phase.slug if phase else None)
    if phase is None or not lit:
        where = f"at {phase.short_name}" if phase else "in mid-stride"
        return draw_figure(
            view,
            pose,
            links,
            selected=selected,
            label=f"{label or f'Runner {where}. Each coloured muscle is a link to its page.'} {seen_as(view)}.",
            numbers=numbers,
            labels=state.labelled,
            swap=swap,
            badge_radius=badge_radius,
        )
    near, far = prepared().levels(phase)
    return draw_figure(
        view,
        pose,
        links,
        selected=selected,
        intensities=near,
        far_intensities=far,
        label=f"{label or f'Runner at {phase.short_name}. Working muscles are highlighted; each is a link.'} "
        f"{seen_as(view)}.",
        numbers=numbers,
        labels=state.labelled,
        swap=swap,
        badge_radius=badge_radius,
    )


def activation_chart(current: Phase | None, link: LinkFor, only: Muscle | None = None) -> str:
    """Every muscle's activity across the stride with ``current`` marked, names linking to
    ``link(muscle)``; or only one muscle's own slice of it."""
    atlas = prepared().atlas
    muscles = [only] if only else list(atlas.muscles)
    rows = [ChartRow(m.slug, m.name, m.timing.intensities, link(m)) for m in muscles]
    label = (
        f"When {with_the(only.name)} {agree(only.name, 'works', 'work')} through the stride"
        if only
        else "When each muscle works through the stride"
    )
    return draw_activation_chart(
        atlas.phases, rows, current.slug if current else None, label, names=only is None, swap=True
    )


def speed_figure(
    measured: MeasuredSpeed,
    percent: float = STILL_PERCENT,
    selected: str | None = None,
    linked: bool = True,
    swap: bool = True,
    labels: bool = False,
    intensities: dict[str, str] | None = None,
    badge_radius: float = BADGE_RADIUS,
) -> Figure:
    """The runner at ``percent`` of this speed's own measured stride; each muscle links to
    its panel at this speed (unless not ``linked``, for a faint outline), swapped in place by
    htmx when ``swap``; ``intensities`` (slug -> off/light/strong) marks muscles as stride
    mode does; with ``labels``, its numbered badges have radius ``badge_radius``."""
    atlas = prepared().atlas
    pose = prepared().speed_frames[measured.speed.slug][SPEED_FRAME_PERCENTS.index(percent)]
    links = [RegionLink(m.slug, m.name, speed_url(measured, m)) for m in atlas.muscles] if linked else []
    view = prepared().figure.views[figure_state().view]
    label = (
        f"Runner at {measured.speed.label}, {percent}% of the stride. Each coloured muscle is a link."
        if linked
        else f"Runner at {measured.speed.label}"
    )
    return draw_figure(
        view,
        pose,
        links,
        selected=selected,
        label=f"{label} {seen_as(view)}." if linked else label,
        swap=linked and swap,
        labels=labels,
        intensities=intensities,
        badge_radius=badge_radius,
    )
