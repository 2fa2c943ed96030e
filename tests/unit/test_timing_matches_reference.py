"""Each muscle's strong / light / off level in every phase agrees with the reference timing
data, under the rule written in data/stride/reference/timing_rule.yaml (README.md beside it
says why the rule is what it is).

Only the raw YAML and CSV files are read, so the rule holds whatever the loader becomes.
"""

from __future__ import annotations

import csv
from itertools import pairwise
from pathlib import Path

import pytest

from webapp import PROJECT_ROOT
from webapp.content.records import read_yaml

DATA = PROJECT_ROOT / "data"
REFERENCE = DATA / "stride" / "reference"
RULE = read_yaml(REFERENCE / "timing_rule.yaml")
TOE_OFF = float(read_yaml(DATA / "stride" / "kinematics.yaml")["toe_off_percent"])
PHASES = [
    (p["slug"], float(p["start"]), float(p["end"]))
    for p in read_yaml(DATA / "stride" / "phases.yaml")["phases"]
]
LEVELS = ("off", "light", "strong")

Knots = list[tuple[float, float]]  # (percent of our stride, signal), sorted by percent


def on_our_clock(percent: float, toe_off: float) -> float:
    """Stretch stance and swing separately so the reference's toe-off lands on ours."""
    if percent <= toe_off:
        return percent / toe_off * TOE_OFF
    return TOE_OFF + (percent - toe_off) / (100 - toe_off) * (100 - TOE_OFF)


def read_reference(name: str) -> dict[str, Knots]:
    """Every column of one reference table, as knots on our stride's clock."""
    reference = RULE["references"][name]
    with (REFERENCE / reference["file"]).open(newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if float(row["pct"]) < 100]  # 100% repeats 0%
    columns = [column for column in rows[0] if column != "pct"]
    return {
        column: sorted(
            (
                on_our_clock(
                    (float(row["pct"]) + reference["shift_percent"]) % 100, reference["toe_off_percent"]
                ),
                float(row[column]),
            )
            for row in rows
        )
        for column in columns
    }


REFERENCES = {name: read_reference(name) for name in RULE["references"]}


def value_at(knots: Knots, percent: float) -> float:
    """The signal at any moment, linear between knots and round the end of the stride."""
    looped = [(knots[-1][0] - 100, knots[-1][1]), *knots, (knots[0][0] + 100, knots[0][1])]
    for (x0, y0), (x1, y1) in pairwise(looped):
        if x0 <= percent <= x1:
            return y0 if x1 == x0 else y0 + (y1 - y0) * (percent - x0) / (x1 - x0)
    raise ValueError(f"{percent}% is outside the stride")


def peak(knots: Knots, start: float, end: float) -> float:
    """The highest the signal reaches from start to end (a straight line peaks at a knot or an end)."""
    inside = [y for x, y in knots if start < x < end]
    return max([value_at(knots, start), value_at(knots, end), *inside])


def level_of(value: float) -> str:
    thresholds = RULE["levels"]
    return "strong" if value >= thresholds["strong"] else "light" if value >= thresholds["light"] else "off"


def accepted_levels(columns: list[Knots], start: float, end: float) -> tuple[str, set[str]]:
    """The rule's level for a phase, and every level the written tolerance also accepts."""
    edge, margin = RULE["tolerance"]["edge_percent"], RULE["tolerance"]["threshold_margin"]
    middle = (start + end) / 2
    inner_start, inner_end = min(start + edge, middle), max(end - edge, middle)
    full = max(peak(knots, start, end) for knots in columns)
    inner = max(peak(knots, inner_start, inner_end) for knots in columns)
    rule = LEVELS.index(level_of(full))
    low, high = LEVELS.index(level_of(inner - margin)), LEVELS.index(level_of(full + margin))
    return LEVELS[rule], set(LEVELS[max(low, rule - 1) : min(high, rule + 1) + 1])


def expected(slug: str, phase: str) -> tuple[str, set[str]]:
    mapping = RULE["muscles"][slug]
    columns = [REFERENCES[mapping["reference"]][column] for column in mapping["columns"]]
    start, end = next((s, e) for name, s, e in PHASES if name == phase)
    return accepted_levels(columns, start, end)


def content_levels(slug: str) -> dict[str, str]:
    block = read_yaml(DATA / "muscles" / f"{slug}.yaml")["phases"]
    return {name: str(block[name]) for name, _, _ in PHASES}


def test_every_muscle_page_is_either_checked_or_says_why_not():
    pages = {f.stem for f in (DATA / "muscles").glob("*.yaml")} - {"order"}
    assert set(RULE["muscles"]) | set(RULE["not_checked"]) == pages
    assert not set(RULE["muscles"]) & set(RULE["not_checked"])
    assert all(str(reason).strip() for reason in RULE["not_checked"].values())


@pytest.mark.parametrize("slug", sorted(RULE["muscles"]))
def test_each_phase_level_agrees_with_the_reference_within_the_rule(slug):
    wrong = []
    for phase, level in content_levels(slug).items():
        rule, accepted = expected(slug, phase)
        if level not in accepted:
            wrong.append(f"{phase}: page says {level}, the rule reads {rule} (accepts {sorted(accepted)})")
    assert not wrong, f"{slug}: " + "; ".join(wrong)


def test_the_toe_clearance_burst_makes_initial_swing_strong_for_the_shin_muscle():
    assert expected("tibialis-anterior", "initial-swing") == ("strong", {"strong"})


def test_the_trunk_fires_hard_when_the_other_foot_lands_in_initial_swing():
    # The other foot lands at about 49% of the stride, inside initial swing.
    assert expected("core", "initial-swing") == ("strong", {"strong"})


def test_the_simulation_is_moved_earlier_and_both_tables_meet_our_toe_off():
    assert on_our_clock(33.5, 33.5) == pytest.approx(TOE_OFF)
    vasti_peak = max(REFERENCES["emg"]["VL"], key=lambda knot: knot[1])[0]
    assert vasti_peak < TOE_OFF / 2, "the vasti peak in the first half of stance"
    # Adductor magnus peaks at 5% in the simulation: moved 10% earlier, just before landing.
    magnus_peak = max(REFERENCES["simulation"]["ADDMAG"], key=lambda knot: knot[1])[0]
    assert 90 < magnus_peak < 100


@pytest.mark.parametrize(
    ("signal", "rule", "accepted"),
    [
        ({0: 0.0, 50: 0.9, 99: 0.0}, "strong", {"strong"}),  # a burst in the middle of the phase
        ({0: 0.0, 50: 0.3, 99: 0.0}, "light", {"light"}),
        ({0: 0.0, 50: 0.05, 99: 0.0}, "off", {"off"}),
        ({0: 0.0, 50: 0.52, 99: 0.0}, "strong", {"light", "strong"}),  # just over a threshold
        ({0: 0.0, 55: 0.0, 60: 0.9, 65: 0.0}, "strong", {"light", "strong"}),  # peak at the edge
        ({0: 0.0, 59: 0.0, 60: 0.9, 61: 0.0}, "strong", {"light", "strong"}),  # never two levels
    ],
)
def test_the_rule_reads_made_up_signals_as_written(signal, rule, accepted):
    # The phase runs from 40% to 60% of the stride.
    knots = [(float(x), y) for x, y in sorted(signal.items())]
    assert accepted_levels([knots], 40.0, 60.0) == (rule, accepted)


def test_the_reference_files_are_the_ones_the_rule_names():
    for reference in RULE["references"].values():
        assert Path(REFERENCE / reference["file"]).is_file()
