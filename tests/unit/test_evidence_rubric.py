"""Evidence ratings follow one written rubric (data/evidence.yaml).

The rubric says in plain words what makes evidence strong, moderate, weak or contested, and
gives each level a rule over the study designs of the cited sources (``design:`` in
sources.yaml). Every rated item in the content must meet the rule of its level. The loader
refuses a rating its sources cannot carry, so these tests pin down the rule itself.
"""

from __future__ import annotations

import pytest

from harness.readability import measure
from tests.conftest import real_content
from webapp.content.loader import ContentError, load_atlas

RUBRIC = real_content().atlas.evidence
READER_GRADE = 8


def meets(level: str, designs: list[str]) -> bool:
    """Whether sources of these designs are enough for this level of the rubric."""
    return RUBRIC.level(level).admits(designs)


# --- the rubric itself ---


@pytest.mark.parametrize("part", ["intro", "levels", "designs"])
def test_the_rubric_is_written_for_a_grade_8_reader(part):
    texts = [RUBRIC.intro] if part == "intro" else [item.meaning for item in getattr(RUBRIC, part)]
    assert measure(" ".join(texts)).grade <= READER_GRADE


def test_strong_needs_a_systematic_review_or_two_randomised_trials():
    assert meets("strong", ["systematic-review"])
    assert meets("strong", ["rct", "rct"])
    assert not meets("strong", ["rct", "case-series"])
    assert not meets("strong", ["guideline", "rct"])
    assert not meets("strong", ["cohort", "cohort", "lab-study"])


def test_moderate_needs_one_trial_or_several_observational_or_lab_studies():
    assert meets("moderate", ["rct"])
    assert meets("moderate", ["lab-study", "cohort"])
    assert not meets("moderate", ["lab-study"])
    assert not meets("moderate", ["simulation", "simulation", "narrative-review"])


def test_weak_needs_at_least_one_source_of_any_kind():
    assert meets("weak", ["other"])
    assert not meets("weak", [])


def test_contested_needs_two_sides_and_at_least_one_good_study():
    assert meets("contested", ["systematic-review", "guideline"])
    assert not meets("contested", ["systematic-review"])
    assert not meets("contested", ["narrative-review", "simulation"])


# --- the content: every rating is checked at start-up ---


def test_a_rating_its_sources_cannot_carry_stops_start_up(data_copy):
    file = data_copy / "muscles" / "heart.yaml"
    text = file.read_text(encoding="utf-8")
    weak = text.index("evidence: weak")
    file.write_text(text[:weak] + "evidence: strong" + text[weak + len("evidence: weak") :], encoding="utf-8")
    with pytest.raises(ContentError, match=r"heart\.yaml: risks\[\d+\]\.evidence: 'strong' needs more than"):
        load_atlas(data_copy)
