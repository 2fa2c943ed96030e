"""The side view: one real link per muscle region, with the right address and name, tap areas
beneath the muscles, names on hover, which leg is which, and a small page weight."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET

from webapp import PROJECT_ROOT
from webapp.figure.front import FRONT_SHAPES
from webapp.figure.runner import draw_runner, side_outline
from webapp.figure.shapes import HIT_SHAPES, MUSCLE_SHAPES, TRUNK_OUTLINE, polygon_area

SVG = "{http://www.w3.org/2000/svg}"


def regions(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(f".//{SVG}a")


def named(svg: str) -> list[ET.Element]:
    """The links a keyboard or screen-reader user meets: one per muscle."""
    return [a for a in regions(svg) if a.get("aria-hidden") != "true"]


def test_every_drawn_muscle_has_one_named_link_that_tab_reaches(drawing):
    links = named(drawing.figure(None))
    drawn = [m for m in drawing.atlas.muscles if m.slug in MUSCLE_SHAPES]
    assert sorted(a.get("data-muscle") for a in links) == sorted(m.slug for m in drawn)
    for muscle in drawn:
        link = next(a for a in links if a.get("data-muscle") == muscle.slug)
        assert link.get("href") == f"/muscles/{muscle.slug}"
        assert link.get("aria-label") == muscle.name
        assert link.find(f"{SVG}title").text == muscle.name
        assert link.get("tabindex") is None


def test_links_ask_htmx_to_swap_only_when_told(poses, links):
    plain = draw_runner(poses[None], links)
    swapping = draw_runner(poses[None], links, swap=True, labels=True)
    assert "hx-get" not in plain
    every = regions(swapping)
    assert every and all(a.get("hx-get") == a.get("href") for a in every)


def test_every_other_copy_of_a_muscle_is_the_same_link_hidden_from_the_tab_order(drawing):
    copies = [a for a in regions(drawing.figure(None)) if a.get("aria-hidden") == "true"]
    assert {a.get("data-muscle") for a in copies} >= {"quadriceps", "hamstrings", "calves", "big-toe"}
    for copy in copies:
        assert copy.get("tabindex") == "-1"
        assert copy.get("href") == f"/muscles/{copy.get('data-muscle')}"


def test_every_muscle_has_an_invisible_tap_area_in_every_pose(poses, links):
    for phase, pose in poses.items():
        svg = draw_runner(pose, links)
        areas = {a.get("data-muscle") for a in regions(svg) if "region--hit" in a.get("class")}
        assert areas == set(MUSCLE_SHAPES), phase
        for area in (a for a in regions(svg) if "region--hit" in a.get("class")):
            assert area.get("aria-hidden") == "true" and area.get("tabindex") == "-1"
            assert all(p.get("class") == "hit" for p in area.iter(f"{SVG}path"))


def test_tap_areas_are_larger_than_the_muscles_they_answer_for():
    for slug, shapes in MUSCLE_SHAPES.items():
        total = 0.0
        for leg in ("near", "far", None):
            drawn = [s for s in shapes if (leg in s.legs if leg else not s.legs)]
            cells = [s for s in HIT_SHAPES[slug] if (leg in s.legs if leg else not s.legs)]
            area = sum(polygon_area(c.points) for c in cells)
            if drawn:
                assert area > max(polygon_area(s.points) for s in drawn), (slug, leg)
            total += area
        assert total >= 800, slug


def _inside(point, polygon) -> bool:
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def test_trunk_tap_areas_stay_inside_the_trunk_so_they_never_reach_over_the_far_leg():
    # The outline is drawn as a smooth curve through these points; allow for its bulge.
    grown = [(x * 1.04, y * 1.02) for x, y in TRUNK_OUTLINE]
    for slug, cells in HIT_SHAPES.items():
        for cell in (c for c in cells if c.segment == "trunk"):
            assert all(_inside(p, grown) for p in cell.points), slug


def test_the_near_body_blocks_taps_and_muscles_sit_above_the_tap_areas(drawing):
    svg = drawing.figure(None)
    order = [el.get("class", "") for el in ET.fromstring(svg)]
    block = next(i for i, css in enumerate(order) if "limb--block" in css)
    near_hits = [i for i, css in enumerate(order) if "region--hit" in css and i > block]
    near_muscles = [
        i for i, css in enumerate(order) if "region--hit" not in css and "region" in css and i > block
    ]
    assert near_hits and near_muscles and max(near_hits) < min(near_muscles)
    assert "limb--arm" in order[max(near_muscles) + 1], "the near arm is drawn over the body"


def hover_names(svg: str) -> dict[str, str]:
    """Muscle slug -> the name its hover tag shows."""
    return {
        g.get("class").split("name--")[1]: g.find(f"{SVG}text").text
        for g in ET.fromstring(svg).iter(f"{SVG}g")
        if "region__name" in (g.get("class") or "")
    }


def test_hovering_or_focusing_a_muscle_shows_its_name_above_everything(drawing, poses, links):
    svg = drawing.figure(None)
    assert hover_names(svg) == {m.slug: m.name for m in drawing.atlas.muscles if m.slug in MUSCLE_SHAPES}
    layers = [el.get("class", "") for el in ET.fromstring(svg)]
    assert layers.index("figure-names") > max(i for i, css in enumerate(layers) if "limb" in css)
    # The stylesheet shows a tag when any copy of its muscle is hovered or focused.
    css = (PROJECT_ROOT / "static" / "app.css").read_text()
    for slug in {*MUSCLE_SHAPES, *FRONT_SHAPES}:
        assert f".runner:has(.region--{slug}:is(:hover, :focus-visible)) .name--{slug}" in css
    labelled = draw_runner(poses[None], links, labels=True)
    assert not hover_names(labelled), "with labels shown, hover names are not needed"


def test_the_figure_says_which_leg_is_the_runners_left_and_which_the_right(poses, links):
    for pose in poses.values():
        root = ET.fromstring(draw_runner(pose, links))
        tags = {t.get("class"): t.text for t in root.iter(f"{SVG}text") if "leg-tag" in t.get("class", "")}
        # Running towards the right of the page, the runner shows us their left side.
        assert tags == {"leg-tag leg-tag--near": "left leg", "leg-tag leg-tag--far": "right leg"}
        xs = [float(t.get("x")) for t in root.iter(f"{SVG}text") if "leg-tag" in t.get("class", "")]
        assert abs(xs[0] - xs[1]) >= 76, "the two tags never overlap"
        left, _, width, _ = map(float, root.get("viewBox").split())
        assert all(left + 35 <= x <= left + width - 35 for x in xs), "the tags stay inside the figure"


def test_the_selected_muscle_and_only_it_is_marked_current(drawing):
    svg = drawing.figure("calves")
    marked = {a.get("data-muscle") for a in regions(svg) if a.get("aria-current") == "page"}
    assert marked == {"calves"}
    assert not any(a.get("aria-current") for a in regions(drawing.figure(None)))


def test_stride_intensities_mark_each_leg_with_its_own_level(poses, links):
    svg = draw_runner(
        poses["toe-off"], links, intensities={"calves": "strong"}, far_intensities={"calves": "off"}
    )
    calves = {a.get("data-leg"): a.get("class") for a in regions(svg) if a.get("data-muscle") == "calves"}
    assert "region--strong" in calves["near"] and "region--off" in calves["far"]


def test_the_interactive_figure_is_a_labelled_group_not_an_image(drawing):
    root = ET.fromstring(drawing.figure(None))
    assert root.get("role") == "group" and root.get("aria-label")
    assert 'role="img"' not in drawing.figure(None)


def test_links_use_plain_href_never_open_new_windows_and_no_inline_styles(poses, links):
    for svg in (draw_runner(poses[None], links), draw_runner(poses[None], links, labels=True)):
        assert "xlink:href" not in svg and "target=" not in svg
        assert "style=" not in svg, "a strict content security policy forbids inline styles"


def test_the_figure_is_small(drawing):
    svg = drawing.figure(None)
    assert len(gzip.compress(svg.encode())) < 13_000
    assert re.search(r'viewBox="[\d. -]+"', svg)


def test_every_pose_of_the_stride_fits_the_view_box(poses, links):
    for phase, pose in poses.items():
        root = ET.fromstring(draw_runner(pose, links))
        x, y, width, height = map(float, root.get("viewBox").split())
        for px, py in side_outline(pose):
            assert x <= px <= x + width and y <= py <= y + height, phase
