"""The content is complete, sourced and plain-spoken: a specification of what every muscle
page and guide must contain, checked over the real data."""

from __future__ import annotations

import re

import pytest

from devtools.readability import measure, muscle_prose, soreness_prose, training_prose
from webapp import PROJECT_ROOT
from webapp.content.loader import load_atlas
from webapp.content.records import DOI_PATTERN, URL_PATTERN
from webapp.figure.shapes import MUSCLE_SHAPES

ATLAS = load_atlas(PROJECT_ROOT / "data")
MUSCLES = {m.slug: m for m in ATLAS.muscles}
REQUIRED_SLUGS = [
    "glutes", "quadriceps", "hip-flexors", "hamstrings", "core", "calves", "big-toe", "heart",
    "glute-medius", "tibialis-anterior", "adductors",
]  # fmt: skip
SCHOOL_LEAVER_GRADE = 12


def test_the_eight_seed_muscles_and_the_three_new_ones_are_all_there():
    assert set(REQUIRED_SLUGS) <= set(MUSCLES)


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_every_muscle_has_every_section(slug):
    muscle = MUSCLES[slug]
    assert muscle.name and muscle.group and muscle.parts and muscle.summary
    assert muscle.stride, "what it does in the stride"
    assert set(muscle.timing.intensities) == {p.slug for p in ATLAS.phases}, "when in the stride"
    assert muscle.risks and all(r.evidence for r in muscle.risks), "weak/tight risks with evidence"
    assert muscle.exercises, "how to strengthen it"
    assert muscle.myths, "a myth check"
    assert muscle.key_number.value and muscle.key_number.meaning, "a number for the classroom"
    assert ATLAS.sources_by_id(muscle.cited_source_ids()), "sources"


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_every_claim_cites_a_source_from_the_source_list(slug):
    muscle = MUSCLES[slug]
    claims = [*muscle.stride, *muscle.risks, *muscle.myths, muscle.key_number, muscle.timing]
    for claim in claims:
        assert claim.sources, f"{slug}: uncited claim {claim}"
        assert set(claim.sources) <= set(ATLAS.sources)


def test_guide_pages_cite_their_claims():
    for item in (*ATLAS.training.principles, ATLAS.training.warm_up_intro, *ATLAS.soreness.levels):
        assert item.sources and set(item.sources) <= set(ATLAS.sources)


@pytest.mark.parametrize("source", ATLAS.sources.values(), ids=lambda s: s.id)
def test_every_source_has_authors_a_year_a_title_a_venue_and_a_working_link(source):
    assert source.authors and source.title and source.venue
    assert 1900 < source.year <= 2026
    assert (source.doi and DOI_PATTERN.match(source.doi)) or (source.url and URL_PATTERN.match(source.url))
    assert re.match(r"^https://(doi\.org/10\.|[\w.-]+\.\w+/)", source.link)


def test_every_source_is_cited_somewhere():
    cited = {s for m in ATLAS.muscles for s in m.cited_source_ids()}
    cited |= {s for item in (*ATLAS.training.principles, ATLAS.training.warm_up_intro) for s in item.sources}
    cited |= {s for level in ATLAS.soreness.levels for s in level.sources}
    cited |= {"hamner2013", "novacheck1998"}  # the stride data and phase definitions
    assert set(ATLAS.sources) - cited == set()


def test_every_exercise_has_a_full_dose_a_cue_and_a_progression():
    for muscle in ATLAS.muscles:
        for exercise in muscle.exercises:
            assert exercise.sets and exercise.reps and exercise.frequency, exercise.name
            assert exercise.cue and exercise.progression, exercise.name


def test_every_slug_referenced_anywhere_is_a_real_muscle():
    referenced = {s for m in ATLAS.muscles for s in m.related}
    referenced |= {e.muscle for session in ATLAS.training.sessions for e in session.exercises}
    referenced |= {s for drill in ATLAS.training.drills for s in drill.prepares}
    referenced |= set(MUSCLE_SHAPES)
    assert referenced <= set(MUSCLES)


def test_no_two_muscles_share_a_summary():
    summaries = [m.summary for m in ATLAS.muscles]
    assert len(set(summaries)) == len(summaries)


def test_summaries_are_one_short_sentence():
    for muscle in ATLAS.muscles:
        assert muscle.summary.count(". ") == 0 and len(muscle.summary.split()) <= 35, muscle.slug


@pytest.mark.parametrize(
    ("slug", "claim_words"),
    [
        ("quadriceps", "propel"),
        ("calves", "1,500"),
        ("glutes", "IT band"),
        ("glutes", "runner's knee"),
        ("hip-flexors", "lengthens your stride"),
        ("hamstrings", "weak hamstrings"),
        ("core", "faster running times"),
        ("big-toe", "push off your big toe"),
        ("heart", "rest days"),
    ],
)
def test_the_articles_claims_each_get_a_myth_check(slug, claim_words):
    myths = [m for m in MUSCLES[slug].myths if m.said_by == "The source article"]
    assert any(claim_words.lower() in m.claim.lower() for m in myths)


def test_the_warm_up_prepares_every_muscle():
    prepared = {s for drill in ATLAS.training.drills for s in drill.prepares}
    assert prepared == set(MUSCLES)


def test_the_soreness_guide_runs_from_normal_to_emergency():
    assert [level.level for level in ATLAS.soreness.levels] == ["normal", "caution", "clinician", "emergency"]
    emergency = ATLAS.soreness.levels[-1]
    assert any("chest pain" in sign.lower() for sign in emergency.signs)
    assert any("cola" in sign.lower() for sign in emergency.signs)


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_each_panel_reads_at_or_below_school_leaver_level(slug):
    assert measure(muscle_prose(MUSCLES[slug])).grade <= SCHOOL_LEAVER_GRADE


def test_the_guides_read_at_or_below_school_leaver_level():
    assert measure(training_prose(ATLAS.training)).grade <= SCHOOL_LEAVER_GRADE
    assert measure(soreness_prose(ATLAS.soreness)).grade <= SCHOOL_LEAVER_GRADE


def test_the_readability_measure_tells_plain_from_dense_prose():
    plain = "The calf lifts the heel. It helps you push off. Then the foot leaves the ground."
    dense = (
        "Musculotendinous elastic energy utilisation notwithstanding, plantarflexor "
        "electromyographic amplitude demonstrates considerable interindividual variability "
        "contingent upon locomotor velocity and footstrike characteristics."
    )
    assert measure(plain).grade < 5 < SCHOOL_LEAVER_GRADE < measure(dense).grade
