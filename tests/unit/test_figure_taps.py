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

import re
import statistics

import pytest
import shapely
from shapely.geometry import Polygon

from harness.figure_geometry import breadth_px, hit_map, painted
from tests.conftest import real_content
from webapp.figure.runner import RegionLink, draw_figure
from webapp.figure.taps import MIN_TARGET_PX, Painted, breadth, lay_out_targets, phone_scale

TOLERANCE = 0.5  # CSS px² at phone size: curves read back as polygons differ by a hair


def every_drawing():
    content = real_content()
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


def test_a_narrow_muscle_grows_to_a_fingertip_only_into_empty_space():
    # A 4-unit strip between two wide muscles that touch it, with empty space above and below.
    left, strip, right = shapely.box(0, 0, 30, 100), shapely.box(30, 0, 34, 100), shapely.box(34, 0, 64, 100)
    stack = [Painted("a", None, left, True), Painted("b", None, strip, True), Painted("c", None, right, True)]
    targets = {t.slug: t for t in lay_out_targets(stack, min_size=24)}
    assert targets["a"].growth.is_empty and targets["c"].growth.is_empty, "wide muscles do not grow"
    grown = targets["b"].growth
    assert grown.intersection(left.union(right)).area < 1e-6, "it never grows over a neighbour's drawing"
    # It grows by half of what it lacks (24 - 4 = 20) into the empty space above and below.
    _, top, _, bottom = grown.bounds
    assert top <= -10 + 0.5 and bottom >= 110 - 0.5
    assert breadth(strip) < breadth(grown.union(strip))


def test_two_narrow_muscles_side_by_side_share_the_empty_space_and_never_overlap():
    a, b = shapely.box(0, 0, 4, 40), shapely.box(4, 0, 8, 40)
    targets = lay_out_targets([Painted("a", None, a, True), Painted("b", None, b, True)], min_size=24)
    grown = {t.slug: t.growth for t in targets}
    assert not grown["a"].is_empty and not grown["b"].is_empty
    hair = 0.1  # units²: an outline straightened to keep the page small
    assert grown["a"].intersection(grown["b"]).area < hair
    assert grown["a"].intersection(b).area < hair and grown["b"].intersection(a).area < hair


def test_every_muscle_too_narrow_for_a_fingertip_on_a_phone_is_in_the_muscle_list(client):
    """WCAG 2.2, 2.5.8: where a drawn muscle's tap area is under 24 px across at 375 wide, the
    muscle list beside the figure is the equivalent control."""
    content = real_content()
    links = [RegionLink(m.slug, m.name, f"/muscles/{m.slug}") for m in content.atlas.muscles]
    listed = set(
        re.findall(
            r'<a[^>]*data-muscle="([a-z-]+)"',
            client.get("/").get_data(as_text=True).split('class="muscle-list')[1],
        )
    )
    for view in content.figure.views.values():
        figure = draw_figure(view, content.pose(None), links)
        _, opens = hit_map(painted(str(figure)))
        narrow = {
            slug
            for slug, area in opens.items()
            if breadth_px(area, phone_scale(figure.view_box)) < MIN_TARGET_PX
        }
        assert narrow <= listed, view.name
