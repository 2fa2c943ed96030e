"""The "Where does it hurt?" content: spots by body area, problems most common in runners first,
every warning sign a real red flag with its tier, and every editing mistake refused at
start-up with the file and the field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from webapp.content.loader import ContentError, load_atlas
from webapp.content.model import PAIN_VIEWS

# The places the issue asks the map to cover (its list, as slugs), and the entry beside the figure.
ISSUE_SPOTS = {
    "kneecap", "below-kneecap", "inner-knee", "outer-knee", "inner-shin", "front-of-shin",
    "point-of-hip", "groin-front-of-hip", "low-back", "buttock-sitting-bone", "back-of-thigh",
    "calf", "achilles", "back-of-heel", "under-heel-arch", "top-of-forefoot", "outer-ankle", "chest",
    "feeling-unwell",
}  # fmt: skip
FOOT_VIEWS = {"foot-side", "foot-back", "sole"}
# Words that tell a reader what they have, instead of teaching them.
DIAGNOSIS = re.compile(
    r"\byou(?:'ve| have) (?:got )?(?!to\b|been\b)|\bit'?s probably\b|\bit is probably\b|\bmost likely\b", re.I
)


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file.name}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_map_has_every_spot_the_issue_lists(atlas):
    assert {spot.slug for spot in atlas.pain.spots} >= ISSUE_SPOTS


def test_foot_and_ankle_spots_are_drawn_on_the_foot_inset(atlas):
    ankle_and_foot = next(area for area in atlas.pain.areas if area.slug == "ankle-and-foot")
    for spot in ankle_and_foot.spots:
        assert FOOT_VIEWS & {view.view for view in spot.views}, spot.slug


def test_every_spot_but_the_unwell_entry_is_drawn_in_a_view_of_the_figure(atlas):
    for spot in atlas.pain.spots:
        views = {view.view for view in spot.views}
        assert views <= set(PAIN_VIEWS)
        assert bool(views) == (spot.slug != "feeling-unwell"), spot.slug


def test_chest_and_feeling_unwell_lead_with_emergency_signs_and_list_no_injuries(atlas):
    for slug in ("chest", "feeling-unwell"):
        spot = atlas.pain.spot(slug)
        assert spot.problems == () and spot.note is not None
        assert atlas.flags_named(spot.red_flags)[0].tier == "emergency"
    unwell = {flag.slug for flag in atlas.flags_named(atlas.pain.spot("feeling-unwell").red_flags)}
    assert {"heat-stroke", "low-blood-salt", "collapse", "chest-pain"} <= unwell


def test_every_spot_and_problem_names_its_warning_signs(atlas):
    for item in (*atlas.pain.spots, *atlas.pain.problems):
        assert atlas.flags_named(item.red_flags), item.slug


def test_growing_runners_have_sourced_lines_for_heel_and_below_the_kneecap(atlas):
    for slug in ("back-of-heel", "below-kneecap"):
        assert atlas.pain.spot(slug).growing.sources
    limp = next(flag for flag in atlas.red_flags.red_flags if flag.slug == "child-limp")
    assert limp.tier == "same-day" and "knee" in limp.sign and "limp" in limp.sign
    knee_and_thigh = [s for s in atlas.pain.spots if s.slug in {"kneecap", "below-kneecap", "back-of-thigh"}]
    assert all("child-limp" in spot.red_flags for spot in knee_and_thigh)


def test_a_spots_problems_are_shown_most_common_in_runners_first(atlas):
    order = [problem.slug for problem in atlas.pain.problems]
    for spot in atlas.pain.spots:
        shown = [problem.slug for problem in atlas.pain.problems_at(spot)]
        assert shown == sorted(shown, key=order.index)
        assert set(shown) == set(spot.problems)


def test_every_linked_exercise_card_was_tested_by_a_trial_the_problem_cites(atlas):
    linked = 0
    for problem in atlas.pain.problems:
        for item in problem.helps:
            for link in item.exercises:
                exercise = atlas.exercise(link)
                assert exercise.dose_from.kind == "trial" and exercise.dose_from.trial in item.sources
                linked += 1
    assert linked >= 3  # Achilles (two cards) and heel pain (one) at least


def test_the_content_never_uses_diagnosis_language(atlas):
    texts = [atlas.pain.intro, *(c.text for c in atlas.pain.medicines_and_ice)]
    for spot in atlas.pain.spots:
        texts += [spot.name, spot.where, *(c.text for c in (spot.note, spot.growing) if c)]
    for problem in atlas.pain.problems:
        texts += [problem.summary, problem.how_common.text, problem.recovery.text]
        texts += [c.text for c in (*problem.feels, *problem.helps)]
    assert [text for text in texts if DIAGNOSIS.search(text)] == []


def test_the_medicine_line_is_the_pharmacist_line_and_ice_shows_both_sides(atlas):
    lines = [item.text for item in atlas.pain.medicines_and_ice]
    assert lines[0] == "A pharmacist can advise on pain relief."
    ice = next(item for item in atlas.pain.medicines_and_ice if "ice" in item.text.split())
    assert {"nhs-running-injuries", "dubois2020"} <= set(ice.sources)


# One editing mistake per row: the file, the text changed, the field the message must name.
# fmt: off
BROKEN = [
    ("pain/problems.yaml", "    muscles: [quadriceps, glute-medius, glutes]", "    muscles: [quadriceps, spleen]", "problems[0].muscles[1]", "'spleen' is not a muscle"),
    ("pain/problems.yaml", "    red_flags: [achilles-rupture]", "    red_flags: []", "problems[1].red_flags", "at least one"),
    ("pain/problems.yaml", "    red_flags: [achilles-rupture]\n", "", "problems[1].red_flags", "is missing"),
    ("pain/problems.yaml", "    red_flags: [achilles-rupture]", "    red_flags: [achilles-snap]", "problems[1].red_flags[0]", "not a red flag"),
    ("pain/problems.yaml", "      sources: [francis2019]\n", "", "problems[0].how_common.sources", "is missing"),
    ("pain/problems.yaml", "      sources: [francis2019]\n", "      sources: []\n", "problems[0].how_common.sources", "at least one"),
    ("pain/problems.yaml", "        evidence: moderate\n        sources: [winters2021]", "        evidence: strong\n        sources: [crossley2016]", "problems[0].helps[0].evidence", "needs more than"),
    ("pain/problems.yaml", "            exercise: Heavy slow calf raise", "            exercise: Wall sit", "problems[1].helps[1].exercises[0].exercise", "is not an exercise of calves"),
    ("pain/problems.yaml", "            exercise: Heavy slow calf raise", "            exercise: Single-leg calf raise to fatigue", "problems[1].helps[1].exercises[0]", "tested"),
    ("pain/spots.yaml", "        problems: [patellofemoral-pain]", "        problems: [runners-knee]", "areas[2].spots[1].problems[0]", "not a problem"),
    ("pain/spots.yaml", "        red_flags: [knee-injury, hot-swollen-joint, child-limp]", "        red_flags: [knee-locks]", "areas[2].spots[1].red_flags[0]", "not a red flag"),
    ("pain/spots.yaml", "          - view: front\n            anchor: kneecap", "          - view: top\n            anchor: kneecap", "areas[2].spots[1].views[0].view", "must be one of"),
    ("pain/spots.yaml", "            anchor: below-kneecap", "            anchor: kneecap", "areas[2].spots[2].views[0].anchor", "already the anchor of 'kneecap'"),
    ("pain/spots.yaml", "      - slug: below-kneecap", "      - slug: kneecap", "areas[2].spots[2].slug", "used by two spots"),
    ("pain/spots.yaml", "        problems: [itb-syndrome]", "        problems: []", "areas[2].spots[4]", "needs a note"),
    ("red_flags.yaml", "    tier: same-day\n    title: A child", "    tier: soon\n    title: A child", "red_flags[23].tier", "must be one of"),
]
# fmt: on


@pytest.mark.parametrize(("file", "old", "new", "field", "problem"), BROKEN, ids=[row[3] for row in BROKEN])
def test_a_broken_pain_file_is_refused_with_its_file_and_field(data_copy, file, old, new, field, problem):
    edit(data_copy / file, old, new)
    with pytest.raises(ContentError) as caught:
        load_atlas(data_copy)
    assert caught.value.file.endswith(file)
    assert caught.value.field == field
    assert problem in caught.value.problem


def test_a_problem_that_no_spot_lists_is_refused_in_the_problems_file(data_copy):
    edit(
        data_copy / "pain/spots.yaml",
        "        problems: [itb-syndrome]",
        "        problems: [patellofemoral-pain]",
    )
    with pytest.raises(ContentError) as caught:
        load_atlas(data_copy)
    assert caught.value.file.endswith("pain/problems.yaml")
    assert (caught.value.field, "at no spot" in caught.value.problem) == ("problems[4].slug", True)


def test_every_spots_where_line_is_a_whole_sentence(atlas):
    """A place's slide follows it with "For learning, not a diagnosis." (templates/present_pain.html)."""
    assert [s.slug for s in atlas.pain.spots if not s.where.rstrip().endswith((".", "?", "!"))] == []
