"""Where each muscle answers a tap: the drawn muscle itself, grown into empty space where it is
too narrow for a fingertip.

Browsers adjust a finger's tap towards nearby link targets by their boxes, so an invisible
rectangle under a muscle can win a tap that lands on its neighbour. Here no tap area is a box:
a muscle's tap area is its own outline, and only where a drawn piece is narrower than
:data:`MIN_TARGET_PX` at the figure's size on a phone does it grow, by just enough, into space
where no other muscle is drawn. Growth areas of different muscles never overlap either: they
grow in small steps, side by side, and stop where they meet.

Shapely does the polygon arithmetic (it is a run-time dependency for that reason).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

MIN_TARGET_PX = 24.0  # WCAG 2.2, 2.5.8: a target at least 24 CSS px across
# The figure's size on a 375-wide phone (CSS px): the page column less its padding, and the
# stylesheet's max-height (72vh of an 812-tall screen). Tap areas are laid out for the
# smallest size the figure is shown at; larger, they are only more generous.
PHONE_FIGURE_WIDTH = 343.0
PHONE_FIGURE_HEIGHT = 585.0
GROWTH_STEPS = 6  # growth areas advance together in this many steps, so none takes a gap first
# Drawing units kept clear of other muscles: their outline's stroke (half of 3.5 when selected)
# and the hair by which a curve measured as a polygon differs from the drawn one.
MARGIN = 2.0
SLACK = 0.5  # drawing units grown beyond the least, for the corners a polygon cuts
QUAD_SEGMENTS = 2  # a grown corner's roundness: segments per quarter circle
SIMPLIFY = 0.3  # drawing units a growth outline may be straightened by, to keep the page small


@dataclass(frozen=True)
class Painted:
    """One thing on the page, in paint order: a muscle copy (``slug`` and ``leg``) or a body
    part (``slug`` None); ``catches_taps`` when a tap on it stops there."""

    slug: str | None
    leg: str | None
    area: BaseGeometry
    catches_taps: bool


@dataclass(frozen=True)
class Target:
    """A drawn muscle copy: the part of it a tap reaches (``reachable``), what of it is seen
    (``seen``: nothing is painted over it), and its grown tap area (``growth``, page
    coordinates, painted just beneath the muscles of its layer, so it may include the muscle
    itself, which keeps its outline simple; empty when the muscle is wide enough)."""

    index: int  # its place in the paint order
    slug: str
    leg: str | None
    reachable: BaseGeometry
    seen: BaseGeometry
    growth: BaseGeometry


def phone_scale(view_box: tuple[float, float, float, float]) -> float:
    """CSS px per drawing unit when the figure with this view box is shown on a phone."""
    _, _, width, height = view_box
    return min(PHONE_FIGURE_WIDTH / width, PHONE_FIGURE_HEIGHT / height)


def polygon(points: Sequence[tuple[float, float]]) -> BaseGeometry:
    """A valid polygon through ``points`` (self-crossings resolved)."""
    return shapely.make_valid(Polygon(points))


def breadth(area: BaseGeometry) -> float:
    """The diameter of the largest circle that fits inside ``area`` (0 for an empty area)."""
    if area.is_empty or area.area < 1e-6:
        return 0.0
    return 2 * shapely.maximum_inscribed_circle(area, 0.05).length


def parts(area: BaseGeometry) -> list[Polygon]:
    """The separate pieces of an area."""
    return [g for g in getattr(area, "geoms", [area]) if isinstance(g, Polygon) and not g.is_empty]


def _covered_from_above(stack: Sequence[Painted], taps_only: bool) -> list[BaseGeometry]:
    """For each item of the stack, everything painted over it (or only what catches taps)."""
    covers: list[BaseGeometry] = []
    above: BaseGeometry = Polygon()
    for item in reversed(stack):
        covers.append(above)
        if item.catches_taps or not taps_only:
            above = above.union(item.area)
    return covers[::-1]


def lay_out_targets(stack: Sequence[Painted], min_size: float) -> list[Target]:
    """Every muscle copy in ``stack`` with its growth, so that each tappable piece is at least
    ``min_size`` (drawing units) across where the space round it allows."""
    muscles = [i for i, p in enumerate(stack) if p.slug]
    tap_cover, sight_cover = _covered_from_above(stack, True), _covered_from_above(stack, False)
    reachable = {i: stack[i].area.difference(tap_cover[i]) for i in muscles}
    seen = {i: stack[i].area.difference(sight_cover[i]) for i in muscles}
    # Narrow pieces and how far each must grow.
    seeds = {
        i: [
            (piece, (min_size - width) / 2)
            for piece in parts(reachable[i])
            if (width := breadth(piece)) < min_size
        ]
        for i in muscles
    }
    growing = [i for i in muscles if seeds[i]]
    others = {
        i: shapely.union_all([reachable[j] for j in muscles if stack[j].slug != stack[i].slug]).buffer(
            MARGIN, quad_segs=QUAD_SEGMENTS
        )
        for i in growing
    }
    growth: dict[int, BaseGeometry] = {i: Polygon() for i in muscles}
    for step in range(1, GROWTH_STEPS + 1):
        for i in growing:
            wanted = shapely.union_all(
                [
                    piece.buffer(need * step / GROWTH_STEPS, quad_segs=QUAD_SEGMENTS)
                    for piece, need in seeds[i]
                ]
            ).difference(others[i])
            for j in growing:
                if j != i and stack[j].slug != stack[i].slug and wanted.intersects(growth[j]):
                    wanted = wanted.difference(growth[j])
            growth[i] = growth[i].union(wanted)
    return [
        Target(
            i,
            str(stack[i].slug),
            stack[i].leg,
            reachable[i],
            seen[i],
            growth[i].simplify(SIMPLIFY),
        )
        for i in muscles
    ]


def outline_path(area: BaseGeometry) -> str:
    """SVG path data (page coordinates) of an area with holes; draw it with ``fill-rule``
    evenodd."""
    rings = []
    for piece in parts(area):
        for ring in (piece.exterior, *piece.interiors):
            coords = list(ring.coords)[:-1]
            rings.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in coords) + "Z")
    return "".join(rings)
