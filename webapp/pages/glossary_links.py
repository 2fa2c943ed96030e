"""Turn the first mention of each glossary term on a page into a link with its definition."""

from __future__ import annotations

from markupsafe import Markup, escape

from webapp.content.glossary import TermFinder


class TermLinker:
    """Callable from templates as ``explain(text)``; remembers which terms this page has
    already explained, so each is linked once (on its first appearance)."""

    def __init__(self, finder: TermFinder, glossary_url: str) -> None:
        self._finder = finder
        self._glossary_url = glossary_url
        self._explained: set[str] = set()

    def __call__(self, text: str) -> Markup:
        pieces = []
        for piece, term in self._finder.split(text, self._explained):
            if term is None:
                pieces.append(escape(piece))
            else:
                pieces.append(
                    Markup('<a class="term" href="{}#{}" title="{}">{}</a>').format(
                        self._glossary_url, term.slug, term.definition, piece
                    )
                )
        return Markup("").join(pieces)
