"""The atlas's other pages as data: the glossary, the training guide and the soreness guide.

Each reads one editor-written YAML file and checks its cross-references (muscle slugs and
exercise names) against the muscles already loaded.
"""

from __future__ import annotations

from pathlib import Path

from webapp.content.model import (
    SORENESS_LEVELS,
    Cited,
    Day,
    Drill,
    Muscle,
    Phase,
    Session,
    SessionExercise,
    Soreness,
    SorenessLevel,
    Term,
    Tour,
    TourStep,
    Training,
)
from webapp.content.records import Citation, ContentError, Record, read_yaml


def load_glossary(file: Path, citations: list[Citation]) -> tuple[Term, ...]:
    """Read ``glossary.yaml``: every term has a slug, the word, optional aliases and a definition."""
    top = Record(file, read_yaml(file), "", citations)
    terms = top.each(
        "terms",
        lambda r: Term(
            slug=r.slug("slug"),
            term=r.text("term"),
            aliases=tuple(str(alias) for alias in r.items("aliases", required=False)),
            definition=r.text("definition"),
        ),
    )
    top.finish()
    seen: set[str] = set()
    for index, term in enumerate(terms):
        for word in (term.term, *term.aliases):
            if word.lower() in seen:
                raise ContentError(file, f"terms[{index}]", f"'{word}' is defined twice")
            seen.add(word.lower())
    return terms


def _slugs(record: Record, key: str, muscles: dict[str, Muscle]) -> tuple[str, ...]:
    slugs = tuple(str(slug) for slug in record.items(key))
    for index, slug in enumerate(slugs):
        if slug not in muscles:
            raise record.fail(f"{key}[{index}]", f"'{slug}' is not a muscle")
    return slugs


def _session_exercise(record: Record, muscles: dict[str, Muscle]) -> SessionExercise:
    slug = record.text("muscle")
    if slug not in muscles:
        raise record.fail("muscle", f"'{slug}' is not a muscle")
    name = record.text("exercise")
    exercise = next((e for e in muscles[slug].exercises if e.name == name), None)
    if exercise is None:
        names = "; ".join(e.name for e in muscles[slug].exercises)
        raise record.fail("exercise", f"'{name}' is not an exercise of {slug} (it has: {names})")
    return SessionExercise(slug, exercise)


def load_training(file: Path, muscles: dict[str, Muscle], citations: list[Citation]) -> Training:
    """Read ``training.yaml``: principles, an example week, strength sessions and the warm-up."""
    top = Record(file, read_yaml(file), "", citations)
    sessions = top.each(
        "sessions",
        lambda r: Session(
            slug=r.slug("slug"),
            name=r.text("name"),
            when=r.text("when"),
            exercises=r.each("exercises", lambda e: _session_exercise(e, muscles)),
        ),
    )
    session_slugs = {session.slug for session in sessions}
    week = top.each("week", lambda r: _day(r, session_slugs))
    warm_up = top.record("warm_up")
    training = Training(
        intro=top.text("intro"),
        principles=top.each("principles", lambda r: Cited(r.text("text"), r.sources())),
        week=week,
        sessions=sessions,
        warm_up_intro=Cited(warm_up.text("intro"), warm_up.sources()),
        drills=warm_up.each(
            "drills",
            lambda r: Drill(r.text("name"), r.text("dose"), r.text("how"), _slugs(r, "prepares", muscles)),
        ),
    )
    warm_up.finish()
    top.finish()
    return training


def _day(record: Record, session_slugs: set[str]) -> Day:
    session = record.optional_text("strength") or None
    if session and session not in session_slugs:
        raise record.fail("strength", f"'{session}' is not one of the sessions below")
    return Day(day=record.text("day"), run=record.text("run"), session=session)


def load_soreness(file: Path, citations: list[Citation]) -> Soreness:
    """Read ``soreness.yaml``: levels from normal soreness to an emergency, each sourced."""
    top = Record(file, read_yaml(file), "", citations)
    soreness = Soreness(
        intro=top.text("intro"),
        levels=top.each(
            "levels",
            lambda r: SorenessLevel(
                slug=r.slug("slug"),
                title=r.text("title"),
                level=r.choice("level", SORENESS_LEVELS),
                signs=tuple(str(s) for s in r.items("signs")),
                actions=tuple(str(a) for a in r.items("actions")),
                sources=r.sources(),
            ),
        ),
    )
    top.finish()
    return soreness


def _tour_step(record: Record, muscles: dict[str, Muscle], phases: tuple[Phase, ...]) -> TourStep:
    muscle = record.optional_text("muscle") or None
    phase = record.optional_text("phase") or None
    if muscle is None and phase is None:
        raise record.fail("muscle", "is missing (a step needs a muscle, a phase, or both)")
    if muscle and muscle not in muscles:
        raise record.fail("muscle", f"'{muscle}' is not a muscle")
    if phase and phase not in {p.slug for p in phases}:
        raise record.fail("phase", f"'{phase}' is not a stride phase")
    return TourStep(script=record.text("script"), muscle=muscle, phase=phase)


def load_tours(
    file: Path, muscles: dict[str, Muscle], phases: tuple[Phase, ...], citations: list[Citation]
) -> tuple[Tour, ...]:
    """Read ``tours.yaml``: each tour's steps name real muscles and phases."""
    top = Record(file, read_yaml(file), "", citations)
    tours = top.each(
        "tours",
        lambda r: Tour(
            slug=r.slug("slug"),
            title=r.text("title"),
            summary=r.text("summary"),
            steps=r.each("steps", lambda step: _tour_step(step, muscles, phases)),
        ),
    )
    top.finish()
    return tours
