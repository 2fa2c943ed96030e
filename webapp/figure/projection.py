"""How a pose lands on the page in each kind of view: the frame of every body part.

A pose is measured from the runner's left side (:mod:`webapp.gait.kinematics`). The side
projection uses it as it is. The frontal projection shows the runner facing the viewer: heights
come straight from the side pose (a front view shows the same heights), a limb swung forward or
back is seen end-on and so looks shorter (foreshortened by the cosine of its angle), and bent
arms carry the wrists towards the midline. Seen from behind is the frontal projection mirrored.

Frames are keyed alike in both projections: ``trunk``, ``head``, and ``near_`` / ``far_``
``thigh``, ``shank``, ``foot``, ``upper_arm``, ``forearm``, ``fist``.
"""

from __future__ import annotations

import math

from webapp.figure.geometry import Frame, Point
from webapp.gait.kinematics import Pose

LIMBS = ("thigh", "shank", "foot", "upper_arm", "forearm", "fist")
TRUNK_PARTS = ("trunk", "head")
PROJECTIONS = ("side", "frontal")
ARM_BENT = 60.0  # elbow flexion (degrees) from which the wrist is carried fully in front of the body
MIN_STRETCH = 0.18  # a limb pointing straight at the viewer still shows a stub
# Facing the viewer, the runner's left (the near side of the measured pose) is on our right.
SIDE_SIGN = {"near": 1, "far": -1}


def segment_names() -> tuple[str, ...]:
    """Every frame name a view may draw on."""
    return (*TRUNK_PARTS, *(f"{leg}_{limb}" for leg in SIDE_SIGN for limb in LIMBS))


def side_frames(pose: Pose) -> dict[str, Frame]:
    """The side view: every segment where the pose puts it (head on the trunk, fist on the
    forearm)."""
    frames = {name: Frame(s.origin, s.rotation) for name, s in pose.segments.items()}
    frames["head"] = frames["trunk"]
    for leg in SIDE_SIGN:
        frames[f"{leg}_fist"] = frames[f"{leg}_forearm"]
    return frames


def _toward(origin: Point, target: Point, length: float, outward: int) -> Frame:
    """The frame of a limb seen from the front, from ``origin`` towards ``target``: its
    length squeezed to the distance between them, +x pointing away from the midline."""
    dx, dy = target[0] - origin[0], target[1] - origin[1]
    rotation = math.degrees(math.atan2(-dx, dy))
    stretch = max(math.hypot(dx, dy) / length, MIN_STRETCH)
    # Local +x lands on page +x when the limb points down; flip it so it always points outward.
    mirror = (math.cos(math.radians(rotation)) >= 0) != (outward > 0)
    return Frame(origin, rotation, stretch, mirror)


def frontal_frames(pose: Pose) -> dict[str, Frame]:
    """The runner facing the viewer, posed from the same joint angles."""
    segments, body = pose.segments, pose.body
    centre = body.hip_x
    trunk = segments["trunk"]
    hip_y = trunk.origin[1]
    lean = math.radians(trunk.rotation)
    frames = {"trunk": Frame((centre, hip_y), 0.0, math.cos(lean))}
    shoulder_y = hip_y - body.shoulder_rise * math.cos(lean)
    # The head keeps its size; it only sinks as far as the leaning shoulders do.
    frames["head"] = Frame((centre, hip_y + body.trunk * (1 - math.cos(lean))))
    for leg, sign in SIDE_SIGN.items():
        hip = (centre + sign * body.hip_half_width, hip_y)
        knee = (centre + sign * body.knee_half_width, segments[f"{leg}_shank"].origin[1])
        ankle = (centre + sign * body.ankle_half_width, segments[f"{leg}_foot"].origin[1])
        frames[f"{leg}_thigh"] = _toward(hip, knee, body.thigh, sign)
        frames[f"{leg}_shank"] = _toward(knee, ankle, body.shank, sign)
        # A foot pointing down (pushing off) is seen from the front as a taller foot.
        sole = (pose.lowest_point(leg) - ankle[1]) / body.foot_height
        frames[f"{leg}_foot"] = Frame(ankle, 0.0, min(max(sole, 0.7), 2.5), sign < 0)
        upper, fore = segments[f"{leg}_upper_arm"], segments[f"{leg}_forearm"]
        shoulder = (centre + sign * body.shoulder_half_width, shoulder_y)
        elbow = (
            shoulder[0] + sign * body.elbow_out,
            shoulder_y + body.upper_arm * math.cos(math.radians(upper.rotation)),
        )
        wrist_drop = body.forearm * math.cos(math.radians(fore.rotation))
        # A bent arm carries the wrist in front of the body; a hanging one, at the side.
        arm = pose.angles.near_arm if leg == "near" else pose.angles.far_arm
        bend = min(1.0, max(arm.elbow_flexion, 0.0) / ARM_BENT)
        wrist = (elbow[0] - sign * bend * (body.wrist_in + 0.25 * abs(wrist_drop)), elbow[1] + wrist_drop)
        frames[f"{leg}_upper_arm"] = _toward(shoulder, elbow, body.upper_arm, sign)
        frames[f"{leg}_forearm"] = _toward(elbow, wrist, body.forearm, sign)
        frames[f"{leg}_fist"] = Frame(wrist)
    return frames


def frames_for(projection: str, pose: Pose, mirror: bool) -> dict[str, Frame]:
    """Every body part's frame in a view of ``pose``; ``mirror`` reflects the whole figure
    about the hips (a view from behind, or from the runner's right)."""
    frames = side_frames(pose) if projection == "side" else frontal_frames(pose)
    if mirror:
        return {name: frame.mirrored(pose.body.hip_x) for name, frame in frames.items()}
    return frames
