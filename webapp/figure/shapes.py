"""Outlines of the body and of every muscle in the side view, each in the frame of the segment
that carries it.

Coordinates are in drawing units for a 440-unit-tall runner. Limbs are described by a
profile (how far the front and back edges sit from the bone at points along it). Muscles on a
limb are written as (u, t) points: ``t`` is the fraction along the limb and ``u`` runs from -1
(the back edge) to +1 (the front edge), so every muscle hugs the silhouette and moves with the
limb in every pose. Trunk, head and foot shapes are listed as plain points.

Each muscle also has hit cells: larger invisible areas inside the same body part that answer a
tap, drawn beneath every visible muscle (see :mod:`webapp.figure.runner`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class Profile:
    """A limb's outline: (fraction along the segment, front half-width, back half-width)."""

    length: float
    stations: tuple[tuple[float, float, float], ...]

    def widths(self, t: float) -> tuple[float, float]:
        """Front and back half-widths at fraction ``t`` along the segment (linear between stations)."""
        stations = self.stations
        if t <= stations[0][0]:
            return stations[0][1], stations[0][2]
        for (t0, f0, b0), (t1, f1, b1) in itertools.pairwise(stations):
            if t0 <= t <= t1:
                w = (t - t0) / (t1 - t0)
                return f0 + w * (f1 - f0), b0 + w * (b1 - b0)
        return stations[-1][1], stations[-1][2]

    def outline(self, cap: float = 0.6) -> list[Point]:
        """The closed silhouette: down the front edge, round the end, up the back edge."""
        front = [(f, t * self.length) for t, f, _ in self.stations]
        back = [(-b, t * self.length) for t, _, b in reversed(self.stations)]
        end_f, end_b = self.stations[-1][1], self.stations[-1][2]
        start_f, start_b = self.stations[0][1], self.stations[0][2]
        bottom = ((end_f - end_b) / 2, self.length + cap * (end_f + end_b) / 2)
        top = ((start_f - start_b) / 2, -cap * (start_f + start_b) / 2)
        return [*front, bottom, *back, top]

    def at(self, u: float, t: float) -> Point:
        """The point ``u`` of the way from the bone to the front (+1) or back (-1) edge, at ``t``."""
        front, back = self.widths(t)
        return (u * (front if u >= 0 else back), t * self.length)

    def band(self, u0: float, u1: float, t0: float, t1: float, steps: int = 6) -> tuple[Point, ...]:
        """A straight-edged strip of the limb between two ``u`` lines, from ``t0`` to ``t1``."""
        ts = [t0 + (t1 - t0) * i / steps for i in range(steps + 1)]
        return tuple([self.at(u1, t) for t in ts] + [self.at(u0, t) for t in reversed(ts)])


def _number(value: float) -> str:
    """A coordinate as short as it can be written at 0.1 precision ("12", "-3.5")."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _pair(point: Point) -> str:
    return f"{_number(point[0])},{_number(point[1])}"


def smooth_path(points: Sequence[Point], closed: bool = True, tension: float = 1.0) -> str:
    """A smooth SVG path through the points (Catmull-Rom turned into cubic Béziers).

    Catmull-Rom leaves each point along one tangent, so every curve's first control point
    mirrors the one before it: all curves after the first use the shorter ``S`` command.
    """
    count = len(points)
    if count < 3 and closed:
        raise ValueError("a smooth outline needs at least three points")

    def at(index: int) -> Point:
        return points[index % count] if closed else points[max(0, min(count - 1, index))]

    parts = [f"M{_pair(points[0])}"]
    segments = count if closed else count - 1
    k = tension / 6
    for i in range(segments):
        p0, p1, p2, p3 = at(i - 1), at(i), at(i + 1), at(i + 2)
        c2 = (p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k)
        if i == 0:
            c1 = (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
            parts.append(f"C{_pair(c1)} {_pair(c2)} {_pair(p2)}")
        else:
            parts.append(f"S{_pair(c2)} {_pair(p2)}")
    if closed:
        parts.append("Z")
    return "".join(parts)


def polygon_path(points: Sequence[Point]) -> str:
    """A straight-edged closed SVG path (hit cells must not bulge past their body part)."""
    return "M" + "L".join(_pair(point) for point in points) + "Z"


def polygon_area(points: Sequence[Point]) -> float:
    """The area enclosed by a polygon (shoelace formula)."""
    pairs = zip(points, [*points[1:], points[0]], strict=True)
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs)) / 2


def centroid(points: Sequence[Point]) -> Point:
    """The centre of mass of a polygon's area."""
    area2, cx, cy = 0.0, 0.0, 0.0
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area2 += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area2) < 1e-9:
        return (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))
    return (cx / (3 * area2), cy / (3 * area2))


@dataclass(frozen=True)
class MuscleShape:
    """One drawn piece of a muscle: the segment it rides on, its outline in that frame, and
    optional fibre lines (open polylines) that show which way it pulls."""

    segment: str  # "thigh", "shank", "foot", "trunk" (legs are prefixed near_/far_ when drawn)
    points: tuple[Point, ...]
    legs: tuple[str, ...] = ()  # leg shapes: which legs show it ("near", "far")
    fibres: tuple[tuple[Point, ...], ...] = ()


BOTH_LEGS = ("near", "far")
NEAR_LEG = ("near",)
# The inner thigh faces the viewer only on the far leg.
FAR_LEG = ("far",)

THIGH = Profile(108, ((0.0, 20, 25), (0.18, 23, 26), (0.5, 23, 22), (0.8, 18, 17), (1.0, 15, 14)))
SHANK = Profile(
    108, ((0.0, 15, 14), (0.15, 14, 19), (0.33, 13, 21), (0.6, 10, 14), (0.85, 8, 8), (1.0, 8, 8))
)
UPPER_ARM = Profile(80, ((0.0, 12.5, 12.5), (0.25, 12, 10.5), (0.45, 9, 10), (0.75, 8.5, 8.5), (1.0, 7, 7)))
FOREARM = Profile(66, ((0.0, 7.5, 7.5), (0.3, 8, 7), (1.0, 5, 5)))
# A loose running fist at the end of the forearm, in the forearm's frame.
FIST: tuple[Point, ...] = ((-5, 60), (6, 60), (10, 67), (9, 75), (2, 80), (-6, 77), (-8, 68))

# Trunk frame: origin at the hip joints, the trunk rising towards -y, +x = front of the body.
TRUNK_OUTLINE: tuple[Point, ...] = (
    (14, 18), (22, 2), (24, -16), (23, -40), (24, -62), (29, -84), (33, -100), (31, -116),
    (22, -128), (10, -136), (-8, -138), (-18, -133), (-24, -121), (-24, -100), (-19, -72),
    (-22, -48), (-30, -30), (-35, -8), (-32, 10), (-22, 24), (0, 26),
)  # fmt: skip
NECK_OUTLINE: tuple[Point, ...] = ((-9, -128), (9, -128), (12, -151), (-5, -155))
# The head in profile, facing +x: nape, skull, brow, nose, lips, chin, jaw.
HEAD_OUTLINE: tuple[Point, ...] = (
    (-13, -157), (-18, -176), (-11, -193), (5, -199), (21, -192), (27, -181), (28, -175),
    (34, -166), (29, -163), (30, -158), (27, -151), (19, -148), (8, -150),
)  # fmt: skip
EAR: tuple[Point, ...] = ((2, -178), (6, -176), (5, -167), (1, -166))
EYE: Point = (22, -176)

# Foot frame: origin at the ankle joint, +x towards the toes, +y down towards the sole.
FOOT_OUTLINE: tuple[Point, ...] = (
    (-10, -6), (6, -7), (22, 0), (40, 6), (50, 10), (54, 14), (50, 17), (30, 17), (0, 17), (-16, 16),
    (-18, 6),
)  # fmt: skip


def _on(profile: Profile, segment: str, uts: Sequence[Point], legs=BOTH_LEGS, fibres=()) -> MuscleShape:
    """A muscle piece on a limb, given in (u, t) points."""
    return MuscleShape(
        segment,
        tuple(profile.at(u, t) for u, t in uts),
        legs,
        tuple(tuple(profile.at(u, t) for u, t in line) for line in fibres),
    )


def _thigh(uts, legs=BOTH_LEGS, fibres=()) -> MuscleShape:
    return _on(THIGH, "thigh", uts, legs, fibres)


def _shank(uts, legs=BOTH_LEGS, fibres=()) -> MuscleShape:
    return _on(SHANK, "shank", uts, legs, fibres)


def _trunk(points, fibres=()) -> MuscleShape:
    return MuscleShape("trunk", tuple(points), (), tuple(tuple(line) for line in fibres))


# Where each muscle is drawn, piece by piece (later pieces on top). Muscles absent here are
# still reachable from the list.
MUSCLE_SHAPES: dict[str, tuple[MuscleShape, ...]] = {
    "quadriceps": (
        # Vastus lateralis: the big outer part, seen only from the outer (near) side.
        _thigh(
            (
                (0.3, 0.2),
                (0.42, 0.45),
                (0.5, 0.72),
                (0.58, 0.9),
                (0.3, 0.98),
                (-0.1, 0.93),
                (-0.3, 0.78),
                (-0.32, 0.52),
                (-0.15, 0.28),
            ),
            NEAR_LEG,
            (((0.1, 0.35), (-0.16, 0.8)), ((0.3, 0.4), (0.12, 0.9))),
        ),
        # Rectus femoris down the front, then the teardrop of vastus medialis above the knee.
        _thigh(
            (
                (0.45, 0.08),
                (0.9, 0.14),
                (1.0, 0.4),
                (0.95, 0.64),
                (0.8, 0.82),
                (0.6, 0.88),
                (0.45, 0.66),
                (0.4, 0.38),
            ),
            fibres=(((0.7, 0.14), (0.7, 0.8)),),
        ),
        _thigh(((0.6, 0.72), (0.88, 0.72), (1.0, 0.84), (0.9, 0.96), (0.62, 0.98), (0.5, 0.88))),
    ),
    "hamstrings": (
        # Semitendinosus at the back edge, the long belly of biceps femoris in front of it.
        _thigh(
            (
                (-0.62, 0.18),
                (-0.95, 0.26),
                (-1.0, 0.55),
                (-0.93, 0.82),
                (-0.84, 0.95),
                (-0.7, 0.84),
                (-0.66, 0.5),
            ),
            fibres=(((-0.85, 0.28), (-0.84, 0.86)),),
        ),
        _thigh(
            (
                (-0.36, 0.28),
                (-0.66, 0.3),
                (-0.74, 0.55),
                (-0.68, 0.84),
                (-0.58, 0.95),
                (-0.42, 0.84),
                (-0.35, 0.56),
            ),
            fibres=(((-0.52, 0.32), (-0.54, 0.88)),),
        ),
    ),
    "adductors": (
        _thigh(
            (
                (-0.34, 0.04),
                (0.42, 0.06),
                (0.44, 0.3),
                (0.2, 0.55),
                (-0.06, 0.76),
                (-0.3, 0.62),
                (-0.42, 0.3),
            ),
            FAR_LEG,
            (((0.25, 0.1), (-0.05, 0.66)), ((-0.2, 0.1), (-0.22, 0.58))),
        ),
    ),
    "calves": (
        # Soleus underneath, the Achilles tendon to the heel, then the gastrocnemius's two heads.
        _shank(
            (
                (-0.1, 0.32),
                (-0.6, 0.36),
                (-0.95, 0.5),
                (-0.9, 0.72),
                (-0.6, 0.84),
                (-0.25, 0.76),
                (-0.08, 0.55),
            ),
        ),
        _shank(((-0.92, 0.7), (-0.96, 0.99), (-0.5, 1.0), (-0.55, 0.8))),
        _shank(
            (
                (-0.35, 0.06),
                (-0.85, 0.1),
                (-1.0, 0.3),
                (-0.95, 0.5),
                (-0.78, 0.64),
                (-0.55, 0.58),
                (-0.38, 0.35),
            ),
            fibres=(((-0.66, 0.08), (-0.8, 0.52)),),
        ),
        _shank(
            (
                (-0.02, 0.07),
                (-0.45, 0.07),
                (-0.75, 0.2),
                (-0.7, 0.42),
                (-0.45, 0.54),
                (-0.15, 0.45),
                (-0.02, 0.22),
            ),
            fibres=(((-0.25, 0.08), (-0.42, 0.46)),),
        ),
    ),
    "tibialis-anterior": (
        _shank(
            (
                (0.4, 0.1),
                (0.86, 0.12),
                (0.96, 0.3),
                (0.86, 0.55),
                (0.62, 0.76),
                (0.5, 0.98),
                (0.36, 0.76),
                (0.36, 0.4),
            ),
            fibres=(((0.66, 0.16), (0.58, 0.7)),),
        ),
    ),
    "big-toe": (
        MuscleShape("foot", ((33, 7), (45, 8), (53, 12), (50, 16.5), (34, 16.5)), legs=BOTH_LEGS),
        MuscleShape("foot", ((-6, 14), (8, 12.5), (26, 12.5), (30, 16), (0, 16.5)), legs=BOTH_LEGS),
    ),
    "hip-flexors": (
        _trunk(((9, -36), (20, -37), (24, -16), (22, 2), (14, 10), (9, -12)), (((15, -32), (17, 4)),)),
    ),
    "glutes": (
        _trunk(
            (
                (-6, -30),
                (-20, -35),
                (-30, -26),
                (-34, -8),
                (-31, 10),
                (-21, 22),
                (-8, 18),
                (-2, 2),
                (-2, -16),
            ),
            (((-24, -26), (-6, 2)), ((-30, -8), (-10, 14)), ((-14, -30), (-3, -10))),
        ),
    ),
    "glute-medius": (
        _trunk(
            (
                (-24, -44),
                (-12, -52),
                (2, -54),
                (10, -46),
                (6, -34),
                (1, -22),
                (-3, -30),
                (-12, -36),
                (-22, -38),
            ),
            (((-16, -44), (0, -26)), ((2, -50), (2, -28))),
        ),
    ),
    "core": (
        # Erector spinae along the back, the external oblique on the side, rectus abdominis in front.
        _trunk(((-22, -112), (-15, -112), (-14, -80), (-15, -58), (-20, -50), (-20, -82))),
        _trunk(
            ((-10, -100), (10, -98), (13, -78), (12, -58), (-2, -56), (-14, -60), (-18, -80)),
            (((-12, -90), (8, -64)), ((-14, -72), (4, -58))),
        ),
        _trunk(
            ((14, -86), (26, -84), (25, -68), (24, -52), (21, -41), (15, -42), (14, -62)),
            (((14.5, -72), (25, -72)), ((14.5, -57), (24, -57))),
        ),
    ),
    "heart": (
        _trunk(((15, -106), (20, -114), (27, -112), (27, -104), (16, -92), (6, -103), (6, -111), (11, -114))),
    ),
}

# The invisible areas that answer a tap, per muscle, inside the body part that carries it.
# Near and far legs differ: only the far leg shows its inner thigh (the adductors).
HIT_SHAPES: dict[str, tuple[MuscleShape, ...]] = {
    "quadriceps": (
        MuscleShape("thigh", THIGH.band(-0.3, 1.0, 0.1, 1.0), NEAR_LEG),
        MuscleShape("thigh", THIGH.band(0.45, 1.0, 0.1, 1.0), FAR_LEG),
    ),
    "hamstrings": (
        MuscleShape("thigh", THIGH.band(-1.0, -0.3, 0.14, 1.0), NEAR_LEG),
        MuscleShape("thigh", THIGH.band(-1.0, -0.45, 0.14, 1.0), FAR_LEG),
    ),
    "adductors": (MuscleShape("thigh", THIGH.band(-0.45, 0.45, 0.0, 0.85), FAR_LEG),),
    "calves": (MuscleShape("shank", SHANK.band(-1.0, 0.15, 0.02, 1.0), BOTH_LEGS),),
    "tibialis-anterior": (MuscleShape("shank", SHANK.band(0.15, 1.0, 0.06, 1.0), BOTH_LEGS),),
    "big-toe": (MuscleShape("foot", FOOT_OUTLINE, BOTH_LEGS),),
    "heart": (_trunk(((4, -124), (22, -128), (31, -116), (33, -100), (29, -86), (4, -86))),),
    "core": (
        _trunk(
            (
                (-24, -118),
                (4, -118),
                (4, -86),
                (29, -86),
                (24, -62),
                (23, -42),
                (12, -40),
                (-4, -56),
                (-20, -58),
                (-19, -80),
            ),
        ),
    ),
    "glute-medius": (
        _trunk(((-20, -58), (-4, -56), (12, -40), (8, -26), (2, -18), (-4, -28), (-30, -30), (-22, -48))),
    ),
    "hip-flexors": (
        _trunk(((12, -40), (23, -42), (24, -16), (22, 2), (14, 16), (6, -4), (2, -18), (8, -26))),
    ),
    "glutes": (_trunk(((-30, -30), (-4, -28), (2, -18), (6, -4), (0, 25), (-22, 23), (-32, 10), (-35, -8))),),
}
