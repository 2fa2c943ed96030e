"""The figure read back as geometry, the way a browser hit-tests it: drawn muscles, grown tap
areas and body parts that block taps, in paint order, and for each muscle what of it is seen
and where a tap opens it. Used by the geometry test and the tap-area benchmark."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import shapely
from shapely.geometry import Point, Polygon

SVG = "{http://www.w3.org/2000/svg}"
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


def breadth_px(area, scale: float) -> float:
    """The diameter of the largest circle inside any piece of ``area``, in CSS px."""
    pieces = [g for g in getattr(area, "geoms", [area]) if isinstance(g, Polygon) and g.area > 0]
    return 2 * max((shapely.maximum_inscribed_circle(p, 0.1).length for p in pieces), default=0.0) * scale
