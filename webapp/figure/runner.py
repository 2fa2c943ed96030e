"""The runner in any view: a pure function from a view (data), a pose and links to SVG.

The view's layers set the paint order. Paint order is what keeps taps honest: a body layer
that blocks taps (the near body in the side view) stops them reaching what lies behind it;
each muscle's tap area is its own drawn outline, and a narrow one grows only into space where
no other muscle is drawn (:mod:`webapp.figure.taps`), just beneath the muscles of its layer.
A point inside a visible muscle is therefore always that muscle's link.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import shapely
from shapely.geometry.base import BaseGeometry

from webapp.figure.drawing import (
    BADGE_RADIUS,
    Copy,
    RegionLink,
    Regions,
    label_layer,
    leg_tags,
    new_drawing,
    numbered_badges,
    outline_extent,
    part_outline,
    place_copies,
    set_view_box,
    shape_path,
    silhouette,
)
from webapp.figure.geometry import Frame, centroid, polygon_area, smooth_path
from webapp.figure.svg import Figure
from webapp.figure.taps import MIN_TARGET_PX, Painted, lay_out_targets, outline_path, phone_scale, polygon
from webapp.figure.views import View
from webapp.gait.kinematics import Pose

__all__ = ["RegionLink", "draw_figure"]

LEG_TAG_DROP = 17  # the leg tags' baseline below the ground line
LABEL_TOP = 14  # the label columns start this far below the top of the box
LABEL_FLOOR = 6  # and end this far above the ground
LABEL_CLEARANCE = 4  # between the body's outline and where leaders turn
LABEL_MARGIN = 6  # between the widest label and the edge of the view box
LABEL_INSET = 16 + 4 + LABEL_MARGIN  # a column's leader run, the text's offset and the margin
# A named figure is this many times as wide as the body's box, centred on it, so a narrow
# screen can crop it to the body at full size and name the muscles in a key instead
# (static/app.css, "Names on the figure", uses the same number).
LABEL_SPREAD = 2.4
ON_THE_BONE = 5  # a muscle this near its limb's axis is named by which side of the hips it is on


def _label_side(copy: Copy, hip_x: float) -> int:
    """Which label column suits a muscle: the side of its bone it lies on, as the page shows
    it; one on the bone (the adductors from the side), the side of the hips its limb is on; a
    trunk muscle drawn on both sides of the midline, the left column."""
    xs = [frame.point(*centroid(shape.points))[0] for shape, frame in copy.pieces]
    if copy.leg is None and min(xs) < hip_x - ON_THE_BONE < hip_x + ON_THE_BONE < max(xs):
        return -1
    shape, frame = max(copy.pieces, key=lambda piece: polygon_area(piece[0].points))
    cx, cy = centroid(shape.points)
    offset = frame.point(cx, cy)[0] - frame.point(0, cy)[0]
    if abs(offset) < ON_THE_BONE:
        offset = frame.point(cx, cy)[0] - hip_x
    return 1 if offset >= 0 else -1


_GROWTH_CACHE: dict[tuple, dict[tuple[str, str | None], BaseGeometry]] = {}
GROWTH_CACHE_SIZE = 1024  # poses × views × box sizes a site draws: the home pose, phases, speeds
_VIEW_KEYS: dict[int, tuple[View, str]] = {}


def _view_key(view: View) -> str:
    """A digest of everything ``view`` draws, worked out once per view: two apps loaded from
    the same data share their tap areas (a test run and a worker process build several)."""
    known = _VIEW_KEYS.get(id(view))
    if known is None or known[0] is not view:
        known = _VIEW_KEYS[id(view)] = (view, hashlib.sha256(repr(view).encode()).hexdigest())
    return known[1]


def _growth(
    view: View,
    pose: Pose,
    layer_of: dict[int, list[Copy]],
    frames: dict[str, Frame],
    view_box: tuple[float, float, float, float],
) -> dict[tuple[str, str | None], BaseGeometry]:
    """How far each muscle copy's tap area grows, by (slug, leg). The geometry depends only on
    the view, the pose, which muscles are drawn and the box, so it is worked out once for each
    (pages draw the same pose with other links, highlights and selections). A pose is known
    by where its segments are."""
    copies = tuple((c.slug, c.leg) for cs in layer_of.values() for c in cs)
    key = (_view_key(view), tuple(pose.segments.items()), pose.body, copies, view_box)
    cached = _GROWTH_CACHE.get(key)
    if cached is not None:
        return cached
    stack: list[Painted] = []
    for index, layer in enumerate(view.layers):
        if layer.muscles:
            for copy in layer_of[index]:
                area = shapely.union_all([polygon(piece) for piece in copy.outline()])
                stack.append(Painted(copy.slug, copy.leg, area, True))
        else:
            for part in layer.parts:
                stack.append(
                    Painted(None, None, polygon(part_outline(part, frames[part.on])), layer.blocks_taps)
                )
    targets = lay_out_targets(stack, MIN_TARGET_PX / phone_scale(view_box))
    result = {(t.slug, t.leg): t.growth for t in targets}
    if len(_GROWTH_CACHE) >= GROWTH_CACHE_SIZE:
        _GROWTH_CACHE.pop(next(iter(_GROWTH_CACHE)))
    _GROWTH_CACHE[key] = result
    return result


def draw_figure(
    view: View,
    pose: Pose,
    links: Sequence[RegionLink],
    *,
    selected: str | None = None,
    intensities: dict[str, str] | None = None,
    far_intensities: dict[str, str] | None = None,
    label: str | None = None,
    numbers: dict[str, int] | None = None,
    labels: bool = False,
    swap: bool = False,
    badge_radius: float = BADGE_RADIUS,
) -> Figure:
    """The runner in ``pose`` as ``view`` shows it: one link per muscle the view draws.

    ``selected`` marks one muscle with ``aria-current``; ``intensities`` (muscle slug ->
    off/light/strong) adds a class per region for stride mode, and ``far_intensities`` does
    the same for the far leg, which is half a stride away and so works to its own timing.
    ``numbers`` (muscle slug -> number) puts a numbered badge on each muscle, for worksheets
    (with ``labels``, it numbers the named figure, for the worksheet's answer key).
    ``labels`` names every muscle in columns beside the body, with leader lines, and numbers
    them for narrow screens; without it, a name appears next to a muscle on hover or keyboard
    focus. Badges have radius ``badge_radius``, and none overlaps another. ``swap`` adds ``hx-get`` to
    every link, for pages where htmx swaps the panel in place. ``label`` is the figure's
    accessible name (by default: a runner and how the view sees them).
    """
    dwg = new_drawing(label or f"Runner {view.label}", view.name)
    frames = view.frames(pose)
    drawable = {link.slug: link for link in links if view.shows(link.slug)}
    levels = {"near": intensities or {}, None: intensities or {}, "far": far_intensities or intensities or {}}
    copies = place_copies(list(drawable), view.shapes, frames)
    regions = Regions(dwg, drawable, copies, selected, levels, swap)
    hip_x, ground = pose.body.hip_x, pose.body.ground_y
    left_edge, top, width, height = view.box
    left, right = hip_x + left_edge, hip_x + left_edge + width
    body = (left, right)  # what a narrow screen shows of a named figure (static/app.css)

    # Labels first: they may widen the view box, and the tap areas are sized for the box.
    label_group = None
    if labels:
        outline = outline_extent(view.outline_points(pose))
        gutters = (outline[0] - LABEL_CLEARANCE, outline[1] + LABEL_CLEARANCE)
        middle, half = (left + right) / 2, LABEL_SPREAD * width / 2
        left, right = middle - half, middle + half
        label_group, (label_left, label_right) = label_layer(
            dwg,
            regions,
            lambda copy: _label_side(copy, hip_x),
            gutters,
            (top + LABEL_TOP, ground - LABEL_FLOOR),
            (gutters[0] - LABEL_INSET - left, right - LABEL_INSET - gutters[1]),
        )
        # A word wider than its column widens the figure, still centred on the body.
        over = max(left - (label_left - LABEL_MARGIN), label_right + LABEL_MARGIN - right, 0)
        left, right = left - over, right + over
    left, right = round(left, 1), round(right, 1)  # short numbers in the markup
    view_box = (left, top, round(right - left, 1), height)

    layer_of = {
        index: [c for c in copies if c.leg == (None if layer.muscles == "trunk" else layer.muscles)]
        for index, layer in enumerate(view.layers)
        if layer.muscles
    }
    growth = _growth(view, pose, layer_of, frames, view_box)

    dwg.add(dwg.line((left, ground), (right, ground), class_="ground"))
    for index, layer in enumerate(view.layers):
        if layer.muscles:
            for copy in layer_of[index]:
                area = growth[(copy.slug, copy.leg)]
                if not area.is_empty:
                    dwg.add(regions.growth(copy, outline_path(area)))
            for copy in layer_of[index]:
                dwg.add(regions.visible(copy))
            continue
        css = " ".join(["limb", *(f"limb--{look}" for look in layer.looks)])
        group = silhouette(dwg, css, [(part, frames[part.on]) for part in layer.parts])
        for detail in layer.details:
            frame = frames[detail.on]
            if detail.points:
                group.add(shape_path(dwg, smooth_path(detail.points), frame, "skin-line"))
            else:
                x, y = frame.point(*detail.at)
                group.add(dwg.circle(center=(round(x, 1), round(y, 1)), r=detail.radius, class_="skin-eye"))
        dwg.add(group)

    feet = {leg: frames[f"{leg}_foot"].origin[0] for leg in ("near", "far")}
    dwg.add(leg_tags(dwg, feet, view.leg_names, ground + LEG_TAG_DROP, body))  # on a narrow screen too
    if label_group is not None:
        dwg.add(label_group)
    else:  # with labels shown, hover names would only repeat them
        dwg.add(regions.names())
    key: list[tuple[int, str]] = []
    if labels:  # for narrow screens: a number on each muscle, and the names in a key
        group = dwg.g(class_="figure-numbers")
        group["aria-hidden"] = "true"
        # A muscle keeps its number in every view: its place in ``links`` (the teaching order,
        # as the presenter numbers its slides), with gaps where a view does not draw it; or
        # the worksheet's own ``numbers``, so that its answer key matches the sheet.
        order = numbers or {link.slug: n for n, link in enumerate(links, start=1)}
        numbered = sorted((order[slug], link) for slug, link in drawable.items() if slug in order)
        anchors = {n: regions.primary(link.slug).anchor() for n, link in numbered}
        current = next((n for n, link in numbered if link.slug == selected), None)
        for drawn in numbered_badges(
            dwg, anchors, badge_radius, body, {n: link.slug for n, link in numbered}, current
        ):
            group.add(drawn)
        key = [(n, link.name) for n, link in numbered]
        dwg.add(group)
        dwg["data-labelled"] = "true"
    else:  # a worksheet's numbered muscles (no names: the sheet asks for them)
        sheet = {n: regions.primary(slug).anchor() for slug, n in (numbers or {}).items() if slug in drawable}
        for drawn in numbered_badges(dwg, sheet, badge_radius, body):
            dwg.add(drawn)
    set_view_box(dwg, view_box)
    orientation = f"{view.whose_left[:1].upper()}{view.whose_left[1:]}." if key else ""
    return Figure(dwg, key, orientation)
