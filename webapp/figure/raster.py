"""SVG to PNG on the server, with resvg and only the fonts shipped in ``fonts/``.

Using the bundled DejaVu Sans (and never the machine's own fonts) makes a picture come out
the same on every server, whatever is installed there.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import resvg_py

FONTS = Path(__file__).resolve().parent / "fonts"
FONT_FILES = [str(FONTS / "DejaVuSans.ttf"), str(FONTS / "DejaVuSans-Bold.ttf")]
FONT_FAMILY = "DejaVu Sans"

_ROOT_RULE = re.compile(r":root\s*\{([^}]*)\}")
_PROPERTY = re.compile(r"--([\w-]+)\s*:\s*([^;]+);")
_USE = re.compile(r"var\(--([\w-]+)\)")


def resolve_custom_properties(css: str) -> str:
    """``css`` with every ``var(--name)`` replaced by the value ``:root`` gives it, since the
    rasteriser does not know custom properties."""
    root = _ROOT_RULE.search(css)
    values = dict(_PROPERTY.findall(root.group(1))) if root else {}
    return _USE.sub(lambda use: values.get(use.group(1), use.group(0)).strip(), css)


# A picture is drawn once per process even when several apps ask for it (an export after
# serving, the test suite's apps): rasterising is the slowest step of a preview.
@lru_cache(maxsize=256)
def png(svg: str, stylesheet: str = "") -> bytes:
    """``svg`` as PNG bytes at its own size, styled by ``stylesheet``; text in DejaVu Sans."""
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg,
            style_sheet=stylesheet or None,
            skip_system_fonts=True,
            font_files=FONT_FILES,
            font_family=FONT_FAMILY,
            sans_serif_family=FONT_FAMILY,
            serif_family=FONT_FAMILY,
            monospace_family=FONT_FAMILY,
        )
    )
