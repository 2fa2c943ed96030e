"""Where muscle names go beside the figure, with leader lines that can never cross.

Each leader runs level from its muscle out to a gutter beside the body, then straight to its
label in a column. Level runs sit at distinct heights, so they never meet each other. Between
the gutter and the column every leader keeps the order of its muscle, top to bottom, so two
leaders there never cross either. A name too wide for its column wraps onto more lines, and
labels in a column never overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from webapp.figure.geometry import Point

CHAR_WIDTH = 0.62  # average glyph width of the label font, as a fraction of its size


@dataclass(frozen=True)
class Callout:
    """A name to place: which muscle, what to write, where it points, and which column."""

    key: str
    text: str
    anchor: Point
    side: int  # -1: the column left of the body, +1: the column right of it


@dataclass(frozen=True)
class PlacedLabel:
    """A label in its column and the three points of its leader line."""

    key: str
    text: str
    side: int
    anchor: Point
    elbow: Point
    end: Point
    baseline: Point  # where the first line starts (left column: where it ends)
    size: float
    lines: tuple[str, ...]  # the text as written, wrapped to its column

    @property
    def width(self) -> float:
        """The text's estimated width (its widest line)."""
        return max(text_width(line, self.size) for line in self.lines)

    @property
    def line(self) -> float:
        """The distance between two lines' baselines."""
        return self.size * LINE

    def box(self) -> tuple[float, float, float, float]:
        """The text's box: left, top, right, bottom."""
        x, y = self.baseline
        left = x if self.side > 0 else x - self.width
        bottom = y + (len(self.lines) - 1) * self.line + self.size * 0.25
        return (left, y - self.size * 0.8, left + self.width, bottom)


LINE = 1.35  # line height, as a multiple of the font size


def text_width(text: str, size: float) -> float:
    """A generous estimate of a line of text's width."""
    return len(text) * size * CHAR_WIDTH


# The tags under the feet saying which leg is which, reckoned at the largest size they are
# drawn: the presenter, tours and stride mode (static/app.css).
LEG_TAG_SIZE = 23
LEG_TAG_GAP = 10  # the least space between the two tags


def leg_tags_width(names: Iterable[str]) -> float:
    """How wide the leg tags reading ``names`` are side by side, with the gap between them."""
    return sum(text_width(name, LEG_TAG_SIZE) for name in names) + LEG_TAG_GAP


def wrap(text: str, size: float, width: float | None) -> tuple[str, ...]:
    """``text`` in lines no wider than ``width`` where its words allow (None: one line)."""
    if width is None:
        return (text,)
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return tuple(lines)


def layout_labels(
    callouts: Sequence[Callout],
    gutters: tuple[float, float],
    bounds: tuple[float, float],
    size: float = 12.0,
    gap: float = 16.0,
    widths: tuple[float, float] | None = None,
) -> list[PlacedLabel]:
    """Place every callout's label in its column.

    ``gutters`` are the x of the left and right edges of the body (leaders turn there);
    ``bounds`` are the top and bottom y the columns may use. Labels sit ``gap`` beyond the
    gutters, one under another; ``widths`` (left, right), when given, is how wide a line of
    text may be in each column, and longer names wrap.
    """
    line = size * LINE
    # Level runs must sit at distinct heights, a hair apart at least, on both sides at once.
    rise = 2.5
    lifted: list[Callout] = []
    last_y = float("-inf")
    for callout in sorted(callouts, key=lambda c: (c.anchor[1], c.anchor[0])):
        y = max(callout.anchor[1], last_y + rise)
        lifted.append(Callout(callout.key, callout.text, (callout.anchor[0], y), callout.side))
        last_y = y
    placed: list[PlacedLabel] = []
    top, bottom = bounds
    for side, gutter in ((-1, gutters[0]), (1, gutters[1])):
        column = [c for c in lifted if c.side == side]
        lines = [wrap(c.text, size, widths[(side + 1) // 2] if widths else None) for c in column]
        ys: list[float] = []
        for i, callout in enumerate(column):
            ys.append(max(callout.anchor[1], top, ys[-1] + len(lines[i - 1]) * line if ys else top))
        for i in range(len(ys) - 1, -1, -1):
            # The last label's last line stays above the floor; every other ends above the next.
            last = i == len(ys) - 1
            ceiling = bottom - (len(lines[i]) - 1) * line if last else ys[i + 1] - len(lines[i]) * line
            ys[i] = min(ys[i], ceiling)
        end_x = gutter + side * gap
        for callout, y, wrapped in zip(column, ys, lines, strict=True):
            placed.append(
                PlacedLabel(
                    key=callout.key,
                    text=callout.text,
                    side=side,
                    anchor=callout.anchor,
                    elbow=(gutter, callout.anchor[1]),
                    end=(end_x, y),
                    baseline=(end_x + side * 4, y + size * 0.35),
                    size=size,
                    lines=wrapped,
                )
            )
    return placed
