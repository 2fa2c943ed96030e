"""Every claim in the content is matched to what its source says: the claim ledger.

Each content file in ``data/`` (any YAML file with at least one claim-bearing item) has a
ledger at ``data/ledger/<same path>``. A claim-bearing item is a mapping with a ``sources:``
key, and every exercise (an item of a top-level ``exercises:`` list), sourced or not. The
rules are those of CONTENT-SPEC.md, "The claim ledger".

Only the raw YAML is read, not the loaded atlas, so these rules hold whatever the loader
becomes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from webapp import PROJECT_ROOT
from webapp.content.records import read_yaml

DATA = PROJECT_ROOT / "data"
LEDGERS = DATA / "ledger"
CHECKED = ("full-text", "abstract", "record", "could-not-verify")
ENTRY_FIELDS = {"field", "claim", "support", "practice"}
SUPPORT_FIELDS = {"source", "where", "checked"}
TOP_LEVEL = "(top level)"

# Which text a claim must start with, by the list or mapping that holds the item. In
# phases.yaml ``phases`` is a list of phases (their name); in a muscle file it is the timing
# block (its note).
TEXT_FIELD = {
    "stride": "text",
    "timing_note": "text",
    "principles": "text",
    "risks": "condition",
    "exercises": "name",
    "myths": "claim",
    "key_number": "value",
    "levels": "title",
    "warm_up": "intro",
    "research": "text",
    "speed": "text",
    "myth": "claim",
    "red_flags": "sign",
    "terms": "definition",
}
PHASE_LIST_TEXT, TIMING_BLOCK_TEXT = "name", "note"


def fold(text: Any) -> str:
    """Text with every run of white space made one space, as the loader reads it."""
    return " ".join(str(text).split())


def cites_sources(data: dict) -> bool:
    """A ``sources:`` list of source ids (sources.yaml's own ``sources:`` lists the studies)."""
    ids = data.get("sources", ())
    return isinstance(ids, list) and all(isinstance(source, str) for source in ids)


def claim_bearing_items(data: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every claim-bearing mapping in a parsed YAML file, with its path as the loader writes it."""
    if isinstance(data, dict):
        if cites_sources(data):
            yield path or TOP_LEVEL, data
        for key, value in data.items():
            child = f"{path}.{key}" if path else str(key)
            if key == "exercises" and not path and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, dict) and not cites_sources(item):
                        yield f"{child}[{index}]", item
            yield from claim_bearing_items(value, child)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from claim_bearing_items(item, f"{path}[{index}]")


def item_text(field: str, item: dict) -> str | None:
    """The text a ledger claim must begin with, or None where the item has none (top level)."""
    if field == TOP_LEVEL:
        return None
    container = field.rsplit(".", 1)[-1].split("[", 1)[0]
    if container == "phases":
        key = PHASE_LIST_TEXT if field.endswith("]") else TIMING_BLOCK_TEXT
    elif container in TEXT_FIELD:
        key = TEXT_FIELD[container]
    else:
        raise AssertionError(f"{field}: no rule says which text its claim starts with; add one")
    return fold(item[key]) if item.get(key) is not None else None


def content_files() -> list[Path]:
    """Every YAML file in data/ (ledgers aside) that holds at least one claim-bearing item."""
    return sorted(
        file
        for file in DATA.rglob("*.yaml")
        if LEDGERS not in file.parents and any(claim_bearing_items(read_yaml(file)))
    )


def ledger_for(content_file: Path) -> Path:
    return LEDGERS / content_file.relative_to(DATA)


def ledger_entries(content_file: Path) -> list[dict]:
    ledger = ledger_for(content_file)
    assert ledger.exists(), (
        f"{content_file.relative_to(DATA)} has no ledger at {ledger.relative_to(PROJECT_ROOT)}"
    )
    claims = (read_yaml(ledger) or {}).get("claims")
    assert isinstance(claims, list), f"{ledger.relative_to(PROJECT_ROOT)}: needs a 'claims:' list"
    assert all(isinstance(entry, dict) for entry in claims), "every claim is a 'field: ...' mapping"
    return claims


def items_of(content_file: Path) -> dict[str, dict]:
    return dict(claim_bearing_items(read_yaml(content_file)))


def entries_by_field(content_file: Path) -> dict[str, dict]:
    return {str(entry.get("field")): entry for entry in ledger_entries(content_file)}


CONTENT_FILES = content_files()
IDS = [str(file.relative_to(DATA)) for file in CONTENT_FILES]
by_content_file = pytest.mark.parametrize("content_file", CONTENT_FILES, ids=IDS)


# --- the walker itself, on a small example, so the rules below cannot pass vacuously ---


def test_claim_bearing_items_are_found_at_the_paths_the_loader_reports():
    example = {
        "sources": ["a"],
        "studies": {"sources": [{"id": "a", "title": "A study, not a citation"}]},
        "stride": [{"text": "One", "sources": ["a"]}],
        "phases": {"loading": "strong", "note": "Two", "sources": ["b"]},
        "exercises": [{"name": "Squat"}, {"name": "Lunge", "sources": ["c"]}],
        "week": [{"day": "Monday", "run": "Easy"}],
    }
    assert [field for field, _ in claim_bearing_items(example)] == [
        TOP_LEVEL,
        "stride[0]",
        "phases",
        "exercises[0]",
        "exercises[1]",
    ]


def test_a_claim_starts_with_the_right_text_for_each_kind_of_item():
    assert item_text("risks[1]", {"condition": "Shin  pain", "text": "Other"}) == "Shin pain"
    assert item_text("phases[2]", {"name": "Midstance", "why": "x"}) == "Midstance"
    assert item_text("phases", {"note": "Surface EMG", "loading": "strong"}) == "Surface EMG"
    assert item_text("levels[0]", {"title": "Normal soreness", "slug": "s"}) == "Normal soreness"
    with pytest.raises(AssertionError, match="no rule"):
        item_text("mystery[0]", {"text": "?"})


def test_the_real_content_has_ledgers_to_check():
    assert {"training.yaml", "soreness.yaml", "muscles/calves.yaml", "stride/phases.yaml"} <= set(IDS)


# --- the rules, file by file ---


@by_content_file
def test_every_content_file_has_a_ledger_of_claims(content_file):
    for entry in ledger_entries(content_file):
        assert set(entry) <= ENTRY_FIELDS, (
            f"{entry.get('field')}: unknown ledger fields {set(entry) - ENTRY_FIELDS}"
        )


@by_content_file
def test_every_claim_bearing_item_has_exactly_one_ledger_entry_and_no_entry_is_orphaned(content_file):
    fields = [str(entry.get("field")) for entry in ledger_entries(content_file)]
    duplicates = sorted({field for field in fields if fields.count(field) > 1})
    assert not duplicates, f"listed twice in the ledger: {duplicates}"
    items = set(items_of(content_file))
    assert not items - set(fields), f"claim-bearing items with no ledger entry: {sorted(items - set(fields))}"
    assert not set(fields) - items, f"ledger entries with no such item: {sorted(set(fields) - items)}"


@by_content_file
def test_each_claim_is_the_opening_words_of_its_item(content_file):
    items = items_of(content_file)
    for field, entry in entries_by_field(content_file).items():
        claim = fold(entry.get("claim") or "")
        assert claim, f"{field}: claim is empty"
        assert len(claim.split()) <= 10, f"{field}: keep the claim to 10 words or fewer"
        text = item_text(field, items[field]) if field in items else None
        if text is None:
            continue
        assert text.startswith(claim), f"{field}: claim '{claim}' is not how '{text[:60]}' begins"
        assert len(claim.split()) >= min(3, len(text.split())), f"{field}: give at least 3 words"
        rest = text[len(claim) :]
        assert not rest[:1].isalnum(), f"{field}: claim '{claim}' stops in the middle of a word"


@by_content_file
def test_each_entry_supports_exactly_the_sources_its_item_cites(content_file):
    items = items_of(content_file)
    for field, entry in entries_by_field(content_file).items():
        support = entry.get("support")
        assert isinstance(support, list), f"{field}: support must be a list ('support: []' if none)"
        cited = set(items[field].get("sources") or []) if field in items else set()
        supported = {str(s.get("source")) for s in support if isinstance(s, dict)}
        assert supported == cited, f"{field}: ledger supports {sorted(supported)}, item cites {sorted(cited)}"


@by_content_file
def test_each_support_says_where_in_the_source_and_how_it_was_checked(content_file):
    for field, entry in entries_by_field(content_file).items():
        for support in entry.get("support") or []:
            assert isinstance(support, dict) and set(support) <= SUPPORT_FIELDS, f"{field}: {support}"
            source = support.get("source")
            assert fold(support.get("where") or ""), f"{field}: {source}: say where in the source"
            assert support.get("checked") in CHECKED, f"{field}: {source}: checked must be one of {CHECKED}"


@by_content_file
def test_an_item_without_sources_says_why_it_has_no_citation(content_file):
    items = items_of(content_file)
    for field, entry in entries_by_field(content_file).items():
        if field in items and not items[field].get("sources"):
            assert entry.get("support") == [], f"{field}: no sources, so 'support: []'"
            assert fold(entry.get("practice") or ""), f"{field}: no sources, so say why in 'practice:'"


def test_every_ledger_belongs_to_a_content_file():
    ledgers = {file for file in LEDGERS.rglob("*.yaml")} if LEDGERS.exists() else set()
    assert not ledgers - {ledger_for(file) for file in CONTENT_FILES}, "ledgers for files that do not exist"
