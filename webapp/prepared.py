"""The content, prepared once at start-up for serving: the validated atlas, the runner's
pose for each state, and the glossary's term finder. Immutable; nothing here knows about
Flask or URLs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from webapp.content.glossary import TermFinder
from webapp.content.loader import load_atlas
from webapp.content.model import Atlas, Phase
from webapp.figure.views import FigureData, load_views
from webapp.gait.activation import phase_at
from webapp.gait.kinematics import Pose, angles_at, mean_hip_height, solve_pose

HOME_POSE_PERCENT = 35.0  # late push-off: legs apart, both clearly visible
SPEED_FRAME_PERCENTS = tuple(range(0, 100, 5))  # the measured samples, 100% being 0% again


@dataclass(frozen=True)
class Prepared:
    """Everything the views read: the atlas, a pose per phase (and the home pose), the
    term finder."""

    atlas: Atlas
    poses: dict[str | None, Pose]  # phase slug (None: the home page) -> pose
    terms: TermFinder
    figure: FigureData  # the views of the runner and the still poses (data/views/)
    speed_frames: dict[str, tuple[Pose, ...]] = field(default_factory=dict)  # speed slug -> poses

    def pose(self, phase: str | None) -> Pose:
        """The runner's pose at a phase, or the home page's mid-stride pose for None."""
        return self.poses[phase]

    def levels(self, phase: Phase) -> tuple[dict[str, str], dict[str, str]]:
        """How hard each muscle works in ``phase`` on the near leg, and on the far leg, which
        runs its own stride half a stride away."""
        stride = self.atlas.stride
        far = phase_at(self.atlas.phases, phase.pose_at + stride.far_leg_offset_percent)
        muscles = self.atlas.muscles
        return (
            {m.slug: m.timing.intensities[phase.slug] for m in muscles},
            {m.slug: m.timing.intensities[far.slug] for m in muscles},
        )


def prepare(data_dir: Path) -> Prepared:
    """Load and validate ``data_dir``, and pose the runner for every state."""
    atlas = load_atlas(data_dir)
    hip_height = mean_hip_height(atlas.stride)
    moments: dict[str | None, float] = {None: HOME_POSE_PERCENT, **{p.slug: p.pose_at for p in atlas.phases}}
    poses = {
        key: solve_pose(angles_at(atlas.stride, percent), hip_height) for key, percent in moments.items()
    }
    return Prepared(
        atlas=atlas,
        poses=poses,
        terms=TermFinder(atlas.glossary),
        figure=load_views(data_dir, [m.slug for m in atlas.muscles]),
        speed_frames=speed_frames(atlas),
    )


def speed_frames(atlas: Atlas) -> dict[str, tuple[Pose, ...]]:
    """For each measured speed, the runner at every sampled moment of that speed's own stride
    (one pose per percent in :data:`SPEED_FRAME_PERCENTS`)."""
    frames = {}
    for measured in atlas.speeds.measured:
        hip_height = mean_hip_height(measured.stride)
        frames[measured.speed.slug] = tuple(
            solve_pose(angles_at(measured.stride, percent), hip_height) for percent in SPEED_FRAME_PERCENTS
        )
    return frames
