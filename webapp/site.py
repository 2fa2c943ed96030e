"""Everything the web layer serves, built once at start-up: the content, the stride data and
the figures (each figure state is drawn on first use and then reused)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from webapp.content.glossary import TermFinder
from webapp.content.loader import load_atlas
from webapp.content.model import Atlas, Phase
from webapp.figure.chart import ChartRow, draw_activation_chart
from webapp.figure.runner import RegionLink, draw_runner
from webapp.stride.activation import phase_at
from webapp.stride.kinematics import Pose, StrideData, angles_at, load_stride, mean_hip_height, solve_pose

HOME_POSE_PERCENT = 35.0  # late push-off: legs apart, both clearly visible


def muscle_path(slug: str) -> str:
    """The permanent public address of a muscle's page."""
    return f"/muscles/{slug}"


def present_path(muscle: str, view: str | None = None) -> str:
    """The presenter view of a muscle; ``view`` is "details" or "qr" for those states."""
    return f"/present/{muscle}/{view}" if view else f"/present/{muscle}"


def stride_path(phase: str, muscle: str | None = None) -> str:
    """The permanent address of a stride phase, optionally with a muscle open."""
    return f"/stride/{phase}/{muscle}" if muscle else f"/stride/{phase}"


@dataclass(frozen=True)
class Site:
    """The validated content, the measured stride and a cache of drawn figures."""

    atlas: Atlas
    stride: StrideData
    hip_height: float
    terms: TermFinder
    _poses: dict[str | None, Pose] = field(default_factory=dict, repr=False)
    _figures: dict[tuple[str | None, str | None, bool], str] = field(default_factory=dict, repr=False)
    _charts: dict[tuple[str | None, str | None], str] = field(default_factory=dict, repr=False)

    def phase(self, slug: str) -> Phase | None:
        """The stride phase with this slug, or None."""
        return next((p for p in self.atlas.phases if p.slug == slug), None)

    def pose(self, phase: str | None) -> Pose:
        """The runner's pose for a phase (None: the home page's mid-stride pose), solved once."""
        if phase not in self._poses:
            found = self.phase(phase) if phase else None
            percent = found.pose_at if found else HOME_POSE_PERCENT
            self._poses[phase] = solve_pose(angles_at(self.stride, percent), self.hip_height)
        return self._poses[phase]

    def figure(self, selected: str | None, phase: str | None = None, presenting: bool = False) -> str:
        """The runner SVG for one state: a selected muscle (or none) in a phase (or at home),
        its regions linking within the presenter view when ``presenting``. Unknown muscles or
        phases fall back to the plain state; each state is drawn once."""
        selected = selected if self.atlas.muscle(selected or "") else None
        phase = phase if self.phase(phase or "") else None
        key = (selected, phase, presenting)
        if key not in self._figures:
            self._figures[key] = self._draw(selected, phase, presenting)
        return self._figures[key]

    def chart(self, phase: str | None, only: str | None = None) -> str:
        """The activation chart with ``phase`` marked: every muscle (rows link to the muscle at
        that phase), or ``only`` one muscle's slice of it. Drawn once per state."""
        key = (phase, only)
        if key not in self._charts:
            muscles = [m for m in self.atlas.muscles if only in (None, m.slug)]
            rows = [
                ChartRow(m.slug, m.name, m.timing.intensities, stride_path(phase or "loading", m.slug))
                for m in muscles
            ]
            label = (
                f"When the {muscles[0].name.lower()} work through the stride"
                if only
                else "When each muscle works through the stride"
            )
            self._charts[key] = draw_activation_chart(
                self.atlas.phases, rows, phase, label, names=only is None
            )
        return self._charts[key]

    def _draw(self, selected: str | None, phase: str | None, presenting: bool) -> str:
        if phase is None:
            path = present_path if presenting else muscle_path
            links = [RegionLink(m.slug, m.name, path(m.slug)) for m in self.atlas.muscles]
            label = "Runner in mid-stride. Each coloured muscle is a link to its page."
            return draw_runner(self.pose(None), links, selected=selected, label=label)
        found = self.phase(phase)
        links = [RegionLink(m.slug, m.name, stride_path(phase, m.slug)) for m in self.atlas.muscles]
        far = phase_at(self.atlas.phases, found.pose_at + self.stride.far_leg_offset_percent)
        near_levels = {m.slug: m.timing.intensities[phase] for m in self.atlas.muscles}
        far_levels = {m.slug: m.timing.intensities[far.slug] for m in self.atlas.muscles}
        label = f"Runner at {found.short_name}. Working muscles are highlighted; each is a link."
        return draw_runner(
            self.pose(phase),
            links,
            selected=selected,
            intensities=near_levels,
            far_intensities=far_levels,
            label=label,
        )


def build_site(data_dir: Path) -> Site:
    """Load and validate ``data_dir``; figures are drawn on demand and cached."""
    atlas = load_atlas(data_dir)
    stride = load_stride(data_dir, atlas.sources)
    return Site(
        atlas=atlas, stride=stride, hip_height=mean_hip_height(stride), terms=TermFinder(atlas.glossary)
    )
