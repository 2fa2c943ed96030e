"""The claim ledger: every claim in ``data/`` matched to its sources, checked once by its
writer and once more by a second reader.

Each content file (a YAML file in ``data/`` with at least one claim-bearing item) has a ledger
at ``data/ledger/<same path>``. A claim-bearing item is a mapping with a ``sources:`` list of
source ids, every exercise (an item of a top-level ``exercises:`` list), every dose option of
an exercise (an item of a ``doses:`` list) and every tour step (an item of a ``steps:`` list),
sourced or not. The raw YAML is walked here, not the loaded
models, so the rule holds for any file an editor adds. The loader checks every ledger at
start-up (:func:`webapp.content.loader.load_ledgers`): a missing ledger, a claim without an
entry or a broken entry stops the app with the file and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from webapp.content.model import Ledger, LedgerEntry, PageCheck
from webapp.content.records import ContentError, read_yaml

LEDGER_DIR = "ledger"
TOP_LEVEL = "(top level)"
MOST_CLAIM_WORDS = 10
FEWEST_CLAIM_WORDS = 3

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
    "steps": "script",
    "terms": "definition",
    "red_flags": "sign",
    "how_common": "text",
    "feels": "text",
    "helps": "text",
    "recovery": "text",
    "note": "text",
    "growing": "text",
    "medicines_and_ice": "text",
    "doses": "label",
    "plans": "summary",
}
PHASE_LIST_TEXT, TIMING_BLOCK_TEXT = "name", "note"


def fold(text: Any) -> str:
    """Text with every run of white space made one space, as the loader reads it."""
    return " ".join(str(text).split())


def _cites_sources(data: dict) -> bool:
    """A ``sources:`` list of source ids (sources.yaml's own ``sources:`` lists the studies)."""
    ids = data.get("sources", ())
    return isinstance(ids, list) and all(isinstance(source, str) for source in ids)


def claim_bearing_items(data: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every claim-bearing mapping in a parsed YAML file, with its path as the loader writes it."""
    if isinstance(data, dict):
        if _cites_sources(data):
            yield path or TOP_LEVEL, data
        for key, value in data.items():
            child = f"{path}.{key}" if path else str(key)
            always = (key == "exercises" and not path) or key in ("steps", "doses")
            if always and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, dict) and not _cites_sources(item):
                        yield f"{child}[{index}]", item
            yield from claim_bearing_items(value, child)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from claim_bearing_items(item, f"{path}[{index}]")


def item_text(field: str, item: dict) -> str | None:
    """The text a ledger claim must begin with, or None where the item has none (top level).
    Raises ValueError for a kind of item no rule covers."""
    if field == TOP_LEVEL:
        return None
    container = field.rsplit(".", 1)[-1].split("[", 1)[0]
    if container == "phases":
        key = PHASE_LIST_TEXT if field.endswith("]") else TIMING_BLOCK_TEXT
    elif container in TEXT_FIELD:
        key = TEXT_FIELD[container]
    else:
        raise ValueError(f"no rule says which text a claim in '{container}' starts with")
    return fold(item[key]) if item.get(key) is not None else None


def content_files(data_dir: Path) -> list[Path]:
    """Every YAML file in ``data_dir`` (ledgers aside) that holds a claim-bearing item."""
    ledgers = data_dir / LEDGER_DIR
    return sorted(
        file
        for file in data_dir.rglob("*.yaml")
        if ledgers not in file.parents and any(claim_bearing_items(read_yaml(file)))
    )


def _check_claim(ledger_file: Path, index: int, entry: LedgerEntry, item: dict) -> None:
    """The entry's claim is the opening words of its item, and its support is what the item cites."""
    where = f"claims[{index}]"
    claim = fold(entry.claim)
    if len(claim.split()) > MOST_CLAIM_WORDS:
        raise ContentError(
            ledger_file, f"{where}.claim", f"keep the claim to {MOST_CLAIM_WORDS} words or fewer"
        )
    try:
        text = item_text(entry.field, item)
    except ValueError as error:
        raise ContentError(ledger_file, f"{where}.field", str(error)) from None
    if text is not None:
        rest = text[len(claim) :]
        if not text.startswith(claim) or rest[:1].isalnum():
            raise ContentError(
                ledger_file, f"{where}.claim", f"'{claim}' is not how {entry.field} begins ('{text[:60]}')"
            )
        if len(claim.split()) < min(FEWEST_CLAIM_WORDS, len(text.split())):
            raise ContentError(ledger_file, f"{where}.claim", f"give at least {FEWEST_CLAIM_WORDS} words")
    cited = sorted(set(item.get("sources") or []))
    supported = sorted({support.source for support in entry.support})
    if supported != cited:
        raise ContentError(
            ledger_file,
            f"{where}.support",
            f"supports {supported or 'nothing'}, but {entry.field} cites {cited or 'nothing'}",
        )
    if not cited and not (entry.practice or entry.restates):
        raise ContentError(
            ledger_file,
            f"{where}.practice",
            "the item cites no source, so say why in 'practice:' or name the claim it repeats in 'restates:'",
        )


def check_ledger(ledger_file: Path, ledger: Ledger, items: dict[str, dict]) -> None:
    """One ledger against its content file's claim-bearing items: one entry per item, no
    entry without an item, each claim the opening words of its item, each support exactly
    the item's sources."""
    listed = {entry.field for entry in ledger.claims}
    missing = [field for field in items if field not in listed]
    if missing:
        raise ContentError(ledger_file, "claims", f"'{missing[0]}' has no entry (every claim needs one)")
    seen: set[str] = set()
    for index, entry in enumerate(ledger.claims):
        if entry.field in seen:
            raise ContentError(ledger_file, f"claims[{index}].field", f"'{entry.field}' is listed twice")
        seen.add(entry.field)
        if entry.field not in items:
            raise ContentError(
                ledger_file, f"claims[{index}].field", f"'{entry.field}' is not an item with a claim"
            )
        _check_claim(ledger_file, index, entry, items[entry.field])


def check_restated(ledger_dir: Path, ledgers: dict[str, Ledger]) -> None:
    """Each ``restates:`` names an entry that exists, as ``<content file> <field>``."""
    for name, ledger in ledgers.items():
        for index, entry in enumerate(ledger.claims):
            for number, target in enumerate(entry.restates):
                file, _, field = target.partition(" ")
                other = ledgers.get(file)
                if other is None or other.entry(field) is None:
                    raise ContentError(
                        ledger_dir / name,
                        f"claims[{index}].restates[{number}]",
                        f"'{target}' is not a ledger entry (write it as: muscles/calves.yaml stride[1])",
                    )


def page_check(entries: Iterable[LedgerEntry]) -> PageCheck:
    """How the claims shown on one page were checked: the oldest second check that confirmed
    or corrected a claim, and how many claims no second reader has checked or could verify."""
    entries = list(entries)
    checked = [
        e.second_check.date for e in entries if e.second_check and e.second_verdict != "could-not-verify"
    ]
    return PageCheck(
        claims=len(entries),
        oldest=min(checked, default=None),
        unchecked=sum(e.second_check is None for e in entries),
        not_verified=sum(e.second_verdict == "could-not-verify" for e in entries),
    )
