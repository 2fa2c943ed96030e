"""Read the human-edited files in ``data/`` and turn them into a validated :class:`Atlas`.

Editors are not programmers, so every mistake is reported as one sentence naming the file
and the field (``data/muscles/calves.yaml: risks[1].evidence: must be one of ...``) and
start-up stops there. Unknown fields are rejected too, because a misspelt field name would
otherwise silently drop content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from webapp.content.model import (
    EVIDENCE_LEVELS,
    INTENSITIES,
    RISK_KINDS,
    VERDICTS,
    Atlas,
    Cited,
    Exercise,
    KeyNumber,
    Muscle,
    MythCheck,
    Part,
    Phase,
    Risk,
    Source,
    Timing,
)

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
URL_PATTERN = re.compile(r"^https://[^\s/]+\.[^\s/]+/\S*$")


class _EditorFriendlyLoader(yaml.SafeLoader):
    """YAML without the 1.1 surprise that turns words like ``off``, ``no`` and ``on`` into booleans."""


_EditorFriendlyLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class ContentError(Exception):
    """A data file is missing, malformed or inconsistent; the message names file and field."""

    def __init__(self, file: Path | str, field: str, problem: str) -> None:
        self.file = str(file)
        self.field = field
        self.problem = problem
        where = f"{self.file}: {field}" if field else self.file
        super().__init__(f"{where}: {problem}")


@dataclass
class _Citation:
    file: Path
    field: str
    source_id: str


class _Record:
    """One YAML mapping being read: knows its file and its path, for error messages."""

    def __init__(self, file: Path, data: Any, where: str, citations: list[_Citation]) -> None:
        if not isinstance(data, dict):
            raise ContentError(file, where or "(top level)", "must be a set of 'field: value' lines")
        self.file = file
        self.data = data
        self.where = where
        self.citations = citations
        self._read: set[str] = set()

    def _path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, problem: str) -> ContentError:
        """An error about one field of this record."""
        return ContentError(self.file, self._path(key), problem)

    def _raw(self, key: str, required: bool = True) -> Any:
        self._read.add(key)
        value = self.data.get(key)
        if value is None and required:
            raise self.fail(key, "is missing")
        return value

    def text(self, key: str) -> str:
        """A required, non-empty piece of text (numbers are accepted and kept as written)."""
        value = self._raw(key)
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(key, "must be text")
        value = str(value).strip()
        if not value:
            raise self.fail(key, "must not be empty")
        return " ".join(value.split())

    def optional_text(self, key: str) -> str:
        """Text that may be left out; empty when absent."""
        self._read.add(key)
        return self.text(key) if self.data.get(key) is not None else ""

    def number(self, key: str, low: float, high: float) -> float:
        """A required number within [low, high]."""
        value = self._raw(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, "must be a number")
        if not low <= value <= high:
            raise self.fail(key, f"must be between {low:g} and {high:g} (got {value:g})")
        return float(value)

    def choice(self, key: str, options: Iterable[str]) -> str:
        """Text that must be one of a fixed set of words."""
        options = tuple(options)
        value = self.text(key)
        if value not in options:
            raise self.fail(key, f"must be one of {', '.join(options)} (got '{value}')")
        return value

    def slug(self, key: str) -> str:
        """A URL-safe name: lowercase letters, digits and single hyphens."""
        value = self.text(key)
        if not SLUG_PATTERN.match(value):
            raise self.fail(key, f"'{value}' is not a slug (use lowercase letters, digits, -)")
        return value

    def items(self, key: str, required: bool = True) -> list[Any]:
        """A list; required lists must not be empty."""
        value = self._raw(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "must be a list (lines starting with '- ')")
        if required and not value:
            raise self.fail(key, "must list at least one item")
        return value

    def records(self, key: str, required: bool = True) -> list[_Record]:
        """A list of mappings, each read as a record of its own."""
        return [
            _Record(self.file, item, f"{self._path(key)}[{index}]", self.citations)
            for index, item in enumerate(self.items(key, required))
        ]

    def record(self, key: str) -> _Record:
        """A nested mapping."""
        return _Record(self.file, self._raw(key), self._path(key), self.citations)

    def sources(self, key: str = "sources", required: bool = True) -> tuple[str, ...]:
        """Source ids cited by this record; checked against the source list later."""
        ids = []
        for index, item in enumerate(self.items(key, required)):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{key}[{index}]", "must be a source id from sources.yaml")
            ids.append(item.strip())
            self.citations.append(_Citation(self.file, self._path(f"{key}[{index}]"), ids[-1]))
        return tuple(ids)

    def finish(self) -> None:
        """Reject fields nobody reads: they are almost always misspellings."""
        unknown = sorted(set(self.data) - self._read)
        if unknown:
            raise self.fail(str(unknown[0]), "is not a known field (check the spelling)")


def _read_yaml(file: Path) -> Any:
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(file, "", "file is missing") from None
    except UnicodeDecodeError:
        raise ContentError(file, "", "is not UTF-8 text") from None
    try:
        return yaml.load(text, Loader=_EditorFriendlyLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "(unknown line)"
        problem = getattr(error, "problem", None) or "cannot be read"
        raise ContentError(file, line, f"is not valid YAML: {problem}") from None


def _load_sources(file: Path, citations: list[_Citation]) -> dict[str, Source]:
    top = _Record(file, _read_yaml(file), "", citations)
    sources: dict[str, Source] = {}
    for record in top.records("sources"):
        source_id = record.slug("id")
        if source_id in sources:
            raise record.fail("id", f"'{source_id}' is listed twice")
        doi = record.optional_text("doi")
        url = record.optional_text("url")
        if doi and not DOI_PATTERN.match(doi):
            raise record.fail("doi", f"'{doi}' is not a DOI (they look like 10.1234/abc)")
        if url and not URL_PATTERN.match(url):
            raise record.fail("url", f"'{url}' is not an https:// address")
        if not doi and not url:
            raise record.fail("doi", "is missing (give a doi or a url)")
        sources[source_id] = Source(
            id=source_id,
            authors=record.text("authors"),
            year=int(record.number("year", 1800, 2100)),
            title=record.text("title"),
            venue=record.text("venue"),
            doi=doi or None,
            url=url or None,
        )
        record.finish()
    top.finish()
    return sources


def _load_phases(file: Path, citations: list[_Citation]) -> tuple[Phase, ...]:
    top = _Record(file, _read_yaml(file), "", citations)
    phases = []
    for record in top.records("phases"):
        phases.append(
            Phase(
                slug=record.slug("slug"),
                name=record.text("name"),
                period=record.choice("period", ("stance", "swing")),
                start=record.number("start", 0, 100),
                end=record.number("end", 0, 100),
                what_happens=record.text("what_happens"),
            )
        )
        record.finish()
    top.sources()
    top.finish()
    return tuple(phases)


def _load_muscle(file: Path, phases: tuple[Phase, ...], citations: list[_Citation]) -> Muscle:
    slug = file.stem
    if not SLUG_PATTERN.match(slug):
        raise ContentError(file, "", "file name must be a slug such as 'hip-flexors.yaml'")
    top = _Record(file, _read_yaml(file), "", citations)

    timing_record = top.record("phases")
    timing = Timing(
        intensities={p.slug: timing_record.choice(p.slug, INTENSITIES) for p in phases},
        note=timing_record.optional_text("note"),
        sources=timing_record.sources(),
    )
    timing_record.finish()

    number = top.record("key_number")
    key_number = KeyNumber(number.text("value"), number.text("meaning"), number.sources())
    number.finish()

    muscle = Muscle(
        slug=slug,
        name=top.text("name"),
        group=top.text("group"),
        parts=tuple(_read(r, lambda r: Part(r.text("name"), r.text("where"))) for r in top.records("parts")),
        summary=top.text("summary"),
        stride=tuple(_read(r, lambda r: Cited(r.text("text"), r.sources())) for r in top.records("stride")),
        timing=timing,
        risks=tuple(_read(r, _risk) for r in top.records("risks")),
        exercises=tuple(_read(r, _exercise) for r in top.records("exercises")),
        myths=tuple(_read(r, _myth) for r in top.records("myths", required=False)),
        key_number=key_number,
        related=tuple(top.items("related", required=False)),
    )
    top.finish()
    return muscle


def _read(record: _Record, build: Any) -> Any:
    built = build(record)
    record.finish()
    return built


def _risk(record: _Record) -> Risk:
    return Risk(
        condition=record.text("condition"),
        kind=record.choice("when", RISK_KINDS),
        text=record.text("text"),
        evidence=record.choice("evidence", EVIDENCE_LEVELS),
        sources=record.sources(),
    )


def _exercise(record: _Record) -> Exercise:
    return Exercise(
        name=record.text("name"),
        sets=record.text("sets"),
        reps=record.text("reps"),
        frequency=record.text("frequency"),
        cue=record.text("cue"),
        progression=record.text("progression"),
        sources=record.sources(required=False),
    )


def _myth(record: _Record) -> MythCheck:
    return MythCheck(
        claim=record.text("claim"),
        said_by=record.text("said_by"),
        verdict=record.choice("verdict", VERDICTS),
        finding=record.text("finding"),
        sources=record.sources(),
    )


def load_atlas(data_dir: Path) -> Atlas:
    """Load and validate everything under ``data_dir``; raise :class:`ContentError` on the first problem."""
    citations: list[_Citation] = []
    sources = _load_sources(data_dir / "sources.yaml", citations)
    phases = _load_phases(data_dir / "stride" / "phases.yaml", citations)

    order_file = data_dir / "muscles" / "order.yaml"
    order = _Record(order_file, _read_yaml(order_file), "", citations)
    teaching_order = [str(slug) for slug in order.items("teaching_order")]
    order.finish()

    muscle_files = sorted(p for p in (data_dir / "muscles").glob("*.yaml") if p != order_file)
    muscles = {m.slug: m for m in (_load_muscle(f, phases, citations) for f in muscle_files)}

    for index, slug in enumerate(teaching_order):
        if slug not in muscles:
            raise ContentError(order_file, f"teaching_order[{index}]", f"no muscle file for '{slug}'")
    unlisted = sorted(set(muscles) - set(teaching_order))
    if unlisted:
        raise ContentError(order_file, "teaching_order", f"'{unlisted[0]}' is missing from the list")
    for muscle in muscles.values():
        for index, slug in enumerate(muscle.related):
            if slug not in muscles:
                file = data_dir / "muscles" / f"{muscle.slug}.yaml"
                raise ContentError(file, f"related[{index}]", f"'{slug}' is not a muscle")

    for citation in citations:
        if citation.source_id not in sources:
            raise ContentError(
                citation.file, citation.field, f"'{citation.source_id}' is not in sources.yaml"
            )

    return Atlas(muscles=tuple(muscles[slug] for slug in teaching_order), phases=phases, sources=sources)
