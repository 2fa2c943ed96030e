"""Link-preview pictures: the runner and a title composed into one 1200×630 SVG, the size chat
apps and social sites show for a shared link. Pure markup; :mod:`webapp.figure.raster` turns
it into a PNG, because chat apps do not show SVG.

The picture is styled like the page: it is rasterised with the site's own stylesheet (see
:func:`webapp.figure.raster.resolve_custom_properties`) plus :data:`PREVIEW_CSS`, which holds
only what differs in a still picture.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 1200, 630
FIGURE_BOX = (60, 50, 420, 530)  # x, y, width, height of the runner, inside a white card
TEXT_LEFT, TEXT_WIDTH = 540, 610
TITLE_SIZES = (68, 56, 46)  # the largest that fits the title in two lines wins
BODY_SIZE, BODY_LINES = 28, 4
# Average glyph width of the bundled DejaVu Sans, as a fraction of the font size; generous,
# so a wrapped line never runs off the picture.
BOLD_WIDTH, REGULAR_WIDTH = 0.68, 0.58

# What a still picture shows differently from the page: no hover names or leg tags (too small
# to read at this size), and the muscles that are not the subject are dimmed (the page does
# this with :has(), which the rasteriser does not know).
PREVIEW_CSS = """
.runner .region__name, .runner .leg-tag { display: none; }
.preview--muscle .runner .region .muscle { fill-opacity: 0.5; }
.preview--muscle .runner .region[aria-current="page"] .muscle { fill-opacity: 1; }
.preview__background { fill: var(--paper); }
.preview__card { fill: #ffffff; stroke: var(--line); stroke-width: 2; }
.preview__kicker { fill: var(--accent); font-size: 26px; font-weight: bold; letter-spacing: 2px; }
.preview__title { fill: var(--ink); font-weight: bold; }
.preview__body { fill: var(--ink-soft); font-size: 28px; }
.preview__site { fill: var(--ink); font-size: 30px; font-weight: bold; }
.preview__address { fill: var(--ink-soft); font-size: 24px; }
.preview__rule { fill: var(--accent); }
"""


@dataclass(frozen=True)
class PreviewText:
    """What a picture says: a small line above (``kicker``), the ``title``, a sentence or two
    (``body``), and the site's ``address`` at the foot."""

    kicker: str
    title: str
    body: str
    address: str


def wrap(text: str, size: float, glyph_width: float, width: float = TEXT_WIDTH) -> list[str]:
    """``text`` in lines that fit ``width`` at font ``size``."""
    return textwrap.wrap(text, max(1, int(width / (size * glyph_width))))


def title_lines(title: str) -> tuple[int, list[str]]:
    """The title's font size and lines: the largest size that needs at most two lines."""
    for size in TITLE_SIZES:
        lines = wrap(title, size, BOLD_WIDTH)
        if len(lines) <= 2:
            return size, lines
    return TITLE_SIZES[-1], lines[:2]


def body_lines(body: str) -> list[str]:
    """The body in at most :data:`BODY_LINES` lines, cut short with an ellipsis."""
    characters = int(TEXT_WIDTH / (BODY_SIZE * REGULAR_WIDTH))
    return wrap(textwrap.shorten(body, characters * BODY_LINES, placeholder="…"), BODY_SIZE, REGULAR_WIDTH)


def _text(css: str, x: float, y: float, line: str, size: float | None = None) -> str:
    style = f' font-size="{size:g}"' if size else ""
    return f'<text class="{css}" x="{x:g}" y="{y:g}"{style}>{escape(line)}</text>'


def preview_svg(figure: str, text: PreviewText, kind: str, defs: str = "") -> str:
    """A 1200×630 picture: ``figure`` (the runner's SVG markup) on a card at the left, and
    ``text`` at the right. ``kind`` ("muscle", "phase" or "site") picks the styling rules;
    ``defs`` holds the patterns the figure's styles refer to."""
    x, y, width, height = FIGURE_BOX
    placed = figure.replace("<svg ", f'<svg x="{x}" y="{y}" width="{width}" height="{height}" ', 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" class="preview preview--{kind}">',
        defs,
        f'<rect class="preview__background" width="{WIDTH}" height="{HEIGHT}"/>',
        f'<rect class="preview__card" x="{x - 20}" y="{y - 10}" width="{width + 40}" height="{height + 20}" rx="24"/>',
        placed,
    ]
    baseline = 130.0
    parts.append(_text("preview__kicker", TEXT_LEFT, baseline, text.kicker.upper()))
    size, lines = title_lines(text.title)
    for line in lines:
        baseline += size * 1.15
        parts.append(_text("preview__title", TEXT_LEFT, baseline, line, size))
    baseline += 22
    for line in body_lines(text.body):
        baseline += BODY_SIZE * 1.4
        parts.append(_text("preview__body", TEXT_LEFT, baseline, line))
    parts += [
        f'<rect class="preview__rule" x="{TEXT_LEFT}" y="500" width="72" height="6" rx="3"/>',
        _text("preview__site", TEXT_LEFT, 550, "Stride Anatomy"),
        _text("preview__address", TEXT_LEFT, 585, text.address),
        "</svg>",
    ]
    return "\n".join(parts)
