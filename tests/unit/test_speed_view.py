"""The speed view on the server: one address per measured speed (alone, with a muscle, or
compared with another speed), each runner posed from its own speed's data, Play frames at
the real stride time, and a chart whose points are the data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from tests.conftest import real_content
from tests.unit.test_classroom import qr_path
from webapp.content.model import pace
from webapp.figure.speed_chart import x_of
from webapp.prepared import SPEED_FRAME_PERCENTS

PREPARED = real_content()
SPEEDS = PREPARED.atlas.speeds
SLOWEST, FASTEST = SPEEDS.measured[0], SPEEDS.measured[-1]
HTMX = {"HX-Request": "true", "HX-Target": "stage"}
SVG = "{http://www.w3.org/2000/svg}"


def html_of(client, url: str, **kwargs) -> str:
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def chart_points(html: str) -> list[ET.Element]:
    chart = re.search(r'<svg[^>]*class="speed-chart__svg".*?</svg>', html, flags=re.S).group(0)
    return [c for c in ET.fromstring(chart).iter(f"{SVG}circle") if c.get("data-metric")]


# --- the data ---


def test_pace_is_worked_out_from_speed_in_minutes_and_seconds():
    assert pace(1000 / 2.0) == "8:20"
    assert pace(1609.344 / 5.0) == "5:22"


def test_stride_length_and_rate_follow_from_speed_and_stride_time(each_speed):
    speed = each_speed.speed
    assert speed.stride_length == pytest.approx(speed.speed * speed.stride_time)
    assert speed.steps_per_minute == pytest.approx(2 * 60 / speed.stride_time)


def test_three_metres_a_second_reuses_stride_modes_table_rather_than_a_copy():
    three = SPEEDS.find("3-m-s")
    assert three.speed.kinematics == "stride/kinematics.csv"
    assert three.stride.samples == PREPARED.atlas.stride.samples


# --- poses ---


def test_each_speed_is_posed_from_its_own_data_peak_swing_knee_matches_the_table(each_speed):
    poses = PREPARED.speed_frames[each_speed.speed.slug]
    swing = [p.angles.near_leg.knee_flexion for p in poses if not p.angles.near_leg.in_stance]
    stance = [p.angles.near_leg.knee_flexion for p in poses if p.angles.near_leg.in_stance]
    # The table's peaks come from 100 Hz frames; the poses from every 5%, so a little lower.
    assert max(swing) == pytest.approx(each_speed.speed.peak_swing_knee, abs=2.5)
    assert max(stance) == pytest.approx(each_speed.speed.peak_stance_knee, abs=2.5)


def test_the_swinging_knee_folds_further_at_every_faster_speed():
    peaks = [
        max(p.angles.near_leg.knee_flexion for p in PREPARED.speed_frames[m.speed.slug])
        for m in SPEEDS.measured
    ]
    assert peaks == sorted(peaks)


# --- pages ---


def test_each_speed_page_names_its_speed_pace_and_word(client, each_speed):
    speed = each_speed.speed
    html = html_of(client, f"/speed/{speed.slug}")
    assert f"Running at {speed.label}" in html
    for text in (f"{speed.pace_per_km} min/km", f"{speed.pace_per_mile} min/mile", speed.word):
        assert text in html
    assert f'data-speed="{speed.slug}"' in html and 'id="stage"' in html


def test_speed_is_in_the_main_navigation_and_marked_there(client):
    html = html_of(client, "/speed/3-m-s")
    assert re.search(r'<a href="/speed" aria-current="page">Speed</a>', html)
    assert '<a href="/speed"' in html_of(client, "/muscles/calves")


def test_a_speed_and_a_muscle_combine_in_one_deep_link(client, each_speed):
    html = html_of(client, f"/speed/{each_speed.speed.slug}/calves")
    assert "<title>Calves at" in html and "As you speed up" in html
    assert re.search(
        r'<a [^>]*aria-current="page"[^>]*data-muscle="calves"|data-muscle="calves"[^>]*aria-current', html
    )


def test_figure_links_swap_and_speed_links_are_boosted(client):
    html = html_of(client, "/speed/4-m-s")
    assert 'hx-get="/speed/4-m-s/calves"' in html
    picker = re.search(r'<nav class="speed-picker".*?</nav>', html, flags=re.S).group(0)
    assert 'hx-boost="true"' in picker and 'href="/speed/2-m-s"' in picker


def test_speed_fragments_history_restores_and_vary(client):
    fragment = client.get("/speed/5-m-s", headers=HTMX)
    assert not fragment.get_data(as_text=True).startswith("<!doctype")
    assert '<div id="stage"' in fragment.get_data(as_text=True)
    restore = client.get("/speed/5-m-s", headers={**HTMX, "HX-History-Restore-Request": "true"})
    assert restore.get_data(as_text=True).startswith("<!doctype html>")
    for response in (fragment, restore):
        assert "HX-Request" in response.headers["Vary"]


@pytest.mark.parametrize(
    "url",
    ["/speed/9-m-s", "/speed/3-m-s/elbow", "/speed/%3Cb%3E", "/speed/9-m-s/frames", "/speed/3-m-s/vs/9-m-s"],
)
def test_unknown_speeds_or_muscles_get_the_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "We could not find that page" in html and "<b>" not in html


def test_a_speed_compared_with_itself_gets_a_clear_answer(client):
    response = client.get("/speed/3-m-s/vs/3-m-s")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Pick two different speeds" in html
    assert 'href="/speed/3-m-s/vs/5-m-s"' in html


def test_the_comparison_nests_the_slower_runner_faintly_behind_the_faster(client):
    for url in ("/speed/2-m-s/vs/5-m-s", "/speed/5-m-s/vs/2-m-s"):
        html = html_of(client, url)
        outer = re.search(
            r'<svg [^>]*class="runner runner--compare".*</svg>',
            html,
            flags=re.S,
        )
        root = ET.fromstring(outer.group(0))
        ghost, front = root.find(f"{SVG}g/{SVG}svg"), root.find(f"{SVG}svg")
        assert root.find(f"{SVG}g").get("aria-hidden") == "true"
        assert ghost.get("aria-label") == "Runner at 2 m/s" and not list(ghost.iter(f"{SVG}a"))
        assert "5 m/s" in front.get("aria-label") and list(front.iter(f"{SVG}a"))
        assert ghost.get("viewBox") == front.get("viewBox")


def test_the_front_door_autoplays_and_speed_pages_do_not(client):
    assert 'data-autoplay="true"' in html_of(client, "/speed")
    assert "data-autoplay" not in html_of(client, "/speed/2-m-s")


def test_play_gets_every_pose_at_once_shown_at_the_real_stride_time(client, each_speed):
    speed = each_speed.speed
    page = html_of(client, f"/speed/{speed.slug}/calves")
    frame_ms = float(re.search(r'data-frame-ms="([\d.]+)"', page).group(1))
    assert frame_ms * len(SPEED_FRAME_PERCENTS) == pytest.approx(speed.stride_time * 1000, abs=0.1)
    frames_url = re.search(r'data-frames="([^"]+)"', page).group(1)
    frames = html_of(client, frames_url).split("<template ")[1:]
    assert [int(re.match(r'data-key="(\d+)"', f).group(1)) for f in frames] == list(SPEED_FRAME_PERCENTS)
    assert frames_url == f"/speed/{speed.slug}/frames", "one set of poses per speed, whatever muscle is open"


# --- the chart ---


def test_the_chart_points_equal_the_data(client):
    points = chart_points(html_of(client, "/speed/3-m-s"))
    expected = {
        "stride-length": [m.speed.stride_length for m in SPEEDS.measured],
        "cadence": [m.speed.steps_per_minute for m in SPEEDS.measured],
        "contact": [m.speed.contact_time for m in SPEEDS.measured],
    }
    for metric, values in expected.items():
        drawn = [p for p in points if p.get("data-metric") == metric]
        assert [float(p.get("data-speed")) for p in drawn] == [m.speed.speed for m in SPEEDS.measured]
        assert [float(p.get("data-value")) for p in drawn] == pytest.approx(values)
        heights = [-float(p.get("cy")) for p in drawn]
        assert sorted(range(len(values)), key=heights.__getitem__) == sorted(
            range(len(values)), key=values.__getitem__
        )


def test_the_chart_draws_no_point_beyond_our_data_and_labels_research_apart(client):
    html = html_of(client, "/speed/3-m-s")
    assert all(float(p.get("cx")) <= x_of(FASTEST.speed.speed) + 0.1 for p in chart_points(html))
    notes = " ".join(re.findall(r'<text class="speed-chart__note"[^>]*>([^<]*)</text>', html))
    assert "Research on other runners, not ours" in notes  # the note, wrapped to fit between lines
    for mark in SPEEDS.research:
        assert f"≈{mark.speed:g} m/s:" in html, "each research finding is marked on the chart"
    assert f"Our data stop at {FASTEST.speed.label}" in html


# --- muscles and speed ---


def test_every_muscle_page_says_what_changes_with_speed_and_links_to_the_speed_view(client, each_muscle):
    html = html_of(client, f"/muscles/{each_muscle.slug}")
    section = re.search(r"<section[^>]*panel__section--speed.*?</section>", html, re.S)
    assert section, "no 'As you speed up' section"
    said = " ".join(unescape(re.sub(r"<[^>]+>", "", section.group(0))).split())
    assert said.startswith("As you speed up")
    expected = " ".join(each_muscle.speed.text.split()) if each_muscle.speed else "Research does not say."
    assert expected in said
    assert f'href="/speed/{FASTEST.speed.slug}/{each_muscle.slug}"' in section.group(0)


def test_the_myth_check_on_hips_hamstrings_and_glutes_gives_a_verdict(client):
    html = html_of(client, "/speed/2-m-s")
    assert "The hips, hamstrings and glutes are the key to running faster." in html
    assert "Research says: partly true" in html


def test_the_run_faster_tour_walks_through_speeds(client):
    tour = PREPARED.atlas.tour("run-faster")
    for number, step in enumerate(tour.steps, start=1):
        html = html_of(client, f"/tours/run-faster/{number}")
        if step.speed:
            assert f'href="/speed/{step.speed}' in html


# --- the classroom ---


def test_each_speed_has_a_presenter_slide_with_its_key_numbers_and_keys(client, each_speed):
    speed = each_speed.speed
    html = client.get(f"/present/speed/{speed.slug}").get_data(as_text=True)
    assert 'class="presenting"' in html and f"Running at {speed.label}" in html
    for fact in (speed.pace_per_km, f"{speed.stride_length:.2f} m", f"{speed.contact_time:.2f} s"):
        assert fact in html
    keys = set(re.findall(r'data-key="(\w+)"', html))
    speeds = [m.speed.slug for m in PREPARED.atlas.speeds.measured]
    assert {"qr", "exit", *(str(n) for n in range(1, len(speeds) + 1))} <= keys
    index = speeds.index(speed.slug)
    assert re.findall(r'href="([^"]+)"[^>]*rel="next"', html) == [
        f"/present/speed/{speeds[(index + 1) % len(speeds)]}"
    ]
    assert re.findall(r'href="([^"]+)"[^>]*rel="prev"', html) == [f"/present/speed/{speeds[index - 1]}"]
    # The moves say where they go, also where they wrap round from one end to the other.
    words = re.findall(r'rel="(?:prev|next)">(?:<span aria-hidden="true">←</span> )?(\w+)', html)
    assert words == ["Slower" if index else "Fastest", "Faster" if index < len(speeds) - 1 else "Slowest"]
    assert 'class="figure-label' in html, "the projector names every muscle"
    assert f'data-frames="/present/speed/{speed.slug}/frames"' in html, "S can play this speed"
    shown = re.findall(r'data-key="(\d+)"[^>]*>(\d+)', html)
    assert len(shown) == len(speeds) and all(key == number for key, number in shown), (
        "each key is the number shown"
    )


def test_the_speed_slide_marks_the_muscles_that_work_harder_as_speed_rises(client, each_speed):
    html = client.get(f"/present/speed/{each_speed.speed.slug}").get_data(as_text=True)
    frames = client.get(f"/present/speed/{each_speed.speed.slug}/frames").get_data(as_text=True)
    harder = [m for m in PREPARED.atlas.muscles if m.speed and m.speed.works_harder]
    assert harder and all(m.speed.researched for m in harder), "only what a study found"
    listed = re.search(r'class="presenter__harder">(.*?)</li>', html, re.S).group(1)
    assert all(m.name in listed for m in harder)
    assert not any(m.name in listed for m in PREPARED.atlas.muscles if m not in harder)
    for drawn in (html, frames):  # the still runner and every pose Play shows
        links = [a for a in re.findall(r"<a [^>]*>", drawn) if "region--strong" in a]
        strong = {re.search(r'data-muscle="([\w-]+)"', a).group(1) for a in links}
        assert strong == {m.slug for m in harder if PREPARED.figure.views["side"].shows(m.slug)}, strong


def test_the_speed_qr_code_opens_the_speed_page_at_the_public_address(client, each_speed):
    html = client.get(f"/present/speed/{each_speed.speed.slug}/qr").get_data(as_text=True)
    # The code itself (the modules segno draws for that address), not only its label.
    assert qr_path(f"http://127.0.0.1:5000/speed/{each_speed.speed.slug}") in html


@pytest.mark.parametrize("url", ["/present/speed/9-m-s", "/present/speed/4-m-s/details"])
def test_an_unknown_speed_slide_is_the_friendly_404(client, url):
    assert client.get(url).status_code == 404
