"""Labels on the figure: every muscle named once, in columns beside the body, with leader lines
that never cross or touch each other and never run through a label, in every pose and view."""

from __future__ import annotations

import itertools
import random
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import real_content
from webapp import PROJECT_ROOT
from webapp.figure.drawing import LABEL_SIZE
from webapp.figure.labels import Callout, layout_labels, text_width
from webapp.figure.runner import LABEL_SPREAD, draw_figure

SVG = "{http://www.w3.org/2000/svg}"
Segment = tuple[tuple[float, float], tuple[float, float]]


@pytest.fixture(scope="module")
def drawings(views, every_pose, links):
    """Every pose (home, the phases, standing) in every view, with labels."""
    return {
        f"{name} {pose_name}": (str(draw_figure(view, pose, links, labels=True)), view.shapes)
        for name, view in views.items()
        for pose_name, pose in every_pose.items()
    }


def _distance_point_segment(p, segment: Segment) -> float:
    (x0, y0), (x1, y1) = segment
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - x0) * dx + (p[1] - y0) * dy) / length2))
    return ((p[0] - x0 - t * dx) ** 2 + (p[1] - y0 - t * dy) ** 2) ** 0.5


def _cross(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def segment_gap(s: Segment, t: Segment) -> float:
    """The shortest distance between two segments (0 when they cross)."""
    d1, d2 = _cross(t[0], t[1], s[0]), _cross(t[0], t[1], s[1])
    d3, d4 = _cross(s[0], s[1], t[0]), _cross(s[0], s[1], t[1])
    if d1 * d2 < 0 and d3 * d4 < 0:
        return 0.0
    return min(
        _distance_point_segment(s[0], t),
        _distance_point_segment(s[1], t),
        _distance_point_segment(t[0], s),
        _distance_point_segment(t[1], s),
    )


def segment_hits_box(s: Segment, box) -> bool:
    left, top, right, bottom = box
    corners = [(left, top), (right, top), (right, bottom), (left, bottom)]
    if any(left <= x <= right and top <= y <= bottom for x, y in s):
        return True
    return any(segment_gap(s, edge) == 0 for edge in itertools.pairwise([*corners, corners[0]]))


def boxes_overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def read_labels(svg: str):
    """The leaders (lists of segments) and label boxes actually written into the SVG."""
    root = ET.fromstring(svg)
    layer = root.find(f".//{SVG}g[@class='figure-labels']")
    leaders = []
    for line in layer.iter(f"{SVG}polyline"):
        points = [tuple(map(float, p.split(","))) for p in line.get("points").split()]
        leaders.append(list(itertools.pairwise(points)))
    boxes = {}
    for text in layer.iter(f"{SVG}text"):
        lines = [(float(t.get("x")), float(t.get("y")), t.text) for t in text.iter(f"{SVG}tspan")]
        width = max(text_width(words, LABEL_SIZE) for _, _, words in lines)
        x, top, bottom = lines[0][0], lines[0][1], lines[-1][1]
        left = x if text.get("text-anchor") == "start" else x - width
        name = " ".join(words for _, _, words in lines)
        boxes[name] = (left, top - LABEL_SIZE * 0.8, left + width, bottom + LABEL_SIZE * 0.25)
    return root, leaders, boxes


def assert_clean(leaders, boxes) -> None:
    for a, b in itertools.combinations(range(len(leaders)), 2):
        gap = min(segment_gap(s, t) for s in leaders[a] for t in leaders[b])
        assert gap >= 1.0, f"leaders {a} and {b} cross or touch"
    for leader in leaders:
        for box in boxes.values():
            assert not any(segment_hits_box(s, box) for s in leader), "a leader runs through a label"
    for a, b in itertools.combinations(boxes.values(), 2):
        assert not boxes_overlap(a, b), "two labels overlap"


def test_every_muscle_is_named_once_in_every_pose_and_view(drawings, links):
    for name, (svg, shapes) in drawings.items():
        _, leaders, boxes = read_labels(svg)
        expected = sorted(link.name for link in links if link.slug in shapes)
        assert sorted(boxes) == expected, name
        assert len(leaders) == len(expected), name


def test_leader_lines_never_cross_touch_or_run_through_labels(drawings):
    for name, (svg, _) in drawings.items():
        _, leaders, boxes = read_labels(svg)
        try:
            assert_clean(leaders, boxes)
        except AssertionError as error:
            raise AssertionError(f"{name}: {error}") from None


def test_labels_fit_inside_the_figure(drawings):
    for name, (svg, _) in drawings.items():
        root, _, boxes = read_labels(svg)
        x, y, width, height = map(float, root.get("viewBox").split())
        for label, (left, top, right, bottom) in boxes.items():
            assert x <= left and right <= x + width and y <= top and bottom <= y + height, (name, label)


def test_labels_are_links_to_their_muscle_but_not_extra_tab_stops(drawings):
    svg, _ = drawings["side None"]
    for link in ET.fromstring(svg).iter(f"{SVG}a"):
        if "region--label" in link.get("class"):
            assert link.get("aria-hidden") == "true" and link.get("tabindex") == "-1"
            assert link.get("href") == f"/muscles/{link.get('data-muscle')}"


def test_the_layout_keeps_leaders_apart_for_any_muscles_anywhere():
    rng = random.Random(12)
    for _ in range(300):
        widths = rng.choice((None, (rng.uniform(40, 120), rng.uniform(40, 120))))
        count = rng.randint(2, 14 if widths is None else 8)  # as many as fit a column
        callouts = [
            Callout(
                f"m{i}",
                " ".join("x" * rng.randint(2, 10) for _ in range(rng.randint(1, 3))),
                (rng.uniform(100, 300), rng.uniform(80, 480)),
                rng.choice((-1, 1)),
            )
            for i in range(count)
        ]
        placed = layout_labels(callouts, gutters=(90, 310), bounds=(60, 500), widths=widths)
        leaders = [list(itertools.pairwise([p.anchor, p.elbow, p.end])) for p in placed]
        assert_clean(leaders, {p.key: p.box() for p in placed})


def test_a_named_figure_is_centred_on_the_body_so_a_narrow_screen_can_crop_it_to_the_body(views, links):
    """static/app.css crops a named figure to the body on phones and in the presenter (width
    LABEL_SPREAD × 100%, shifted left by half the excess); that holds only while the figure
    is that many times as wide as the body's box and centred on it."""
    css = (PROJECT_ROOT / "static" / "app.css").read_text()
    width, shift = f"width: {LABEL_SPREAD * 100:g}%", f"margin-left: -{(LABEL_SPREAD - 1) / 2 * 100:g}%"
    assert css.count(f"{width}; {shift}") >= 2, (width, shift)
    for name, view in views.items():
        pose = real_content().pose(None)
        x, _, w, _ = draw_figure(view, pose, links, labels=True).view_box
        left, _, body, _ = view.box
        middle = pose.body.hip_x + left + body / 2
        assert w == pytest.approx(LABEL_SPREAD * body, abs=1), name
        assert x + w / 2 == pytest.approx(middle, abs=0.2), name
