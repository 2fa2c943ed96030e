"""Two drawings of the runner laid over each other: one faint behind, one in front.

Both come from the same figure function (so the hips sit at the same place); this nests them,
as elements, in one outer drawing whose view box covers both.
"""

from __future__ import annotations

import svgwrite

from webapp.figure.svg import Figure


def overlay(behind: Figure, front: Figure, label: str, view: str) -> Figure:
    """``front`` drawn over a faint ``behind``, both in one outer ``<svg>`` labelled ``label``
    (``behind`` is hidden from assistive technology: the label says what it shows). ``view``
    names the view both are drawn in, as a single figure's ``data-view`` does."""
    boxes = [figure.view_box for figure in (behind, front)]
    left = min(box[0] for box in boxes)
    top = min(box[1] for box in boxes)
    right = max(box[0] + box[2] for box in boxes)
    bottom = max(box[1] + box[3] for box in boxes)
    dwg = svgwrite.Drawing(size=None, debug=False)
    dwg.attribs.update(
        {"class": "runner runner--compare", "data-view": view, "role": "group", "aria-label": label}
    )
    dwg["viewBox"] = f"{left:g} {top:g} {right - left:g} {bottom - top:g}"
    # The page's CSS sizes every ".runner" to the column, so the inner ones take another class.
    ghost = dwg.g(class_="ghost")
    ghost["aria-hidden"] = "true"
    ghost.add(behind.nested("runner-layer"))
    dwg.add(ghost)
    dwg.add(front.nested("runner-layer"))
    return Figure(dwg)
