"""When muscles work: reading the per-phase activation table as spans and sentences.

Pure functions over the content model, used by the stride view, the activation chart and
each muscle's own timing summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from webapp.content.model import Muscle, Phase

WORKING = ("light", "strong")


@dataclass(frozen=True)
class Span:
    """A run of consecutive phases in which a muscle works (it may wrap round the stride)."""

    first: Phase
    last: Phase
    strongest: tuple[Phase, ...]


def working_spans(muscle: Muscle, phases: Sequence[Phase]) -> list[Span]:
    """The muscle's working periods, in stride order, joined across the end of the stride
    (terminal swing runs on into the next landing)."""
    levels = [muscle.timing.intensities[phase.slug] for phase in phases]
    if all(level in WORKING for level in levels):
        strongest = tuple(p for p, level in zip(phases, levels, strict=True) if level == "strong")
        return [Span(phases[0], phases[-1], strongest)]
    # Start scanning just after a resting phase, so a span that wraps round is read whole.
    start = next(i for i, level in enumerate(levels) if level not in WORKING) + 1
    spans, current = [], []
    for step in range(len(phases)):
        index = (start + step) % len(phases)
        if levels[index] in WORKING:
            current.append(index)
        elif current:
            spans.append(current)
            current = []
    if current:
        spans.append(current)
    # A span that wraps past the end of the stride contains the landing: tell it first.
    spans.sort(key=lambda run: 0 if run[-1] < run[0] else run[0])
    return [
        Span(phases[run[0]], phases[run[-1]], tuple(phases[i] for i in run if levels[i] == "strong"))
        for run in spans
    ]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def describe_timing(muscle: Muscle, phases: Sequence[Phase]) -> str:
    """One plain sentence, e.g. "Works from terminal swing to midstance, hardest in initial
    contact and loading and midstance."."""
    spans = working_spans(muscle, phases)
    if not spans:
        return "Barely active in easy running."
    if len(spans) == 1 and spans[0].first == phases[0] and spans[0].last == phases[-1]:
        text = "Works throughout the stride"
    else:
        parts = [
            f"in {s.first.short_name}"
            if s.first == s.last
            else f"from {s.first.short_name} to {s.last.short_name}"
            for s in spans
        ]
        text = "Works " + ", and again ".join(parts)
    strongest = [p for s in spans for p in s.strongest]
    if strongest and len(strongest) < len(phases):
        text += ", hardest at " + _listed([p.short_name for p in strongest])
    return text + "."


def working_in(muscles: Sequence[Muscle], phase: Phase) -> dict[str, list[Muscle]]:
    """The muscles working strongly and lightly in one phase."""
    return {
        level: [m for m in muscles if m.timing.intensities[phase.slug] == level]
        for level in ("strong", "light")
    }


def peak_phase(muscle: Muscle, phases: Sequence[Phase]) -> Phase | None:
    """The first phase in which the muscle works hardest (or works at all), or None."""
    for wanted in ("strong", "light"):
        found = next((p for p in phases if muscle.timing.intensities[p.slug] == wanted), None)
        if found:
            return found
    return None


def phase_at(phases: Sequence[Phase], percent: float) -> Phase:
    """The phase a leg is in at ``percent`` of its own stride."""
    percent %= 100
    return next((p for p in phases if p.start <= percent < p.end), phases[-1])
