"""Play's frames, for every view that plays: each frame is one pose with the text that
describes it, and static/player.js steps through them (see _frames.html for the format)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import render_template
from markupsafe import Markup

# A path's outline. Every pose draws the same few dozen outlines, moved by ``transform``, so
# the frames send each outline once and the player puts it back (45% of a pose's bytes).
_OUTLINE = re.compile(r' d="([^"]*)"')


@dataclass(frozen=True)
class Frame:
    """One pose: its key (a phase slug, a percent of the stride), the words that name it when
    Play pauses on it, and its parts: elements whose ``id`` names the page element whose
    contents they replace (the figure, its caption, the text that describes the pose)."""

    key: str
    label: str
    parts: Markup


def render_frames(frames: list[Frame]) -> str:
    """The frames as one HTML fragment, with the outlines they share sent once."""
    outlines: dict[str, int] = {}

    def numbered(match: re.Match[str]) -> str:
        return f' data-outline="{outlines.setdefault(match.group(1), len(outlines))}"'

    compact = [Frame(f.key, f.label, Markup(_OUTLINE.sub(numbered, f.parts))) for f in frames]
    return render_template("_frames.html", frames=compact, outlines=list(outlines))
