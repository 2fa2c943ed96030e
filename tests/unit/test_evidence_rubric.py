"""Evidence ratings follow one written rubric (data/evidence.yaml).

The rubric says in plain words what makes evidence strong, moderate, weak or contested, and
gives each level a rule over the study designs of the cited sources (``design:`` in
sources.yaml). Every rated item in the content must meet the rule of its level. Only the raw
YAML is read, so the rules hold whatever the loader becomes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from devtools.readability import measure
from webapp import PROJECT_ROOT
from webapp.content.model import EVIDENCE_LEVELS, STUDY_DESIGNS
from webapp.content.records import read_yaml

DATA = PROJECT_ROOT / "data"
RUBRIC = read_yaml(DATA / "evidence.yaml")
LEVELS = {level["level"]: level for level in RUBRIC["levels"]}
DESIGN_OF = {source["id"]: source["design"] for source in read_yaml(DATA / "sources.yaml")["sources"]}
READER_GRADE = 8


def meets(level: str, designs: list[str]) -> bool:
    """Whether sources of these designs are enough for this level of the rubric."""
    rubric = LEVELS[level]
    if len(designs) < rubric.get("at_least_sources", 1):
        return False
    return any(
        sum(design in clause["designs"] for design in designs) >= clause["at_least"]
        for clause in rubric["rule"]
    )


def rated_items(data: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every mapping with an ``evidence:`` rating, with its path as the loader writes it."""
    if isinstance(data, dict):
        if "evidence" in data:
            yield path, data
        for key, value in data.items():
            yield from rated_items(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from rated_items(item, f"{path}[{index}]")


def all_rated_items() -> list[tuple[str, dict]]:
    found = []
    for file in sorted(DATA.rglob("*.yaml")):
        if DATA / "ledger" in file.parents or file.name == "evidence.yaml":
            continue
        name = str(file.relative_to(DATA))
        found += [(f"{name} {path}", item) for path, item in rated_items(read_yaml(file))]
    return found


RATED = all_rated_items()


# --- the rubric itself ---


def test_the_rubric_rates_with_exactly_the_levels_the_content_uses():
    assert tuple(LEVELS) == EVIDENCE_LEVELS


def test_the_rubric_explains_every_study_design_and_names_no_other():
    assert tuple(d["design"] for d in RUBRIC["designs"]) == STUDY_DESIGNS
    for level in LEVELS.values():
        for clause in level["rule"]:
            assert set(clause["designs"]) <= set(STUDY_DESIGNS), level["level"]


@pytest.mark.parametrize("part", ["intro", "levels", "designs"])
def test_the_rubric_is_written_for_a_grade_8_reader(part):
    texts = [RUBRIC["intro"]] if part == "intro" else [i["meaning"] for i in RUBRIC[part]]
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


# --- the content ---


def test_the_content_has_rated_items_to_check():
    assert len(RATED) >= 10


@pytest.mark.parametrize("where, item", RATED, ids=[where for where, _ in RATED])
def test_every_rating_is_backed_by_the_designs_its_level_needs(where, item):
    cited = item.get("sources") or []
    designs = [DESIGN_OF.get(source, "unknown") for source in cited]
    level = item["evidence"]
    described = ", ".join(f"{s} ({d})" for s, d in zip(cited, designs, strict=True))
    assert meets(level, designs), (
        f"'{level}' is not backed by {described}: {LEVELS[level]['meaning'].strip()}"
    )


def test_every_source_names_its_study_design():
    assert set(DESIGN_OF.values()) <= set(STUDY_DESIGNS)
