"""The speed chart's words never cross its lines or each other: every text's box, measured
with the font the pages use (DejaVu Sans, at the sizes the stylesheet sets), is checked
against every line the chart draws (the data lines, the research markers, the panel frames
and the axis) and against every other text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from itertools import combinations

import pytest
import shapely
from PIL import ImageFont

from webapp import PROJECT_ROOT
from webapp.figure.raster import FONT_FILES

SVG = "{http://www.w3.org/2000/svg}"
CSS = (PROJECT_ROOT / "static" / "app.css").read_text()
BOLD = {"speed-chart__name", "speed-chart__value"}
ASCENT, DESCENT = 0.76, 0.24  # of the font size, above and below the baseline (DejaVu Sans)
CLEARANCE = 1.0  # px a text keeps from a line


def css_size(selector: str) -> float:
    """The font-size (px) the stylesheet gives ``selector``."""
    rule = re.search(rf"{re.escape(selector)}\s*\{{([^}}]*)\}}", CSS)
    size = re.search(r"font-size:\s*([\d.]+)px", rule.group(1)) if rule else None
    if size:
        return float(size.group(1))
    assert selector != ".speed-chart__svg", "the chart's own font size is not in the stylesheet"
    return css_size(".speed-chart__svg")  # inherited


@cache
def font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_FILES[1 if bold else 0], size=size)


@cache
def chart() -> ET.Element:
    from webapp import create_app
    from webapp.views.speed import speed_chart

    app = create_app(testing=True)
    with app.test_request_context("/speed"):
        return ET.fromstring(speed_chart())


def text_boxes(svg: ET.Element) -> list[tuple[str, shapely.Polygon]]:
    """(words, box) for every text in the chart, the axis labels included."""
    boxes = []
    for group in svg.iter(f"{SVG}g"):
        for text in group.findall(f"{SVG}text"):
            css = (text.get("class") or group.get("class") or "").split()
            size = css_size(f".{css[0]}") if css else css_size(".speed-chart__svg")
            # A tspan inside (the unit after a panel's name) is set in the regular weight.
            pieces = [(text.text or "", bool(BOLD & set(css)))] + [
                (t.text or "", False) for t in text.findall(f"{SVG}tspan")
            ]
            words = "".join(p for p, _ in pieces)
            width = sum(font(size, bold).getlength(p) for p, bold in pieces)
            x, y = float(text.get("x")), float(text.get("y"))
            left = {"middle": x - width / 2, "end": x - width}.get(text.get("text-anchor") or "", x)
            boxes.append((words, shapely.box(left, y - ASCENT * size, left + width, y + DESCENT * size)))
    return boxes


def lines(svg: ET.Element) -> list[tuple[str, shapely.LineString]]:
    """Every line the chart draws, named by its class."""
    drawn = []
    for element in svg.iter():
        css = element.get("class") or ""
        if element.tag == f"{SVG}polyline":
            xy = [tuple(map(float, p.split(","))) for p in element.get("points").split()]
            drawn.append((css, shapely.LineString(xy)))
        elif element.tag == f"{SVG}line":
            a = (float(element.get("x1")), float(element.get("y1")))
            b = (float(element.get("x2")), float(element.get("y2")))
            drawn.append((css or "axis tick", shapely.LineString([a, b])))
        elif element.tag == f"{SVG}rect" and "speed-chart__frame" in css:
            x, y = float(element.get("x")), float(element.get("y"))
            w, h = float(element.get("width")), float(element.get("height"))
            drawn.append((css, shapely.box(x, y, x + w, y + h).exterior))
    return drawn


def test_the_chart_has_the_texts_and_lines_this_test_reads():
    words = [w for w, _ in text_boxes(chart())]
    assert any(re.fullmatch(r"\d+(\.\d+)?", w) for w in words)  # the data values
    assert any("m/s" in w for w in words)  # the research findings
    assert {css for css, _ in lines(chart())} >= {
        "speed-chart__line",
        "speed-chart__finding",
        "speed-chart__frame",
    }


@pytest.mark.parametrize("words", [w for w, _ in text_boxes(chart())])
def test_no_text_crosses_a_line(words):
    box = dict(text_boxes(chart()))[words]
    for css, line in lines(chart()):
        assert line.distance(box) >= CLEARANCE, f"“{words}” touches a {css}"


def test_no_two_texts_overlap():
    for (a, box_a), (b, box_b) in combinations(text_boxes(chart()), 2):
        assert not box_a.intersects(box_b), f"“{a}” overlaps “{b}”"


def test_every_text_stays_inside_the_chart():
    x, y, width, height = map(float, chart().get("viewBox").split())
    for words, box in text_boxes(chart()):
        assert box.within(shapely.box(x, y, x + width, y + height)), words
