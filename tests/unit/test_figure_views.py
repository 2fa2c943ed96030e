"""A view of the runner is data: a fourth one is a file and a line in the order, and it draws
every pose with working links and honest tap areas. A view file that names an unknown muscle,
body part or outline is refused at start-up with its file and field."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.unit.test_every_view import MODES, check_mode, every_mode
from tests.unit.test_figure_taps import TOLERANCE, hit_map, painted
from webapp import create_app
from webapp.content.records import ContentError
from webapp.figure.runner import RegionLink, draw_figure
from webapp.figure.taps import phone_scale
from webapp.pages.page_list import page_list
from webapp.prepared import prepare

SVG = "{http://www.w3.org/2000/svg}"


def add_a_view(data: Path) -> str:
    """A fourth view: the runner seen from their right side (the side view mirrored, the near
    leg now their right), and its place in the order."""
    text = (data / "views" / "side.yaml").read_text(encoding="utf-8")
    text = text.replace("label: seen from their left side", "label: seen from their right side")
    text = text.replace("projection: side\n", "projection: side\nmirror: true\n")
    text = text.replace("{near: left leg, far: right leg}", "{near: right leg, far: left leg}")
    (data / "views" / "right-side.yaml").write_text(text, encoding="utf-8")
    order = data / "views" / "order.yaml"
    order.write_text(order.read_text(encoding="utf-8") + "  - right-side\n", encoding="utf-8")
    return "right-side"


def test_a_fourth_view_is_data_and_draws_every_pose_with_honest_tap_areas(data_copy):
    name = add_a_view(data_copy)
    content = prepare(data_copy)
    view = content.figure.views[name]
    links = [RegionLink(m.slug, m.name, f"/muscles/{m.slug}") for m in content.atlas.muscles]
    poses = {None: content.pose(None), **{p.slug: content.pose(p.slug) for p in content.atlas.phases}}
    poses.update(content.figure.still_poses)
    for key, pose in poses.items():
        near, far = content.levels(content.atlas.phases[0])
        for options in ({}, {"labels": True}, {"intensities": near, "far_intensities": far, "swap": True}):
            figure = draw_figure(view, pose, links, **options)
            root = ET.fromstring(str(figure))
            assert root.get("data-view") == name and "right side" in root.get("aria-label")
            named = {a.get("data-muscle") for a in root.iter(f"{SVG}a") if a.get("aria-hidden") != "true"}
            assert named == set(view.shapes), key
        seen, opens = hit_map(painted(str(figure)))
        units = (1 / phone_scale(figure.view_box)) ** 2
        for slug, drawn in seen.items():
            assert drawn.difference(opens[slug]).area < TOLERANCE * units, (key, slug)
    # Mirrored, the runner runs to the left: their toes point left of their ankles.
    frames = view.frames(content.pose(None))
    assert frames["near_foot"].point(40, 0)[0] < frames["near_foot"].origin[0]
    assert create_app(testing=True, data_dir=data_copy).test_client().get("/").status_code == 200


def test_a_fourth_view_has_an_address_in_every_mode_and_costs_the_copies_only_its_atlas(data_copy, app):
    name = add_a_view(data_copy)
    extended = create_app(testing=True, data_dir=data_copy)
    modes = every_mode(extended)
    assert set(modes) == set(MODES)
    for endpoint, path in modes.items():
        check_mode(extended, endpoint, path, name)
    html = extended.test_client().get(f"/{name}-labelled/muscles/calves").get_data(as_text=True)
    assert re.search(
        rf'href="/{name}-labelled/muscles/calves" aria-current="true"[^>]*>Right side view', html
    )
    assert "Seen from their right side: the runner's right leg is nearer you." in html
    before, after = page_list(app), page_list(extended)
    kept = [a for a in after if not a.needs_server and not a.redirect]
    added = {a.path for a in kept} - {a.path for a in before}
    muscles = prepare(data_copy).atlas.muscles
    atlas = {f"/{name}{labelled}/muscles/{m.slug}" for m in muscles for labelled in ("", "-labelled")}
    pictures = {f"/{name}/preview/muscles/{m.slug}.png" for m in muscles}
    assert added == {f"/{name}/", f"/{name}-labelled/", *atlas, *pictures}
    assert sum(a.canonical for a in after) == sum(a.canonical for a in before)
    assert extended.test_client().get("/right-sides/stride").status_code == 404


BROKEN = [
    ("back.yaml", "  calves:\n", "  calfs:\n", "shapes.calfs", "'calfs' is not a muscle"),
    (
        "back.yaml",
        "    - on: shank\n",
        "    - on: shin\n",
        "shapes.calves[0].on",
        "'shin' is not a body part",
    ),
    (
        "side.yaml",
        "{outline: thigh, on: far_thigh}",
        "{outline: thigh, on: far_thy}",
        "layers[1].parts[0].on",
        "far_thy",
    ),
    (
        "front.yaml",
        "{outline: neck, on: head}",
        "{outline: nek, on: head}",
        "layers[0].parts[0].outline",
        "'nek'",
    ),
    ("back.yaml", "projection: frontal", "projection: top", "projection", "must be one of side, frontal"),
    (
        "front.yaml",
        "leg_names: {near: left, far: right}",
        "leg_names: {near: the runner's left leg, far: the runner's right leg}",
        "box",
        "too narrow for the tags under the feet",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "field", "problem"), BROKEN, ids=[b[3] for b in BROKEN])
def test_a_view_file_naming_something_unknown_is_refused_with_file_and_field(
    data_copy, file, old, new, field, problem
):
    path = data_copy / "views" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        create_app(testing=True, data_dir=data_copy)
    assert caught.value.file.endswith(f"views/{file}") and caught.value.field == field
    assert problem in caught.value.problem


def test_a_view_file_missing_from_the_order_is_refused(data_copy):
    (data_copy / "views" / "top.yaml").write_text((data_copy / "views" / "back.yaml").read_text())
    with pytest.raises(ContentError, match=r"order\.yaml: views: views/top\.yaml is not listed"):
        prepare(data_copy)
