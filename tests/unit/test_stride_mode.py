"""Stride mode on the server: activation data, timing sentences, the chart, and a permanent
URL for every phase (alone or with a muscle) answering page, fragment and history restore."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import real_content
from webapp.gait.activation import describe_timing, peak_phase, phase_at

ATLAS = real_content().atlas
PHASES = [p.slug for p in ATLAS.phases]
HTMX = {"HX-Request": "true", "HX-Target": "stage"}
SVG = "{http://www.w3.org/2000/svg}"


def test_the_phases_tile_the_stride_in_order_with_stance_before_swing():
    assert PHASES[0] == "loading" and ATLAS.phases[0].start == 0 and ATLAS.phases[-1].end == 100
    periods = [p.period for p in ATLAS.phases]
    assert periods == sorted(periods)  # "stance" before "swing"
    for before, after in zip(ATLAS.phases, ATLAS.phases[1:], strict=False):
        assert before.end == after.start
        assert before.start <= before.pose_at < before.end


def figure_of(html: str) -> ET.Element:
    """The runner's SVG in a page."""
    return ET.fromstring(re.search(r'<svg[^>]*class="runner".*?</svg>', html, re.S).group(0))


def test_each_phase_url_is_a_full_page_with_the_phase_marked(client, each_phase):
    phase = each_phase.slug
    response = client.get(f"/stride/{phase}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.startswith("<!doctype html>")
    assert re.search(rf'<a href="/stride/{phase}" data-phase="{phase}"[^>]*aria-current="step"', html)
    assert f'data-phase="{phase}"' in html.split('class="chart__column is-current"')[1][:40]


def test_the_figure_highlights_the_muscles_by_how_hard_they_work(client, each_phase):
    # The near leg and trunk show this phase; the far leg, half a stride away, its own.
    phase = each_phase
    far = phase_at(ATLAS.phases, phase.pose_at + ATLAS.stride.far_leg_offset_percent)
    root = figure_of(client.get(f"/stride/{phase.slug}").get_data(as_text=True))
    regions = list(root.iter(f"{SVG}a"))
    assert regions
    for region in regions:
        muscle = ATLAS.muscle(region.get("data-muscle"))
        level = region.get("class").split(" region--")[-1]
        expected_phase = far if region.get("data-leg") == "far" else phase
        assert level == muscle.timing.intensities[expected_phase.slug], (muscle.slug, region.get("data-leg"))


def test_each_phase_draws_a_different_pose():
    poses = [real_content().pose(p).angles.near_leg for p in PHASES]
    assert len({(round(leg.thigh), round(leg.knee_flexion)) for leg in poses}) == len(PHASES)


def test_a_phase_and_a_muscle_combine_in_one_deep_link(client):
    html = client.get("/stride/toe-off/calves").get_data(as_text=True)
    assert '<h1 id="panel-heading" tabindex="-1">Calves</h1>' in html
    assert re.search(
        r'<a [^>]*aria-current="page"[^>]*data-muscle="calves"|<a [^>]*data-muscle="calves"[^>]*aria-current="page"',
        html,
    )
    # The stepper keeps the muscle open while moving through the phases.
    assert 'href="/stride/initial-swing/calves"' in html and 'href="/stride/midstance/calves"' in html


def test_stride_fragments_history_restores_and_vary(client):
    fragment = client.get("/stride/midstance", headers=HTMX)
    assert not fragment.get_data(as_text=True).startswith("<!doctype")
    restore = client.get("/stride/midstance", headers={**HTMX, "HX-History-Restore-Request": "true"})
    assert restore.get_data(as_text=True).startswith("<!doctype html>")
    for response in (fragment, restore):
        assert "HX-Request" in response.headers["Vary"]


@pytest.mark.parametrize(
    "url", ["/stride/sprinting", "/stride/toe-off/elbow", "/stride/%3Cb%3E", "/stride/frames/elbow"]
)
def test_bad_phase_or_muscle_names_get_the_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "We could not find that page" in html and "<b>" not in html


def test_the_front_door_autoplays_and_phase_links_do_not(client):
    assert 'data-autoplay="true"' in client.get("/stride").get_data(as_text=True)
    assert "data-autoplay" not in client.get("/stride/loading").get_data(as_text=True)


def test_the_play_frames_hold_every_pose_in_one_response_with_the_muscle_marked(client):
    html = client.get("/stride/frames/calves").get_data(as_text=True)
    frames = html.split("<template ")[1:]
    assert [re.match(r'data-key="([\w-]+)"', f).group(1) for f in frames] == PHASES
    for frame in frames:
        marked = {a.get("data-muscle") for a in figure_of(frame).iter(f"{SVG}a") if a.get("aria-current")}
        assert marked == {"calves"}


def test_each_play_frame_carries_its_phase_text_and_sends_each_outline_once(client):
    html = client.get("/stride/frames").get_data(as_text=True)
    outlines = re.findall(r' d="([^"]*)"', html)
    assert outlines and len(outlines) == len(set(outlines)), "every pose shares its outlines"
    for phase, frame in zip(ATLAS.phases, html.split("<template ")[1:], strict=True):
        assert f'<div id="panel-heading">{phase.name}</div>' in frame
        strong = frame.split("working__group--strong")[1].split("</dd>")[0]
        names = [m.name for m in ATLAS.muscles if m.timing.intensities[phase.slug] == "strong"]
        assert re.findall(r'<a href="[^"]+">([^<]+)</a>', strong) == names


def test_the_play_frames_cite_by_the_numbers_of_every_phase_page(client, each_phase):
    listed = re.findall(
        r'<li id="source-([\w-]+)"', client.get(f"/stride/{each_phase.slug}").get_data(as_text=True)
    )
    frames = client.get("/stride/frames").get_data(as_text=True)
    cited = set(re.findall(r'href="#source-([\w-]+)" aria-label="Source (\d+)"', frames))
    assert cited and all(listed[int(number) - 1] == source for source, number in cited)


def test_the_chart_has_a_row_per_muscle_linking_to_it_at_the_current_phase(client):
    html = client.get("/stride/toe-off").get_data(as_text=True)
    root = ET.fromstring(re.search(r'<svg[^>]*class="chart".*?</svg>', html, re.S).group(0))
    rows = root.findall(f".//{SVG}g[@class='chart__row']")
    assert [r.get("data-muscle") for r in rows] == [m.slug for m in ATLAS.muscles]
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == [f"/stride/toe-off/{m.slug}" for m in ATLAS.muscles]
    current = [g.get("data-phase") for g in root.iter(f"{SVG}g") if "is-current" in (g.get("class") or "")]
    assert current == ["toe-off"]


def test_each_muscle_panel_draws_its_own_slice_of_the_chart(client, each_muscle):
    html = client.get(f"/muscles/{each_muscle.slug}").get_data(as_text=True)
    assert describe_timing(each_muscle, ATLAS.phases) in html
    timing = html.split('class="timing-chart"')[1].split("</svg>")[0]
    levels = list(each_muscle.timing.intensities.values())
    assert timing.count('class="chart__row"') == 1
    for level in ("strong", "light", "off"):
        assert timing.count(f"chart__cell--{level}") == levels.count(level)
    peak = peak_phase(each_muscle, ATLAS.phases)
    if peak:
        assert f'href="/stride/{peak.slug}/{each_muscle.slug}"' in html
