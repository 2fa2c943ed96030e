"""The content, prepared once at start-up for serving: the validated atlas (with how each
page's claims were checked), the runner's pose for each state, and the glossary's term
finder. Immutable; nothing here knows about Flask or URLs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from webapp.content.glossary import TermFinder
from webapp.content.ledger import TOP_LEVEL, page_check
from webapp.content.loader import load_atlas
from webapp.content.model import Atlas, LedgerEntry, PageCheck, Phase
from webapp.figure.places import PlaceView, load_places
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
    places: dict[str, PlaceView] = field(default_factory=dict)  # the pain map's views (pain/places.yaml)

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
    atlas = atlas.model_copy(update={"checks": page_checks(atlas)})
    hip_height = mean_hip_height(atlas.stride)
    moments: dict[str | None, float] = {None: HOME_POSE_PERCENT, **{p.slug: p.pose_at for p in atlas.phases}}
    poses = {
        key: solve_pose(angles_at(atlas.stride, percent), hip_height) for key, percent in moments.items()
    }
    figure = load_views(data_dir, [m.slug for m in atlas.muscles])
    return Prepared(
        atlas=atlas,
        poses=poses,
        terms=TermFinder(atlas.glossary),
        figure=figure,
        speed_frames=speed_frames(atlas),
        places=load_places(data_dir, figure, _anchors(atlas)),
    )


def _anchors(atlas: Atlas) -> dict[tuple[str, str], str]:
    """Every place the spots name, by (view, anchor), with the field of spots.yaml naming it."""
    return {
        (view.view, view.anchor): f"areas[{a}].spots[{s}].views[{v}].anchor"
        for a, area in enumerate(atlas.pain.areas)
        for s, spot in enumerate(area.spots)
        for v, view in enumerate(spot.views)
    }


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


def _entries(atlas: Atlas, file: str, *fields: str) -> list[LedgerEntry]:
    """The ledger entries of one content file: all of them, or those for ``fields``."""
    ledger = atlas.ledgers.get(file)
    if ledger is None:
        return []
    if not fields:
        return list(ledger.claims)
    return [entry for field in fields if (entry := ledger.entry(field)) is not None]


def _each_muscle(atlas: Atlas, field: str) -> list[LedgerEntry]:
    """One field's entry (e.g. ``speed``) from every muscle's ledger that has it."""
    return [entry for m in atlas.muscles for entry in _entries(atlas, f"muscles/{m.slug}.yaml", field)]


def page_checks(atlas: Atlas) -> dict[str, PageCheck]:
    """How the claims shown on each page were checked, by page: ``muscles/<slug>`` (every
    claim of the muscle), ``training`` (the plan and the exercise cards it shows),
    ``soreness``, ``speed`` (the speed view and every muscle's speed text) and
    ``stride/<phase>`` (the phase, the measured stride and every muscle's timing)."""
    checks = {
        f"muscles/{m.slug}": page_check(_entries(atlas, f"muscles/{m.slug}.yaml")) for m in atlas.muscles
    }
    shown = [
        entry
        for session in atlas.training.sessions
        for item in session.exercises
        for entry in _entries(
            atlas,
            f"muscles/{item.muscle}.yaml",
            f"exercises[{_exercise_index(atlas, item.muscle, item.exercise)}]",
        )
    ]
    checks["training"] = page_check([*_entries(atlas, "training.yaml"), *dict.fromkeys(shown)])
    checks["soreness"] = page_check(_entries(atlas, "soreness.yaml"))
    checks["speed"] = page_check([*_entries(atlas, "speeds/speeds.yaml"), *_each_muscle(atlas, "speed")])
    stride = [*_entries(atlas, "stride/kinematics.yaml"), *_entries(atlas, "stride/phases.yaml", TOP_LEVEL)]
    for index, phase in enumerate(atlas.phases):
        own = _entries(atlas, "stride/phases.yaml", f"phases[{index}]")
        checks[f"stride/{phase.slug}"] = page_check([*stride, *own, *_each_muscle(atlas, "phases")])
    for spot in atlas.pain.spots:
        checks[f"pain/{spot.slug}"] = page_check(_pain_entries(atlas, "spots", _spot_field(atlas, spot.slug)))
    for index, problem in enumerate(atlas.pain.problems):
        checks[f"pain/problems/{problem.slug}"] = page_check(
            _pain_entries(atlas, "problems", f"problems[{index}]")
        )
    return checks


def _spot_field(atlas: Atlas, slug: str) -> str:
    """A spot's field path in pain/spots.yaml, e.g. ``areas[2].spots[1]``."""
    for a, area in enumerate(atlas.pain.areas):
        for s, spot in enumerate(area.spots):
            if spot.slug == slug:
                return f"areas[{a}].spots[{s}]"
    raise KeyError(slug)


def _pain_entries(atlas: Atlas, file: str, prefix: str) -> list[LedgerEntry]:
    """The ledger entries of one spot or problem (its field and everything under it) and the
    lines on medicines and ice that every such page shows."""
    own = [e for e in _entries(atlas, f"pain/{file}.yaml") if e.field.startswith(prefix + ".")]
    shared = [e for e in _entries(atlas, "pain/spots.yaml") if e.field.startswith("medicines_and_ice")]
    return [*own, *shared]


def _exercise_index(atlas: Atlas, muscle: str, name: str) -> int:
    exercises = atlas.muscle(muscle).exercises  # type: ignore[union-attr]
    return next(index for index, exercise in enumerate(exercises) if exercise.name == name)
