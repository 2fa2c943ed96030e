"""QR codes as inline SVG, so a phone can open what the projector shows."""

from __future__ import annotations

from html import escape

import segno


def qr_svg(url: str) -> str:
    """An SVG QR code of ``url`` (error correction M), scalable, labelled for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr", lineclass="qr__modules", dark="#000", light="#fff"
    )
    return svg.replace("<svg ", f'<svg role="img" aria-label="QR code for {escape(url)}" ', 1)
