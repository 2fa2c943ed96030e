"""The content is complete and plain-spoken: what every muscle page and guide must contain
beyond what the loader already enforces, checked over the real data."""

from __future__ import annotations

import pytest

from harness.readability import measure, muscle_prose, soreness_prose, training_prose
from tests.conftest import real_content
from webapp.content.model import TIERS

SEED_MUSCLES = ["glutes", "quadriceps", "hip-flexors", "hamstrings", "core", "calves", "big-toe", "heart"]
READING_GRADE = 8  # the last year of primary school in many countries


def test_the_eight_muscles_of_the_source_article_are_all_there(atlas):
    assert set(SEED_MUSCLES) <= {m.slug for m in atlas.muscles}


def test_every_muscle_has_a_myth_check(each_muscle):
    assert each_muscle.myths


def test_every_source_is_cited_somewhere(atlas):
    cited = {s for m in atlas.muscles for s in m.cited_source_ids()}
    cited |= {s for item in (*atlas.training.principles, atlas.training.warm_up) for s in item.sources}
    cited |= set(atlas.soreness_source_ids()) | {s for term in atlas.glossary for s in term.sources}
    cited |= {s for phase in atlas.phases for s in phase.sources} | set(atlas.stride.sources)
    cited |= set(atlas.speeds.sources) | {s for mark in atlas.speeds.research for s in mark.sources}
    cited |= set(atlas.speeds.myth.sources if atlas.speeds.myth else ())
    cited |= set(atlas.pain.source_ids())
    assert set(atlas.sources) - cited == set()


def test_every_drawn_muscle_is_a_muscle_in_the_data(atlas):
    assert set(real_content().figure.views["side"].shapes) <= {m.slug for m in atlas.muscles}


def test_no_two_muscles_share_a_summary(atlas):
    summaries = [m.summary for m in atlas.muscles]
    assert len(set(summaries)) == len(summaries)


def test_a_summary_is_one_short_sentence(each_muscle):
    assert each_muscle.summary.count(". ") == 0 and len(each_muscle.summary.split()) <= 35


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
def test_the_articles_claims_each_get_a_myth_check(atlas, slug, claim_words):
    myths = [m for m in atlas.muscle(slug).myths if m.said_by == "The source article"]
    assert any(claim_words.lower() in m.claim.lower() for m in myths)


def test_the_warm_up_prepares_every_muscle(atlas):
    prepared = {s for drill in atlas.training.warm_up.drills for s in drill.prepares}
    assert prepared == {m.slug for m in atlas.muscles}


def test_the_soreness_guide_has_every_tier_most_urgent_first(atlas):
    tiers = [level.tier for level in atlas.soreness.levels]
    assert tiers == sorted(tiers, key=TIERS.index)
    assert set(tiers) == set(TIERS)


def test_each_panel_reads_at_or_below_grade_eight(each_muscle):
    assert measure(muscle_prose(each_muscle)).grade <= READING_GRADE


def test_the_guides_read_at_or_below_grade_eight(atlas):
    assert measure(training_prose(atlas.training)).grade <= READING_GRADE
    assert measure(soreness_prose(atlas.soreness, atlas.red_flags)).grade <= READING_GRADE


def test_the_glossary_reads_at_or_below_grade_eight(atlas):
    assert measure(" ".join(term.definition for term in atlas.glossary)).grade <= READING_GRADE


def test_the_readability_measure_tells_plain_from_dense_prose():
    plain = "The calf lifts the heel. It helps you push off. Then the foot leaves the ground."
    dense = (
        "Musculotendinous elastic energy utilisation notwithstanding, plantarflexor "
        "electromyographic amplitude demonstrates considerable interindividual variability "
        "contingent upon locomotor velocity and footstrike characteristics."
    )
    assert measure(plain).grade < 5 < READING_GRADE < measure(dense).grade
