"""Two drawings of the runner laid over each other: one faint behind, one in front.

Both are whole SVG documents from the same figure function (so they share a view box and
the hips sit at the same place); this only nests them inside one outer ``<svg>``. Pure:
strings in, a string out.
"""

from __future__ import annotations

import re
from html import escape

VIEW_BOX = re.compile(r'viewBox="([^"]+)"')


def view_box(svg: str) -> str:
    """The ``viewBox`` of an SVG document's root element."""
    found = VIEW_BOX.search(svg.split(">", 1)[0])
    if found is None:
        raise ValueError("the drawing has no viewBox")
    return found.group(1)


def overlay(behind: str, front: str, label: str) -> str:
    """``front`` drawn over a faint ``behind``, both filling one outer ``<svg>`` whose view
    box covers both. ``behind`` is hidden from assistive technology: ``label`` says what it
    shows."""
    boxes = [[float(v) for v in view_box(svg).split()] for svg in (behind, front)]
    left = min(box[0] for box in boxes)
    top = min(box[1] for box in boxes)
    right = max(box[0] + box[2] for box in boxes)
    bottom = max(box[1] + box[3] for box in boxes)
    outer = f"{left:g} {top:g} {right - left:g} {bottom - top:g}"

    def placed(svg: str) -> str:
        # A nested svg fills the outer one unless told where: give it its own box in the
        # outer coordinates so the two runners keep one scale. The page's CSS sizes every
        # ".runner" to the column, so the inner ones take another class.
        x, y, width, height = (float(v) for v in view_box(svg).split())
        root, rest = svg.split(">", 1)
        root = root.replace('class="runner"', 'class="runner-layer"').replace(
            "<svg ", f'<svg x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" ', 1
        )
        return f"{root}>{rest}"

    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="runner runner--compare" data-view="side" '
        f'role="group" aria-label="{escape(label)}" viewBox="{outer}">'
        f'<g class="ghost" aria-hidden="true">{placed(behind)}</g>{placed(front)}</svg>'
    )
