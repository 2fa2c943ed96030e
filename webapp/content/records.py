"""The building blocks for reading editor-written YAML: records that know their file and field.

Editors are not programmers, so every mistake becomes one sentence naming the file and the
field (``data/muscles/calves.yaml: risks[1].evidence: must be one of ...``). Unknown fields are
rejected too, because a misspelt field name would otherwise silently drop content.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
URL_PATTERN = re.compile(r"^https://[^\s/]+\.[^\s/]+/\S*$")


class EditorFriendlyLoader(yaml.SafeLoader):
    """YAML without the 1.1 surprise that turns words like ``off``, ``no`` and ``on`` into booleans."""


EditorFriendlyLoader.yaml_implicit_resolvers = {
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
class Citation:
    """Where a source id was cited, so an unknown id can be reported at its place."""

    file: Path
    field: str
    source_id: str


class Record:
    """One YAML mapping being read: knows its file and its path, for error messages."""

    def __init__(self, file: Path, data: Any, where: str, citations: list[Citation]) -> None:
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

    def records(self, key: str, required: bool = True) -> list[Record]:
        """A list of mappings, each read as a record of its own."""
        return [
            Record(self.file, item, f"{self._path(key)}[{index}]", self.citations)
            for index, item in enumerate(self.items(key, required))
        ]

    def each(self, key: str, build: Callable[[Record], T], required: bool = True) -> tuple[T, ...]:
        """Build one object from every mapping in a list, checking each for unknown fields."""
        built = []
        for record in self.records(key, required):
            built.append(build(record))
            record.finish()
        return tuple(built)

    def record(self, key: str) -> Record:
        """A nested mapping."""
        return Record(self.file, self._raw(key), self._path(key), self.citations)

    def sources(self, key: str = "sources", required: bool = True) -> tuple[str, ...]:
        """Source ids cited by this record; checked against the source list later."""
        ids = []
        for index, item in enumerate(self.items(key, required)):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{key}[{index}]", "must be a source id from sources.yaml")
            ids.append(item.strip())
            self.citations.append(Citation(self.file, self._path(f"{key}[{index}]"), ids[-1]))
        return tuple(ids)

    def finish(self) -> None:
        """Reject fields nobody reads: they are almost always misspellings."""
        unknown = sorted(set(self.data) - self._read)
        if unknown:
            raise self.fail(str(unknown[0]), "is not a known field (check the spelling)")


def read_yaml(file: Path) -> Any:
    """Parse one YAML file, turning any problem into a ContentError naming the file (and line)."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(file, "", "file is missing") from None
    except UnicodeDecodeError:
        raise ContentError(file, "", "is not UTF-8 text") from None
    try:
        return yaml.load(text, Loader=EditorFriendlyLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "(unknown line)"
        problem = getattr(error, "problem", None) or "cannot be read"
        raise ContentError(file, line, f"is not valid YAML: {problem}") from None
