"""Draw the runner as an interactive SVG: a pure function from a pose and links to markup.

Every muscle region is a real ``<a href>`` so the figure works without JavaScript; the page
around it tells htmx where to swap. svgwrite is used only here, so it can be replaced later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import svgwrite
from svgwrite.container import Group, Hyperlink

from webapp.figure.shapes import (
    FOOT_OUTLINE,
    FOREARM,
    HEAD_CENTRE,
    HEAD_RADIUS,
    MUSCLE_SHAPES,
    NECK_OUTLINE,
    SHANK,
    THIGH,
    TRUNK_OUTLINE,
    UPPER_ARM,
    MuscleShape,
    Point,
    smooth_path,
)
from webapp.gait.kinematics import Pose, Segment

VIEW_BOX = (20, 40, 360, 480)  # x, y, width, height: fits every pose of the stride


@dataclass(frozen=True)
class RegionLink:
    """A muscle as the figure shows it: where it links to and what it is called."""

    slug: str
    name: str
    href: str


def _transform(segment: Segment) -> str:
    x, y = segment.origin
    return f"translate({x:.1f} {y:.1f}) rotate({segment.rotation:.2f})"


def _shape(dwg: svgwrite.Drawing, points: Sequence[Point], segment: Segment, css: str):
    return dwg.path(d=smooth_path(points), transform=_transform(segment), class_=css)


def _disc(dwg: svgwrite.Drawing, centre: Point, radius: float, css: str):
    return dwg.circle(center=(round(centre[0], 1), round(centre[1], 1)), r=radius, class_=css)


def _silhouette(dwg: svgwrite.Drawing, css: str, parts: Sequence[tuple[str, object, object]]) -> Group:
    """One body part drawn twice: a wide stroked pass and a fill pass on top, so overlapping
    segments merge into one outline with no seams at the joints."""
    group = dwg.g(class_=css)
    for layer in ("skin-edge", "skin"):
        for kind, geometry, where in parts:
            if kind == "disc":
                group.add(_disc(dwg, where, geometry, layer))
            else:
                group.add(_shape(dwg, geometry, where, layer))
    return group


def _leg(dwg: svgwrite.Drawing, pose: Pose, side: str) -> Group:
    thigh, shank, foot = (pose.segments[f"{side}_{part}"] for part in ("thigh", "shank", "foot"))
    return _silhouette(
        dwg,
        f"limb limb--{side}",
        [
            ("shape", THIGH.outline(), thigh),
            ("shape", SHANK.outline(), shank),
            ("disc", 14.5, shank.origin),
            ("shape", FOOT_OUTLINE, foot),
            ("disc", 8.5, foot.origin),
        ],
    )


def _arm(dwg: svgwrite.Drawing, pose: Pose, side: str) -> Group:
    upper, fore = pose.segments[f"{side}_upper_arm"], pose.segments[f"{side}_forearm"]
    # "limb--arm" lets the stylesheet draw the near arm see-through over the chest muscles.
    return _silhouette(
        dwg,
        f"limb limb--{side} limb--arm",
        [
            ("shape", UPPER_ARM.outline(), upper),
            ("shape", FOREARM.outline(), fore),
            ("disc", 7.5, fore.origin),
            ("disc", 9.5, fore.point(0, FOREARM.length + 4)),
        ],
    )


def _torso(dwg: svgwrite.Drawing, pose: Pose) -> Group:
    trunk = pose.segments["trunk"]
    return _silhouette(
        dwg,
        "limb limb--near",
        [
            ("shape", NECK_OUTLINE, trunk),
            ("shape", TRUNK_OUTLINE, trunk),
            ("disc", HEAD_RADIUS, trunk.point(*HEAD_CENTRE)),
        ],
    )


def _region(
    dwg: svgwrite.Drawing,
    link: RegionLink,
    shapes: Sequence[tuple[MuscleShape, Segment]],
    selected: bool,
    primary: bool,
    intensity: str | None,
    swap: bool,
) -> Hyperlink:
    css = ["region", f"region--{link.slug}"]
    if intensity:
        css.append(f"region--{intensity}")
    anchor = dwg.a(link.href, target=None, class_=" ".join(css))
    del anchor.attribs["xlink:href"]  # SVG 2 and HTML parsers read the plain attribute
    anchor["href"] = link.href
    if swap:  # htmx does not boost SVG links, so a swapping page asks for it on each
        anchor["hx-get"] = link.href
    anchor["data-muscle"] = link.slug
    if selected:
        anchor["aria-current"] = "page"
    if primary:
        anchor["aria-label"] = link.name
    else:
        # The far-side copy is the same link again: clickable, but one tab stop per muscle
        # and one name for screen readers is enough.
        anchor["tabindex"] = "-1"
        anchor["aria-hidden"] = "true"
    anchor.set_desc(title=link.name)
    for shape, segment in shapes:
        anchor.add(_shape(dwg, shape.points, segment, "muscle"))
    return anchor


def draw_runner(
    pose: Pose,
    links: Sequence[RegionLink],
    selected: str | None = None,
    intensities: dict[str, str] | None = None,
    far_intensities: dict[str, str] | None = None,
    label: str = "Runner in mid-stride",
    numbers: dict[str, int] | None = None,
    swap: bool = False,
) -> str:
    """The runner in ``pose`` as SVG markup, one link per muscle region.

    ``selected`` marks one muscle with ``aria-current``; ``intensities`` (muscle slug ->
    off/light/strong) adds a class per region for stride mode, and ``far_intensities`` does
    the same for the far leg, which is half a stride away and so works to its own timing.
    ``numbers`` (muscle slug -> number) puts a numbered badge on each muscle, for worksheets.
    ``swap`` gives each link ``hx-get`` too, for pages where htmx swaps the figure's state.
    """
    x, y, width, height = VIEW_BOX
    dwg = svgwrite.Drawing(size=None, viewBox=f"{x} {y} {width} {height}", debug=False)
    dwg.attribs.update({"class": "runner", "role": "group", "aria-label": label, "focusable": "false"})
    drawable = {link.slug: link for link in links if link.slug in MUSCLE_SHAPES}
    levels = {"near": intensities or {}, None: intensities or {}, "far": far_intensities or intensities or {}}

    def shapes_of(slug: str, side: str | None) -> list[tuple[MuscleShape, Segment]]:
        """The muscle's pieces on one leg (side) or on the trunk (side None)."""
        return [
            (shape, pose.segments[f"{side}_{shape.segment}" if side else shape.segment])
            for shape in MUSCLE_SHAPES[slug]
            if (side in shape.legs if side else not shape.legs)
        ]

    def primary_side(slug: str) -> str | None:
        """Where a muscle's one named link is drawn: the trunk, the near leg, else the far leg."""
        return None if shapes_of(slug, None) else "near" if shapes_of(slug, "near") else "far"

    def regions_on(side: str | None) -> list[Hyperlink]:
        # The near-side or trunk copy of a muscle is its one named, tabbable link; a far-leg
        # copy is primary only for a muscle seen on the far leg alone (the adductors).
        result = []
        for slug, link in drawable.items():
            shapes = shapes_of(slug, side)
            if shapes:
                primary = side == primary_side(slug) or side is None
                region = _region(dwg, link, shapes, slug == selected, primary, levels[side].get(slug), swap)
                if side:
                    region["data-leg"] = side
                result.append(region)
        return result

    ground = pose.body.ground_y
    dwg.add(dwg.line((x, ground), (x + width, ground), class_="ground"))
    dwg.add(_arm(dwg, pose, "far"))
    dwg.add(_leg(dwg, pose, "far"))
    for region in regions_on("far"):
        dwg.add(region)
    dwg.add(_torso(dwg, pose))
    dwg.add(_leg(dwg, pose, "near"))
    for region in [*regions_on(None), *regions_on("near")]:
        dwg.add(region)
    dwg.add(_arm(dwg, pose, "near"))
    for slug, number in (numbers or {}).items():
        if slug in drawable:
            shape, segment = shapes_of(slug, primary_side(slug))[0]
            dwg.add(_badge(dwg, segment, shape, number))
    return dwg.tostring()


def _badge(dwg: svgwrite.Drawing, segment: Segment, shape: MuscleShape, number: int) -> Group:
    """A numbered disc at the middle of a muscle shape."""
    cx = sum(x for x, _ in shape.points) / len(shape.points)
    cy = sum(y for _, y in shape.points) / len(shape.points)
    x, y = segment.point(cx, cy)
    badge = dwg.g(class_="badge")
    badge["aria-hidden"] = "true"
    badge.add(dwg.circle(center=(round(x, 1), round(y, 1)), r=10))
    badge.add(dwg.text(str(number), insert=(round(x, 1), round(y + 4.5, 1)), text_anchor="middle"))
    return badge
