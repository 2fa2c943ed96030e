"""Stride mode on the server: activation data, timing sentences, the chart, and a permanent
URL for every phase (alone or with a muscle) answering page, fragment and history restore."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from webapp import PROJECT_ROOT
from webapp.content.loader import load_atlas
from webapp.stride.activation import describe_timing, peak_phase, phase_at, working_in, working_spans

ATLAS = load_atlas(PROJECT_ROOT / "data")
PHASES = [p.slug for p in ATLAS.phases]
HTMX = {"HX-Request": "true"}
SVG = "{http://www.w3.org/2000/svg}"


def test_there_are_six_phases_in_stride_order():
    assert PHASES == ["loading", "midstance", "toe-off", "initial-swing", "mid-swing", "terminal-swing"]
    assert [p.period for p in ATLAS.phases] == ["stance"] * 3 + ["swing"] * 3
    for before, after in zip(ATLAS.phases, ATLAS.phases[1:], strict=False):
        assert before.end == after.start
        assert before.start <= before.pose_at < before.end


@pytest.mark.parametrize("muscle", ATLAS.muscles, ids=lambda m: m.slug)
def test_every_phase_has_activation_data_for_every_muscle_with_a_source(muscle):
    assert set(muscle.timing.intensities) == set(PHASES)
    assert set(muscle.timing.intensities.values()) <= {"off", "light", "strong"}
    assert muscle.timing.sources and set(muscle.timing.sources) <= set(ATLAS.sources)


def test_every_phase_explains_its_muscles_with_a_source():
    for phase in ATLAS.phases:
        assert phase.what_happens and phase.why.text and phase.why.sources


def test_a_span_that_wraps_past_landing_is_read_as_one():
    hamstrings = ATLAS.muscle("hamstrings")
    spans = working_spans(hamstrings, ATLAS.phases)
    assert [(s.first.slug, s.last.slug) for s in spans] == [("mid-swing", "midstance")]
    assert (
        describe_timing(hamstrings, ATLAS.phases)
        == "Works from mid swing to midstance, hardest at late swing."
    )


def test_timing_sentences_name_every_working_period():
    assert describe_timing(ATLAS.muscle("quadriceps"), ATLAS.phases) == (
        "Works from late swing to midstance, and again in early swing, hardest at landing."
    )
    assert describe_timing(ATLAS.muscle("heart"), ATLAS.phases) == "Works throughout the stride."
    assert peak_phase(ATLAS.muscle("hamstrings"), ATLAS.phases).slug == "terminal-swing"


def test_working_in_a_phase_splits_strong_from_light():
    toe_off = ATLAS.phases[2]
    groups = working_in(ATLAS.muscles, toe_off)
    assert "hip-flexors" in [m.slug for m in groups["strong"]]
    assert "calves" in [m.slug for m in groups["light"]]


@pytest.mark.parametrize("phase", PHASES)
def test_each_phase_url_is_a_full_page_with_the_phase_marked(client, phase):
    response = client.get(f"/stride/{phase}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.startswith("<!doctype html>")
    assert re.search(
        rf'<a href="/stride/{phase}" hx-get="/stride/{phase}" data-phase="{phase}"[^>]*aria-current="step"',
        html,
    )
    assert f'data-phase="{phase}"' in html.split('class="chart__column is-current"')[1][:40]


@pytest.mark.parametrize("phase", ATLAS.phases, ids=lambda p: p.slug)
def test_the_figure_highlights_the_muscles_by_how_hard_they_work(app, phase):
    # The near leg and trunk show this phase; the far leg, half a stride away, its own.
    far = phase_at(ATLAS.phases, phase.pose_at + 50)
    root = ET.fromstring(app.extensions["stride_anatomy"].figure(None, phase.slug))
    regions = list(root.iter(f"{SVG}a"))
    assert regions
    for region in regions:
        muscle = ATLAS.muscle(region.get("data-muscle"))
        level = region.get("class").split(" region--")[-1]
        expected_phase = far if region.get("data-leg") == "far" else phase
        assert level == muscle.timing.intensities[expected_phase.slug], (muscle.slug, region.get("data-leg"))


def test_the_far_leg_works_to_its_own_timing_half_a_stride_away():
    assert phase_at(ATLAS.phases, 6 + 50).slug == "initial-swing"
    assert phase_at(ATLAS.phases, 72 + 50).slug == "midstance"
    assert phase_at(ATLAS.phases, 92 + 50).slug == "initial-swing"


def test_each_phase_draws_a_different_pose(app):
    site = app.extensions["stride_anatomy"]
    poses = {site.figure(None, phase) for phase in PHASES}
    assert len(poses) == len(PHASES)
    legs = {
        (round(site.pose(p).angles.near_leg.thigh), round(site.pose(p).angles.near_leg.knee_flexion))
        for p in PHASES
    }
    assert len(legs) == len(PHASES)


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


def test_the_play_frames_hold_all_six_poses_in_one_response(client):
    html = client.get("/stride/frames/calves").get_data(as_text=True)
    frames = re.findall(r'<template data-phase="([\w-]+)"', html)
    assert frames == PHASES
    assert html.count('data-muscle="calves" aria-current="page"') + html.count('aria-current="page"') >= 6


def test_the_chart_has_a_row_per_muscle_linking_to_it_at_the_current_phase(app):
    svg = app.extensions["stride_anatomy"].chart("toe-off")
    root = ET.fromstring(svg)
    rows = root.findall(f".//{SVG}g[@class='chart__row']")
    assert [r.get("data-muscle") for r in rows] == [m.slug for m in ATLAS.muscles]
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == [f"/stride/toe-off/{m.slug}" for m in ATLAS.muscles]
    current = [g.get("data-phase") for g in root.iter(f"{SVG}g") if "is-current" in (g.get("class") or "")]
    assert current == ["toe-off"]


def test_each_muscle_panel_draws_its_own_slice_of_the_chart(client):
    html = client.get("/muscles/hamstrings").get_data(as_text=True)
    assert "Works from mid swing to midstance, hardest at late swing." in html
    timing = html.split('class="timing-chart"')[1].split("</svg>")[0]
    assert timing.count('class="chart__row"') == 1
    assert timing.count("chart__cell--strong") == 1 and timing.count("chart__cell--off") == 2
    assert 'href="/stride/terminal-swing/hamstrings"' in html
