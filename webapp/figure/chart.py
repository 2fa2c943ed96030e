"""The activation chart: one bar per muscle across the six phases of the stride.

Drawn on the server as SVG. A cell's level shows as its fill *and* its pattern (empty,
hatched, solid), so it reads without colour; the current phase is outlined and labelled. Each
muscle's name sits on its own line above its row, across the whole chart, so a long name
("Big toe and foot muscles") is never cut and the chart stays narrow enough for a phone to
show its text at full size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import svgwrite

from webapp.content.model import Phase

COLUMN = 56  # six phases fit a 375-wide phone with the text at about its CSS size
ROW = 22
NAME_LINE = 17  # a muscle's name above its row
GAP = 6
HEADER = 40


@dataclass(frozen=True)
class ChartRow:
    """A muscle's row: its name, levels per phase slug, and where its name links (if anywhere)."""

    slug: str
    name: str
    levels: dict[str, str]
    href: str | None = None


def draw_activation_chart(
    phases: Sequence[Phase],
    rows: Sequence[ChartRow],
    current: str | None,
    label: str,
    names: bool = True,
    swap: bool = False,
) -> str:
    """SVG markup of the chart. ``current`` is the phase slug to mark; ``names=False`` drops
    the names (for one muscle's own slice of the chart); ``swap`` gives the name links
    ``hx-get`` too (htmx does not boost SVG links)."""
    name_line = NAME_LINE if names else 0
    width = COLUMN * len(phases)
    height = HEADER + len(rows) * (name_line + ROW + GAP)
    dwg = svgwrite.Drawing(size=None, viewBox=f"0 0 {width} {height}", debug=False)
    dwg.attribs.update({"class": "chart", "role": "group", "aria-label": label, "focusable": "false"})

    for index, phase in enumerate(phases):
        x = index * COLUMN
        column = dwg.g(class_="chart__column" + (" is-current" if phase.slug == current else ""))
        column["data-phase"] = phase.slug
        column.add(dwg.rect((x + 1, 0), (COLUMN - 2, height), rx=5, class_="chart__band"))
        words = phase.short_name.split(" ")
        for line, word in enumerate(words):
            y = 15 + line * 13 + (6 if len(words) == 1 else 0)
            column.add(
                dwg.text(word, insert=(x + COLUMN / 2, y), text_anchor="middle", class_="chart__phase")
            )
        dwg.add(column)
    stance_end = COLUMN * sum(1 for p in phases if p.period == "stance")
    dwg.add(dwg.line((stance_end, 2), (stance_end, height - 2), class_="chart__divider"))

    for r, row in enumerate(rows):
        y = HEADER + r * (name_line + ROW + GAP) + name_line
        group = dwg.g(class_="chart__row")
        group["data-muscle"] = row.slug
        if names:
            text = dwg.text(row.name, insert=(4, y - 4), class_="chart__name")
            if row.href:
                link = dwg.a(row.href, target=None)
                del link.attribs["xlink:href"]
                link["href"] = row.href
                if swap:
                    link["hx-get"] = row.href
                link.add(text)
                group.add(link)
            else:
                group.add(text)
        for index, phase in enumerate(phases):
            level = row.levels[phase.slug]
            cell = dwg.rect(
                (index * COLUMN + 4, y),
                (COLUMN - 8, ROW),
                rx=4,
                class_=f"chart__cell chart__cell--{level}",
            )
            cell.set_desc(title=f"{row.name}, {phase.short_name}: {level}")
            group.add(cell)
        dwg.add(group)
    return dwg.tostring()
