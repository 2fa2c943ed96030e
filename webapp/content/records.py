"""Reading editor-written files: YAML without surprises, and errors that name file and field.

Editors are not programmers, so every mistake becomes one sentence naming the file and the
field (``data/muscles/calves.yaml: risks[1].evidence: must be one of ...``), including
Pydantic's validation errors, which are translated into plain words here.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails


class ContentError(Exception):
    """A data file is missing, malformed or inconsistent; the message names file and field."""

    def __init__(self, file: Path | str, field: str, problem: str) -> None:
        self.file = str(file)
        self.field = field
        self.problem = problem
        where = f"{self.file}: {field}" if field else self.file
        super().__init__(f"{where}: {problem}")


# libyaml's parser when the wheel has it (several times faster); the pure-Python one otherwise.
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class EditorFriendlyLoader(SafeLoader):  # type: ignore[valid-type,misc]
    """YAML without two surprises: words like ``off``, ``no`` and ``on`` stay words (not
    YAML 1.1 booleans), and a key written twice in one mapping is an error instead of the
    last one silently winning."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{key}' is written twice in the same block", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


EditorFriendlyLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=512)
def _parsed(text: str) -> Any:
    """The YAML of ``text``, parsed once per text: one load reads a content file several times
    (as content, to find its claims, to check its ledger), and tests load the same data often."""
    return yaml.load(text, Loader=EditorFriendlyLoader)


def read_yaml(file: Path) -> Any:
    """Parse one YAML file, turning any problem into a ContentError naming the file (and line).
    The result is the caller's own copy, free to change."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(file, "", "file is missing") from None
    except UnicodeDecodeError:
        raise ContentError(file, "", "is not UTF-8 text") from None
    try:
        return copy.deepcopy(_parsed(text))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "(unknown line)"
        problem = getattr(error, "problem", None) or "cannot be read"
        raise ContentError(file, line, f"is not valid YAML: {problem}") from None


PATTERN_PROBLEMS = {
    "^[a-z0-9]+(?:-[a-z0-9]+)*$": "'{input}' is not a slug (use lowercase letters, digits, -)",
    r"^10\.\d{4,9}/\S+$": "'{input}' is not a DOI (they look like 10.1234/abc)",
    r"^https://[^\s/]+\.[^\s/]+/\S*$": "'{input}' is not an https:// address",
}

PROBLEMS = {
    "missing": "is missing",
    "extra_forbidden": "is not a known field (check the spelling)",
    "string_type": "must be text",
    "int_parsing": "must be a number",
    "int_type": "must be a number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "tuple_type": "must be a list (lines starting with '- ')",
    "list_type": "must be a list (lines starting with '- ')",
    "model_type": "must be a set of 'field: value' lines",
    "model_attributes_type": "must be a set of 'field: value' lines",
    "dict_type": "must be a set of 'field: value' lines",
    "greater_than_equal": "must be {ge} or more (got {input})",
    "less_than_equal": "must be {le} or less (got {input})",
}


def field_path(location: tuple[str | int, ...]) -> str:
    """Pydantic's ``("risks", 1, "evidence")`` written as editors read it: ``risks[1].evidence``."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def plain_problem(error: ErrorDetails) -> str:
    """One Pydantic error in plain words."""
    kind, context, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "literal_error":
        words = re.findall(r"'([^']*)'", context.get("expected", ""))
        return f"must be one of {', '.join(words)} (got '{value}')"
    if kind == "string_pattern_mismatch":
        return PATTERN_PROBLEMS.get(str(context.get("pattern")), "is not written the right way").format(
            input=value
        )
    if kind == "too_short":
        return "must not be empty" if isinstance(value, str) else "must list at least one item"
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    template = PROBLEMS.get(kind)
    return template.format(input=value, **context) if template else error["msg"]


def content_error(file: Path, error: ValidationError) -> ContentError:
    """The first problem Pydantic found, as a ContentError naming the file and the field."""
    first = error.errors()[0]
    return ContentError(file, field_path(first["loc"]) or "(top level)", plain_problem(first))
