"""The stylesheet is well formed: every block it opens it closes, so no rule is swallowed by
an unclosed one above it (the preview pictures are rasterised with it too)."""

from __future__ import annotations

import re
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "app.css"


def test_every_block_the_stylesheet_opens_it_closes_before_the_next_top_level_rule():
    text = re.sub(r"/\*.*?\*/", lambda c: "\n" * c.group(0).count("\n"), STYLESHEET.read_text(), flags=re.S)
    depth = 0
    for number, line in enumerate(text.split("\n"), 1):
        starts_a_rule = bool(line) and not line[0].isspace() and not line.startswith("}")
        assert not (starts_a_rule and depth), f"app.css line {number} starts a rule inside an unclosed block"
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"app.css line {number} closes a block that was never opened"
    assert depth == 0
