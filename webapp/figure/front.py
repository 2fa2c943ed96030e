"""The runner seen from the front: a second view where the inner thigh, the side of the hip and
the belly are large and easy to hit.

It is posed from the same joint angles as the side view. Heights come straight from the side
pose (a front view shows the same heights); a limb swung forward or back is seen end-on, so it
looks shorter (foreshortened by the cosine of its angle); arms bend towards the midline.

Muscles on the back of the body cannot be seen from the front and are left out here: the
hamstrings and the gluteus maximus ("glutes"). The page's muscle list still reaches them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from webapp.figure.drawing import (
    Copy,
    Frame,
    RegionLink,
    Regions,
    finish,
    label_layer,
    leg_tags,
    new_drawing,
    place_copies,
    silhouette,
)
from webapp.figure.shapes import MuscleShape, Point, Profile
from webapp.gait.kinematics import Pose

CENTRE_X = 190.0
HIP_HALF_WIDTH = 19.0
# The runner faces the viewer, so their left side is on the viewer's right.
SIDE_SIGN = {"near": 1, "far": -1}
LEG_NAMES = {"near": "left leg", "far": "right leg"}

# Limb profiles seen from the front: (fraction along, outer half-width, inner half-width).
# In these frames +x points away from the body's midline (u = +1 is the outer edge).
THIGH = Profile(108, ((0.0, 24, 19), (0.2, 24, 19), (0.55, 20, 15), (0.85, 15, 12), (1.0, 13, 11)))
SHANK = Profile(108, ((0.0, 13, 12), (0.25, 15, 16), (0.5, 12, 13), (0.8, 8, 8), (1.0, 7, 7)))
UPPER_ARM = Profile(80, ((0.0, 11, 11), (0.3, 10, 9.5), (1.0, 7, 7)))
FOREARM = Profile(66, ((0.0, 7, 7), (0.3, 7.5, 7), (1.0, 5, 5)))
FOOT: tuple[Point, ...] = ((-9, -4), (9, -4), (13, 8), (14, 16), (8, 20), (-10, 20), (-15, 15), (-12, 6))
FOOT_HEIGHT = 20.0  # ankle joint to sole

# Torso frame: origin between the hip joints, -y up; the right half (runner's left), mirrored.
_TORSO_HALF: tuple[Point, ...] = (
    (0, 12), (12, 15), (30, 6), (38, -12), (36, -32), (30, -56), (31, -76), (35, -96), (38, -110),
    (46, -120), (43, -130), (28, -135), (11, -139),
)  # fmt: skip
TORSO: tuple[Point, ...] = (*_TORSO_HALF, *[(-x, y) for x, y in reversed(_TORSO_HALF[1:])])
NECK: tuple[Point, ...] = ((-9, -132), (9, -132), (8, -154), (-8, -154))
HEAD: tuple[Point, ...] = (
    (0, -198), (13, -193), (18, -178), (16, -162), (9, -151), (0, -148), (-9, -151), (-16, -162),
    (-18, -178), (-13, -193),
)  # fmt: skip
EYES: tuple[Point, ...] = ((-7, -176), (7, -176))
SHOULDER: Point = (42, -122)


def _mirror(points: Sequence[Point]) -> tuple[Point, ...]:
    return tuple((-x, y) for x, y in points)


def _trunk(points: Sequence[Point], fibres: Sequence[Sequence[Point]] = (), both: bool = True) -> tuple:
    """A trunk piece on the runner's left, and its mirror image on the right when ``both``."""
    left = MuscleShape("trunk", tuple(points), (), tuple(tuple(line) for line in fibres))
    if not both:
        return (left,)
    return (left, MuscleShape("trunk", _mirror(points), (), tuple(_mirror(line) for line in fibres)))


def _on(profile: Profile, segment: str, uts, fibres=()) -> MuscleShape:
    return MuscleShape(
        segment,
        tuple(profile.at(u, t) for u, t in uts),
        ("near", "far"),
        tuple(tuple(profile.at(u, t) for u, t in line) for line in fibres),
    )


FRONT_SHAPES: dict[str, tuple[MuscleShape, ...]] = {
    "core": (
        *_trunk(
            ((2, -92), (13, -94), (15, -70), (14, -40), (11, -20), (3, -16)),
            (((2.5, -76), (14.5, -76)), ((2.5, -60), (14.5, -60)), ((2.5, -44), (13.5, -44))),
        ),
        *_trunk(
            ((16, -96), (29, -90), (30, -68), (29, -50), (22, -38), (16, -50), (15, -74)),
            (((18, -88), (27, -60)), ((17, -70), (25, -46))),
        ),
    ),
    "heart": _trunk(
        ((13, -110), (17, -117), (23, -116), (25, -109), (14, -97), (4, -109), (5, -116), (10, -117)),
        both=False,
    ),
    "hip-flexors": _trunk(
        ((14, -26), (24, -22), (26, -8), (22, 1), (15, -1), (11, -12)), (((18, -22), (19, -2)),)
    ),
    "glute-medius": _trunk(
        ((29, -44), (37, -34), (40, -14), (38, 1), (31, -1), (28, -22)), (((32, -38), (34, -3)),)
    ),
    "quadriceps": (
        _on(
            THIGH,
            "thigh",
            ((0.45, 0.15), (0.9, 0.2), (0.98, 0.5), (0.85, 0.8), (0.55, 0.92), (0.35, 0.8), (0.45, 0.45)),
            (((0.7, 0.25), (0.55, 0.82)),),
        ),
        _on(
            THIGH,
            "thigh",
            ((-0.16, 0.1), (0.3, 0.08), (0.42, 0.4), (0.3, 0.75), (0.05, 0.86), (-0.16, 0.7), (-0.2, 0.4)),
            (((0.05, 0.14), (0.05, 0.8)),),
        ),
        _on(
            THIGH,
            "thigh",
            ((-0.3, 0.62), (-0.75, 0.66), (-0.92, 0.8), (-0.7, 0.94), (-0.3, 0.96), (-0.15, 0.86)),
        ),
    ),
    "adductors": (
        _on(
            THIGH,
            "thigh",
            (
                (-0.3, 0.03),
                (-0.95, 0.05),
                (-1.0, 0.3),
                (-0.9, 0.55),
                (-0.6, 0.63),
                (-0.36, 0.48),
                (-0.28, 0.2),
            ),
            (((-0.5, 0.06), (-0.7, 0.52)), ((-0.85, 0.08), (-0.9, 0.45))),
        ),
    ),
    "calves": (
        _on(SHANK, "shank", ((-0.7, 0.5), (-0.92, 0.6), (-0.82, 0.8), (-0.6, 0.82), (-0.58, 0.62))),
        _on(
            SHANK,
            "shank",
            ((-0.55, 0.08), (-0.95, 0.18), (-1.0, 0.4), (-0.85, 0.56), (-0.66, 0.46), (-0.55, 0.26)),
            (((-0.75, 0.14), (-0.82, 0.48)),),
        ),
    ),
    "tibialis-anterior": (
        _on(
            SHANK,
            "shank",
            (
                (0.15, 0.1),
                (0.7, 0.12),
                (0.82, 0.3),
                (0.62, 0.6),
                (0.36, 0.8),
                (0.22, 0.98),
                (0.1, 0.75),
                (0.1, 0.35),
            ),
            (((0.42, 0.16), (0.3, 0.72)),),
        ),
    ),
    "big-toe": (
        MuscleShape("foot", ((-4, 10), (-3, 19.5), (-11, 19.5), (-14.5, 15), (-11, 10)), ("near", "far")),
    ),
}

FRONT_HITS: dict[str, tuple[MuscleShape, ...]] = {
    "core": _trunk(((0, -96), (30, -96), (31, -66), (27, -44), (14, -26), (10, -12), (0, -12)), both=True),
    "heart": _trunk(((0, -128), (30, -130), (40, -114), (34, -96), (0, -96)), both=False),
    "hip-flexors": _trunk(((14, -26), (27, -44), (28, -24), (30, -4), (24, 12), (10, 10), (10, -12))),
    "glute-medius": _trunk(
        ((27, -44), (31, -66), (36, -44), (40, -26), (42, -8), (39, 6), (30, 4), (28, -24))
    ),
    "quadriceps": (
        MuscleShape("thigh", THIGH.band(-0.3, 1.0, 0.12, 1.0), ("near", "far")),
        MuscleShape("thigh", THIGH.band(-1.0, -0.3, 0.6, 1.0), ("near", "far")),
    ),
    "adductors": (MuscleShape("thigh", THIGH.band(-1.0, -0.3, 0.0, 0.6), ("near", "far")),),
    "calves": (MuscleShape("shank", SHANK.band(-1.0, 0.05, 0.03, 0.92), ("near", "far")),),
    "tibialis-anterior": (MuscleShape("shank", SHANK.band(0.05, 1.0, 0.05, 1.0), ("near", "far")),),
    "big-toe": (MuscleShape("foot", FOOT, ("near", "far")),),
}


def _toward(origin: Point, target: Point, length: float, outward: int) -> Frame:
    """The frame of a limb seen from the front, from ``origin`` towards ``target``: its
    length squeezed to the distance between them, +x pointing away from the midline."""
    dx, dy = target[0] - origin[0], target[1] - origin[1]
    rotation = math.degrees(math.atan2(-dx, dy))
    stretch = max(math.hypot(dx, dy) / length, 0.18)
    # Local +x lands on page +x when the limb points down; flip it so it always points outward.
    mirror = (math.cos(math.radians(rotation)) >= 0) != (outward > 0)
    return Frame(origin, rotation, stretch, mirror)


def front_frames(pose: Pose) -> dict[str, Frame]:
    """Every body part's frame in the front view, keyed like the side pose's segments."""
    segments, body = pose.segments, pose.body
    trunk = segments["trunk"]
    hip_y = trunk.origin[1]
    lean = math.radians(trunk.rotation)
    frames = {"trunk": Frame((CENTRE_X, hip_y), 0.0, math.cos(lean))}
    shoulder_y = hip_y + SHOULDER[1] * math.cos(lean)
    # The head keeps its size; it only sinks as far as the leaning shoulders do.
    frames["head"] = Frame((CENTRE_X, hip_y + body.trunk * (1 - math.cos(lean))))
    for leg, sign in SIDE_SIGN.items():
        hip = (CENTRE_X + sign * HIP_HALF_WIDTH, hip_y)
        knee = (CENTRE_X + sign * 16, segments[f"{leg}_shank"].origin[1])
        ankle = (CENTRE_X + sign * 14, segments[f"{leg}_foot"].origin[1])
        frames[f"{leg}_thigh"] = _toward(hip, knee, body.thigh, sign)
        frames[f"{leg}_shank"] = _toward(knee, ankle, body.shank, sign)
        # A foot pointing down (pushing off) is seen from the front as a taller foot.
        sole = (pose.lowest_point(leg) - ankle[1]) / FOOT_HEIGHT
        frames[f"{leg}_foot"] = Frame(ankle, 0.0, min(max(sole, 0.7), 2.5), sign < 0)
        upper, fore = segments[f"{leg}_upper_arm"], segments[f"{leg}_forearm"]
        shoulder = (CENTRE_X + sign * SHOULDER[0], shoulder_y)
        elbow = (
            shoulder[0] + sign * 12,
            shoulder_y + body.upper_arm * math.cos(math.radians(upper.rotation)),
        )
        wrist_drop = body.forearm * math.cos(math.radians(fore.rotation))
        wrist = (elbow[0] - sign * (14 + 0.25 * abs(wrist_drop)), elbow[1] + wrist_drop)
        frames[f"{leg}_upper_arm"] = _toward(shoulder, elbow, body.upper_arm, sign)
        frames[f"{leg}_forearm"] = _toward(elbow, wrist, body.forearm, sign)
        frames[f"{leg}_fist"] = Frame(wrist)
    return frames


def _label_side(copy: Copy) -> int:
    """Trunk muscles drawn on both sides are named in the left column, the rest on the right
    (beside the runner's left leg, which carries the named links)."""
    xs = [frame.point(*shape.points[0])[0] for shape, frame in copy.pieces]
    return -1 if min(xs) < CENTRE_X - 5 and copy.leg is None else 1


def draw_front(
    pose: Pose,
    links: Sequence[RegionLink],
    selected: str | None = None,
    intensities: dict[str, str] | None = None,
    far_intensities: dict[str, str] | None = None,
    label: str = "Runner seen from the front",
    labels: bool = False,
    swap: bool = False,
) -> str:
    """The runner in ``pose`` seen from the front, as SVG markup: one link per muscle that
    shows from the front, with the same classes, links and options as the side view
    (:func:`webapp.figure.runner.draw_runner`).

    The hamstrings and the glutes (gluteus maximus) are on the back of the body and are not
    drawn; every other muscle of the atlas is. Both legs are equally near: the runner's left
    leg (on the viewer's right) carries the named links, the right leg repeats them.
    """
    dwg = new_drawing(label, "front")
    frames = front_frames(pose)
    drawable = {link.slug: link for link in links if link.slug in FRONT_SHAPES}
    levels = {"near": intensities or {}, None: intensities or {}, "far": far_intensities or intensities or {}}
    regions = Regions(
        dwg,
        drawable,
        place_copies(list(drawable), FRONT_SHAPES, FRONT_HITS, frames.__getitem__),
        selected,
        levels,
        swap,
    )
    ground = pose.body.ground_y
    left, right = CENTRE_X - 110, CENTRE_X + 110
    top, height = 60.0, 466.0
    dwg.add(dwg.line((left, ground), (right, ground), class_="ground"))
    body: list[tuple[str, object, Frame]] = [
        ("shape", NECK, frames["head"]),
        ("shape", TORSO, frames["trunk"]),
        ("shape", HEAD, frames["head"]),
    ]
    for leg in ("far", "near"):
        body += [
            ("shape", THIGH.outline(), frames[f"{leg}_thigh"]),
            ("shape", SHANK.outline(), frames[f"{leg}_shank"]),
            ("disc", 12.5, frames[f"{leg}_shank"]),
            ("shape", FOOT, frames[f"{leg}_foot"]),
        ]
    torso = silhouette(dwg, "limb limb--near limb--block", body)
    for x, y in EYES:
        ex, ey = frames["head"].point(x, y)
        torso.add(dwg.circle(center=(round(ex, 1), round(ey, 1)), r=1.8, class_="skin-eye"))
    dwg.add(torso)
    for element in [
        *regions.hits("far"),
        *regions.hits("near"),
        *regions.hits(None),
        *regions.visible(None),
        *regions.visible("far"),
        *regions.visible("near"),
    ]:
        dwg.add(element)
    for leg in ("far", "near"):
        dwg.add(
            silhouette(
                dwg,
                "limb limb--arm",
                [
                    ("shape", UPPER_ARM.outline(), frames[f"{leg}_upper_arm"]),
                    ("shape", FOREARM.outline(), frames[f"{leg}_forearm"]),
                    ("disc", 7.5, frames[f"{leg}_forearm"]),
                    ("disc", 8.5, frames[f"{leg}_fist"]),
                ],
            )
        )
    feet = {leg: frames[f"{leg}_foot"].origin[0] for leg in SIDE_SIGN}
    dwg.add(leg_tags(dwg, feet, LEG_NAMES, ground + 17, (left, right)))
    if not labels:
        dwg.add(regions.names())
    if labels:
        layer, (label_left, label_right) = label_layer(
            dwg,
            regions,
            _label_side,
            (CENTRE_X - 66, CENTRE_X + 66),
            (top + 14, ground - 6),
        )
        dwg.add(layer)
        left, right = min(left, label_left - 6), max(right, label_right + 6)
    return finish(dwg, (left, top, right - left, height))
