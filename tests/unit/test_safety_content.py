"""Safety rules for the training and soreness pages, checked over the raw data files.

1. The example week never puts strength work on the day before a hard run (intervals, hills,
   the long run...), as the training page's own principle says. Which runs are hard is read
   from each day's ``run`` text by one rule, tested below, so the data needs no extra field.
2. The soreness page names every red flag a sports physiotherapist expects (issue 9, items 16
   and 17), each at the right level, matched on its key words.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from webapp import PROJECT_ROOT
from webapp.content.records import read_yaml

TRAINING = read_yaml(PROJECT_ROOT / "data" / "training.yaml")
SORENESS = read_yaml(PROJECT_ROOT / "data" / "soreness.yaml")

# A run is hard when its description names a hard session. "Strides" are left out on purpose:
# a few short strides after an easy run do not make it a hard day.
HARD_RUN = re.compile(r"\b(intervals?|hills?|tempo|threshold|races?|racing|fartlek|repeats|long run)\b", re.I)


def is_hard(run: str) -> bool:
    """Whether a day's run, as written in the week, is a hard session."""
    return bool(HARD_RUN.search(run))


def test_the_hard_run_rule_tells_hard_sessions_from_easy_ones():
    assert is_hard("Intervals or hills, after the full warm-up")
    assert is_hard("Long run at an easy, chatty pace")
    assert is_hard("Tempo run, 20 minutes") and is_hard("Hill repeats") and is_hard("Parkrun race")
    assert not is_hard("Easy run, 30–40 minutes")
    assert not is_hard("Rest, or easy cycling or swimming")
    assert not is_hard("Easy run with 4 strides")


def test_the_example_week_has_hard_days_and_strength_days_to_check():
    week = TRAINING["week"]
    assert any(is_hard(day["run"]) for day in week)
    assert any(day.get("strength") for day in week)


def test_no_strength_session_falls_on_the_day_before_a_hard_run():
    week = TRAINING["week"]
    # The week repeats, so Sunday's session is the day before next Monday's run.
    clashes = [
        f"{day['day']} (strength {day['strength']}) before {after['day']} ({after['run']})"
        for day, after in zip(week, week[1:] + week[:1], strict=True)
        if day.get("strength") and is_hard(after["run"])
    ]
    assert not clashes, f"strength the day before a hard run: {clashes}"


def times_a_week() -> Counter:
    """How many days of the example week do each (muscle, exercise) of the sessions."""
    sessions = {session["slug"]: session["exercises"] for session in TRAINING["sessions"]}
    return Counter(
        (item["muscle"], item["exercise"])
        for day in TRAINING["week"]
        if day.get("strength")
        for item in sessions[day["strength"]]
    )


def build_up_of(muscle: str, exercise: str) -> list[dict]:
    """An exercise's week-by-week plan, as written in its muscle's file (empty for most)."""
    card = next(
        e
        for e in read_yaml(PROJECT_ROOT / "data" / "muscles" / f"{muscle}.yaml")["exercises"]
        if e["name"] == exercise
    )
    return card.get("build_up", [])


def test_the_week_gives_every_session_exercise_at_least_twice_unless_it_builds_up_from_once():
    # Issue 9, item 20: the muscles ask for two or three sessions a week; once is too few. An
    # exercise whose trial builds up week by week starts as that trial started (issue 18, item 7).
    done = times_a_week()
    too_few = [name for name, times in done.items() if times < 2 and not build_up_of(*name)]
    assert done and not too_few


def test_the_example_week_does_a_building_exercise_no_more_often_than_its_first_week():
    # Issue 18, item 7: Petersen 2011 starts the Nordic curl with one session in week 1.
    building = {name: build_up_of(*name) for name in times_a_week() if build_up_of(*name)}
    assert ("hamstrings", "Nordic hamstring curl") in building
    for name, plan in building.items():
        assert times_a_week()[name] <= plan[0]["sessions"], f"{name}: more often than week {plan[0]['weeks']}"


def level_text(level: str) -> str:
    """Everything the soreness page says at one level (signs and actions), in lower case."""
    texts = [
        " ".join([item["title"], *item["signs"], *item["actions"]])
        for item in SORENESS["levels"]
        if item["level"] == level
    ]
    assert texts, f"the soreness page has no '{level}' level"
    return " ".join(" ".join(texts).lower().split())


# Each red flag: its level and groups of key words; every group must match one of its words.
RED_FLAGS = {
    # Issue 9, item 16: emergency level.
    "exertional heat stroke: cool first, call for help": (
        "emergency",
        [["heat stroke"], ["cool"], ["call"]],
    ),
    "exercise-associated hyponatraemia": (
        "emergency",
        [["hyponatraemia", "hyponatremia"], ["salt", "sodium"]],
    ),
    "severe breathlessness": ("emergency", [["severe breathless", "severe shortness of breath"]]),
    "chest pain": ("emergency", [["chest pain"]]),
    "dark urine on its own": ("emergency", [["dark", "cola"], ["urine"], ["no other sign", "on its own"]]),
    "little urine": ("emergency", [["little urine", "less urine", "no urine"]]),
    # Issue 9, item 17: see-a-clinician level.
    "groin or hip pain when running (femoral-neck stress fracture)": (
        "clinician",
        [["groin"], ["hip"], ["run"], ["neck of the thigh bone", "femoral neck", "femoral-neck"]],
    ),
    "front-of-shin pain (stress fracture, compartment syndrome)": (
        "clinician",
        [["front of the shin"], ["bone stress", "stress fracture"], ["compartment syndrome"]],
    ),
    "numbness, tingling or weakness": ("clinician", [["numbness"], ["tingling"], ["weakness"]]),
    "a swollen, hot, red calf (deep vein thrombosis)": (
        "clinician",
        [["calf"], ["swollen"], ["warm", "hot"], ["red"], ["vein thrombosis", "blood clot"]],
    ),
    "night pain with fever or weight loss": ("clinician", [["night"], ["fever"], ["weight loss"]]),
    "missed periods or low energy availability (RED-S)": (
        "clinician",
        [["periods"], ["red-s", "reds"], ["bone"]],
    ),
    "a swollen, locking or giving-way joint": ("clinician", [["joint"], ["swell"], ["lock"], ["gives way"]]),
}


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_the_soreness_page_holds_every_red_flag_at_its_level(flag):
    level, groups = RED_FLAGS[flag]
    text = level_text(level)
    missing = [group for group in groups if not any(word in text for word in group)]
    assert not missing, f"'{flag}' at level {level}: no mention of {missing}"
