"""QR codes as inline SVG, so a phone can open what the projector shows."""

from __future__ import annotations

import segno
import svgwrite

from webapp.figure.svg import Figure

QUIET_ZONE = 4  # modules of white round the code, as the standard asks


def qr_svg(url: str) -> Figure:
    """A QR code of ``url`` (error correction M), scalable, labelled for screen readers: one
    path of dark modules, a row's run of them drawn as one stroke."""
    code = segno.make(url, error="m", micro=False)
    size = len(code.matrix) + 2 * QUIET_ZONE
    dwg = svgwrite.Drawing(size=None, debug=False)
    dwg.attribs.update({"class": "qr", "role": "img", "aria-label": f"QR code for {url}"})
    dwg["viewBox"] = f"0 0 {size} {size}"
    dwg.add(dwg.rect((0, 0), (size, size), fill="#fff"))
    runs = []
    for y, row in enumerate(code.matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start + QUIET_ZONE} {y + QUIET_ZONE + 0.5}h{x - start}")
            else:
                x += 1
    dwg.add(dwg.path(d="".join(runs), class_="qr__modules", stroke="#000", fill="none"))
    return Figure(dwg)
