"""Every view of the runner (side, front, back, and any the data adds): one real link per muscle
it shows, with the right address and name; the same keyboard model, highlighting and hover
names in each; which leg is which; every pose inside the box; a small page weight."""

from __future__ import annotations

import gzip
import itertools
import math
import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import real_content
from webapp import PROJECT_ROOT
from webapp.figure.drawing import BADGE_RADIUS, spread_badges
from webapp.figure.labels import LEG_TAG_GAP, LEG_TAG_SIZE, text_width
from webapp.figure.projection import frontal_frames
from webapp.figure.runner import draw_figure
from webapp.views.presenter import PRESENTER_BADGE_RADIUS

SVG = "{http://www.w3.org/2000/svg}"
VIEWS = list(real_content().figure.views)


def regions(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(f".//{SVG}a")


def named(svg: str) -> list[ET.Element]:
    """The links a keyboard or screen-reader user meets: one per muscle."""
    return [a for a in regions(svg) if a.get("aria-hidden") != "true"]


def draw(views, view: str, pose, links, **options) -> str:
    return str(draw_figure(views[view], pose, links, **options))


@pytest.mark.parametrize("view", VIEWS)
def test_every_muscle_a_view_shows_has_one_named_link_that_tab_reaches(drawing, views, view):
    links = named(drawing.figure(None, view))
    shown = [m for m in drawing.atlas.muscles if views[view].shows(m.slug)]
    assert sorted(a.get("data-muscle") for a in links) == sorted(m.slug for m in shown)
    for muscle in shown:
        link = next(a for a in links if a.get("data-muscle") == muscle.slug)
        assert link.get("href") == f"/muscles/{muscle.slug}"
        assert link.get("aria-label") == muscle.name
        assert link.find(f"{SVG}title").text == muscle.name
        assert link.get("tabindex") is None


@pytest.mark.parametrize("view", VIEWS)
def test_every_other_copy_of_a_muscle_is_the_same_link_hidden_from_the_tab_order(drawing, view):
    copies = [a for a in regions(drawing.figure(None, view)) if a.get("aria-hidden") == "true"]
    assert copies
    for copy in copies:
        assert copy.get("tabindex") == "-1"
        assert copy.get("href") == f"/muscles/{copy.get('data-muscle')}"


def test_each_view_shows_the_muscles_it_can_see(views):
    assert views["side"].shows("hamstrings") and views["side"].shows("glutes")
    assert not views["front"].shows("hamstrings") and not views["front"].shows("glutes")
    assert {"adductors", "glute-medius", "core", "quadriceps", "hip-flexors"} <= set(views["front"].shapes)
    # From behind: the posterior chain (the calves include the Achilles tendon, the core the
    # back muscles), and nothing that only shows from the front.
    posterior = {"glutes", "glute-medius", "hamstrings", "calves", "adductors", "core"}
    assert set(views["back"].shapes) == posterior


def test_the_back_view_draws_the_calves_down_to_the_heel_and_both_glutes(views, poses):
    back, pose = views["back"], poses[None]
    frames = back.frames(pose)
    calves = [s for s in back.shapes["calves"] if s.segment == "shank"]
    lowest = max(y for s in calves for _, y in s.points)  # the Achilles tendon, in the shank's frame
    assert lowest >= pose.body.shank  # reaches the ankle
    glutes = [frames["trunk"].point(*s.points[0]) for s in back.shapes["glutes"]]
    assert len(glutes) == 2 and glutes[0][0] != glutes[1][0], "one on each side"


@pytest.mark.parametrize("view", VIEWS)
def test_links_ask_htmx_to_swap_only_when_told(views, view, poses, links):
    plain = draw(views, view, poses[None], links)
    swapping = draw(views, view, poses[None], links, swap=True, labels=True)
    assert "hx-get" not in plain
    every = regions(swapping)
    assert every and all(a.get("hx-get") == a.get("href") for a in every)


def hover_names(svg: str) -> dict[str, str]:
    """Muscle slug -> the name its hover tag shows."""
    return {
        g.get("class").split("name--")[1]: g.find(f"{SVG}text").text
        for g in ET.fromstring(svg).iter(f"{SVG}g")
        if "region__name" in (g.get("class") or "")
    }


@pytest.mark.parametrize("view", VIEWS)
def test_hovering_or_focusing_a_muscle_shows_its_name_above_everything(drawing, views, view, poses, links):
    svg = drawing.figure(None, view)
    assert hover_names(svg) == {m.slug: m.name for m in drawing.atlas.muscles if views[view].shows(m.slug)}
    layers = [el.get("class", "") for el in ET.fromstring(svg)]
    assert layers.index("figure-names") > max(i for i, css in enumerate(layers) if "limb" in css)
    # The stylesheet shows a tag when any copy of its muscle is focused or, where the pointer
    # hovers (a mouse, not a finger), hovered.
    css = (PROJECT_ROOT / "static" / "app.css").read_text()
    hovering = css[css.index("@media (hover: hover) {\n") :]
    hovering = hovering[: hovering.index("\n}\n")]
    for slug in views[view].shapes:
        assert f".runner:has(.region--{slug}:focus-visible) .name--{slug}" in css
        assert f".runner:has(.region--{slug}:hover) .name--{slug}" in hovering
    assert not hover_names(draw(views, view, poses[None], links, labels=True)), "labels make them redundant"


@pytest.mark.parametrize("view", VIEWS)
def test_the_figure_says_which_leg_is_the_runners_left_and_which_the_right(views, view, every_pose, links):
    for pose in every_pose.values():
        root = ET.fromstring(draw(views, view, pose, links))
        tags = {t.get("class"): t.text for t in root.iter(f"{SVG}text") if "leg-tag" in t.get("class", "")}
        assert tags == {f"leg-tag leg-tag--{leg}": name for leg, name in views[view].leg_names.items()}
        # Each tag's extent at the largest size it is drawn (the browser tests measure it drawn).
        spans = sorted(
            (
                float(t.get("x")) - text_width(t.text, LEG_TAG_SIZE) / 2,
                float(t.get("x")) + text_width(t.text, LEG_TAG_SIZE) / 2,
            )
            for t in root.iter(f"{SVG}text")
            if "leg-tag" in t.get("class", "")
        )
        assert spans[1][0] - spans[0][1] >= LEG_TAG_GAP - 0.1, "the two tags never overlap"
        left, _, width, _ = map(float, root.get("viewBox").split())
        assert left - 0.1 <= spans[0][0] and spans[1][1] <= left + width + 0.1, (
            "the tags stay inside the figure"
        )


def leg_tag_x(svg: str) -> dict[str, float]:
    root = ET.fromstring(svg)
    return {t.text: float(t.get("x")) for t in root.iter(f"{SVG}text") if "leg-tag" in t.get("class", "")}


def test_whose_left_is_whose_follows_the_view(views, poses, links):
    # Facing us, the runner's left leg is on our right; seen from behind, on our left.
    front = leg_tag_x(draw(views, "front", poses[None], links))
    assert sorted(front, key=front.get) == ["right", "left"]
    if "back" in views:
        back = leg_tag_x(draw(views, "back", poses[None], links))
        assert sorted(back, key=back.get) == ["left", "right"]


@pytest.mark.parametrize("view", VIEWS)
def test_the_selected_muscle_and_only_it_is_marked_current(drawing, views, view):
    slug = next(iter(views[view].shapes))
    marked = {a.get("data-muscle") for a in regions(drawing.figure(slug, view)) if a.get("aria-current")}
    assert marked == {slug}
    assert not any(a.get("aria-current") for a in regions(drawing.figure(None, view)))


@pytest.mark.parametrize("view", VIEWS)
def test_stride_intensities_mark_each_leg_with_its_own_level(views, view, poses, links):
    on_legs = next(slug for slug, shapes in views[view].shapes.items() if all(s.legs for s in shapes))
    svg = draw(
        views,
        view,
        poses["toe-off"],
        links,
        intensities={on_legs: "strong"},
        far_intensities={on_legs: "off"},
    )
    levels = {
        a.get("data-leg"): a.get("class")
        for a in regions(svg)
        if a.get("data-muscle") == on_legs and "region--hit" not in a.get("class")
    }
    assert "region--strong" in levels["near"] and "region--off" in levels["far"]


@pytest.mark.parametrize("view", VIEWS)
def test_the_figure_is_a_labelled_group_with_plain_links_and_no_inline_styles(views, view, poses, links):
    for svg in (draw(views, view, poses[None], links), draw(views, view, poses[None], links, labels=True)):
        root = ET.fromstring(svg)
        assert root.get("role") == "group" and root.get("aria-label") and 'role="img"' not in svg
        assert root.get("data-view") == view
        assert "xlink:href" not in svg and "target=" not in svg
        assert "style=" not in svg, "a strict content security policy forbids inline styles"


@pytest.mark.parametrize("view", VIEWS)
def test_the_figure_is_small(drawing, view):
    svg = drawing.figure(None, view)
    assert len(gzip.compress(svg.encode())) < 13_000
    assert re.search(r'viewBox="[\d. -]+"', svg)


@pytest.mark.parametrize("view", VIEWS)
def test_every_pose_fits_the_view_box(views, view, every_pose, links):
    for name, pose in every_pose.items():
        root = ET.fromstring(draw(views, view, pose, links))
        x, y, width, height = map(float, root.get("viewBox").split())
        for px, py in views[view].outline_points(pose):
            assert x - 1 <= px <= x + width + 1 and y - 1 <= py <= y + height + 1, (view, name)


def test_views_from_the_front_are_posed_from_the_same_joint_angles(poses):
    # A thigh swung far forward or back is seen end-on, so it looks shorter than one that hangs down.
    for pose in poses.values():
        frames = frontal_frames(pose)
        for leg in ("near", "far"):
            swing = abs(pose.angles.near_leg.thigh if leg == "near" else pose.angles.far_leg.thigh)
            stretch = frames[f"{leg}_thigh"].stretch
            assert stretch == pytest.approx(max(0.18, math.cos(math.radians(swing))), abs=0.03)
        # Heights match the side view: the knee is where the side pose puts it.
        assert frames["near_shank"].origin[1] == pytest.approx(pose.segments["near_shank"].origin[1])
    tops = {round(frontal_frames(p)["near_shank"].origin[1]) for p in poses.values()}
    assert len(tops) > 3, "the front view moves with the stride"


def badges(svg: str) -> dict[int, tuple[float, float, float]]:
    """Number -> (x, y, radius) of each numbered badge drawn."""
    root = ET.fromstring(svg)
    return {
        int(g.find(f"{SVG}text").text): tuple(float(g.find(f"{SVG}circle").get(k)) for k in ("cx", "cy", "r"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "badge"
    }


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("radius", [BADGE_RADIUS, PRESENTER_BADGE_RADIUS], ids=["page", "presenter"])
def test_numbered_badges_never_overlap_and_each_covers_its_muscle(views, view, every_pose, links, radius):
    slugs = [link.slug for link in links if views[view].shows(link.slug)]
    # Named, a muscle keeps its place in the teaching order (the presenter's slide number) in
    # every view; a worksheet numbers what it shows from 1.
    in_order = [n for n, link in enumerate(links, start=1) if views[view].shows(link.slug)]
    for pose in every_pose.values():
        for options, numbers in [
            ({"labels": True}, in_order),
            ({"numbers": {slug: n for n, slug in enumerate(slugs, start=1)}}, list(range(1, len(slugs) + 1))),
        ]:
            svg = draw(views, view, pose, links, badge_radius=radius, **options)
            drawn = badges(svg)
            assert sorted(drawn) == numbers and {r for *_, r in drawn.values()} == {radius}
            # Outlines (2 units wide) never touch.
            for (x0, y0, _), (x1, y1, _) in itertools.combinations(drawn.values(), 2):
                assert math.hypot(x1 - x0, y1 - y0) >= 2 * radius + 2, (
                    f"badges overlap at {x0, y0} and {x1, y1}"
                )
            # Each still covers the point on its muscle it would sit on alone (drawn tiny, none moves).
            alone = badges(draw(views, view, pose, links, badge_radius=0.001, **options))
            for n, (x, y, _) in drawn.items():
                assert math.dist((x, y), alone[n][:2]) <= radius + 0.2, f"badge {n} left its muscle"
            # A narrow screen shows a named figure's body box only (static/app.css).
            left, _, width, _ = map(float, ET.fromstring(svg).get("viewBox").split())
            middle, half = left + width / 2, views[view].box[2] / 2
            assert all(
                middle - half - 0.1 <= x - radius and x + radius <= middle + half + 0.1
                for x, *_ in drawn.values()
            )


def test_spread_badges_parts_a_cluster_but_keeps_each_over_its_own_point():
    three = [(0.0, 0.0), (12.0, 0.0), (0.0, 12.0)]  # room to part: none overlaps afterwards
    parted = spread_badges(three, 10, (-100.0, 100.0))
    assert all(math.dist(a, b) >= 20 for a, b in itertools.combinations(parted, 2))
    crowd = [(i * 0.5, 0.0) for i in range(12)]  # no room: each still covers its own point
    spread = spread_badges(crowd, 10, (-100.0, 100.0))
    assert all(math.dist(at, point) <= 10 + 1e-6 for at, point in zip(spread, crowd, strict=True))
    assert all(-90 <= x <= 90 for x, _ in spread_badges(crowd, 10, (-30.0, 30.0))), "inside the span"


@pytest.mark.parametrize("view", VIEWS)
def test_the_selected_muscles_badge_is_filled_as_the_muscle_is(views, view, poses, links):
    for number, link in enumerate(links, start=1):
        if views[view].shows(link.slug):
            root = ET.fromstring(draw(views, view, poses[None], links, labels=True, selected=link.slug))
            marked = [g for g in root.iter(f"{SVG}g") if g.get("class") == "badge badge--current"]
            assert [g.find(f"{SVG}text").text for g in marked] == [str(number)], link.slug
