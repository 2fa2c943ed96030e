"""Every claim in the content is matched to what its source says: the claim ledger.

Each content file in ``data/`` (any YAML file with at least one claim-bearing item) has a
ledger at ``data/ledger/<same path>``. The loader reads and checks every ledger at start-up
(``webapp/content/loader.py``, ``load_ledgers``), so these tests check that it does: a
ledger that misses a claim, or breaks the format, stops the app with the file and the field.
The lists of files and items are derived from the data.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from webapp import PROJECT_ROOT
from webapp.content.ledger import TOP_LEVEL, claim_bearing_items, content_files, item_text, page_check
from webapp.content.loader import ContentError, load_atlas
from webapp.content.model import LedgerEntry
from webapp.content.records import read_yaml

DATA = PROJECT_ROOT / "data"
CONTENT_FILES = content_files(DATA)
IDS = [file.relative_to(DATA).as_posix() for file in CONTENT_FILES]
by_content_file = pytest.mark.parametrize("content_file", CONTENT_FILES, ids=IDS)


def load_error(data: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_atlas(data)
    return caught.value


def without_second_checks(ledger: Path) -> None:
    """Take the second readers' checks out of a ledger, so a test can add its own."""
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(re.sub(r"\n    second_check:\n(?:      .*\n?)+", "\n", text), encoding="utf-8")


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the walker itself, on a small example, so the rules below cannot pass vacuously ---


def test_claim_bearing_items_are_found_at_the_paths_the_loader_reports():
    example = {
        "sources": ["a"],
        "studies": {"sources": [{"id": "a", "title": "A study, not a citation"}]},
        "stride": [{"text": "One", "sources": ["a"]}],
        "phases": {"loading": "strong", "note": "Two", "sources": ["b"]},
        "exercises": [{"name": "Squat"}, {"name": "Lunge", "sources": ["c"]}],
        "week": [{"day": "Monday", "run": "Easy"}],
        "tours": [{"slug": "t", "steps": [{"script": "Look."}]}],
    }
    assert [field for field, _ in claim_bearing_items(example)] == [
        TOP_LEVEL,
        "stride[0]",
        "phases",
        "exercises[0]",
        "exercises[1]",
        "tours[0].steps[0]",
    ]


def test_a_claim_starts_with_the_right_text_for_each_kind_of_item():
    assert item_text("risks[1]", {"condition": "Shin  pain", "text": "Other"}) == "Shin pain"
    assert item_text("phases[2]", {"name": "Midstance", "why": "x"}) == "Midstance"
    assert item_text("phases", {"note": "Surface EMG", "loading": "strong"}) == "Surface EMG"
    assert item_text("levels[0]", {"title": "Normal soreness", "slug": "s"}) == "Normal soreness"
    assert item_text("tours[0].steps[1]", {"script": "Watch the foot", "phase": "x"}) == "Watch the foot"
    with pytest.raises(ValueError, match="no rule"):
        item_text("mystery[0]", {"text": "?"})


def test_the_real_content_has_ledgers_to_check():
    expected = {"training.yaml", "soreness.yaml", "tours.yaml", "muscles/calves.yaml", "stride/phases.yaml"}
    assert expected <= set(IDS)


# --- the real content: every claim has exactly one entry, loaded at start-up ---


@by_content_file
def test_every_claim_bearing_item_has_exactly_one_loaded_ledger_entry(content_file, atlas):
    ledger = atlas.ledgers[content_file.relative_to(DATA).as_posix()]
    items = [field for field, _ in claim_bearing_items(read_yaml(content_file))]
    fields = [entry.field for entry in ledger.claims]
    assert sorted(fields) == sorted(items)


def test_every_loaded_ledger_belongs_to_a_content_file(atlas):
    assert set(atlas.ledgers) == set(IDS)


def test_every_first_check_has_a_date(atlas):
    undated = [
        f"{name} {e.field}" for name, ledger in atlas.ledgers.items() for e in ledger.claims if not e.date
    ]
    assert not undated


# --- a broken ledger stops the app, naming the file and the field ---

CALVES_LEDGER = "ledger/muscles/calves.yaml"
FIRST_CALF_ENTRY = "  - field: stride[0]\n    claim: In the second half of stance the soleus\n"

BROKEN_LEDGERS = [
    # (ledger file, old text, new text, field named, problem)
    (
        CALVES_LEDGER,
        FIRST_CALF_ENTRY,
        "  - field: stride[9]\n    claim: In the second half of stance the soleus\n",
        "claims",
        "'stride[0]' has no entry",
    ),
    (
        CALVES_LEDGER,
        "    claim: In the second half of stance the soleus\n",
        "    claim: In the first half of stance\n",
        "claims[0].claim",
        "is not how stride[0] begins",
    ),
    (
        CALVES_LEDGER,
        "      - source: hamner2010\n",
        "      - source: dorn2012\n",
        "claims[0].support",
        "cites ['hamner2010']",
    ),
    (
        CALVES_LEDGER,
        "        checked: abstract\n",
        "        checked: skimmed\n",
        "claims[0].support[0].checked",
        "must be one of",
    ),
    (CALVES_LEDGER, "    date: 2026-11-24\n", "    date: last week\n", "claims[0].date", ""),
    (
        CALVES_LEDGER,
        "    date: 2026-11-24\n",
        "    date: 2026-11-24\n    second_check:\n      who: A reader\n      how: abstract\n      date: 2026-12-01\n      verdict: fine\n",
        "claims[0].second_check.verdict",
        "must be one of confirmed, corrected, could-not-verify",
    ),
    (
        CALVES_LEDGER,
        "    date: 2026-11-24\n",
        "    date: 2026-11-24\n    by: Sam\n    second_check:\n      who: Sam\n      how: full-text\n      date: 2026-12-01\n      verdict: confirmed\n",
        "claims[0]",
        "a reader who did not write the first check",
    ),
    (
        "ledger/tours.yaml",
        "      - muscles/calves.yaml speed\n",
        "      - muscles/calves.yaml stride[7]\n",
        "claims[15].restates[0]",
        "is not a ledger entry",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "field", "problem"), BROKEN_LEDGERS)
def test_a_broken_ledger_stops_start_up_naming_file_and_field(data_copy, file, old, new, field, problem):
    without_second_checks(data_copy / file)
    edit(data_copy / file, old, new)
    error = load_error(data_copy)
    assert error.file.endswith(file)
    assert error.field == field
    assert problem in error.problem


def test_a_claim_without_a_ledger_entry_stops_start_up(data_copy):
    # A new, last risk on the calves page, with no entry in its ledger.
    calves = data_copy / "muscles" / "calves.yaml"
    risks = read_yaml(calves)["risks"]
    edit(
        calves,
        "exercises:\n",
        "  - condition: Cramp\n    when: overload\n    text: Cramps happen.\n    evidence: weak\n"
        "    sources: [hamner2010]\nexercises:\n",
    )
    error = load_error(data_copy)
    assert error.file.endswith(CALVES_LEDGER) and error.field == "claims"
    assert f"'risks[{len(risks)}]' has no entry" in error.problem


def test_a_content_file_without_a_ledger_stops_start_up(data_copy):
    (data_copy / "ledger" / "tours.yaml").unlink()
    error = load_error(data_copy)
    assert error.file.endswith("ledger/tours.yaml") and "is missing" in error.problem


def test_a_ledger_for_no_content_file_stops_start_up(data_copy):
    (data_copy / "ledger" / "muscles" / "spleen.yaml").write_text("claims: []\n", encoding="utf-8")
    assert load_error(data_copy).file.endswith("ledger/muscles/spleen.yaml")


def test_an_item_without_sources_must_say_why(data_copy):
    ledger = data_copy / "ledger" / "muscles" / "hamstrings.yaml"
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(re.sub(r"\n    practice: .*", "", text, count=1), encoding="utf-8")
    error = load_error(data_copy)
    assert error.field.endswith(".practice") and "cites no source" in error.problem


# --- the format: old entries stay valid; a second check is recorded beside the first ---


def test_an_entry_in_the_first_format_is_still_valid(data_copy):
    # Entries written before dates and second checks existed (field, claim, support) load.
    ledger = data_copy / CALVES_LEDGER
    without_second_checks(ledger)
    ledger.write_text(re.sub(r"\n    date: .*", "", ledger.read_text(encoding="utf-8")), encoding="utf-8")
    entry = load_atlas(data_copy).ledgers["muscles/calves.yaml"].claims[0]
    assert entry.date is None and entry.second_check is None and entry.verdict == "confirmed"


def test_a_second_check_is_loaded_with_who_how_when_and_verdict(data_copy):
    without_second_checks(data_copy / CALVES_LEDGER)
    edit(
        data_copy / CALVES_LEDGER,
        "    date: 2026-11-24\n",
        "    date: 2026-11-24\n    second_check:\n      who: A second reader\n      how: full-text\n"
        "      date: 2026-12-02\n      verdict: corrected\n      note: Said 'most'; the source says 'greatest'.\n",
    )
    second = load_atlas(data_copy).ledgers["muscles/calves.yaml"].claims[0].second_check
    assert (second.who, second.how, second.date, second.verdict) == (
        "A second reader",
        "full-text",
        dt.date(2026, 12, 2),
        "corrected",
    )


def entry(second: dict | None) -> LedgerEntry:
    return LedgerEntry.model_validate({"field": "f", "claim": "c", "support": [], "second_check": second})


def test_a_page_check_dates_the_page_by_its_oldest_second_check_and_counts_the_rest():
    check = page_check(
        [
            entry({"who": "A", "how": "abstract", "date": "2026-12-03", "verdict": "confirmed"}),
            entry({"who": "B", "how": "full-text", "date": "2026-12-01", "verdict": "corrected"}),
            entry(
                {"who": "C", "how": "could-not-verify", "date": "2026-11-30", "verdict": "could-not-verify"}
            ),
            entry(None),
        ]
    )
    assert (check.claims, check.oldest, check.unchecked, check.not_verified) == (
        4,
        dt.date(2026, 12, 1),
        1,
        1,
    )
    assert not check.complete
    assert page_check(
        [entry({"who": "A", "how": "abstract", "date": "2026-12-03", "verdict": "confirmed"})]
    ).complete
