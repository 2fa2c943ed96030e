"""The front view: the same links, classes and keyboard model as the side view, posed from the
same joint angles, with the inner thigh, the side of the hip and the belly large."""

from __future__ import annotations

import gzip
import math
import xml.etree.ElementTree as ET

import pytest

from webapp.figure.front import FOOT, FRONT_HITS, FRONT_SHAPES, HEAD, TORSO, draw_front, front_frames
from webapp.figure.shapes import polygon_area

SVG = "{http://www.w3.org/2000/svg}"
BIG_FROM_THE_FRONT = ("adductors", "glute-medius", "core", "quadriceps")


def regions(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(f".//{SVG}a")


def test_each_muscle_seen_from_the_front_is_one_named_tab_stop(poses, links):
    svg = draw_front(poses[None], links)
    named = [a for a in regions(svg) if a.get("aria-hidden") != "true"]
    assert sorted(a.get("data-muscle") for a in named) == sorted(FRONT_SHAPES)
    for link in named:
        assert link.get("href") == f"/muscles/{link.get('data-muscle')}"
        assert link.get("aria-label") and link.get("tabindex") is None
        assert "region" in link.get("class").split() and f"region--{link.get('data-muscle')}" in link.get(
            "class"
        )
    for copy in (a for a in regions(svg) if a.get("aria-hidden") == "true"):
        assert copy.get("tabindex") == "-1" and copy.get("href") == f"/muscles/{copy.get('data-muscle')}"


def test_muscles_on_the_back_of_the_body_are_left_out(poses, links):
    drawn = {a.get("data-muscle") for a in regions(draw_front(poses[None], links))}
    assert drawn.isdisjoint({"hamstrings", "glutes"})
    assert drawn >= set(BIG_FROM_THE_FRONT) | {"heart", "hip-flexors", "calves", "tibialis-anterior"}


def drawn_area(shapes) -> float:
    """Square units drawn, counting a leg shape once per leg that shows it."""
    return sum(polygon_area(s.points) * max(1, len(s.legs)) for s in shapes)


def test_the_muscles_the_side_view_hides_are_large_from_the_front():
    for slug in BIG_FROM_THE_FRONT:
        assert drawn_area(FRONT_SHAPES[slug]) >= 450, slug
        assert drawn_area(FRONT_HITS[slug]) >= 1200, slug


def test_highlighting_stride_levels_and_swap_work_as_in_the_side_view(poses, links):
    svg = draw_front(
        poses["toe-off"],
        links,
        selected="adductors",
        intensities={"core": "strong"},
        far_intensities={"quadriceps": "light"},
        swap=True,
    )
    current = {a.get("data-muscle") for a in regions(svg) if a.get("aria-current") == "page"}
    assert current == {"adductors"}
    core = [a for a in regions(svg) if a.get("data-muscle") == "core" and "region--hit" not in a.get("class")]
    assert all("region--strong" in a.get("class") for a in core)
    far_quads = [
        a for a in regions(svg) if a.get("data-muscle") == "quadriceps" and a.get("data-leg") == "far"
    ]
    assert far_quads and all("region--light" in a.get("class") for a in far_quads)
    assert all(a.get("hx-get") == a.get("href") for a in regions(svg))
    assert "hx-get" not in draw_front(poses[None], links)


def test_every_front_muscle_has_a_tap_area_and_a_hover_name(poses, links):
    svg = draw_front(poses[None], links)
    hits = {a.get("data-muscle") for a in regions(svg) if "region--hit" in a.get("class")}
    assert hits == set(FRONT_SHAPES)
    names = {
        g.get("class").split("name--")[1]: g.find(f"{SVG}text").text
        for g in ET.fromstring(svg).iter(f"{SVG}g")
        if "region__name" in (g.get("class") or "")
    }
    assert names == {a.get("data-muscle"): a.get("aria-label") for a in regions(svg) if a.get("aria-label")}


def test_the_front_view_is_posed_from_the_same_joint_angles(poses):
    # A thigh swung far forward or back is seen end-on, so it looks shorter than one that hangs down.
    for pose in poses.values():
        frames = front_frames(pose)
        for leg in ("near", "far"):
            swing = abs(pose.angles.near_leg.thigh if leg == "near" else pose.angles.far_leg.thigh)
            stretch = frames[f"{leg}_thigh"].stretch
            assert stretch == pytest.approx(max(0.18, math.cos(math.radians(swing))), abs=0.03)
        # Heights match the side view: the knee is where the side pose puts it.
        knee = frames["near_shank"].origin[1]
        assert knee == pytest.approx(pose.segments["near_shank"].origin[1])
    tops = {round(front_frames(p)["near_shank"].origin[1]) for p in poses.values()}
    assert len(tops) > 3, "the front view moves with the stride"


def test_the_front_view_names_the_runners_left_and_right_legs(poses, links):
    root = ET.fromstring(draw_front(poses[None], links))
    tags = {t.text: float(t.get("x")) for t in root.iter(f"{SVG}text") if "leg-tag" in t.get("class", "")}
    # Facing us, the runner's left leg is on our right.
    assert tags["left leg"] > tags["right leg"]


def test_the_front_view_is_small_and_has_no_inline_styles(poses, links):
    svg = draw_front(poses[None], links, labels=True)
    assert "style=" not in svg and "xlink:href" not in svg
    assert len(gzip.compress(draw_front(poses[None], links).encode())) < 10_000


def test_every_pose_fits_the_front_view_box(poses, links):
    for phase, pose in poses.items():
        x, y, width, height = map(float, ET.fromstring(draw_front(pose, links)).get("viewBox").split())
        frames = front_frames(pose)
        points = [frames["head"].point(*p) for p in HEAD] + [frames["trunk"].point(*p) for p in TORSO]
        for leg in ("near", "far"):
            points += [frames[f"{leg}_foot"].point(*p) for p in FOOT]
            points += [frames[f"{leg}_fist"].origin, frames[f"{leg}_upper_arm"].origin]
        for px, py in points:
            assert x <= px <= x + width and y <= py <= y + height, phase
