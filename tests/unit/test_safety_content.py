"""Safety rules for the training and soreness pages, checked over the raw data files.

1. The example week never puts strength work on the day before a hard run (intervals, hills,
   the long run...), as the training page's own principle says. Which runs are hard is read
   from each day's ``run`` text by one rule, tested below, so the data needs no extra field.
2. Every warning sign a sports physiotherapist expects is a record of ``red_flags.yaml`` at the
   right tier (issue 9, items 16 and 17; issue 18, items 1-6), matched on its key words.
3. The handed-over wording faults of issue 18 stay fixed: the acute compartment syndrome is
   told from the chronic one, heat stroke does not hinge on feeling hot, the calf clot sign
   does not reassure, and tendon rehab is not offered for today's soreness.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from webapp import PROJECT_ROOT
from webapp.content.records import read_yaml

TRAINING = read_yaml(PROJECT_ROOT / "data" / "training.yaml")
SORENESS = read_yaml(PROJECT_ROOT / "data" / "soreness.yaml")
FLAGS = read_yaml(PROJECT_ROOT / "data" / "red_flags.yaml")["red_flags"]
GLOSSARY = read_yaml(PROJECT_ROOT / "data" / "glossary.yaml")["terms"]

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


def plain(text: str) -> str:
    """Text in lower case with its white space folded, for matching key words."""
    return " ".join(text.lower().split())


def flag_text(flag: dict) -> str:
    """Everything one warning sign says: title, sign and meaning."""
    return plain(" ".join([flag["title"], flag["sign"], flag["meaning"]]))


def flag(slug: str) -> dict:
    """One warning sign by its slug."""
    found = [item for item in FLAGS if item["slug"] == slug]
    assert len(found) == 1, f"red_flags.yaml has no single record '{slug}'"
    return found[0]


# Each red flag: its tier and groups of key words; some record of that tier must match a word
# of every group.
RED_FLAGS = {
    # Issue 9, item 16, and issue 18, items 1, 4, 5, 6: call 999 / 112 / 911 now.
    "exertional heat stroke: cool first, call for help": ("emergency", [["heat stroke"], ["cool"], ["call"]]),
    "exercise-associated hyponatraemia": (
        "emergency",
        [["hyponatraemia", "hyponatremia"], ["salt", "sodium"]],
    ),
    "severe breathlessness": ("emergency", [["severe breathless", "severe shortness of breath"]]),
    "chest pain": ("emergency", [["chest pain"]]),
    "fainting or collapse": ("emergency", [["faint"], ["collapse"], ["cpr"]]),
    "dark urine on its own": ("emergency", [["dark", "cola"], ["urine"], ["no other sign", "on its own"]]),
    "little urine": ("emergency", [["little urine", "less urine", "no urine"]]),
    "acute compartment syndrome": (
        "emergency",
        [["acute compartment syndrome"], ["does not settle", "does not ease"], ["toes"], ["numb"]],
    ),
    "leg clot with sudden breathlessness (pulmonary embolism)": (
        "emergency",
        [["pulmonary embolism"], ["breathless"], ["breathe in"], ["leg"]],
    ),
    "cauda equina syndrome": (
        "emergency",
        [["cauda equina"], ["between the legs"], ["bottom"], ["urine", "bladder"], ["both legs"]],
    ),
    "anaphylaxis": ("emergency", [["anaphylaxis"], ["swell"], ["breath"], ["adrenaline"]]),
    "an asthma attack the reliever does not settle": ("emergency", [["asthma"], ["reliever", "inhaler"]]),
    "hypothermia on cold or wet runs": ("emergency", [["hypothermia"], ["cold"], ["wet", "rain"]]),
    "low blood sugar in runners with diabetes": ("emergency", [["diabetes"], ["blood sugar"], ["sugary"]]),
    "serious head injury": ("emergency", [["head"], ["knocked out"], ["fit"]]),
    # Issue 18, items 2, 3, 5, 6: get seen today.
    "hot, red, swollen joint with fever (septic arthritis)": (
        "same-day",
        [["joint"], ["swelling", "swollen"], ["fever"], ["septic arthritis", "infected joint"]],
    ),
    "a swollen, hot, red calf (deep vein thrombosis)": (
        "same-day",
        [["calf"], ["swollen"], ["warm", "hot"], ["red"], ["vein thrombosis", "blood clot"]],
    ),
    "femoral-neck stress fracture: pain walking, at rest or at night": (
        "same-day",
        [["neck of the thigh bone", "femoral neck"], ["walk"], ["at rest"], ["at night"], ["surgery"]],
    ),
    "Achilles rupture": ("same-day", [["achilles"], ["snap", "pop"], ["kick"], ["tiptoe"]]),
    "proximal hamstring avulsion": ("same-day", [["hamstring"], ["pop"], ["buttock"], ["bruising"]]),
    "a knee that locks, gives way or swells fast": (
        "same-day",
        [["knee"], ["lock"], ["gives way"], ["swell"]],
    ),
    "early signs of low blood salt": (
        "same-day",
        [["low blood salt"], ["headache"], ["sick"], ["puffy", "ring"]],
    ),
    "head injury that needs A&E": ("same-day", [["head"], ["being sick"], ["a&e"]]),
    # Second reading: the NHS back-pain advice puts a fever, weight loss or pain much worse at
    # night under "urgent GP appointment or 111", so this is same-day, not "see a clinician".
    "night pain with fever or weight loss": ("same-day", [["night"], ["fever"], ["weight loss"], ["111"]]),
    # Issue 9, item 17: see a clinician soon.
    "groin or hip pain when running (femoral-neck stress fracture)": (
        "clinician",
        [["groin"], ["hip"], ["run"], ["neck of the thigh bone", "femoral neck", "femoral-neck"]],
    ),
    "front-of-shin pain (stress fracture, chronic compartment syndrome)": (
        "clinician",
        [
            ["front"],
            ["shin"],
            ["bone stress", "stress fracture"],
            ["chronic exertional compartment syndrome"],
        ],
    ),
    "numbness, tingling or weakness": ("clinician", [["numbness"], ["tingling"], ["weakness"]]),
    "missed periods or low energy availability (RED-S)": ("clinician", [["periods"], ["red-s"], ["bone"]]),
    # Issue 18, item 5: a dizzy runner who is still clear-headed gets guidance too.
    "heat exhaustion, with the point to call for help": (
        "self-care",
        [["heat exhaustion"], ["dizzy"], ["clearly"], ["30 minutes"], ["call for help"]],
    ),
}


@pytest.mark.parametrize("red_flag", RED_FLAGS)
def test_every_red_flag_is_a_record_at_its_tier(red_flag):
    tier, groups = RED_FLAGS[red_flag]
    at_tier = [flag_text(item) for item in FLAGS if item["tier"] == tier]
    assert at_tier, f"red_flags.yaml has no '{tier}' record"
    matching = [text for text in at_tier if all(any(word in text for word in group) for group in groups)]
    assert matching, f"'{red_flag}': no {tier} record mentions all of {groups}"


def test_the_key_word_match_tells_a_record_from_a_near_miss():
    heat_stroke = {
        "title": "Collapse",
        "sign": "Collapse in a runner who is very hot.",
        "meaning": "Heat stroke.",
    }
    assert not all(word in flag_text(heat_stroke) for word in ("cool day", "heat stroke"))
    assert all(word in flag_text(flag("heat-stroke")) for word in ("cool day", "heat stroke"))


def test_heat_stroke_does_not_hinge_on_feeling_hot():
    text = flag_text(flag("heat-stroke"))
    assert "who is very hot" not in text and "cool day" in text and "may not feel hot" in text


def test_the_calf_clot_sign_does_not_reassure_and_names_what_raises_the_risk():
    text = flag_text(flag("calf-clot"))
    assert "no clear injury" not in text
    assert all(word in text for word in ("injury", "cast or boot", "journey", "breathless"))


def test_the_glossary_tells_chronic_exertional_from_acute_compartment_syndrome():
    term = next(term for term in GLOSSARY if term["slug"] == "compartment-syndrome")
    definition = plain(term["definition"])
    assert "chronic exertional" in definition and "eases" in definition
    assert "acute" in definition and "does not ease" in definition and "999" in definition
    assert {"acute compartment syndrome", "chronic exertional compartment syndrome"} <= set(term["aliases"])


def test_the_tibialis_anterior_page_tells_the_acute_compartment_syndrome_apart():
    muscle = read_yaml(PROJECT_ROOT / "data" / "muscles" / "tibialis-anterior.yaml")
    risks = " ".join(plain(risk["text"]) for risk in muscle["risks"])
    assert "eases soon after you stop" in risks
    assert "acute compartment syndrome" in risks and "does not ease" in risks and "emergency" in risks


def test_tendon_rehab_is_offered_for_tendon_pain_not_for_todays_soreness():
    tendon = next(level for level in SORENESS["levels"] if level["slug"] == "tendon-pain")
    text = plain(" ".join(tendon["actions"]))
    assert "alfredson" in text and "heavy slow calf raises" in text
    assert "not a treatment for the normal soreness" in text
    normal = next(level for level in SORENESS["levels"] if level["slug"] == "normal-soreness")
    assert "alfredson" not in plain(" ".join(normal["actions"]))
