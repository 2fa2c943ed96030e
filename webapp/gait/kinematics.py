"""Joint angles over a running stride, and forward kinematics from angles to body positions.

The chain is: a measured stride (angles at every 5% of the stride) -> :func:`angles_at` (angles at
any moment, far leg half a stride behind) -> :func:`solve_pose` (where every segment sits on
the page). Drawing lives in :mod:`webapp.figure`; nothing here knows about SVG or Flask.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from webapp.content.model import MeasuredStride


@dataclass(frozen=True)
class LegAngles:
    """Global segment angles of one leg, degrees from vertical, positive = forward."""

    thigh: float
    shank: float
    ankle_dorsiflexion: float
    in_stance: bool

    @property
    def knee_flexion(self) -> float:
        """How bent the knee is: the angle between thigh and shank."""
        return self.thigh - self.shank

    @property
    def foot_pitch(self) -> float:
        """The foot's angle to the horizontal, positive = toes up."""
        return self.shank + self.ankle_dorsiflexion


@dataclass(frozen=True)
class ArmAngles:
    """Shoulder flexion relative to the trunk and elbow flexion, degrees."""

    shoulder_flexion: float
    elbow_flexion: float


@dataclass(frozen=True)
class BodyAngles:
    """Everything needed to pose the runner at one moment of the stride."""

    percent: float
    trunk_lean: float  # degrees, positive = leaning forward
    pelvis_height_cm: float
    near_leg: LegAngles
    far_leg: LegAngles
    near_arm: ArmAngles
    far_arm: ArmAngles


def _sample(stride: MeasuredStride, column: str, percent: float) -> float:
    """Linear interpolation of one column at any percent, wrapping round the stride."""
    percent %= 100
    samples = stride.samples
    for before, after in itertools.pairwise(samples):
        if before.percent <= percent <= after.percent:
            span = after.percent - before.percent
            weight = (percent - before.percent) / span if span else 0.0
            low, high = getattr(before, column), getattr(after, column)
            return low + weight * (high - low)
    return getattr(samples[-1], column)


def _leg(stride: MeasuredStride, percent: float) -> LegAngles:
    return LegAngles(
        thigh=_sample(stride, "thigh_angle", percent),
        shank=_sample(stride, "shank_angle", percent),
        ankle_dorsiflexion=_sample(stride, "ankle_dorsiflexion", percent),
        in_stance=stride.in_stance(percent),
    )


def angles_at(stride: MeasuredStride, percent: float) -> BodyAngles:
    """The body's angles when the near leg is at ``percent`` of its stride."""
    far = percent + stride.far_leg_offset_percent
    return BodyAngles(
        percent=percent % 100,
        trunk_lean=-_sample(stride, "trunk_angle", percent),
        pelvis_height_cm=_sample(stride, "pelvis_height_cm", percent),
        near_leg=_leg(stride, percent),
        far_leg=_leg(stride, far),
        near_arm=ArmAngles(
            _sample(stride, "near_shoulder_flexion", percent),
            _sample(stride, "near_elbow_flexion", percent),
        ),
        far_arm=ArmAngles(
            _sample(stride, "far_shoulder_flexion", percent),
            _sample(stride, "far_elbow_flexion", percent),
        ),
    )


@dataclass(frozen=True)
class Body:
    """The body's dimensions in drawing units (a 440-unit-tall runner, Winter's proportions):
    segment lengths, and the breadths the views from the front and back need."""

    thigh: float = 108
    shank: float = 108
    trunk: float = 127  # hip joint to shoulder joint
    upper_arm: float = 80
    forearm: float = 66
    ankle_height: float = 17
    heel_back: float = 16
    toe_front: float = 52
    units_per_cm: float = 2.5
    ground_y: float = 500
    hip_x: float = 190
    # Breadths, for views from the front and the back: joints' distances from the midline.
    hip_half_width: float = 19
    knee_half_width: float = 16
    ankle_half_width: float = 14
    shoulder_half_width: float = 42
    shoulder_rise: float = 122  # hip joints to shoulder joints, seen from the front
    foot_height: float = 20  # ankle joint to sole, seen from the front
    elbow_out: float = 12  # a swinging arm carries the elbow this far out from the shoulder
    wrist_in: float = 14  # and a bent one the wrist this far in from the elbow


@dataclass(frozen=True)
class Segment:
    """A body segment placed on the page.

    ``origin`` is the proximal joint; ``rotation`` (degrees, clockwise as SVG draws it) turns
    the segment's own frame, in which +y runs along the segment towards its distal end and
    +x points to the body's front. The trunk is the exception: its frame grows upwards (-y)
    from the hips.
    """

    origin: tuple[float, float]
    rotation: float
    length: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A point given in the segment's frame, in page coordinates."""
        angle = math.radians(self.rotation)
        cos, sin = math.cos(angle), math.sin(angle)
        return (self.origin[0] + x * cos - y * sin, self.origin[1] + x * sin + y * cos)


@dataclass(frozen=True)
class Pose:
    """Every segment of the runner, keyed by name (``near_thigh``, ``trunk``, ...)."""

    angles: BodyAngles
    segments: dict[str, Segment]
    body: Body

    def lowest_point(self, side: str) -> float:
        """The page y of the lowest point of a foot (heel, ball or toe tip)."""
        return max(y for _, y in foot_sole_points(self, side))


SOLE = ((-1.0, 1.0), (0.0, 1.0), (0.72, 1.0), (1.0, 0.75))  # heel .. ball .. toe, scaled below


def foot_sole_points(pose: Pose, side: str) -> list[tuple[float, float]]:
    """Heel, mid-sole, ball and toe tip of one foot, in page coordinates."""
    body = pose.body
    foot = pose.segments[f"{side}_foot"]
    return [
        foot.point(
            fx * (body.toe_front if fx > 0 else body.heel_back),
            fy * body.ankle_height,
        )
        for fx, fy in SOLE
    ]


def _limb(origin: tuple[float, float], forward_angle: float, length: float) -> Segment:
    # A segment hanging down and swung forward by forward_angle: SVG rotates clockwise.
    return Segment(origin, -forward_angle, length)


def _chain(hip: tuple[float, float], leg: LegAngles, body: Body, side: str) -> dict[str, Segment]:
    thigh = _limb(hip, leg.thigh, body.thigh)
    shank = _limb(thigh.point(0, body.thigh), leg.shank, body.shank)
    foot = Segment(shank.point(0, body.shank), -leg.foot_pitch, body.toe_front)
    return {f"{side}_thigh": thigh, f"{side}_shank": shank, f"{side}_foot": foot}


def _arm(shoulder: tuple[float, float], lean: float, arm: ArmAngles, body: Body, side: str):
    upper_angle = lean + arm.shoulder_flexion
    upper = _limb(shoulder, upper_angle, body.upper_arm)
    fore = _limb(upper.point(0, body.upper_arm), upper_angle + arm.elbow_flexion, body.forearm)
    return {f"{side}_upper_arm": upper, f"{side}_forearm": fore}


def _place(angles: BodyAngles, body: Body, hip_y: float) -> Pose:
    hip = (body.hip_x, hip_y)
    trunk = Segment(hip, angles.trunk_lean, body.trunk)
    shoulder = trunk.point(0, -body.trunk)
    segments = {
        "trunk": trunk,
        **_chain(hip, angles.near_leg, body, "near"),
        **_chain(hip, angles.far_leg, body, "far"),
        **_arm(shoulder, angles.trunk_lean, angles.near_arm, body, "near"),
        **_arm(shoulder, angles.trunk_lean, angles.far_arm, body, "far"),
    }
    return Pose(angles, segments, body)


def _hip_drop(angles: BodyAngles, body: Body) -> dict[str, float]:
    """How far below the hip each foot's lowest point hangs in this pose."""
    trial = _place(angles, body, 0.0)
    return {side: trial.lowest_point(side) for side in ("near", "far")}


def _stance_sides(angles: BodyAngles) -> list[str]:
    return [side for side, leg in (("near", angles.near_leg), ("far", angles.far_leg)) if leg.in_stance]


def mean_hip_height(stride: MeasuredStride, body: Body | None = None) -> float:
    """The hip height (drawing units) that matches a pelvis bounce of zero, fitted over the
    stance samples, where the foot on the ground fixes the height exactly."""
    body = body or Body()
    heights = []
    for sample in stride.samples:
        angles = angles_at(stride, sample.percent)
        drop = _hip_drop(angles, body)
        for side in _stance_sides(angles):
            heights.append(drop[side] - angles.pelvis_height_cm * body.units_per_cm)
    return sum(heights) / len(heights)


def solve_pose(angles: BodyAngles, hip_height: float, body: Body | None = None) -> Pose:
    """Place the runner on the page. A foot in stance rests exactly on the ground line; in
    flight the hips ride at ``hip_height`` (see :func:`mean_hip_height`) plus the measured
    pelvis bounce, and both feet stay clear of the ground."""
    body = body or Body()
    drop = _hip_drop(angles, body)
    stance = _stance_sides(angles)
    if stance:
        height = max(drop[side] for side in stance)
    else:
        height = max(hip_height + angles.pelvis_height_cm * body.units_per_cm, max(drop.values()) + 2)
    return _place(angles, body, body.ground_y - height)
