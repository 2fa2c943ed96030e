"""The views of the runner as data: ``data/views/<name>.yaml`` says how a view projects the pose,
which outlines make the body and in what order they are painted, and where every muscle it
shows is drawn. ``data/views/order.yaml`` lists the views; ``data/views/poses.yaml`` holds the
still poses (standing) that every view can draw besides the running stride.

A file that names an unknown muscle, body part or outline is refused at start-up with a
:class:`~webapp.content.records.ContentError` naming the file and the field.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from webapp.content.loader import parse
from webapp.content.model import Record
from webapp.content.records import ContentError
from webapp.figure.geometry import Frame, Point, Profile
from webapp.figure.labels import leg_tags_width
from webapp.figure.projection import LIMBS, PROJECTIONS, TRUNK_PARTS, frames_for, segment_names
from webapp.gait.kinematics import ArmAngles, Body, BodyAngles, LegAngles, Pose, solve_pose

Leg = Literal["near", "far"]
Looks = Literal["near", "far", "arm", "block"]
Length = Literal["thigh", "shank", "upper_arm", "forearm"]
Pair = tuple[float, float]
Outline = Annotated[list[Pair], Field(min_length=3)]


class OutlineData(Record):
    """A body part's outline: a limb profile (``along`` one of the body's segment lengths, with
    ``widths`` rows of fraction along, front or outer half-width, back or inner half-width) or
    plain ``points`` in its frame."""

    along: Length | None = None
    widths: Annotated[list[tuple[float, float, float]], Field(min_length=2)] | None = None
    points: Outline | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> OutlineData:
        if (self.points is None) == (self.widths is None) or (self.widths is None) != (self.along is None):
            raise ValueError("give either 'along' and 'widths' (a limb) or 'points'")
        return self


class PartData(Record):
    """One piece of the body in a layer: an outline, or a disc (a joint) of radius ``disc``,
    placed ``on`` a body part's frame."""

    on: str
    outline: str | None = None
    disc: Annotated[float, Field(gt=0)] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> PartData:
        if (self.outline is None) == (self.disc is None):
            raise ValueError("give either 'outline' or 'disc'")
        return self


class DetailData(Record):
    """A drawn detail that is not a tap target: a ``line`` along an outline (an ear) or a
    ``dot`` of that radius ``at`` a point (an eye)."""

    on: str
    line: str | None = None
    dot: Annotated[float, Field(gt=0)] | None = None
    at: Pair | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> DetailData:
        if (self.line is None) == (self.dot is None) or (self.dot is None) != (self.at is None):
            raise ValueError("give either 'line', or 'dot' and 'at'")
        return self


class LayerData(Record):
    """One layer of the painting, bottom first: either body parts (``body`` says how they look:
    near, far, arm; ``block`` stops taps reaching what lies behind) or the muscles of one leg or
    of the trunk."""

    body: list[Looks] | None = None
    parts: tuple[PartData, ...] = ()
    details: tuple[DetailData, ...] = ()
    muscles: Literal["near", "far", "trunk"] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> LayerData:
        if (self.body is None) == (self.muscles is None) or (self.muscles and (self.parts or self.details)):
            raise ValueError("give either 'body' with 'parts', or 'muscles'")
        return self


class ShapeData(Record):
    """One drawn piece of a muscle, ``on`` a body part (thigh, shank, foot ... on the ``legs``
    listed; trunk or head on none). On a limb with a profile it is written as ``uv`` points
    (u from -1 back edge to +1 front edge, t the fraction along); elsewhere as ``points``.
    ``fibres`` are lines that show which way it pulls; ``mirrored`` draws it on both sides of
    the midline."""

    on: str
    legs: tuple[Leg, ...] = ()
    uv: Outline | None = None
    points: Outline | None = None
    fibres: tuple[Annotated[tuple[Pair, ...], Field(min_length=2)], ...] = ()
    mirrored: bool = False

    @model_validator(mode="after")
    def _one_kind(self) -> ShapeData:
        if (self.uv is None) == (self.points is None):
            raise ValueError("give either 'uv' or 'points'")
        return self


class ViewData(Record):
    """A whole view file."""

    label: Annotated[str, Field(min_length=1)]  # "seen from the front": for screen readers
    projection: Literal[PROJECTIONS]  # type: ignore[valid-type]
    mirror: bool = False
    leg_names: dict[Leg, str]
    box: tuple[float, float, float, float]  # left (from the hips), top, width, height
    outlines: dict[str, OutlineData]
    layers: Annotated[list[LayerData], Field(min_length=1)]
    shapes: dict[str, list[ShapeData]]

    @field_validator("box")
    @classmethod
    def _room_for_the_leg_tags(
        cls, box: tuple[float, float, float, float], info: ValidationInfo
    ) -> tuple[float, float, float, float]:
        names = info.data.get("leg_names", {}).values()
        if box[2] < leg_tags_width(names):
            raise ValueError(
                f"{box[2]:g} units is too narrow for the tags under the feet ({', '.join(names)}), which need "
                f"{leg_tags_width(names):.0f} side by side at projector size: widen the box or shorten leg_names"
            )
        return box


class ViewOrder(Record):
    """``order.yaml``: the views in the order the page offers them, the default first."""

    views: Annotated[list[Annotated[str, Field(pattern=r"^[a-z]+(-[a-z]+)*$")]], Field(min_length=1)]


class LegData(Record):
    """A still leg: segment angles from vertical (degrees, + forward)."""

    thigh: float
    shank: float
    ankle_dorsiflexion: float = 0.0


class ArmData(Record):
    """A still arm: shoulder and elbow flexion (degrees)."""

    shoulder_flexion: float
    elbow_flexion: float


class StillPose(Record):
    """A pose held still (standing), drawn by every view besides the running stride."""

    name: Annotated[str, Field(min_length=1)]
    trunk_lean: float = 0.0
    near_leg: LegData
    far_leg: LegData
    near_arm: ArmData
    far_arm: ArmData


class PoseList(Record):
    """``poses.yaml``."""

    poses: dict[Annotated[str, Field(pattern=r"^[a-z]+(-[a-z]+)*$")], StillPose]


@dataclass(frozen=True)
class MuscleShape:
    """One drawn piece of a muscle in its body part's frame (``segment`` "thigh", "trunk", ...;
    legs prefix near_/far_ when placed)."""

    segment: str
    points: tuple[Point, ...]
    legs: tuple[str, ...] = ()
    fibres: tuple[tuple[Point, ...], ...] = ()


@dataclass(frozen=True)
class BodyPart:
    """An outline (``points``) or a disc (``radius``) in the frame named ``on``."""

    on: str
    points: tuple[Point, ...] = ()
    radius: float = 0.0


@dataclass(frozen=True)
class Detail:
    """A skin line (``points``) or a dot (``radius`` at ``at``) in the frame named ``on``."""

    on: str
    points: tuple[Point, ...] = ()
    radius: float = 0.0
    at: Point = (0.0, 0.0)


@dataclass(frozen=True)
class Layer:
    """Body parts painted together (``looks`` set, e.g. ("far", "arm")), or the muscle copies
    of ``muscles`` ("near", "far" or "trunk")."""

    looks: tuple[str, ...] = ()
    parts: tuple[BodyPart, ...] = ()
    details: tuple[Detail, ...] = ()
    muscles: str | None = None

    @property
    def blocks_taps(self) -> bool:
        """Whether this body layer stops taps from reaching what is painted beneath it."""
        return "block" in self.looks


@dataclass(frozen=True)
class View:
    """One way of looking at the runner, ready to draw."""

    name: str
    label: str
    projection: str
    mirror: bool
    leg_names: dict[str, str]
    box: tuple[float, float, float, float]
    layers: tuple[Layer, ...]
    shapes: dict[str, tuple[MuscleShape, ...]]

    def frames(self, pose: Pose) -> dict[str, Frame]:
        """Where every body part of ``pose`` lands on the page in this view."""
        return frames_for(self.projection, pose, self.mirror)

    @property
    def title(self) -> str:
        """The view's name for a button or a sentence: "Back view", "Right side view"."""
        return f"{self.name.replace('-', ' ').capitalize()} view"

    @property
    def whose_left(self) -> str:
        """Whose left is whose, in words: from the side, which leg is nearer the reader; facing
        the reader, the runner's left is on their right; from behind, on their left."""
        if self.projection == "side":
            return f"the runner's {self.leg_names['near']} is nearer you"
        # The near leg is drawn on the reader's right facing them, on their left mirrored.
        side = self.leg_names["near"].split()[0]
        return f"the runner's {side} is on your {'left' if self.mirror else 'right'}"

    def shows(self, slug: str) -> bool:
        """Whether this view draws the muscle."""
        return slug in self.shapes

    def outline_points(self, pose: Pose) -> list[Point]:
        """Every point of the body's outlines on the page (for fitting labels and the box)."""
        frames = self.frames(pose)
        points: list[Point] = []
        for layer in self.layers:
            for part in layer.parts:
                frame = frames[part.on]
                if part.points:
                    points += frame.points(part.points)
                else:
                    x, y = frame.point(0, 0)
                    points += [(x - part.radius, y - part.radius), (x + part.radius, y + part.radius)]
        return points


@dataclass(frozen=True)
class FigureData:
    """Every view, in the order the page offers them, and the still poses by name."""

    views: dict[str, View]
    still_poses: dict[str, Pose]
    still_names: dict[str, str]

    @property
    def default(self) -> View:
        """The view a page shows when its address names none."""
        return next(iter(self.views.values()))


def _build_view(name: str, file: Path, data: ViewData, muscles: Collection[str]) -> View:
    """Check a parsed view file against the muscles and body parts it names, and build it."""
    body = Body()
    frames = set(segment_names())
    outlines: dict[str, tuple[Point, ...]] = {}
    profiles: dict[str, Profile] = {}
    for key, drawn in data.outlines.items():
        if drawn.widths is not None:
            profiles[key] = Profile(getattr(body, str(drawn.along)), tuple(drawn.widths))
            outlines[key] = profiles[key].outline()
        else:
            outlines[key] = tuple(drawn.points or ())

    def frame(on: str, field: str) -> str:
        if on not in frames:
            raise ContentError(
                file, field, f"'{on}' is not a body part (use one of {', '.join(sorted(frames))})"
            )
        return on

    def outline(key: str, field: str) -> tuple[Point, ...]:
        if key not in outlines:
            raise ContentError(file, field, f"'{key}' is not an outline in this file's 'outlines'")
        return outlines[key]

    layers = []
    for i, layer in enumerate(data.layers):
        where = f"layers[{i}]"
        parts = tuple(
            BodyPart(frame(p.on, f"{where}.parts[{j}].on"), outline(p.outline, f"{where}.parts[{j}].outline"))
            if p.outline
            else BodyPart(frame(p.on, f"{where}.parts[{j}].on"), radius=float(p.disc or 0))
            for j, p in enumerate(layer.parts)
        )
        details = tuple(
            Detail(frame(d.on, f"{where}.details[{j}].on"), outline(d.line, f"{where}.details[{j}].line"))
            if d.line
            else Detail(frame(d.on, f"{where}.details[{j}].on"), radius=float(d.dot or 0), at=d.at or (0, 0))
            for j, d in enumerate(layer.details)
        )
        layers.append(Layer(tuple(layer.body or ()), parts, details, layer.muscles))

    shapes: dict[str, tuple[MuscleShape, ...]] = {}
    for slug, pieces in data.shapes.items():
        if slug not in muscles:
            raise ContentError(
                file, f"shapes.{slug}", f"'{slug}' is not a muscle (no data/muscles/{slug}.yaml)"
            )
        shapes[slug] = tuple(
            shape
            for j, piece in enumerate(pieces)
            for shape in _muscle_shapes(piece, f"shapes.{slug}[{j}]", file, profiles)
        )
    return View(
        name,
        data.label,
        data.projection,
        data.mirror,
        {str(k): v for k, v in data.leg_names.items()},
        data.box,
        tuple(layers),
        shapes,
    )


def _muscle_shapes(
    piece: ShapeData, field: str, file: Path, profiles: dict[str, Profile]
) -> tuple[MuscleShape, ...]:
    """One piece of a muscle in its frame's coordinates (and its mirror image, if asked)."""
    if piece.on in LIMBS:
        if not piece.legs:
            raise ContentError(
                file, f"{field}.legs", f"a shape on the {piece.on} must say which legs show it"
            )
    elif piece.on in TRUNK_PARTS:
        if piece.legs:
            raise ContentError(file, f"{field}.legs", f"a shape on the {piece.on} belongs to no leg")
    else:
        known = ", ".join((*TRUNK_PARTS, *LIMBS))
        raise ContentError(file, f"{field}.on", f"'{piece.on}' is not a body part (use one of {known})")
    if piece.uv is not None:
        profile = profiles.get(piece.on)
        if profile is None:
            raise ContentError(file, f"{field}.uv", f"the {piece.on} has no limb outline here: use 'points'")
        points = tuple(profile.at(u, t) for u, t in piece.uv)
        fibres = tuple(tuple(profile.at(u, t) for u, t in line) for line in piece.fibres)
    else:
        points = tuple(piece.points or ())
        fibres = tuple(tuple(line) for line in piece.fibres)
    shape = MuscleShape(piece.on, points, tuple(piece.legs), fibres)
    if not piece.mirrored:
        return (shape,)
    flip = MuscleShape(
        piece.on,
        tuple((-x, y) for x, y in points),
        shape.legs,
        tuple(tuple((-x, y) for x, y in line) for line in fibres),
    )
    return (shape, flip)


def _still_pose(pose: StillPose) -> Pose:
    def leg(data: LegData) -> LegAngles:
        return LegAngles(data.thigh, data.shank, data.ankle_dorsiflexion, in_stance=True)

    angles = BodyAngles(
        percent=0.0,
        trunk_lean=pose.trunk_lean,
        pelvis_height_cm=0.0,
        near_leg=leg(pose.near_leg),
        far_leg=leg(pose.far_leg),
        near_arm=ArmAngles(pose.near_arm.shoulder_flexion, pose.near_arm.elbow_flexion),
        far_arm=ArmAngles(pose.far_arm.shoulder_flexion, pose.far_arm.elbow_flexion),
    )
    return solve_pose(angles, hip_height=0.0)


def load_views(data_dir: Path, muscles: Sequence[str]) -> FigureData:
    """Read ``data_dir/views``: every view in ``order.yaml`` and the still poses; raise
    :class:`ContentError` naming file and field on the first problem."""
    folder = data_dir / "views"
    order_file = folder / "order.yaml"
    order = parse(ViewOrder, order_file, {}).views
    files = {p.stem for p in folder.glob("*.yaml")} - {"order", "poses"}
    for index, name in enumerate(order):
        if name not in files:
            raise ContentError(order_file, f"views[{index}]", f"there is no views/{name}.yaml")
        if name in order[:index]:
            raise ContentError(order_file, f"views[{index}]", f"'{name}' is listed twice")
    for name in sorted(files - set(order)):
        raise ContentError(order_file, "views", f"views/{name}.yaml is not listed")
    views = {
        name: _build_view(
            name, folder / f"{name}.yaml", parse(ViewData, folder / f"{name}.yaml", {}), muscles
        )
        for name in order
    }
    still = parse(PoseList, folder / "poses.yaml", {}).poses
    return FigureData(
        views,
        {key: _still_pose(pose) for key, pose in still.items()},
        {key: pose.name for key, pose in still.items()},
    )
