"""Everything the web layer serves, built once at start-up: the content and the figures.

Rendering the SVG for every state here, once, keeps each request down to a dictionary
lookup and a template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from webapp.content.glossary import TermFinder
from webapp.content.loader import load_atlas
from webapp.content.model import Atlas
from webapp.figure.runner import RegionLink, draw_runner
from webapp.stride.kinematics import angles_at, load_stride, solve_pose

HOME_POSE_PERCENT = 35.0  # late push-off: legs apart, both clearly visible


@dataclass(frozen=True)
class Site:
    """The validated content and pre-rendered figures for one running app."""

    atlas: Atlas
    figures: dict[str | None, str]  # selected muscle slug (None: nothing selected) -> SVG
    terms: TermFinder

    def figure(self, selected: str | None) -> str:
        """The runner with ``selected`` highlighted (or none, for unknown or empty)."""
        return self.figures.get(selected, self.figures[None])


def muscle_path(slug: str) -> str:
    """The permanent public address of a muscle's page."""
    return f"/muscles/{slug}"


def build_site(data_dir: Path) -> Site:
    """Load and validate ``data_dir`` and render the figure for every state."""
    atlas = load_atlas(data_dir)
    pose = solve_pose(angles_at(load_stride(data_dir), HOME_POSE_PERCENT))
    links = [RegionLink(m.slug, m.name, muscle_path(m.slug)) for m in atlas.muscles]
    label = "Runner in mid-stride. Each coloured muscle is a link to its page."
    states: list[str | None] = [None, *(m.slug for m in atlas.muscles)]
    figures = {slug: draw_runner(pose, links, selected=slug, label=label) for slug in states}
    return Site(atlas=atlas, figures=figures, terms=TermFinder(atlas.glossary))
