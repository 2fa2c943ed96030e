"""Link-preview pictures: the runner and a title composed into one 1200×630 SVG, the size chat
apps and social sites show for a shared link. Composed from elements; :mod:`webapp.figure.raster` turns
it into a PNG, because chat apps do not show SVG.

The picture is styled like the page: it is rasterised with the site's own stylesheet (see
:func:`webapp.figure.raster.resolve_custom_properties`) plus :data:`PREVIEW_CSS`, which holds
only what differs in a still picture.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import svgwrite

from webapp.figure.svg import Figure, Parsed

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


def _text(dwg: svgwrite.Drawing, css: str, x: float, y: float, line: str, size: float | None = None):
    text = dwg.text(line, insert=(x, y), class_=css)
    if size:
        text["font-size"] = f"{size:g}"
    return text


def preview_svg(figure: Figure, text: PreviewText, kind: str, defs: str = "") -> str:
    """A 1200×630 picture: ``figure`` (the runner) on a card at the left, and ``text`` at the
    right. ``kind`` ("muscle", "phase" or "site") picks the styling rules; ``defs`` is the
    markup of the patterns the figure's styles refer to."""
    x, y, width, height = FIGURE_BOX
    dwg = svgwrite.Drawing(size=(WIDTH, HEIGHT), debug=False)
    dwg.attribs.update({"viewBox": f"0 0 {WIDTH} {HEIGHT}", "class": f"preview preview--{kind}"})
    if defs:
        dwg.add(Parsed(defs))
    dwg.add(dwg.rect((0, 0), (WIDTH, HEIGHT), class_="preview__background"))
    dwg.add(dwg.rect((x - 20, y - 10), (width + 40, height + 20), rx=24, class_="preview__card"))
    dwg.add(figure.nested("runner", (x, y, width, height)))
    baseline = 130.0
    dwg.add(_text(dwg, "preview__kicker", TEXT_LEFT, baseline, text.kicker.upper()))
    size, lines = title_lines(text.title)
    for line in lines:
        baseline += size * 1.15
        dwg.add(_text(dwg, "preview__title", TEXT_LEFT, baseline, line, size))
    baseline += 22
    for line in body_lines(text.body):
        baseline += BODY_SIZE * 1.4
        dwg.add(_text(dwg, "preview__body", TEXT_LEFT, baseline, line))
    dwg.add(dwg.rect((TEXT_LEFT, 500), (72, 6), rx=3, class_="preview__rule"))
    dwg.add(_text(dwg, "preview__site", TEXT_LEFT, 550, "Stride Anatomy"))
    dwg.add(_text(dwg, "preview__address", TEXT_LEFT, 585, text.address))
    return dwg.tostring()
