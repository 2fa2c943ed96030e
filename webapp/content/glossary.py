"""Finding glossary terms in running text, so each can be explained where it first appears."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from webapp.content.model import Term


class TermFinder:
    """Splits text into plain runs and glossary terms, matching whole words, any case."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self._by_word = {word.lower(): term for term in terms for word in (term.term, *term.aliases)}
        # Longest first, so "hip extension" wins over "extension".
        words = sorted(self._by_word, key=len, reverse=True)
        self._pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.I)

    def split(self, text: str, already_explained: set[str]) -> Iterator[tuple[str, Term | None]]:
        """Yield ``(text, term)`` pieces; ``term`` is set only for the first mention of each
        term not yet in ``already_explained`` (which this updates)."""
        position = 0
        for match in self._pattern.finditer(text):
            term = self._by_word[match.group(0).lower()]
            if term.slug in already_explained:
                continue
            already_explained.add(term.slug)
            yield text[position : match.start()], None
            yield match.group(0), term
            position = match.end()
        yield text[position:], None
