"""Play's frames, for every view that plays: each frame is one pose with the text that
describes it, and static/player.js steps through them (see _frames.html for the format)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import render_template
from markupsafe import Markup

from webapp.content.model import MeasuredSpeed
from webapp.pages.figures import speed_figure
from webapp.prepared import SPEED_FRAME_PERCENTS

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


def pose_caption(measured: MeasuredSpeed, percent: float) -> str:
    """The words under a speed's runner: which speed, and when in the stride."""
    return f"{measured.speed.label} · {percent}% of the stride"


def speed_frame_ms(measured: MeasuredSpeed) -> float:
    """How long Play shows each pose, so that one loop takes the speed's real stride time."""
    return round(measured.speed.stride_time * 1000 / len(SPEED_FRAME_PERCENTS), 2)


def speed_frames(measured: MeasuredSpeed, **figure: Any) -> str:
    """Every sampled pose of one speed's stride with its caption, the runner drawn with the
    ``figure`` options of :func:`webapp.pages.figures.speed_figure`."""
    frames = []
    for percent in SPEED_FRAME_PERCENTS:
        caption = pose_caption(measured, percent)
        drawn = speed_figure(measured, percent, **figure)
        parts = render_template("_speed_frame.html", figure=drawn, caption=caption)
        frames.append(Frame(str(percent), caption, Markup(parts)))
    return render_frames(frames)
