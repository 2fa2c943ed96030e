"""The runner and the activation chart for a view: the view says where each muscle links
(it builds the addresses with ``url_for``) and whether htmx swaps them; the drawing itself
stays a pure function in :mod:`webapp.figure`."""

from __future__ import annotations

from collections.abc import Callable

from webapp.content.model import Muscle, Phase
from webapp.figure.chart import ChartRow, draw_activation_chart
from webapp.figure.runner import RegionLink, draw_figure
from webapp.figure.svg import Figure
from webapp.views import prepared
from webapp.views.figure_state import FigureState

LinkFor = Callable[[Muscle], str]
SIDE_VIEW = FigureState()


def runner(
    link: LinkFor,
    *,
    selected: str | None = None,
    phase: Phase | None = None,
    lit: bool = True,
    swap: bool = True,
    label: str | None = None,
    numbers: dict[str, int] | None = None,
    state: FigureState = SIDE_VIEW,
) -> Figure:
    """The runner with every muscle linking to ``link(muscle)``: at home (no phase), or posed
    at ``phase`` with the muscles lit by how hard they work there (unless not ``lit``); seen
    from the side or the front, with or without names, as ``state`` says."""
    atlas = prepared().atlas
    links = [RegionLink(m.slug, m.name, link(m)) for m in atlas.muscles]
    views = prepared().figure.views
    if state.front:
        return draw_figure(
            views["front"],
            prepared().pose(None),
            links,
            selected=selected,
            label=label
            or "Runner seen from the front, mid-stride. Each coloured muscle is a link to its page.",
            labels=state.labelled,
            swap=swap,
        )
    if phase is None or not lit:
        return draw_figure(
            views["side"],
            prepared().pose(phase.slug if phase else None),
            links,
            selected=selected,
            label=label
            or "Runner in mid-stride, seen from their left side. Each coloured muscle is a link to its page.",
            numbers=numbers,
            labels=state.labelled,
            swap=swap,
        )
    near, far = prepared().levels(phase)
    return draw_figure(
        views["side"],
        prepared().pose(phase.slug),
        links,
        selected=selected,
        intensities=near,
        far_intensities=far,
        label=label
        or f"Runner at {phase.short_name}, seen from their left side. Working muscles are highlighted; each is a link.",
        labels=state.labelled,
        swap=swap,
    )


def activation_chart(current: Phase | None, link: LinkFor, only: Muscle | None = None) -> str:
    """Every muscle's activity across the stride with ``current`` marked, names linking to
    ``link(muscle)``; or only one muscle's own slice of it."""
    atlas = prepared().atlas
    muscles = [only] if only else list(atlas.muscles)
    rows = [ChartRow(m.slug, m.name, m.timing.intensities, link(m)) for m in muscles]
    label = (
        f"When the {only.name.lower()} work through the stride"
        if only
        else "When each muscle works through the stride"
    )
    return draw_activation_chart(
        atlas.phases, rows, current.slug if current else None, label, names=only is None, swap=True
    )
