"""A tap anywhere inside a drawn muscle opens that muscle, never a neighbour: checked on the SVG
itself, for every view and every pose, without a browser.

The SVG is read back as geometry in paint order (muscle outlines, grown tap areas, body parts
that block taps), the way a browser hit-tests it: the last thing painted at a point that takes
taps wins. Then every drawn area (what the eye sees of a muscle) must answer for its own muscle,
and no muscle's tap area may reach into another muscle's drawn area. No tap area is a box (a
browser adjusts a finger's tap towards target boxes), and narrow muscles are grown to a
fingertip's width where there is room.
"""

from __future__ import annotations

import math
import re
import statistics
import xml.etree.ElementTree as ET

import pytest
import shapely
from shapely.geometry import Point, Polygon

from tests.conftest import real_content
from webapp.figure.runner import draw_figure
from webapp.figure.taps import MIN_TARGET_PX, phone_scale

SVG = "{http://www.w3.org/2000/svg}"
VIEWS = list(real_content().figure.views)
TOLERANCE = 0.5  # CSS px² at phone size: curves read back as polygons differ by a hair
SAMPLES = 12  # points per Bézier when reading a path back
STROKE = 0.5  # half the width of a muscle's outline (static/app.css: .region .muscle)


def _transform(text: str):
    """An SVG transform ("translate(x y) rotate(a) scale(sx sy)") as a point function."""
    steps = re.findall(r"(translate|rotate|scale)\(([^)]*)\)", text or "")

    def apply(x: float, y: float) -> tuple[float, float]:
        for name, args in reversed(steps):
            values = [float(v) for v in args.replace(",", " ").split()]
            if name == "translate":
                x, y = x + values[0], y + values[1]
            elif name == "rotate":
                a = math.radians(values[0])
                x, y = x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)
            else:
                x, y = x * values[0], y * values[-1]
        return x, y

    return apply


def path_area(d: str, transform: str | None = None):
    """The filled area of SVG path data made of M, L, C, S and Z commands (even-odd rule)."""
    place = _transform(transform)
    rings, ring = [], []
    current = start = (0.0, 0.0)
    last_control = None
    for command, args in re.findall(r"([MLCSZ])([^MLCSZ]*)", d):
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if command == "M":
            if ring:
                rings.append(ring)
            current = start = (numbers[0], numbers[1])
            ring, last_control = [current], None
        elif command == "L":
            for i in range(0, len(numbers), 2):
                current = (numbers[i], numbers[i + 1])
                ring.append(current)
            last_control = None
        elif command in "CS":
            if command == "C":
                c1, c2, end = (numbers[0], numbers[1]), (numbers[2], numbers[3]), (numbers[4], numbers[5])
            else:
                c1 = (
                    (2 * current[0] - last_control[0], 2 * current[1] - last_control[1])
                    if last_control
                    else current
                )
                c2, end = (numbers[0], numbers[1]), (numbers[2], numbers[3])
            for step in range(1, SAMPLES + 1):
                s = step / SAMPLES
                a, b, c, e = (1 - s) ** 3, 3 * s * (1 - s) ** 2, 3 * s * s * (1 - s), s**3
                ring.append(
                    (
                        a * current[0] + b * c1[0] + c * c2[0] + e * end[0],
                        a * current[1] + b * c1[1] + c * c2[1] + e * end[1],
                    )
                )
            current, last_control = end, c2
        else:
            current, last_control = start, None
    if ring:
        rings.append(ring)
    area = Polygon()
    for points in rings:
        if len(points) >= 3:
            area = area.symmetric_difference(shapely.make_valid(Polygon([place(*p) for p in points])))
    return area


def painted(svg: str) -> list[tuple[str | None, str, object, bool]]:
    """What is on the page, in paint order: (muscle slug or None, kind, area, takes taps).
    Kinds: "muscle" (a drawn muscle), "grown" (where a tap area grows), "body", "label"."""
    items = []
    for element in ET.fromstring(svg).iter():
        tag = element.tag.removeprefix(SVG)
        css = element.get("class", "")
        if tag == "a" and "region" in css:
            slug = element.get("data-muscle")
            kind = "grown" if "region--hit" in css else "label" if "label" in css else "muscle"
            for shape in element:
                shape_tag = shape.tag.removeprefix(SVG)
                if shape_tag == "path" and shape.get("class") in {"muscle", "hit"}:
                    area = path_area(shape.get("d"), shape.get("transform"))
                    # A drawn muscle is its fill and its outline's stroke, which takes taps too.
                    items.append((slug, kind, area.buffer(STROKE) if kind == "muscle" else area, True))
                elif shape_tag == "rect":
                    x, y = float(shape.get("x")), float(shape.get("y"))
                    w, h = float(shape.get("width")), float(shape.get("height"))
                    items.append((slug, kind, shapely.box(x, y, x + w, y + h), True))
        elif tag == "g" and "limb" in css.split():
            blocks = "limb--block" in css
            for part in element:
                if part.get("class") != "skin":
                    continue
                if part.tag == f"{SVG}circle":
                    centre = Point(float(part.get("cx")), float(part.get("cy")))
                    items.append((None, "body", centre.buffer(float(part.get("r"))), blocks))
                else:
                    items.append((None, "body", path_area(part.get("d"), part.get("transform")), blocks))
    return items


def hit_map(items):
    """For each muscle: what of it is seen (nothing painted over it) and where a tap opens it."""
    seen, opens = {}, {}
    above_all, above_taps = Polygon(), Polygon()
    for slug, kind, area, takes_taps in reversed(items):
        if slug and kind == "muscle":
            seen[slug] = seen.get(slug, Polygon()).union(area.difference(above_all))
        if slug and takes_taps:
            opens[slug] = opens.get(slug, Polygon()).union(area.difference(above_taps))
        if kind in {"muscle", "body"}:  # a grown tap area is invisible: it hides nothing
            above_all = above_all.union(area)
        if takes_taps:
            above_taps = above_taps.union(area)
    return seen, opens


def every_drawing():
    content = real_content()
    from webapp.figure.runner import RegionLink

    links = [RegionLink(m.slug, m.name, f"/muscles/{m.slug}") for m in content.atlas.muscles]
    poses = {"home": content.pose(None), **{p.slug: content.pose(p.slug) for p in content.atlas.phases}}
    poses.update(content.figure.still_poses)
    for view_name, view in content.figure.views.items():
        for pose_name, pose in poses.items():
            yield pytest.param(view, pose, links, id=f"{view_name}-{pose_name}")


@pytest.mark.parametrize(("view", "pose", "links"), list(every_drawing()))
def test_a_tap_inside_a_drawn_muscle_opens_it_and_tap_areas_stay_out_of_other_muscles(view, pose, links):
    figure = draw_figure(view, pose, links)
    svg = str(figure)
    units = (1 / phone_scale(figure.view_box)) ** 2  # drawing units² per CSS px²
    seen, opens = hit_map(painted(svg))
    for slug, drawn in seen.items():
        uncovered = drawn.difference(opens.get(slug, Polygon())).area
        assert uncovered < TOLERANCE * units, f"part of the drawn {slug} opens something else"
        for other, area in opens.items():
            if other != slug:
                overlap = area.intersection(drawn).area
                assert overlap < TOLERANCE * units, f"{other}'s tap area reaches into the drawn {slug}"


@pytest.mark.parametrize(("view", "pose", "links"), list(every_drawing()))
def test_no_tap_area_is_a_box_and_narrow_muscles_grow_to_a_fingertip_where_there_is_room(view, pose, links):
    figure = draw_figure(view, pose, links)
    items = painted(str(figure))
    assert not [i for i in items if i[1] in {"muscle", "grown"} and i[2].equals(i[2].envelope)]
    scale = phone_scale(figure.view_box)
    _, opens = hit_map(items)
    # The largest circle that fits in each muscle's tap area, in CSS px on a phone.
    sizes = {slug: breadth_px(area, scale) for slug, area in opens.items() if not area.is_empty}
    grown = {i[0] for i in items if i[1] == "grown"}
    for slug, size in sizes.items():
        # A muscle under a fingertip's width has grown, unless its neighbours leave no room.
        assert size >= MIN_TARGET_PX or slug in grown, (slug, round(size, 1))
    areas = [area.area * scale**2 for area in opens.values()]
    assert statistics.median(areas) >= 44 * 44, "the median tap area is at least 44 × 44 CSS px"


def breadth_px(area, scale: float) -> float:
    """The diameter of the largest circle inside any piece of ``area``, in CSS px."""
    pieces = [g for g in getattr(area, "geoms", [area]) if isinstance(g, Polygon) and g.area > 0]
    return 2 * max((shapely.maximum_inscribed_circle(p, 0.1).length for p in pieces), default=0.0) * scale
