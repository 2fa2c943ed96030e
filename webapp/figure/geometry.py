"""Plane geometry for the figure: limb profiles, smooth outlines (as SVG path data and as the
polygons the tap areas are computed from), and frames that place a shape on the page.

Coordinates are drawing units for a 440-unit-tall runner (see
:class:`webapp.gait.kinematics.Body`).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Curve = tuple[Point, Point, Point, Point]  # start, first control, second control, end

CURVE_SAMPLES = 8  # points per Bézier curve when an outline is measured as a polygon


@dataclass(frozen=True)
class Profile:
    """A limb's outline: its length and (fraction along, front half-width, back half-width)
    stations. Muscles on the limb are written as (u, t) points: ``t`` the fraction along it,
    ``u`` from -1 (back edge) through 0 (the bone) to +1 (front edge), so a muscle hugs the
    silhouette in every pose."""

    length: float
    stations: tuple[tuple[float, float, float], ...]

    def widths(self, t: float) -> tuple[float, float]:
        """Front and back half-widths at fraction ``t`` (linear between stations)."""
        stations = self.stations
        if t <= stations[0][0]:
            return stations[0][1], stations[0][2]
        for (t0, f0, b0), (t1, f1, b1) in itertools.pairwise(stations):
            if t0 <= t <= t1:
                w = (t - t0) / (t1 - t0)
                return f0 + w * (f1 - f0), b0 + w * (b1 - b0)
        return stations[-1][1], stations[-1][2]

    def outline(self, cap: float = 0.6) -> tuple[Point, ...]:
        """The closed silhouette: down the front edge, round the end, up the back edge."""
        front = [(f, t * self.length) for t, f, _ in self.stations]
        back = [(-b, t * self.length) for t, _, b in reversed(self.stations)]
        end_f, end_b = self.stations[-1][1], self.stations[-1][2]
        start_f, start_b = self.stations[0][1], self.stations[0][2]
        bottom = ((end_f - end_b) / 2, self.length + cap * (end_f + end_b) / 2)
        top = ((start_f - start_b) / 2, -cap * (start_f + start_b) / 2)
        return (*front, bottom, *back, top)

    def at(self, u: float, t: float) -> Point:
        """The point ``u`` of the way from the bone to the front (+1) or back (-1) edge, at ``t``."""
        front, back = self.widths(t)
        return (u * (front if u >= 0 else back), t * self.length)


@dataclass(frozen=True)
class Frame:
    """Where a shape's own coordinates land on the page: moved to ``origin``, turned by
    ``rotation`` degrees, its length squeezed by ``stretch`` (a limb seen end-on looks short)
    and, when ``mirror``, flipped left to right."""

    origin: Point
    rotation: float = 0.0
    stretch: float = 1.0
    mirror: bool = False

    def point(self, x: float, y: float) -> Point:
        """A point in the frame, in page coordinates."""
        x, y = (-x if self.mirror else x), y * self.stretch
        angle = math.radians(self.rotation)
        cos, sin = math.cos(angle), math.sin(angle)
        return (self.origin[0] + x * cos - y * sin, self.origin[1] + x * sin + y * cos)

    def points(self, points: Sequence[Point]) -> list[Point]:
        """Many points in the frame, in page coordinates."""
        return [self.point(x, y) for x, y in points]

    def mirrored(self, about_x: float) -> Frame:
        """The same frame reflected in the vertical line at page x ``about_x``."""
        return Frame(
            (2 * about_x - self.origin[0], self.origin[1]), -self.rotation, self.stretch, not self.mirror
        )

    @property
    def transform(self) -> str:
        """The SVG transform attribute for shapes in this frame."""
        x, y = self.origin
        result = f"translate({x:.1f} {y:.1f}) rotate({self.rotation:.2f})"
        if self.mirror or abs(self.stretch - 1) > 0.005:
            result += f" scale({-1 if self.mirror else 1} {self.stretch:.3f})"
        return result


def number(value: float) -> str:
    """A coordinate as short as it can be written at 0.1 precision ("12", "-3.5")."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _pair(point: Point) -> str:
    return f"{number(point[0])},{number(point[1])}"


def smooth_curves(points: Sequence[Point], closed: bool = True, tension: float = 1.0) -> list[Curve]:
    """The cubic Béziers of a smooth line through the points (Catmull-Rom)."""
    count = len(points)
    if count < 3 and closed:
        raise ValueError("a smooth outline needs at least three points")

    def at(index: int) -> Point:
        return points[index % count] if closed else points[max(0, min(count - 1, index))]

    k = tension / 6
    curves = []
    for i in range(count if closed else count - 1):
        p0, p1, p2, p3 = at(i - 1), at(i), at(i + 1), at(i + 2)
        c1 = (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
        c2 = (p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k)
        curves.append((p1, c1, c2, p2))
    return curves


def smooth_path(points: Sequence[Point], closed: bool = True) -> str:
    """A smooth SVG path through the points. Catmull-Rom leaves each point along one tangent,
    so every curve's first control point mirrors the one before it: all curves after the
    first use the shorter ``S`` command."""
    # Shapes are drawn in their own frames, so every pose asks for the same few hundred paths.
    return _smooth_path(tuple((x, y) for x, y in points), closed)


@functools.lru_cache(maxsize=4096)
def _smooth_path(points: tuple[Point, ...], closed: bool) -> str:
    curves = smooth_curves(points, closed)
    parts = [f"M{_pair(points[0])}"]
    for i, (_, c1, c2, end) in enumerate(curves):
        parts.append(f"C{_pair(c1)} {_pair(c2)} {_pair(end)}" if i == 0 else f"S{_pair(c2)} {_pair(end)}")
    if closed:
        parts.append("Z")
    return "".join(parts)


def smooth_polygon(points: Sequence[Point]) -> list[Point]:
    """The closed smooth outline through the points as a many-sided polygon (what
    :func:`smooth_path` draws, for measuring)."""
    polygon = []
    for p0, c1, c2, p1 in smooth_curves(points):
        for step in range(CURVE_SAMPLES):
            s = step / CURVE_SAMPLES
            a, b, c, d = (1 - s) ** 3, 3 * s * (1 - s) ** 2, 3 * s * s * (1 - s), s**3
            polygon.append(
                (a * p0[0] + b * c1[0] + c * c2[0] + d * p1[0], a * p0[1] + b * c1[1] + c * c2[1] + d * p1[1])
            )
    return polygon


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
