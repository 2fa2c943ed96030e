"""Every exercise card says where its dose comes from (issue 18, item 11): the trial that
used it, by name; or common practice where the cited study measured muscle activity; or
common practice with no trial. The cards are listed from the data."""

from __future__ import annotations

import html
import re

import pytest

from webapp.content.loader import ContentError, load_atlas
from webapp.content.model import TRIAL_DESIGNS

PLAIN_WORDS = {
    "trial": "the trial that used it",
    "muscle-activity": "common practice; the study measured muscle activity, not this dose",
    "practice": "common practice, no trial",
}


def cards(page: str) -> list[str]:
    """The exercise cards of a page, as text."""
    found = re.findall(r'<li class="card"[^>]*>(.*?)</li>', page, flags=re.S)
    return [
        html.unescape(re.sub(r"<[^>]+>", "", card)) for card in found if "Where this dose comes from" in card
    ]


def card_for(page: str, name: str) -> str:
    return next(card for card in cards(page) if name in card)


def test_every_exercise_has_a_dose_origin_and_a_trial_is_one_of_its_own_trial_sources(atlas):
    for muscle in atlas.muscles:
        for exercise in muscle.exercises:
            origin = exercise.dose_from
            if origin.kind == "trial":
                assert origin.trial in exercise.sources
                assert atlas.sources[origin.trial].design in TRIAL_DESIGNS
            if origin.kind == "muscle-activity":
                assert exercise.sources, f"{muscle.slug}: {exercise.name} names no study"


def test_every_muscle_page_shows_each_cards_dose_origin_in_plain_words(client, each_muscle, atlas):
    page = client.get(f"/muscles/{each_muscle.slug}").get_data(as_text=True)
    assert len(cards(page)) == len(each_muscle.exercises)
    for exercise in each_muscle.exercises:
        card = card_for(page, exercise.name)
        assert PLAIN_WORDS[exercise.dose_from.kind] in card
        if exercise.dose_from.trial:
            assert atlas.sources[exercise.dose_from.trial].short_name in card
        if exercise.dose_from.note:
            assert exercise.dose_from.note in card


def test_the_training_page_shows_the_dose_origin_on_every_session_card(client, atlas):
    page = client.get("/training").get_data(as_text=True)
    shown = [item for session in atlas.training.sessions for item in session.exercises]
    assert len(cards(page)) == len(shown)
    for item, card in zip(shown, cards(page), strict=True):
        assert PLAIN_WORDS[atlas.exercise(item).dose_from.kind] in card


def test_a_cited_study_of_muscle_activity_is_never_named_as_the_dose_source(atlas):
    # The EMG studies measured one session; none prescribed sets, reps or a weekly dose.
    activity_only = {
        "ekstrom2007",
        "distefano2009",
        "macadam2015",
        "contreras2015",
        "krauseneto2020",
        "macaskill2014",
    }
    named = {e.dose_from.trial for m in atlas.muscles for e in m.exercises if e.dose_from.trial}
    assert named and not named & activity_only


def test_the_nordic_card_names_petersen_and_shows_the_plan_week_by_week(client, atlas):
    page = client.get("/muscles/hamstrings").get_data(as_text=True)
    card = card_for(page, "Nordic hamstring curl")
    assert "the trial that used it, Petersen and others, 2011" in card
    assert "week by week" in card


BROKEN_ORIGINS = [
    (
        "    dose_from:\n      kind: trial\n      trial: petersen2011\n",
        "    dose_from:\n      kind: trial\n",
        "name the trial",
    ),
    ("      trial: petersen2011\n", "      trial: beyer2015\n", "must also be in this exercise's sources"),
    (
        "      kind: trial\n      trial: petersen2011\n",
        "      kind: practice\n      trial: petersen2011\n",
        "only for kind: trial",
    ),
    (
        "      kind: trial\n      trial: petersen2011\n",
        "      kind: guesswork\n",
        "must be one of trial, muscle-activity, practice",
    ),
]


@pytest.mark.parametrize(("old", "new", "problem"), BROKEN_ORIGINS)
def test_a_wrong_dose_origin_stops_start_up_with_file_and_field(data_copy, old, new, problem):
    file = data_copy / "muscles" / "hamstrings.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_atlas(data_copy)
    assert caught.value.file.endswith("hamstrings.yaml")
    assert caught.value.field.startswith("exercises[0]")
    assert problem in caught.value.problem


def test_a_study_that_is_not_a_trial_cannot_be_the_dose_source(data_copy):
    file = data_copy / "muscles" / "core.yaml"
    text = file.read_text(encoding="utf-8").replace(
        "    dose_from:\n      kind: muscle-activity\n",
        "    dose_from:\n      kind: trial\n      trial: ekstrom2007\n",
        1,
    )
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="not a trial that tested a dose"):
        load_atlas(data_copy)
