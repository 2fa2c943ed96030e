"""The pain map's figure: places that hurt (not muscles) on the standing runner, as data.

``data/pain/places.yaml`` says where each view of the map draws each place: the front, back and
side of the runner (the body of the runner view of the same name, without its muscles) and the
magnified foot inset (the foot from the outer side, from behind, and its sole). A place is a
disc, at least :data:`TARGET_PX` CSS px across at the smallest size the page shows it (a
375-px-wide phone), so every disc is its own tap area and nothing grows into a neighbour.

Every disc is a real ``<a href>``; the links come in as data (:class:`PlaceLink`), so this
module knows no routes. Both legs draw the same place as the same link: a place's first disc
is its one named tab stop, the others are the same link again, hidden from assistive
technology.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

import svgwrite
from pydantic import Field, model_validator
from svgwrite.container import Group, Hyperlink

from webapp.content.loader import parse
from webapp.content.model import Record
from webapp.content.records import ContentError
from webapp.figure.drawing import silhouette
from webapp.figure.geometry import Frame, Point
from webapp.figure.projection import LIMBS, TRUNK_PARTS
from webapp.figure.svg import Figure
from webapp.figure.views import BodyPart, FigureData
from webapp.gait.kinematics import Pose

TARGET_PX = 26.0  # a disc's least diameter on a phone: WCAG 2.2's 24 px and a little to spare
# The figure's size on a 375-wide phone (CSS px): the page column less its padding, and the
# stylesheet's largest height for the map's runner (.pain-figure__runner).
PHONE_WIDTH = 343.0
RUNNER_MAX_HEIGHT = 600.0
INSET_GAP = 10.0  # drawing units between two panels of the foot inset
CAPTION_HEIGHT = 16.0  # drawing units under each inset panel for its caption
SOLE = "sole"  # the frame of the sole's own outline
Leg = Literal["near", "far"]
Pair = tuple[float, float]


class PlaceData(Record):
    """One place in one view: the body part it sits ``on``, ``at`` a point of that part's
    frame, on the ``legs`` listed (a leg's part) or ``mirrored`` about the midline (the trunk)."""

    on: str
    at: Pair
    legs: tuple[Leg, ...] = ()
    mirrored: bool = False


class PlaceViewData(Record):
    """One view of the map: a runner view's body (whole, or only ``parts`` cropped to ``box``
    round the ankle of ``around``), or an ``outline`` of its own (the sole), and its places."""

    label: Annotated[str, Field(min_length=1)]
    caption: str | None = None  # under an inset's panel: "Outer side"
    runner: str | None = None
    around: str | None = None
    parts: tuple[str, ...] = ()
    box: tuple[float, float, float, float] | None = None
    outline: Annotated[list[Pair], Field(min_length=3)] | None = None
    places: Annotated[dict[str, PlaceData], Field(min_length=1)]

    @model_validator(mode="after")
    def _one_kind(self) -> PlaceViewData:
        if (self.runner is None) == (self.outline is None):
            raise ValueError("give either 'runner' (a view in data/views) or 'outline'")
        if self.outline is not None and self.box is None:
            raise ValueError("a view with its own outline needs a 'box'")
        if (self.around is None) != (self.box is None or self.outline is not None):
            raise ValueError("a cropped runner view needs both 'around' and 'box'")
        return self


class PlaceFile(Record):
    """``pain/places.yaml``."""

    views: dict[str, PlaceViewData]


@dataclass(frozen=True)
class Place:
    """A place as one view draws it."""

    on: str
    at: Point
    legs: tuple[str, ...] = ()
    mirrored: bool = False


@dataclass(frozen=True)
class PlaceView:
    """One view of the pain map, ready to draw."""

    name: str
    label: str
    caption: str | None
    runner: str | None
    around: str | None
    parts: tuple[str, ...]
    box: tuple[float, float, float, float] | None
    outline: tuple[Point, ...]
    places: dict[str, Place]


@dataclass(frozen=True)
class PlaceLink:
    """A spot as the figure shows it: the place it is drawn at, where it links, its name."""

    anchor: str
    slug: str
    name: str
    href: str


@dataclass(frozen=True)
class Disc:
    """One drawn disc of a place, in page coordinates."""

    anchor: str
    centre: Point
    radius: float


def load_places(
    data_dir: Path, figure: FigureData, wanted: Mapping[tuple[str, str], str]
) -> dict[str, PlaceView]:
    """Read ``data_dir/pain/places.yaml`` and check it against the runner views and the places
    the spots name (``wanted``: (view, anchor) -> the field of spots.yaml that names it); raise
    :class:`ContentError` naming file and field on the first problem."""
    file = data_dir / "pain" / "places.yaml"
    data = parse(PlaceFile, file, {})
    views: dict[str, PlaceView] = {}
    for name, view in data.views.items():
        where = f"views.{name}"
        if view.runner is not None and view.runner not in figure.views:
            raise ContentError(file, f"{where}.runner", f"'{view.runner}' is not a view in data/views")
        frames = (*TRUNK_PARTS, *LIMBS) if view.outline is None else (SOLE,)
        for part in (view.around, *view.parts):
            if part is not None and part.split("_", 1)[-1] not in LIMBS:
                raise ContentError(
                    file, f"{where}.parts", f"'{part}' is not a leg's body part (near_foot, ...)"
                )
        places = {}
        for key, place in view.places.items():
            field = f"{where}.places.{key}"
            if place.on not in frames:
                raise ContentError(
                    file, f"{field}.on", f"'{place.on}' is not a body part here ({', '.join(frames)})"
                )
            if (place.on in LIMBS) != bool(place.legs):
                raise ContentError(file, f"{field}.legs", "a place on a leg lists its legs; elsewhere none")
            places[key] = Place(place.on, place.at, place.legs, place.mirrored)
        views[name] = PlaceView(
            name,
            view.label,
            view.caption,
            view.runner,
            view.around,
            view.parts,
            view.box,
            tuple(view.outline or ()),
            places,
        )
    for (view_name, anchor), field in wanted.items():
        if anchor not in (views[view_name].places if view_name in views else {}):
            raise ContentError(
                data_dir / "pain" / "spots.yaml",
                field,
                f"'{anchor}' is not a place of the {view_name} view in pain/places.yaml",
            )
    return views


def _frames(view: PlaceView, figure: FigureData, pose: Pose) -> dict[str, Frame]:
    if view.runner is None:
        return {SOLE: Frame((0.0, 0.0))}
    return figure.views[view.runner].frames(pose)


def view_box(view: PlaceView, figure: FigureData, pose: Pose) -> tuple[float, float, float, float]:
    """The part of the page a view shows: the runner view's box, or the crop round a foot."""
    if view.runner is None or view.around is None:
        if view.box is not None:
            return view.box
        left, top, width, height = figure.views[str(view.runner)].box
        return (pose.body.hip_x + left, top, width, height)
    x, y = _frames(view, figure, pose)[view.around].origin
    left, top, width, height = view.box or (0, 0, 0, 0)
    return (x + left, y + top, width, height)


def discs(view: PlaceView, figure: FigureData, pose: Pose, scale: float) -> list[Disc]:
    """Every disc the view draws, each place's named copy first; ``scale`` is CSS px per
    drawing unit on a phone, which sets the radius."""
    frames = _frames(view, figure, pose)
    radius = TARGET_PX / 2 / scale
    found = []
    for anchor, place in view.places.items():
        names = [f"{leg}_{place.on}" for leg in place.legs] or [place.on]
        points = [place.at, (-place.at[0], place.at[1])] if place.mirrored else [place.at]
        for name in names:
            for point in points:
                found.append(Disc(anchor, frames[name].point(*point), radius))
    return found


def runner_scale(box: tuple[float, float, float, float]) -> float:
    """CSS px per drawing unit of a map view of the runner on a phone."""
    return min(PHONE_WIDTH / box[2], RUNNER_MAX_HEIGHT / box[3])


def inset_boxes(
    views: Sequence[PlaceView], figure: FigureData, pose: Pose
) -> tuple[list[Point], tuple[float, float]]:
    """Where each inset panel's top-left corner goes, and the inset's whole width and height."""
    corners, x = [], 0.0
    height = max(view_box(v, figure, pose)[3] for v in views)
    for view in views:
        corners.append((x, 0.0))
        x += view_box(view, figure, pose)[2] + INSET_GAP
    return corners, (x - INSET_GAP, height + CAPTION_HEIGHT)


def inset_scale(views: Sequence[PlaceView], figure: FigureData, pose: Pose) -> float:
    """CSS px per drawing unit of the foot inset on a phone (it fills the column's width)."""
    return PHONE_WIDTH / inset_boxes(views, figure, pose)[1][0]


def _new_drawing(css: str, label: str, view: str) -> svgwrite.Drawing:
    dwg = svgwrite.Drawing(size=None, debug=False)
    # A labelled group, not an image: it holds links.
    dwg.attribs.update(
        {"class": css, "data-view": view, "role": "group", "aria-label": label, "focusable": "false"}
    )
    return dwg


def _body(dwg: svgwrite.Drawing, view: PlaceView, figure: FigureData, pose: Pose) -> Group:
    """The body the view draws, painted as the runner view paints it (no muscles)."""
    group = dwg.g(class_="pain-body")
    if view.runner is None:
        frame = Frame((0.0, 0.0))
        group.add(silhouette(dwg, "limb limb--near", [(BodyPart(SOLE, view.outline), frame)]))
        return group
    runner = figure.views[view.runner]
    frames = runner.frames(pose)
    for layer in runner.layers:
        parts = [p for p in layer.parts if not view.parts or p.on in view.parts]
        if layer.muscles or not parts:
            continue
        css = " ".join(["limb", *(f"limb--{look}" for look in layer.looks)])
        group.add(silhouette(dwg, css, [(part, frames[part.on]) for part in parts]))
    return group


def _places(
    dwg: svgwrite.Drawing,
    found: Sequence[Disc],
    links: Mapping[str, PlaceLink],
    selected: str | None,
    swap: bool,
    named: set[str],
) -> Group:
    """Every disc as its spot's link; a spot's first disc in the drawing (not yet in ``named``,
    which this adds to) is its named tab stop."""
    group = dwg.g(class_="places")
    for disc in found:
        link = links.get(disc.anchor)
        if link is None:
            continue
        anchor: Hyperlink = dwg.a(link.href, target=None, class_=f"place place--{link.slug}")
        del anchor.attribs["xlink:href"]  # SVG 2 and HTML parsers read the plain attribute
        anchor["href"] = link.href
        if swap:
            # htmx does not boost SVG links, so a page that swaps asks for it on each one.
            anchor["hx-get"] = link.href
        anchor["data-spot"] = link.slug
        if link.slug == selected:
            anchor["aria-current"] = "page"
        if link.slug in named:
            anchor["tabindex"] = "-1"
            anchor["aria-hidden"] = "true"
        else:
            anchor["aria-label"] = link.name
            named.add(link.slug)
        anchor.set_desc(title=link.name)
        x, y = (round(v, 1) for v in disc.centre)
        anchor.add(dwg.circle(center=(x, y), r=round(disc.radius, 2), class_="place__disc"))
        anchor.add(dwg.circle(center=(x, y), r=round(disc.radius * 0.3, 2), class_="place__dot"))
        group.add(anchor)
    return group


def _ground(dwg: svgwrite.Drawing, box: tuple[float, float, float, float], ground: float):
    """The ground line across a box."""
    return dwg.line((round(box[0], 1), ground), (round(box[0] + box[2], 1), ground), class_="ground")


def draw_places(
    view: PlaceView,
    figure: FigureData,
    pose: Pose,
    links: Sequence[PlaceLink],
    *,
    label: str,
    selected: str | None = None,
    swap: bool = False,
) -> Figure:
    """The standing runner as ``view`` shows it, with a disc linking to each spot drawn there
    (``links`` by the place they are drawn at). ``selected`` marks one spot with
    ``aria-current``; ``swap`` adds ``hx-get`` to every link."""
    dwg = _new_drawing("pain-figure__runner", label, view.name)
    box = view_box(view, figure, pose)
    dwg.add(_ground(dwg, box, pose.body.ground_y))
    dwg.add(_body(dwg, view, figure, pose))
    by_anchor = {link.anchor: link for link in links}
    dwg.add(_places(dwg, discs(view, figure, pose, runner_scale(box)), by_anchor, selected, swap, set()))
    dwg["viewBox"] = " ".join(f"{round(v, 1):g}" for v in box)
    return Figure(dwg)


def draw_foot_inset(
    views: Sequence[PlaceView],
    figure: FigureData,
    pose: Pose,
    links: Mapping[str, Sequence[PlaceLink]],
    *,
    label: str,
    selected: str | None = None,
    swap: bool = False,
) -> Figure:
    """The magnified foot: ``views`` side by side, each a group named by its label, with a
    caption under it; ``links`` by view name."""
    dwg = _new_drawing("pain-figure__inset", label, "foot")
    corners, (width, height) = inset_boxes(views, figure, pose)
    scale = inset_scale(views, figure, pose)
    named: set[str] = set()  # across panels: the Achilles seen from the side and from behind is one tab stop
    for view, (x, y) in zip(views, corners, strict=True):
        box = view_box(view, figure, pose)
        panel = dwg.svg(insert=(round(x, 1), round(y, 1)), size=(round(box[2], 1), round(box[3], 1)))
        panel.viewbox(*(round(v, 1) for v in box))
        panel["class"] = "pain-figure__panel"
        panel["role"] = "group"
        panel["aria-label"] = view.label.capitalize()
        if view.runner is not None:
            panel.add(_ground(dwg, box, pose.body.ground_y))
        panel.add(_body(dwg, view, figure, pose))
        by_anchor = {link.anchor: link for link in links.get(view.name, ())}
        panel.add(_places(dwg, discs(view, figure, pose, scale), by_anchor, selected, swap, named))
        dwg.add(panel)
        caption = dwg.text(
            view.caption or view.label,
            insert=(round(x + box[2] / 2, 1), round(y + box[3] + CAPTION_HEIGHT - 4, 1)),
            text_anchor="middle",
            class_="pain-figure__caption",
        )
        caption["aria-hidden"] = "true"
        dwg.add(caption)
    dwg["viewBox"] = f"0 0 {round(width, 1):g} {round(height, 1):g}"
    return Figure(dwg)
