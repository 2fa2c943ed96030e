"""Draw the runner as an interactive SVG: a pure function from a pose and links to markup.

Every muscle region is a real ``<a href>`` so the figure works without JavaScript; the page
around it tells htmx where to swap. svgwrite is used only in this package, so it can be
replaced later.

Paint order (bottom to top) is what keeps taps honest: the far limbs, their tap areas and
muscles; then the near body, which blocks taps from reaching the far side through it; then
the near tap areas (invisible, larger than the muscles, inside the body part); then the near
muscles; then the near arm, which lets taps through. A point inside a visible muscle is
therefore always that muscle's link, and the space round it still answers for it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import svgwrite
from svgwrite.container import Group, Hyperlink

from webapp.figure.labels import Callout, layout_labels, text_width
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
    MuscleShape,
    Point,
    centroid,
    polygon_area,
    polygon_path,
    smooth_path,
)
from webapp.stride.kinematics import Pose, Segment

VIEW_BOX = (36, 60, 278, 466)  # x, y, width, height: fits every pose of the stride, snugly
LABEL_SIZE = 14
NAME_SIZE = 11
# The side view shows the runner's left side: they run towards the right of the page.
LEG_NAMES = {"near": "left leg", "far": "right leg"}


@dataclass(frozen=True)
class RegionLink:
    """A muscle as the figure shows it: where it links to and what it is called."""

    slug: str
    name: str
    href: str


@dataclass(frozen=True)
class Frame:
    """Where a shape's own coordinates land on the page: moved to ``origin``, turned by
    ``rotation`` degrees, its length squeezed by ``stretch`` (a limb seen end-on looks short)
    and, when ``mirror``, flipped left to right."""

    origin: Point
    rotation: float = 0.0
    stretch: float = 1.0
    mirror: bool = False

    @classmethod
    def of(cls, segment: Segment) -> Frame:
        """The frame of a side-view body segment."""
        return cls(segment.origin, segment.rotation)

    def point(self, x: float, y: float) -> Point:
        """A point in the frame, in page coordinates."""
        x, y = (-x if self.mirror else x), y * self.stretch
        angle = math.radians(self.rotation)
        cos, sin = math.cos(angle), math.sin(angle)
        return (self.origin[0] + x * cos - y * sin, self.origin[1] + x * sin + y * cos)

    @property
    def transform(self) -> str:
        """The SVG transform attribute for shapes in this frame."""
        x, y = self.origin
        result = f"translate({x:.1f} {y:.1f}) rotate({self.rotation:.2f})"
        if self.mirror or abs(self.stretch - 1) > 0.005:
            result += f" scale({-1 if self.mirror else 1} {self.stretch:.3f})"
        return result


Piece = tuple[MuscleShape, Frame]


@dataclass
class Copy:
    """One drawn copy of a muscle: on the trunk (``leg`` None) or on one leg."""

    slug: str
    leg: str | None
    pieces: list[Piece]
    cells: list[Piece] = field(default_factory=list)

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


def _path(dwg: svgwrite.Drawing, d: str, frame: Frame, css: str):
    return dwg.path(d=d, transform=frame.transform, class_=css)


def _link(dwg: svgwrite.Drawing, link: RegionLink, css: list[str], swap: bool) -> Hyperlink:
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

    def visible(self, leg: str | None) -> list[Hyperlink]:
        """The drawn muscles on one leg (or the trunk, ``leg`` None)."""
        return [self._visible(c) for c in self.copies if c.leg == leg]

    def hits(self, leg: str | None) -> list[Hyperlink]:
        """The invisible tap areas on one leg (or the trunk)."""
        result = []
        for copy in self.copies:
            if copy.leg == leg and copy.cells:
                anchor = _link(self.dwg, self.links[copy.slug], self.classes(copy, "hit"), self.swap)
                if copy.leg:
                    anchor["data-leg"] = copy.leg
                anchor["tabindex"] = "-1"
                anchor["aria-hidden"] = "true"
                for shape, frame in copy.cells:
                    anchor.add(_path(self.dwg, polygon_path(shape.points), frame, "hit"))
                result.append(anchor)
        return result

    def classes(self, copy: Copy, role: str | None = None) -> list[str]:
        """A copy's classes: every copy of a muscle carries its name and stride level (last),
        so highlighting works the same whichever copy a page looks at."""
        css = ["region", *([f"region--{role}"] if role else []), f"region--{copy.slug}"]
        intensity = self.levels.get(copy.leg, {}).get(copy.slug)
        return css + ([f"region--{intensity}"] if intensity else [])

    def _visible(self, copy: Copy) -> Hyperlink:
        link = self.links[copy.slug]
        anchor = _link(self.dwg, link, self.classes(copy), self.swap)
        if copy.leg:
            anchor["data-leg"] = copy.leg
        if copy.slug == self.selected:
            anchor["aria-current"] = "page"
        if copy is self.primary(copy.slug):
            anchor["aria-label"] = link.name
        else:
            anchor["tabindex"] = "-1"
            anchor["aria-hidden"] = "true"
        anchor.set_desc(title=link.name)
        for shape, frame in copy.pieces:
            anchor.add(_path(self.dwg, smooth_path(shape.points), frame, "muscle"))
        for shape, frame in copy.pieces:
            for line in shape.fibres:
                anchor.add(_path(self.dwg, smooth_path(line, closed=False), frame, "fibre"))
        return anchor

    def names(self) -> Group:
        """Every muscle's hover name, in one layer above the whole body so nothing hides it."""
        group = self.dwg.g(class_="figure-names")
        group["aria-hidden"] = "true"
        for slug, link in self.links.items():
            group.add(_name_tag(self.dwg, slug, link.name, self.primary(slug).anchor()))
        return group


def silhouette(dwg: svgwrite.Drawing, css: str, parts: Sequence[tuple[str, object, Frame]]) -> Group:
    """One body part drawn twice: a wide stroked pass and a fill pass on top, so overlapping
    segments merge into one outline with no seams at the joints."""
    group = dwg.g(class_=css)
    for layer in ("skin-edge", "skin"):
        for kind, geometry, frame in parts:
            if kind == "disc":
                x, y = frame.point(0, 0)
                group.add(dwg.circle(center=(round(x, 1), round(y, 1)), r=geometry, class_=layer))
            else:
                group.add(_path(dwg, smooth_path(geometry), frame, layer))
    return group


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
    group.add(_path(dwg, smooth_path(EAR), trunk, "skin-line"))
    x, y = trunk.point(*EYE)
    group.add(dwg.circle(center=(round(x, 1), round(y, 1)), r=1.8, class_="skin-eye"))
    return group


def _side_copies(pose: Pose, slugs: Sequence[str]) -> list[Copy]:
    """Every muscle's copies in the side view: on the trunk, the near leg and the far leg."""
    copies = []
    for slug in slugs:
        for leg in (None, "near", "far"):

            def placed(shapes: Sequence[MuscleShape], leg: str | None = leg) -> list[Piece]:
                return [
                    (s, Frame.of(pose.segments[f"{leg}_{s.segment}" if leg else s.segment]))
                    for s in shapes
                    if (leg in s.legs if leg else not s.legs)
                ]

            pieces = placed(MUSCLE_SHAPES[slug])
            if pieces:
                copies.append(Copy(slug, leg, pieces, placed(HIT_SHAPES.get(slug, ()))))
    return copies


def leg_tags(dwg: svgwrite.Drawing, feet: dict[str, float], names: dict[str, str], y: float) -> Group:
    """Small tags under the feet saying which leg is the runner's left and which the right."""
    group = dwg.g(class_="leg-tags")
    group["aria-hidden"] = "true"
    (first, x0), (second, x1) = sorted(feet.items(), key=lambda item: item[1])
    spread = 62 - (x1 - x0)
    if spread > 0:  # feet close together: push the two tags apart so they never overlap
        x0, x1 = x0 - spread / 2, x1 + spread / 2
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
) -> tuple[Group, tuple[float, float]]:
    """The labels group (aria-hidden: the links already carry the names) and the x range it
    needs, so the caller can widen the view box."""
    callouts = []
    for slug, link in regions.links.items():
        copy = regions.primary(slug)
        side = side_of(copy)
        toward = gutters[0] if side < 0 else gutters[1]
        callouts.append(Callout(slug, link.name, copy.anchor(toward), side))
    placed = layout_labels(callouts, gutters, bounds, size=LABEL_SIZE)
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
        box = label.box()
        target.add(
            dwg.rect(
                (round(box[0] - 3, 1), round(box[1] - 3, 1)),
                (round(box[2] - box[0] + 6, 1), round(box[3] - box[1] + 6, 1)),
                class_="hit",
            )
        )
        anchor = "start" if label.side > 0 else "end"
        text = dwg.text(label.text, insert=tuple(round(v, 1) for v in label.baseline), text_anchor=anchor)
        text["class"] = "figure-label"
        target.add(text)
        group.add(target)
        left, right = min(left, box[0]), max(right, box[2])
    return group, (left, right)


def outline_extent(points: Sequence[Point]) -> tuple[float, float]:
    """The leftmost and rightmost x of a set of points."""
    xs = [x for x, _ in points]
    return min(xs), max(xs)


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


def new_drawing(label: str, view: str) -> svgwrite.Drawing:
    """An empty interactive figure: a labelled group, not an image (it holds links).
    ``data-view`` ("side" or "front") lets the stylesheet tell the views apart."""
    dwg = svgwrite.Drawing(size=None, debug=False)
    dwg.attribs.update(
        {"class": "runner", "data-view": view, "role": "group", "aria-label": label, "focusable": "false"}
    )
    return dwg


def finish(dwg: svgwrite.Drawing, view_box: tuple[float, float, float, float]) -> str:
    """Set the view box and serialise."""
    dwg["viewBox"] = " ".join(f"{v:g}" for v in (round(value, 1) for value in view_box))
    return dwg.tostring()


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
    regions = Regions(dwg, drawable, _side_copies(pose, list(drawable)), selected, levels, swap)
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
    dwg.add(leg_tags(dwg, feet, LEG_NAMES, ground + 17))
    left, right = x, x + width
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
            dwg.add(_badge(dwg, regions.primary(slug).anchor(), number))
    return finish(dwg, (left, y, right - left, height))


def _badge(dwg: svgwrite.Drawing, at: Point, number: int) -> Group:
    """A numbered disc at the middle of a muscle."""
    x, y = at
    badge = dwg.g(class_="badge")
    badge["aria-hidden"] = "true"
    badge.add(dwg.circle(center=(round(x, 1), round(y, 1)), r=10))
    badge.add(dwg.text(str(number), insert=(round(x, 1), round(y + 4.5, 1)), text_anchor="middle"))
    return badge
