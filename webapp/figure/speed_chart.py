"""The speed chart: stride length, steps a minute and foot-contact time against running
speed, one small panel each, drawn from the measured speeds.

What lies beyond the fastest measured speed comes from research on other runners, not from
our runner: it sits on a hatched background, marked with dashed lines and labelled in words,
so it reads apart from our data without colour. No line or point is drawn beyond the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import svgwrite
from svgwrite.container import Group

WIDTH = 440
LEFT = 14
RIGHT = 14
TOP = 40
PANEL = 96
GAP = 46  # room above each panel for its name
AXIS = 52
FINDING_LINE = 11  # characters: a finding's label fits between its line and the next
SPEED_RANGE = (1.5, 9.0)  # m/s shown: our data, then research up to sprinting


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


def _panel(dwg: svgwrite.Drawing, metric: Metric, speeds: Sequence[float], top: float) -> Group:
    group = dwg.g(class_=f"speed-chart__panel speed-chart__panel--{metric.key}")
    group.add(dwg.rect((LEFT, top), (WIDTH - LEFT - RIGHT, PANEL), class_="speed-chart__frame"))
    title = dwg.text(metric.name, insert=(LEFT, top - 8), class_="speed-chart__name")
    title.add(dwg.tspan(f", {metric.unit}", class_="speed-chart__unit"))
    group.add(title)
    points = [(x_of(s), y_of(v, metric.values, top)) for s, v in zip(speeds, metric.values, strict=True)]
    group.add(dwg.polyline([(round(x, 1), round(y, 1)) for x, y in points], class_="speed-chart__line"))
    for speed, value, (x, y) in zip(speeds, metric.values, points, strict=True):
        point = dwg.circle(center=(round(x, 1), round(y, 1)), r=5, class_="speed-chart__point")
        point.attribs.update(
            {"data-metric": metric.key, "data-speed": f"{speed:g}", "data-value": repr(value)}
        )
        group.add(point)
        text = f"{value:.{metric.digits}f}"
        group.add(
            dwg.text(
                text,
                insert=(round(x, 1), round(y - 10, 1)),
                text_anchor="middle",
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
    # Beyond our data: a hatched band behind each panel, so nothing there reads as measured.
    band = dwg.g(class_="speed-chart__research")
    for index in range(len(metrics)):
        top = TOP + index * (PANEL + GAP)
        band.add(dwg.rect((beyond, top), (WIDTH - RIGHT - beyond, PANEL), class_="speed-chart__beyond"))
    dwg.add(band)
    for index, metric in enumerate(metrics):
        dwg.add(_panel(dwg, metric, speeds, TOP + index * (PANEL + GAP)))
    research = dwg.g(class_="speed-chart__research")
    last_top = bottom - PANEL  # the contact times fall away to the right, leaving room above
    for line, text in enumerate(("Research on other", "runners, not ours")):
        research.add(
            dwg.text(text, insert=(beyond + 8, last_top + 18 + line * 15), class_="speed-chart__note")
        )
    for finding in findings:
        x = round(x_of(finding.speed), 1)
        research.add(dwg.line((x, TOP), (x, bottom), class_="speed-chart__finding"))
        lines = [f"≈{finding.speed:g} m/s:", *_wrapped(finding.label.lower(), FINDING_LINE)]
        for line, text in enumerate(lines):
            research.add(
                dwg.text(text, insert=(x + 4, TOP + PANEL / 2 + line * 15), class_="speed-chart__note")
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
