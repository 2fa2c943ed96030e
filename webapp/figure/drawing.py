"""What both views of the runner share: frames that place shapes on the page, muscle copies,
their links, tap areas and hover names, body silhouettes, labels and leg tags.

Every muscle region is a real ``<a href>`` so the figure works without JavaScript; the page
around it tells htmx where to swap. svgwrite is used only in this package, so it can be
replaced later.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import svgwrite
from svgwrite.container import Group, Hyperlink

from webapp.figure.geometry import Frame, Point, centroid, polygon_area, smooth_path, smooth_polygon
from webapp.figure.labels import LEG_TAG_GAP, LEG_TAG_SIZE, Callout, layout_labels, text_width
from webapp.figure.views import BodyPart, MuscleShape

LABEL_SIZE = 16  # drawing units; static/app.css .figure-label sets the same
NAME_SIZE = 11
LABEL_TAP_WIDTH = 76  # the least width of a label's tap area
BADGE_RADIUS = 10  # a numbered badge on the figure (the presenter's are larger: draw_figure)
BADGE_GAP = 3  # the least space between two badges


@dataclass(frozen=True)
class RegionLink:
    """A muscle as the figure shows it: where it links to and what it is called. With no
    ``href`` it is drawn dimmed and is not a link (a quiz's muscles that are not answers)."""

    slug: str
    name: str
    href: str | None


Piece = tuple[MuscleShape, Frame]


@dataclass
class Copy:
    """One drawn copy of a muscle: on the trunk (``leg`` None) or on one leg."""

    slug: str
    leg: str | None
    pieces: list[Piece]

    def outline(self) -> list[list[Point]]:
        """Each piece's drawn outline on the page, as a polygon."""
        return [frame.points(smooth_polygon(shape.points)) for shape, frame in self.pieces]

    def anchor(self, toward: float | None = None) -> Point:
        """A point well inside the copy: the centre of its largest piece (of two mirror-image
        pieces, the one nearer the page x ``toward``)."""

        def rank(item: tuple[int, Piece]) -> tuple[float, float, int]:
            index, (shape, frame) = item
            x = frame.point(*centroid(shape.points))[0]
            nearness = -abs(x - toward) if toward is not None else 0.0
            return (round(polygon_area(shape.points), 1), nearness, -index)

        _, (shape, frame) = max(enumerate(self.pieces), key=rank)
        return frame.point(*centroid(shape.points))


def shape_path(dwg: svgwrite.Drawing, d: str, frame: Frame, css: str):
    """A path given in a frame's own coordinates, placed by the frame's transform."""
    return dwg.path(d=d, transform=frame.transform, class_=css)


def _link(dwg: svgwrite.Drawing, link: RegionLink, css: list[str], swap: bool) -> Hyperlink | Group:
    if link.href is None:
        # Drawn, so the body stays whole, but nothing to click, focus or announce.
        inert = dwg.g(class_=" ".join([*css, "region--inert"]))
        inert["data-muscle"] = link.slug
        inert["aria-hidden"] = "true"
        return inert
    anchor = dwg.a(link.href, target=None, class_=" ".join(css))
    del anchor.attribs["xlink:href"]  # SVG 2 and HTML parsers read the plain attribute
    anchor["href"] = link.href
    if swap:
        # htmx does not boost SVG links, so a page that swaps asks for it on each one.
        anchor["hx-get"] = link.href
    anchor["data-muscle"] = link.slug
    return anchor


def _name_tag(dwg: svgwrite.Drawing, slug: str, text: str, at: Point) -> Group:
    """A muscle's name, centred on it, hidden until a copy of that muscle is hovered or
    focused (the stylesheet matches ``name--<slug>`` to ``region--<slug>``)."""
    width = text_width(text, NAME_SIZE) + 10
    x, y = at
    tag = dwg.g(class_=f"region__name name--{slug}")
    tag.add(dwg.rect((round(x - width / 2, 1), round(y - 9.5, 1)), (round(width, 1), 18), rx=5))
    tag.add(dwg.text(text, insert=(round(x, 1), round(y + 4, 1)), text_anchor="middle"))
    return tag


@dataclass
class Regions:
    """Every link element of one drawing (visible copies, tap areas) and the hover names.

    A muscle's primary copy (on the trunk, else the near leg, else the far leg) is its one
    named tab stop; every other copy is the same link again, hidden from assistive technology
    and out of the tab order.
    """

    dwg: svgwrite.Drawing
    links: dict[str, RegionLink]
    copies: list[Copy]
    selected: str | None
    levels: dict[str | None, dict[str, str]]
    swap: bool

    def primary(self, slug: str) -> Copy:
        """The copy that carries a muscle's name and tab stop."""
        mine = [c for c in self.copies if c.slug == slug]
        return next(c for leg in (None, "near", "far") for c in mine if c.leg == leg)

    def growth(self, copy: Copy, path: str) -> Hyperlink | Group:
        """The area a narrow copy's tap area grows by (page coordinates), beneath it."""
        anchor = _link(self.dwg, self.links[copy.slug], self.classes(copy, "hit"), self.swap)
        if copy.leg:
            anchor["data-leg"] = copy.leg
        if self.links[copy.slug].href is not None:
            anchor["tabindex"] = "-1"
        anchor["aria-hidden"] = "true"
        anchor.add(self.dwg.path(d=path, class_="hit", fill_rule="evenodd"))
        return anchor

    def visible(self, copy: Copy) -> Hyperlink | Group:
        """A drawn muscle copy: its link, with the muscle's outline and fibres."""
        return self._visible(copy)

    def classes(self, copy: Copy, role: str | None = None) -> list[str]:
        """A copy's classes: every copy of a muscle carries its name and stride level (last),
        so highlighting works the same whichever copy a page looks at."""
        css = ["region", *([f"region--{role}"] if role else []), f"region--{copy.slug}"]
        intensity = self.levels.get(copy.leg, {}).get(copy.slug)
        return css + ([f"region--{intensity}"] if intensity else [])

    def _visible(self, copy: Copy) -> Hyperlink | Group:
        link = self.links[copy.slug]
        anchor = _link(self.dwg, link, self.classes(copy), self.swap)
        if copy.leg:
            anchor["data-leg"] = copy.leg
        if copy.slug == self.selected:
            anchor["aria-current"] = "page"
        if link.href is not None:  # a muscle that is no link is already hidden and no tab stop
            if copy is self.primary(copy.slug):
                anchor["aria-label"] = link.name
            else:
                anchor["tabindex"] = "-1"
                anchor["aria-hidden"] = "true"
            anchor.set_desc(title=link.name)
        for shape, frame in copy.pieces:
            anchor.add(shape_path(self.dwg, smooth_path(shape.points), frame, "muscle"))
        for shape, frame in copy.pieces:
            for line in shape.fibres:
                anchor.add(shape_path(self.dwg, smooth_path(line, closed=False), frame, "fibre"))
        return anchor

    def names(self) -> Group:
        """Every muscle's hover name, in one layer above the whole body so nothing hides it."""
        group = self.dwg.g(class_="figure-names")
        group["aria-hidden"] = "true"
        for slug, link in self.links.items():
            if link.href is None:
                continue
            group.add(_name_tag(self.dwg, slug, link.name, self.primary(slug).anchor()))
        return group


def silhouette(dwg: svgwrite.Drawing, css: str, parts: Sequence[tuple[BodyPart, Frame]]) -> Group:
    """Body parts drawn twice: a wide stroked pass and a fill pass on top, so overlapping
    parts merge into one outline with no seams at the joints."""
    group = dwg.g(class_=css)
    for layer in ("skin-edge", "skin"):
        for part, frame in parts:
            if part.points:
                group.add(shape_path(dwg, smooth_path(part.points), frame, layer))
            else:
                x, y = frame.point(0, 0)
                group.add(dwg.circle(center=(round(x, 1), round(y, 1)), r=part.radius, class_=layer))
    return group


def part_outline(part: BodyPart, frame: Frame) -> list[Point]:
    """A body part's filled outline on the page, as a polygon."""
    if part.points:
        return frame.points(smooth_polygon(part.points))
    x, y = frame.point(0, 0)
    steps = 24
    return [
        (
            x + part.radius * math.cos(2 * math.pi * i / steps),
            y + part.radius * math.sin(2 * math.pi * i / steps),
        )
        for i in range(steps)
    ]


def place_copies(
    slugs: Sequence[str], shapes: Mapping[str, Sequence[MuscleShape]], frames: Mapping[str, Frame]
) -> list[Copy]:
    """Every muscle's copies: on the trunk and on each leg that shows it, placed by
    ``frames`` (the body parts' frames by name: "trunk", "near_thigh", ...)."""
    copies = []
    for slug in slugs:
        for leg in (None, "near", "far"):
            drawn = [
                (s, frames[f"{leg}_{s.segment}" if leg else s.segment])
                for s in shapes[slug]
                if (leg in s.legs if leg else not s.legs)
            ]
            if drawn:
                copies.append(Copy(slug, leg, drawn))
    return copies


def leg_tags(
    dwg: svgwrite.Drawing, feet: dict[str, float], names: dict[str, str], y: float, span: tuple[float, float]
) -> Group:
    """Small tags under the feet saying which leg is the runner's left and which the right,
    kept apart from each other and inside ``span`` (the x range of the figure)."""
    group = dwg.g(class_="leg-tags")
    group["aria-hidden"] = "true"
    (first, x0), (second, x1) = sorted(feet.items(), key=lambda item: item[1])
    half0, half1 = (text_width(names[leg], LEG_TAG_SIZE) / 2 for leg in (first, second))
    spread = half0 + half1 + LEG_TAG_GAP - (x1 - x0)
    if spread > 0:  # feet close together: push the two tags apart so they never overlap
        x0, x1 = x0 - spread / 2, x1 + spread / 2
    # Keep both inside the figure: slide a pair that sticks out, and bring in feet wider apart
    # than the figure has room for (a view's box is wider than its two tags, checked at start-up).
    lowest, highest = span[0] + half0, span[1] - half1
    shift = max(lowest - x0, 0) + min(highest - x1, 0)
    x0, x1 = max(x0 + shift, lowest), min(x1 + shift, highest)
    for leg, x in ((first, x0), (second, x1)):
        group.add(
            dwg.text(
                names[leg], insert=(round(x, 1), y), text_anchor="middle", class_=f"leg-tag leg-tag--{leg}"
            )
        )
    return group


def label_layer(
    dwg: svgwrite.Drawing,
    regions: Regions,
    side_of: Callable[[Copy], int],
    gutters: tuple[float, float],
    bounds: tuple[float, float],
    widths: tuple[float, float] | None = None,
) -> tuple[Group, tuple[float, float]]:
    """The labels group (aria-hidden: the links already carry the names) and the x range it
    needs, so the caller can widen the view box. ``widths`` (left, right) is how wide a line
    of a label may be in each column; longer names wrap."""
    callouts = []
    for slug, link in regions.links.items():
        copy = regions.primary(slug)
        side = side_of(copy)
        toward = gutters[0] if side < 0 else gutters[1]
        callouts.append(Callout(slug, link.name, copy.anchor(toward), side))
    placed = layout_labels(callouts, gutters, bounds, size=LABEL_SIZE, widths=widths)
    group = dwg.g(class_="figure-labels")
    group["aria-hidden"] = "true"
    left, right = gutters
    for label in placed:
        points = [label.anchor, label.elbow, label.end]
        group.add(dwg.polyline([(round(x, 1), round(y, 1)) for x, y in points], class_="leader"))
        group.add(dwg.circle(center=tuple(round(v, 1) for v in label.anchor), r=2.2, class_="leader-dot"))
        # Each label is the muscle's link again: a bigger target, out of the tab order.
        copy = regions.primary(label.key)
        role = "current-label" if label.key == regions.selected else "label"
        target = _link(dwg, regions.links[label.key], regions.classes(copy, role), regions.swap)
        if copy.leg:
            target["data-leg"] = copy.leg
        target["tabindex"] = "-1"
        target["aria-hidden"] = "true"
        # Its tap area fills the label's line (so neighbours never share one) and reaches out
        # at least LABEL_TAP_WIDTH from the column edge, so short names are easy to hit too.
        box, line = label.box(), label.line
        edge = label.end[0]
        reach = (
            max(box[2] + 4 - edge, LABEL_TAP_WIDTH)
            if label.side > 0
            else max(edge - box[0] + 4, LABEL_TAP_WIDTH)
        )
        x0, x1 = (edge, edge + reach) if label.side > 0 else (edge - reach, edge)
        middle = (box[1] + box[3]) / 2
        height = line * len(label.lines)
        target.add(
            dwg.rect(
                (round(x0, 1), round(middle - height / 2, 1)),
                (round(x1 - x0, 1), round(height, 1)),
                class_="hit",
            )
        )
        anchor = "start" if label.side > 0 else "end"
        x, y = (round(v, 1) for v in label.baseline)
        text = dwg.text("", insert=(x, y), text_anchor=anchor)
        text["class"] = "figure-label"
        for index, words in enumerate(label.lines):
            text.add(dwg.tspan(words, x=[x], y=[round(y + index * line, 1)]))
        target.add(text)
        group.add(target)
        left, right = min(left, x0), max(right, x1)
    return group, (left, right)


def outline_extent(points: Sequence[Point]) -> tuple[float, float]:
    """The leftmost and rightmost x of a set of points."""
    xs = [x for x, _ in points]
    return min(xs), max(xs)


def new_drawing(label: str, view: str) -> svgwrite.Drawing:
    """An empty interactive figure: a labelled group, not an image (it holds links).
    ``data-view`` ("side" or "front") lets the stylesheet tell the views apart."""
    dwg = svgwrite.Drawing(size=None, debug=False)
    dwg.attribs.update(
        {"class": "runner", "data-view": view, "role": "group", "aria-label": label, "focusable": "false"}
    )
    return dwg


def set_view_box(dwg: svgwrite.Drawing, view_box: tuple[float, float, float, float]) -> None:
    """Set the drawing's view box, to 0.1 unit."""
    dwg["viewBox"] = " ".join(f"{v:g}" for v in (round(value, 1) for value in view_box))


def spread_badges(anchors: Sequence[Point], radius: float, span: tuple[float, float]) -> list[Point]:
    """Where to draw discs of ``radius`` meant for ``anchors`` (a point on each muscle): two too
    close are pushed apart along the line between them, a little at a time, while each disc
    still covers its anchor and stays inside ``span`` (the x range shown). It stops when none
    overlaps, or after 200 rounds (tests/unit/test_figure.py checks every view and pose)."""
    placed = [[x, y] for x, y in anchors]
    apart = 2 * radius + BADGE_GAP
    for _ in range(200):
        moved = False
        for first, second in itertools.combinations(placed, 2):
            dx, dy = second[0] - first[0], second[1] - first[1]
            distance = math.hypot(dx, dy)
            if distance >= apart - 0.01:
                continue
            if distance < 0.01:  # one exactly on the other: apart up and down
                dx, dy, distance = 0.0, 1.0, 1.0
            push = (apart - distance) / 2 + 0.01
            for disc, sign in ((first, -1), (second, 1)):
                disc[0] += sign * push * dx / distance
                disc[1] += sign * push * dy / distance
            moved = True
        for disc, (ax, ay) in zip(placed, anchors, strict=True):
            away = math.hypot(disc[0] - ax, disc[1] - ay)
            if away > radius:  # back to the edge of its muscle's point, so none needs a leader
                disc[0], disc[1] = ax + (disc[0] - ax) * radius / away, ay + (disc[1] - ay) * radius / away
            disc[0] = min(max(disc[0], span[0] + radius), span[1] - radius)
        if not moved:
            break
    return [(x, y) for x, y in placed]


def badge(
    dwg: svgwrite.Drawing,
    number: int,
    at: Point,
    radius: float,
    muscle: str | None = None,
    current: bool = False,
) -> Group:
    """A numbered disc at ``at``, naming its ``muscle`` to scripts (which mark the current one
    after a swap); the ``current`` muscle's is filled as the muscle is, since it covers part
    of it."""
    group = dwg.g(class_="badge badge--current" if current else "badge")
    group["aria-hidden"] = "true"
    if muscle:
        group["data-muscle"] = muscle
    x, y = round(at[0], 1), round(at[1], 1)
    group.add(dwg.circle(center=(x, y), r=radius, class_="badge__disc"))
    group.add(dwg.text(str(number), insert=(x, y), dy=["0.35em"], text_anchor="middle"))
    return group


def numbered_badges(
    dwg: svgwrite.Drawing,
    anchors: Mapping[int, Point],
    radius: float,
    span: tuple[float, float],
    muscles: Mapping[int, str] | None = None,
    current: int | None = None,
) -> list[Group]:
    """A badge for each number over its anchor (a point on its muscle), none overlapping,
    each naming its muscle where ``muscles`` are given; the ``current`` number's marked."""
    spots = spread_badges(list(anchors.values()), radius, span)
    return [
        badge(dwg, n, at, radius, (muscles or {}).get(n), n == current)
        for n, at in zip(anchors, spots, strict=True)
    ]
