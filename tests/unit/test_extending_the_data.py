"""A new muscle or a new phase of the stride is data, not code: a copy of data/ with one
more of either loads, and the route and stride-mode tests pass on it unchanged."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from webapp import PROJECT_ROOT, create_app

ROUTE_TESTS = [
    "tests/unit/test_routes.py",
    "tests/unit/test_stride_mode.py",
    "tests/unit/test_speed_view.py",
    "tests/unit/test_pain_pages.py",
]
# Whole-site checks of the words, not of the routes: the additions are copies of pages already
# checked, and this one alone renders every page again.
NOT_ABOUT_ROUTES = [
    "--deselect",
    "tests/unit/test_pain_pages.py::test_no_page_of_the_site_uses_diagnosis_language",
]


def add_a_muscle(data: Path) -> str:
    """A twelfth muscle: a new file (here a copy of the calves, renamed), its place in the
    teaching order and its claim ledger."""
    text = (data / "muscles" / "calves.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^name: Calves$", "name: Peroneals", text, count=1, flags=re.M)
    text = re.sub(
        r"^summary: >\n(  .*\n)+",
        "summary: The muscles on the outside of the shin that steady the ankle.\n",
        text,
        flags=re.M,
    )
    (data / "muscles" / "peroneals.yaml").write_text(text, encoding="utf-8")
    order = data / "muscles" / "order.yaml"
    order.write_text(order.read_text(encoding="utf-8") + "  - peroneals\n", encoding="utf-8")
    ledger = data / "ledger" / "muscles"
    (ledger / "peroneals.yaml").write_text(
        (ledger / "calves.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return "peroneals"


def add_a_phase(data: Path) -> str:
    """A seventh phase: the end of terminal swing split off as "foot strike", a level for it
    in every muscle's timing (the level it had there before the split) and its ledger entry."""
    phases = data / "stride" / "phases.yaml"
    text = phases.read_text(encoding="utf-8")
    last = text.rindex("  - slug: ")
    new_phase = text[last:].replace("slug: terminal-swing", "slug: foot-strike", 1)
    new_phase = re.sub(r"name: .*", "name: Foot strike", new_phase, count=1)
    new_phase = re.sub(r"short_name: .*", "short_name: foot strike", new_phase, count=1)
    new_phase = re.sub(r"start: \d+", "start: 95", new_phase, count=1)
    new_phase = re.sub(r"pose_at: \d+(\.\d+)?", "pose_at: 98", new_phase, count=1)
    old_last = re.sub(r"end: 100", "end: 95", text[last:], count=1)
    phases.write_text(text[:last] + old_last + new_phase, encoding="utf-8")
    for muscle in (data / "muscles").glob("*.yaml"):
        body = muscle.read_text(encoding="utf-8")
        level = re.search(r"^  terminal-swing: (\w+)$", body, flags=re.M)
        if level:
            body = body.replace("\nphases:\n", f"\nphases:\n  foot-strike: {level.group(1)}\n", 1)
            muscle.write_text(body, encoding="utf-8")
    ledger = data / "ledger" / "stride" / "phases.yaml"
    entries = ledger.read_text(encoding="utf-8")
    last_entry = entries[entries.rindex("  - field: phases[") :]
    new_entry = re.sub(
        r"claim: .*",
        "claim: Foot strike",
        last_entry.replace("field: phases[5]", "field: phases[6]"),
        count=1,
    )
    ledger.write_text(entries.rstrip("\n") + "\n" + new_entry, encoding="utf-8")
    return "foot-strike"


def add_a_speed(data: Path) -> str:
    """A fifth speed: its stride table (here a copy of the 5 m/s one, as if measured at
    5.5 m/s) and its entry, last, in the speed list."""
    speeds = data / "speeds"
    (speeds / "run550.csv").write_text((speeds / "run500.csv").read_text(encoding="utf-8"), encoding="utf-8")
    listing = speeds / "speeds.yaml"
    text = listing.read_text(encoding="utf-8")
    fastest = text[text.rindex("  - slug: ") :]
    entry = (
        fastest.replace("slug: 5-m-s", "slug: 5-5-m-s")
        .replace("speed: 5.0", "speed: 5.5")
        .replace("word: fast", "word: faster")
        .replace("speeds/run500.csv", "speeds/run550.csv")
    )
    listing.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
    return "5-5-m-s"


def add_a_spot_and_a_problem(data: Path) -> tuple[str, str]:
    """A twentieth place (the inner ankle, drawn on the foot seen from behind) with a
    thirteenth problem, last in the order (here a copy of the last problem, renamed), and the
    new problem's ledger entries."""
    problems = data / "pain" / "problems.yaml"
    text = problems.read_text(encoding="utf-8")
    last = text[text.rindex("  - slug: ") :]
    index = text.count("  - slug: ") - 1
    new = last.replace("slug: exertional-compartment-syndrome", "slug: posterior-tibial-tendon-pain", 1)
    new = re.sub(r"name: .*", "name: Pain behind the inner ankle bone", new, count=1)
    problems.write_text(text.rstrip("\n") + "\n\n" + new, encoding="utf-8")
    spots = data / "pain" / "spots.yaml"
    spots.write_text(
        spots.read_text(encoding="utf-8").rstrip("\n")
        + "\n      - slug: inner-ankle\n        name: Inner ankle\n        where: Around and below the inner ankle bone.\n"
        + "        views:\n          - view: foot-back\n            anchor: inner-ankle\n"
        + "        red_flags: [bone-pain, ankle-fracture]\n        problems: [posterior-tibial-tendon-pain]\n",
        encoding="utf-8",
    )
    places = data / "pain" / "places.yaml"
    outer = "      outer-ankle: {on: foot, legs: [near], at: [13, -3]}\n"
    text = places.read_text(encoding="utf-8")
    assert outer in text
    places.write_text(
        text.replace(outer, outer + "      inner-ankle: {on: foot, legs: [near], at: [-13, -3]}\n"),
        encoding="utf-8",
    )
    ledger = data / "ledger" / "pain" / "problems.yaml"
    entries = ledger.read_text(encoding="utf-8")
    copied = entries[entries.index(f"- field: problems[{index}]") :].replace(
        f"problems[{index}]", f"problems[{index + 1}]"
    )
    ledger.write_text(entries.rstrip("\n") + "\n" + copied, encoding="utf-8")
    return "inner-ankle", "posterior-tibial-tendon-pain"


def test_a_new_spot_and_problem_get_their_pages_list_entries_and_addresses(data_copy):
    spot, problem = add_a_spot_and_a_problem(data_copy)
    client = create_app(testing=True, data_dir=data_copy).test_client()
    assert f'href="/pain/{spot}"' in client.get("/pain").get_data(as_text=True)
    html = client.get(f"/pain/{spot}").get_data(as_text=True)
    assert "Inner ankle" in html and f'href="/pain/problems/{problem}"' in html
    for url in (f"/pain/problems/{problem}", f"/embed/pain/{spot}", f"/preview/pain/problems/{problem}.png"):
        assert client.get(url).status_code == 200, url
    assert f"/pain/{spot}</loc>" in client.get("/sitemap.xml").get_data(as_text=True)
    assert f'class="place place--{spot}"' in client.get("/pain/back").get_data(as_text=True)


def test_a_new_speed_gets_its_pages_pose_frames_and_chart_point(data_copy):
    slug = add_a_speed(data_copy)
    client = create_app(testing=True, data_dir=data_copy).test_client()
    html = client.get(f"/speed/{slug}").get_data(as_text=True)
    assert "Running at 5.5 m/s" in html and "Our data stop at 5.5 m/s" in html
    assert html.count('data-metric="stride-length"') == 5
    for url in (f"/speed/{slug}/calves", f"/speed/{slug}/frames", f"/speed/2-m-s/vs/{slug}"):
        assert client.get(url).status_code == 200, url


def test_a_new_muscle_gets_every_address_a_muscle_has(data_copy):
    slug = add_a_muscle(data_copy)
    client = create_app(testing=True, data_dir=data_copy).test_client()
    assert f'href="/muscles/{slug}"' in client.get("/").get_data(as_text=True)
    for url in (f"/muscles/{slug}", f"/stride/toe-off/{slug}", f"/present/{slug}", f"/stride/frames/{slug}"):
        assert client.get(url).status_code == 200, url
    assert "Peroneals" in client.get(f"/muscles/{slug}").get_data(as_text=True)


def test_a_new_phase_gets_its_own_address_pose_and_chart_column(data_copy):
    slug = add_a_phase(data_copy)
    client = create_app(testing=True, data_dir=data_copy).test_client()
    html = client.get(f"/stride/{slug}").get_data(as_text=True)
    assert "Foot strike" in html and html.count('class="chart__column') == 7
    assert client.get("/stride/frames").get_data(as_text=True).count("<template ") == 7


def test_the_route_tests_pass_unchanged_on_the_extended_data(data_copy):
    # One copy with every kind of addition at once (a twelfth muscle, a seventh phase, a fifth
    # speed, another place and problem): each addition alone is tested above, and one run of
    # the route tests over all of them costs a quarter of four runs.
    for change in (add_a_muscle, add_a_phase, add_a_speed, add_a_spot_and_a_problem):
        change(data_copy)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *ROUTE_TESTS, *NOT_ABOUT_ROUTES],
        cwd=PROJECT_ROOT,
        env={**os.environ, "STRIDE_ANATOMY_DATA_DIR": str(data_copy)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
