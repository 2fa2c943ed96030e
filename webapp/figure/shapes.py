"""Outlines of the body and of every muscle, each in the frame of the segment that carries it.

Coordinates are in drawing units for a 440-unit-tall runner. Limbs are described by a
profile (how far the front and back edges sit from the bone at points along it); muscles on
a limb are spindles that hug one edge of that profile, so they always follow the silhouette
and move with the limb. Trunk, pelvis and foot shapes are listed as points.
"""

from __future__ import annotations

import itertools
import math
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


@dataclass(frozen=True)
class Spindle:
    """A muscle belly lying along one edge of a limb profile.

    ``side`` is +1 for the front edge and -1 for the back; ``depth`` is how much of the limb's
    thickness the belly covers at its widest; ``start``/``end`` are fractions along the limb.
    """

    side: int
    start: float
    end: float
    depth: float
    inset: float = 1.5

    def points(self, profile: Profile, samples: int = 9) -> list[Point]:
        """The spindle's outline in the limb's frame."""
        outer, inner = [], []
        for i in range(samples):
            s = i / (samples - 1)
            t = self.start + s * (self.end - self.start)
            front, back = profile.widths(t)
            edge = front if self.side > 0 else back
            bulge = math.sin(math.pi * s) ** 0.7
            outer.append((self.side * (edge - self.inset), t * profile.length))
            inner.append(
                (self.side * (edge - self.inset - self.depth * (front + back) * bulge), t * profile.length)
            )
        return outer + inner[::-1][1:-1]


def smooth_path(points: Sequence[Point], closed: bool = True, tension: float = 1.0) -> str:
    """A smooth SVG path through the points (Catmull-Rom turned into cubic Béziers)."""
    count = len(points)
    if count < 3:
        raise ValueError("a smooth outline needs at least three points")

    def at(index: int) -> Point:
        return points[index % count] if closed else points[max(0, min(count - 1, index))]

    parts = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    segments = count if closed else count - 1
    k = tension / 6
    for i in range(segments):
        p0, p1, p2, p3 = at(i - 1), at(i), at(i + 1), at(i + 2)
        c1 = (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
        c2 = (p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k)
        parts.append(f"C{c1[0]:.1f},{c1[1]:.1f} {c2[0]:.1f},{c2[1]:.1f} {p2[0]:.1f},{p2[1]:.1f}")
    if closed:
        parts.append("Z")
    return "".join(parts)


THIGH = Profile(108, ((0.0, 20, 25), (0.18, 23, 26), (0.5, 23, 22), (0.8, 18, 17), (1.0, 15, 14)))
SHANK = Profile(
    108, ((0.0, 15, 14), (0.15, 14, 19), (0.33, 13, 21), (0.6, 10, 14), (0.85, 8, 8), (1.0, 8, 8))
)
UPPER_ARM = Profile(80, ((0.0, 11, 11), (0.4, 10, 10), (1.0, 8, 8)))
FOREARM = Profile(66, ((0.0, 8, 8), (0.6, 7, 6), (1.0, 6, 5)))

# Trunk frame: origin at the hip joints, the trunk rising towards -y, +x = front of the body.
TRUNK_OUTLINE: tuple[Point, ...] = (
    (20, 14), (25, -8), (24, -40), (26, -72), (33, -100), (31, -124), (18, -138),
    (8, -143), (-8, -143), (-18, -136), (-26, -120), (-23, -92), (-20, -60), (-24, -34),
    (-33, -14), (-33, 8), (-22, 24), (0, 26),
)  # fmt: skip
NECK_OUTLINE: tuple[Point, ...] = ((-7, -132), (9, -132), (12, -158), (-4, -160))
HEAD_CENTRE: Point = (9, -170)
HEAD_RADIUS = 26

# Foot frame: origin at the ankle joint, +x towards the toes, +y down towards the sole.
FOOT_OUTLINE: tuple[Point, ...] = (
    (-10, -6), (6, -7), (22, 0), (40, 6), (52, 11), (50, 17), (30, 17), (0, 17), (-16, 16), (-18, 6),
)  # fmt: skip


@dataclass(frozen=True)
class MuscleShape:
    """One drawn piece of a muscle: the segment it rides on and its outline in that frame."""

    segment: str  # "thigh", "shank", "foot", "trunk" (legs are prefixed near_/far_ when drawn)
    points: tuple[Point, ...]
    legs: tuple[str, ...] = ()  # leg shapes: which legs show it ("near", "far")


def _spindle(segment: str, profile: Profile, spindle: Spindle) -> MuscleShape:
    return MuscleShape(segment, tuple(spindle.points(profile)), legs=BOTH_LEGS)


BOTH_LEGS = ("near", "far")
# The inner thigh faces the viewer only on the far leg.
FAR_LEG = ("far",)

# Where each muscle is drawn. Muscles absent here are still reachable from the list.
MUSCLE_SHAPES: dict[str, tuple[MuscleShape, ...]] = {
    "quadriceps": (_spindle("thigh", THIGH, Spindle(+1, 0.16, 0.95, 0.58)),),
    "hamstrings": (_spindle("thigh", THIGH, Spindle(-1, 0.3, 0.93, 0.55)),),
    "adductors": (
        MuscleShape(
            "thigh", ((-6, 10), (3, 14), (4, 32), (0, 54), (-5, 62), (-9, 44), (-10, 24)), legs=FAR_LEG
        ),
    ),
    "calves": (_spindle("shank", SHANK, Spindle(-1, 0.06, 0.7, 0.6)),),
    "tibialis-anterior": (_spindle("shank", SHANK, Spindle(+1, 0.1, 0.72, 0.4)),),
    "big-toe": (
        MuscleShape("foot", ((33, 7), (45, 8), (53, 12), (50, 16.5), (34, 16.5)), legs=BOTH_LEGS),
        MuscleShape("foot", ((-6, 14), (8, 12.5), (26, 12.5), (30, 16), (0, 16.5)), legs=BOTH_LEGS),
    ),
    "hip-flexors": (MuscleShape("trunk", ((9, -36), (19, -32), (23, -12), (22, 6), (14, 8), (8, -14))),),
    "glutes": (MuscleShape("trunk", ((-8, -26), (-24, -30), (-32, -12), (-31, 8), (-20, 21), (-7, 14))),),
    "glute-medius": (MuscleShape("trunk", ((-18, -46), (0, -50), (8, -38), (-2, -30), (-16, -32))),),
    "core": (
        MuscleShape("trunk", ((8, -96), (22, -92), (23, -66), (20, -44), (10, -42), (5, -70))),
        MuscleShape("trunk", ((-20, -108), (-13, -108), (-13, -48), (-21, -40), (-18, -76))),
    ),
    "heart": (
        MuscleShape(
            "trunk",
            ((15, -106), (20, -114), (27, -112), (27, -104), (16, -92), (6, -103), (6, -111), (11, -114)),
        ),
    ),
}
