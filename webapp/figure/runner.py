"""The runner seen from their left side: a pure function from a pose and links to SVG markup.

Paint order (bottom to top) is what keeps taps honest: the far limbs, their tap areas and
muscles; then the near body, which blocks taps from reaching the far side through it; then
the near tap areas (invisible, larger than the muscles, inside the body part); then the near
muscles; then the near arm, which lets taps through. A point inside a visible muscle is
therefore always that muscle's link, and the space round it still answers for it.
"""

from __future__ import annotations

from collections.abc import Sequence

import svgwrite
from svgwrite.container import Group

from webapp.figure.drawing import (
    Copy,
    Frame,
    RegionLink,
    Regions,
    badge,
    finish,
    label_layer,
    leg_tags,
    new_drawing,
    outline_extent,
    place_copies,
    shape_path,
    silhouette,
)
from webapp.figure.shapes import (
    EAR,
    EYE,
    FIST,
    FOOT_OUTLINE,
    FOREARM,
    HEAD_OUTLINE,
    HIT_SHAPES,
    MUSCLE_SHAPES,
    NECK_OUTLINE,
    SHANK,
    THIGH,
    TRUNK_OUTLINE,
    UPPER_ARM,
    Point,
    centroid,
    polygon_area,
    smooth_path,
)
from webapp.gait.kinematics import Pose

__all__ = ["RegionLink", "draw_runner", "side_outline"]

VIEW_BOX = (36, 60, 278, 466)  # x, y, width, height: fits every pose of the stride, snugly
# The side view shows the runner's left side: they run towards the right of the page.
LEG_NAMES = {"near": "left leg", "far": "right leg"}


def _leg(dwg: svgwrite.Drawing, pose: Pose, side: str, css: str) -> Group:
    thigh, shank, foot = (Frame.of(pose.segments[f"{side}_{part}"]) for part in ("thigh", "shank", "foot"))
    return silhouette(
        dwg,
        css,
        [
            ("shape", THIGH.outline(), thigh),
            ("shape", SHANK.outline(), shank),
            ("disc", 14.5, shank),
            ("shape", FOOT_OUTLINE, foot),
            ("disc", 8.5, foot),
        ],
    )


def _arm(dwg: svgwrite.Drawing, pose: Pose, side: str) -> Group:
    upper, fore = pose.segments[f"{side}_upper_arm"], pose.segments[f"{side}_forearm"]
    return silhouette(
        dwg,
        f"limb limb--{side} limb--arm",
        [
            ("shape", UPPER_ARM.outline(), Frame.of(upper)),
            ("shape", FOREARM.outline(), Frame.of(fore)),
            ("disc", 8, Frame.of(fore)),
            ("shape", FIST, Frame.of(fore)),
        ],
    )


def _torso(dwg: svgwrite.Drawing, pose: Pose) -> Group:
    trunk = Frame.of(pose.segments["trunk"])
    group = silhouette(
        dwg,
        "limb limb--near limb--block",
        [("shape", NECK_OUTLINE, trunk), ("shape", TRUNK_OUTLINE, trunk), ("shape", HEAD_OUTLINE, trunk)],
    )
    group.add(shape_path(dwg, smooth_path(EAR), trunk, "skin-line"))
    x, y = trunk.point(*EYE)
    group.add(dwg.circle(center=(round(x, 1), round(y, 1)), r=1.8, class_="skin-eye"))
    return group


def side_outline(pose: Pose) -> list[Point]:
    """Points on the runner's outline, for finding where labels may start."""
    trunk = Frame.of(pose.segments["trunk"])
    points = [trunk.point(*p) for p in (*TRUNK_OUTLINE, *HEAD_OUTLINE)]
    for side in ("near", "far"):
        for part, outline in (("thigh", THIGH.outline()), ("shank", SHANK.outline()), ("foot", FOOT_OUTLINE)):
            frame = Frame.of(pose.segments[f"{side}_{part}"])
            points += [frame.point(*p) for p in outline]
        for part, outline in (("upper_arm", UPPER_ARM.outline()), ("forearm", FOREARM.outline())):
            frame = Frame.of(pose.segments[f"{side}_{part}"])
            points += [frame.point(*p) for p in outline]
    return points


def _side_of(copy: Copy, hip_x: float) -> int:
    """Which label column suits a muscle in the side view: front muscles right, back muscles
    left; one in the middle of its limb (the adductors) goes to the side its limb is on."""
    shape, frame = max(copy.pieces, key=lambda piece: polygon_area(piece[0].points))
    x = centroid(shape.points)[0]
    if abs(x) < 5:
        x = frame.point(*centroid(shape.points))[0] - hip_x
    return 1 if x >= 0 else -1


def draw_runner(
    pose: Pose,
    links: Sequence[RegionLink],
    selected: str | None = None,
    intensities: dict[str, str] | None = None,
    far_intensities: dict[str, str] | None = None,
    label: str = "Runner in mid-stride",
    numbers: dict[str, int] | None = None,
    labels: bool = False,
    swap: bool = False,
) -> str:
    """The runner in ``pose``, seen from their left side, as SVG markup: one link per muscle.

    ``selected`` marks one muscle with ``aria-current``; ``intensities`` (muscle slug ->
    off/light/strong) adds a class per region for stride mode, and ``far_intensities`` does
    the same for the far leg, which is half a stride away and so works to its own timing.
    ``numbers`` (muscle slug -> number) puts a numbered badge on each muscle, for worksheets.
    ``labels`` names every muscle in columns beside the body, with leader lines; without it,
    a name appears next to a muscle on hover or keyboard focus. ``swap`` adds ``hx-get`` to
    every link, for pages where htmx swaps the panel in place.
    """
    dwg = new_drawing(label, "side")
    drawable = {link.slug: link for link in links if link.slug in MUSCLE_SHAPES}
    levels = {"near": intensities or {}, None: intensities or {}, "far": far_intensities or intensities or {}}
    regions = Regions(
        dwg,
        drawable,
        place_copies(list(drawable), MUSCLE_SHAPES, HIT_SHAPES, lambda name: Frame.of(pose.segments[name])),
        selected,
        levels,
        swap,
    )
    x, y, width, height = VIEW_BOX
    ground = pose.body.ground_y
    dwg.add(dwg.line((x, ground), (x + width, ground), class_="ground"))
    dwg.add(_arm(dwg, pose, "far"))
    dwg.add(_leg(dwg, pose, "far", "limb limb--far"))
    for element in [*regions.hits("far"), *regions.visible("far")]:
        dwg.add(element)
    dwg.add(_torso(dwg, pose))
    dwg.add(_leg(dwg, pose, "near", "limb limb--near limb--block"))
    for element in [
        *regions.hits("near"),
        *regions.hits(None),
        *regions.visible(None),
        *regions.visible("near"),
    ]:
        dwg.add(element)
    dwg.add(_arm(dwg, pose, "near"))
    feet = {leg: pose.segments[f"{leg}_foot"].origin[0] for leg in ("near", "far")}
    dwg.add(leg_tags(dwg, feet, LEG_NAMES, ground + 17, (x, x + width)))
    left, right = float(x), float(x + width)
    if not labels:  # with labels shown, hover names would only repeat them
        dwg.add(regions.names())
    if labels:
        outline = outline_extent(side_outline(pose))
        layer, (left, right) = label_layer(
            dwg,
            regions,
            lambda copy: _side_of(copy, pose.segments["trunk"].origin[0]),
            (outline[0] - 4, outline[1] + 4),
            (y + 14, ground - 6),
        )
        dwg.add(layer)
        left, right = min(left - 6, x), max(right + 6, x + width)
    for slug, number in (numbers or {}).items():
        if slug in drawable:
            dwg.add(badge(dwg, regions.primary(slug).anchor(), number))
    return finish(dwg, (left, y, right - left, height))
