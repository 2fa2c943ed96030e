"""The speed chart: stride length, steps a minute and foot-contact time against running
speed, one small panel each, drawn from the measured speeds.

What lies beyond the fastest measured speed comes from research on other runners, not from
our runner: it sits on a hatched background, marked with dashed lines and labelled in words,
so it reads apart from our data without colour. No line or point is drawn beyond the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shapely
import svgwrite
from shapely.geometry.base import BaseGeometry
from svgwrite.container import Group

WIDTH = 440
LEFT = 14
RIGHT = 14
TOP = 40
PANEL = 96
GAP = 46  # room above each panel for its name
AXIS = 52
FINDING_LINE = 11  # characters: a finding's label fits between its line and the next
SPEED_RANGE = (1.0, 9.0)  # m/s shown: room for the first labels, our data, then research up to sprinting

# Text sizes as the stylesheet sets them (px), and generous glyph widths as a fraction of the
# size (DejaVu Sans, among the widest fonts a page may fall back to), so labels can be placed
# clear of the lines without a browser to measure them.
VALUE_SIZE = 13.0  # .speed-chart__value, bold digits
NOTE_SIZE = 12.5  # .speed-chart__note
DIGIT_WIDTH = 0.7
NOTE_WIDTH = 0.53
POINT_RADIUS = 5
CLEAR = 2.5  # px between a label and any line, point or other label
NOTE_INSET = 4  # between a research line and the words beside it


@dataclass(frozen=True)
class Metric:
    """One panel: a name, a unit, how to print a value, and its value at each speed."""

    key: str
    name: str
    unit: str
    digits: int
    values: tuple[float, ...]


@dataclass(frozen=True)
class Finding:
    """A research finding beyond our data, drawn as a dashed line at ``speed``."""

    speed: float
    label: str


def x_of(speed: float) -> float:
    """The page x of a running speed."""
    low, high = SPEED_RANGE
    return LEFT + (speed - low) / (high - low) * (WIDTH - LEFT - RIGHT)


def y_of(value: float, values: Sequence[float], top: float) -> float:
    """The page y of a value in a panel whose data span ``values`` (with a margin)."""
    low, high = min(values), max(values)
    margin = (high - low) * 0.25 or 1
    low, high = low - margin, high + margin
    return top + PANEL - (value - low) / (high - low) * PANEL


# Where a value's label may sit around its point, in order of preference: (dx, dy, anchor)
# from the point to the label's anchor, the label's box hanging from that anchor.
_PLACES = (
    ("middle", 0, -1),  # above
    ("end", -1, -1),  # above left
    ("start", 1, -1),  # above right
    ("end", -1, 0),  # left
    ("start", 1, 0),  # right
    ("middle", 0, 1),  # below
    ("end", -1, 1),  # below left
    ("start", 1, 1),  # below right
)


def _label_box(x: float, y: float, width: float, height: float, place: tuple[str, int, int]) -> BaseGeometry:
    """The box of a label of ``width`` by ``height`` put at ``place`` round the point (x, y)."""
    anchor, across, down = place
    reach = POINT_RADIUS + CLEAR
    left = {"middle": x - width / 2, "end": x - reach - width, "start": x + reach}[anchor]
    if across == 0:
        top = y - reach - height if down < 0 else y + reach
    else:
        top = {-1: y - reach / 2 - height, 0: y - height / 2, 1: y + reach / 2}[down]
    return shapely.box(left, top, left + width, top + height)


def _place_value(
    x: float, y: float, text: str, inside: BaseGeometry, obstacles: list[BaseGeometry]
) -> tuple[BaseGeometry, str]:
    """The first place round a point where its label stays inside the panel and clear of
    every obstacle (lines, points, labels already placed); the box and its text anchor."""
    width, height = len(text) * VALUE_SIZE * DIGIT_WIDTH, VALUE_SIZE
    boxes = [(_label_box(x, y, width, height, place), place[0]) for place in _PLACES]
    for box, anchor in boxes:
        if box.buffer(CLEAR).within(inside) and all(box.distance(o) >= CLEAR for o in obstacles):
            return box, anchor
    # No clear place (a crowded panel): the least crowded one; the geometry test reports it.
    return min(boxes, key=lambda item: sum(item[0].intersection(o.buffer(CLEAR)).area for o in obstacles))


def _panel(
    dwg: svgwrite.Drawing, metric: Metric, speeds: Sequence[float], top: float, lines: list[BaseGeometry]
) -> Group:
    group = dwg.g(class_=f"speed-chart__panel speed-chart__panel--{metric.key}")
    group.add(dwg.rect((LEFT, top), (WIDTH - LEFT - RIGHT, PANEL), class_="speed-chart__frame"))
    title = dwg.text(metric.name, insert=(LEFT, top - 8), class_="speed-chart__name")
    title.add(dwg.tspan(f", {metric.unit}", class_="speed-chart__unit"))
    group.add(title)
    points = [
        (round(x_of(s), 1), round(y_of(v, metric.values, top), 1))
        for s, v in zip(speeds, metric.values, strict=True)
    ]
    group.add(dwg.polyline(points, class_="speed-chart__line"))
    inside = shapely.box(LEFT, top, WIDTH - RIGHT, top + PANEL)
    obstacles = [*lines, shapely.LineString(points), *(shapely.Point(p).buffer(POINT_RADIUS) for p in points)]
    for speed, value, (x, y) in zip(speeds, metric.values, points, strict=True):
        point = dwg.circle(center=(x, y), r=POINT_RADIUS, class_="speed-chart__point")
        point.attribs.update(
            {"data-metric": metric.key, "data-speed": f"{speed:g}", "data-value": repr(value)}
        )
        group.add(point)
    for value, (x, y) in zip(metric.values, points, strict=True):
        text = f"{value:.{metric.digits}f}"
        box, anchor = _place_value(x, y, text, inside, obstacles)
        obstacles.append(box)
        left, _, right, bottom = box.bounds
        at_x = {"start": left, "middle": (left + right) / 2, "end": right}[anchor]
        baseline = bottom - VALUE_SIZE * 0.24  # the box hangs 0.76 of the size above the baseline
        group.add(
            dwg.text(
                text,
                insert=(round(at_x, 1), round(baseline, 1)),
                text_anchor=anchor,
                class_="speed-chart__value",
            )
        )
    return group


def _wrapped(text: str, width: int) -> list[str]:
    """Words joined into lines of at most ``width`` characters (a long word stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def draw_speed_chart(
    speeds: Sequence[float], metrics: Sequence[Metric], findings: Sequence[Finding], label: str
) -> str:
    """The chart as SVG markup: one panel per metric over ``speeds`` (m/s, slowest first),
    and each research finding beyond the fastest speed, drawn apart from the data."""
    bottom = TOP + len(metrics) * (PANEL + GAP) - GAP
    height = bottom + AXIS
    dwg = svgwrite.Drawing(size=None, debug=False)
    dwg.attribs.update({"class": "speed-chart__svg", "role": "img", "aria-label": label})
    beyond = x_of(max(speeds))
    marks = [round(x_of(finding.speed), 1) for finding in findings]
    # Beyond our data: a hatched band behind each panel, so nothing there reads as measured.
    band = dwg.g(class_="speed-chart__research")
    for index in range(len(metrics)):
        top = TOP + index * (PANEL + GAP)
        band.add(dwg.rect((beyond, top), (WIDTH - RIGHT - beyond, PANEL), class_="speed-chart__beyond"))
    dwg.add(band)
    research_lines = [shapely.LineString([(x, TOP), (x, bottom)]) for x in marks]
    for index, metric in enumerate(metrics):
        dwg.add(_panel(dwg, metric, speeds, TOP + index * (PANEL + GAP), research_lines))
    research = dwg.g(class_="speed-chart__research")
    # The note sits in the last panel (the contact times fall away to the right, leaving room
    # above), between the end of our data and the next research line, wrapped to fit there.
    last_top = bottom - PANEL
    start = max([beyond, *(x for x in marks if x <= beyond + NOTE_INSET)]) + NOTE_INSET
    stop = min([WIDTH - RIGHT, *(x for x in marks if x > start)]) - NOTE_INSET
    chars = int((stop - start) / (NOTE_SIZE * NOTE_WIDTH))
    for line, text in enumerate(_wrapped("Research on other runners, not ours", chars)):
        research.add(dwg.text(text, insert=(start, last_top + 18 + line * 15), class_="speed-chart__note"))
    for finding, x in zip(findings, marks, strict=True):
        research.add(dwg.line((x, TOP), (x, bottom), class_="speed-chart__finding"))
        lines = [f"≈{finding.speed:g} m/s:", *_wrapped(finding.label.lower(), FINDING_LINE)]
        for line, text in enumerate(lines):
            research.add(
                dwg.text(
                    text, insert=(x + NOTE_INSET, TOP + PANEL / 2 + line * 15), class_="speed-chart__note"
                )
            )
    dwg.add(research)
    axis = dwg.g(class_="speed-chart__axis")
    for tick in range(2, 10):
        x = round(x_of(tick), 1)
        axis.add(dwg.line((x, bottom), (x, bottom + 5)))
        axis.add(dwg.text(str(tick), insert=(x, bottom + 18), text_anchor="middle"))
    axis.add(
        dwg.text(
            "Running speed, metres per second",
            insert=((LEFT + WIDTH - RIGHT) / 2, bottom + 38),
            text_anchor="middle",
        )
    )
    axis.add(
        dwg.text(
            f"Our runner, measured: {min(speeds):g} to {max(speeds):g} m/s",
            insert=(x_of(min(speeds)) - 6, 14),
            class_="speed-chart__note",
        )
    )
    dwg.add(axis)
    dwg["viewBox"] = f"0 0 {WIDTH} {height}"
    return dwg.tostring()
