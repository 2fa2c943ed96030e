"""Reading a muscle's levels per phase as working periods and plain sentences, checked on a
made-up stride so the rules are tested apart from the content."""

from __future__ import annotations

import pytest

from tests.conftest import real_content
from webapp.content.model import Phase, Timing
from webapp.gait.activation import describe_timing, peak_phase, phase_at, working_in, working_spans

SHORT_NAMES = ["landing", "midstance", "push-off", "early swing", "mid swing", "late swing"]
PHASES = tuple(
    Phase(
        slug=name.replace(" ", "-"),
        name=name.capitalize(),
        short_name=name,
        period="stance" if index < 3 else "swing",
        start=index * 100 / 6,
        end=(index + 1) * 100 / 6,
        what_happens="Something happens.",
        pose_at=index * 100 / 6 + 5,
        why="Because.",
        sources=("anyone2000",),
    )
    for index, name in enumerate(SHORT_NAMES)
)


def muscle(*levels: str):
    """A real muscle with made-up levels, one per phase of the made-up stride."""
    timing = Timing.model_validate(
        {**{p.slug: level for p, level in zip(PHASES, levels, strict=True)}, "sources": ["anyone2000"]}
    )
    return real_content().atlas.muscles[0].model_copy(update={"phases": timing})


def test_a_span_that_wraps_past_landing_is_read_as_one():
    wraps = muscle("strong", "light", "off", "off", "light", "strong")
    assert [(s.first.short_name, s.last.short_name) for s in working_spans(wraps, PHASES)] == [
        ("mid swing", "midstance")
    ]
    assert (
        describe_timing(wraps, PHASES)
        == "Works from mid swing to midstance, hardest at late swing and landing."
    )


def test_every_working_period_is_named_and_the_hardest_phases_follow():
    twice = muscle("strong", "light", "off", "light", "off", "light")
    assert describe_timing(twice, PHASES) == (
        "Works from late swing to midstance, and again in early swing, hardest at landing."
    )


@pytest.mark.parametrize(("levels", "sentence"), [
    (("strong",) * 6, "Works throughout the stride."),
    (("light",) * 6, "Works throughout the stride."),
    (("off",) * 6, "Barely active in easy running."),
    (("off", "off", "strong", "off", "off", "off"), "Works in push-off, hardest at push-off."),
])  # fmt: skip
def test_steady_silent_and_single_phase_muscles_read_naturally(levels, sentence):
    assert describe_timing(muscle(*levels), PHASES) == sentence


def test_the_peak_is_the_first_strong_phase_else_the_first_working_one():
    assert (
        peak_phase(muscle("light", "off", "off", "off", "strong", "strong"), PHASES).short_name == "mid swing"
    )
    assert peak_phase(muscle("off", "light", "off", "off", "off", "off"), PHASES).short_name == "midstance"
    assert peak_phase(muscle(*("off",) * 6), PHASES) is None


def test_working_in_a_phase_splits_strong_from_light():
    hard, easy, resting = muscle(*("strong",) * 6), muscle(*("light",) * 6), muscle(*("off",) * 6)
    assert working_in([hard, easy, resting], PHASES[2]) == {"strong": [hard], "light": [easy]}


@pytest.mark.parametrize("percent", [0, 10, 16.7, 50, 99.9, 100, 150, -5])
def test_the_phase_at_any_moment_wraps_round_the_stride(percent):
    found = phase_at(PHASES, percent)
    assert found.start <= percent % 100 < found.end
