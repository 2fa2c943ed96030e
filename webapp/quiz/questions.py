"""Quizzes generated from the atlas's own content, reproducible from a seed.

Nothing is stored: the seed fixes the questions, and the answers so far travel in the URL,
so the whole class gets the same quiz from one link and the score is recomputed each time.
A quiz is made for the muscles a view of the runner shows, so every offered answer can be
found on the figure beside the question.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from webapp.content.model import Atlas, Muscle, Part, Phase
from webapp.content.wording import agree, with_the
from webapp.gait.activation import describe_timing

QUESTIONS = 8
SEED_RANGE = (1, 999_999)
OPTIONS = 4
KINDS = ("phase", "part", "summary", "phase", "part", "phase", "summary", "phase")
GENERIC_WORDS = frozenset({"and", "the", "muscle", "muscles"})

Shown = Callable[[str], bool]  # whether the figure shows a muscle (by slug), e.g. View.shows


@dataclass(frozen=True)
class Question:
    """One multiple-choice question; every option is a muscle slug."""

    number: int
    prompt: str
    options: tuple[str, ...]
    answer: str
    explanation: str
    phase: str | None = None  # set for questions about a moment of the stride


class QuizError(ValueError):
    """A quiz link that has been changed by hand: bad seed, question number or answers."""


def _words(texts: Iterable[str]) -> set[str]:
    """The telling words of some names: lower case, longer than two letters, not generic."""
    return {w for w in re.findall(r"[a-z]+", " ".join(texts).lower()) if len(w) > 2} - GENERIC_WORDS


def _masked_summary(muscle: Muscle) -> str:
    """The muscle's summary with its own name blanked out."""
    words = _words(muscle.names())
    pattern = r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"
    masked = re.sub(pattern, "___", muscle.summary, flags=re.I)
    return re.sub(r"___(\s+___)+", "___", masked)


def _listed(names: Sequence[str]) -> str:
    """ "a", "a and b", "a, b, and c": the last comma keeps "the big toe and foot muscles" whole."""
    if len(names) < 3:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _options(
    rng: random.Random, answer: Muscle, pool: Sequence[Muscle], also_close: Iterable[str] = ()
) -> tuple[str, ...] | None:
    """The answer and three distractors from ``pool``, shuffled; None when the pool has too few.

    Muscles that share parts or jobs with the answer (its "related" list, either way), and
    any in ``also_close``, would make a second right answer, so they are never offered."""
    close = {answer.slug, *answer.related, *also_close} | {m.slug for m in pool if answer.slug in m.related}
    others = [m for m in pool if m.slug not in close]
    if len(others) < OPTIONS - 1:
        return None
    options = [answer.slug, *(m.slug for m in rng.sample(others, OPTIONS - 1))]
    rng.shuffle(options)
    return tuple(options)


def _candidates(rng: random.Random, muscles: Sequence[Muscle], used: set[str]) -> list[Muscle]:
    """The muscles in a random order, those not yet an answer first."""
    order = list(muscles)
    rng.shuffle(order)
    return [m for m in order if m.slug not in used] + [m for m in order if m.slug in used]


def _stride_sentence(muscle: Muscle, phases: Sequence[Phase]) -> str:
    """ "Over the whole stride, the hamstrings work from ..." (a muscle that works at all)."""
    timing = describe_timing(muscle, phases).removeprefix("Works ")
    return f"Over the whole stride, {with_the(muscle.name)} {agree(muscle.name, 'works', 'work')} {timing}"


def _phase_question(
    rng: random.Random, atlas: Atlas, shown: Sequence[Muscle], number: int, used: set[str]
) -> Question | None:
    # A muscle that works the same all stride long (the heart) cannot answer "when?".
    legs = [m for m in shown if not m.works_throughout]
    choices = [
        (phase, muscle)
        for phase in atlas.phases
        for muscle in legs
        if muscle.timing.intensities[phase.slug] == "strong"
    ]
    rng.shuffle(choices)
    choices.sort(key=lambda choice: choice[1].slug in used)  # stable: fresh muscles first
    for phase, muscle in choices:
        resting = [m for m in legs if m.timing.intensities[phase.slug] == "off"]
        options = _options(rng, muscle, [muscle, *resting])
        if options is None:
            continue
        rest = [with_the(atlas.muscle(o).name) for o in options if o != muscle.slug]  # type: ignore[union-attr]
        name = with_the(muscle.name)
        return Question(
            number=number,
            prompt=(
                f"During {phase.name.lower()} (the {phase.period} phase, {phase.start:.0f}–{phase.end:.0f}% "
                "of the stride), which of these muscles works hardest?"
            ),
            options=options,
            answer=muscle.slug,
            explanation=(
                f"In {phase.short_name}, {name} {agree(muscle.name, 'works', 'work')} hard, while "
                f"{_listed(rest)} rest. {_stride_sentence(muscle, atlas.phases)}"
            ),
            phase=phase.slug,
        )
    return None


def _askable_parts(muscle: Muscle) -> list[Part]:
    """The parts whose names do not give the muscle's own name away."""
    own = _words(muscle.names())
    return [part for part in muscle.parts if not _words([part.name]) & own]


def _part_question(
    rng: random.Random, atlas: Atlas, shown: Sequence[Muscle], number: int, used: set[str]
) -> Question | None:
    for muscle in _candidates(rng, shown, used):
        parts = _askable_parts(muscle)
        rng.shuffle(parts)
        for part in parts:
            # A muscle named like the part, or with a part named alike, would look right too.
            said = _words([part.name])
            alike = [
                m.slug
                for m in shown
                if said & _words([*m.names(), *(p.name for p in m.parts)]) and m != muscle
            ]
            options = _options(rng, muscle, shown, alike)
            if options is None:
                continue
            subject = with_the(part.name)
            return Question(
                number=number,
                prompt=f"Which of these {agree(part.name, 'does', 'do')} {subject} belong to?",
                options=options,
                answer=muscle.slug,
                explanation=(
                    f"{subject[:1].upper()}{subject[1:]} {agree(part.name, 'belongs', 'belong')} to "
                    f"{with_the(muscle.name)}. {part.name}: {part.where[:1].lower()}{part.where[1:]}"
                ),
            )
    return None


def _summary_question(
    rng: random.Random, atlas: Atlas, shown: Sequence[Muscle], number: int, used: set[str]
) -> Question | None:
    for muscle in _candidates(rng, shown, used):
        options = _options(rng, muscle, shown)
        if options is None:
            continue
        return Question(
            number=number,
            prompt=f"Which of these is described here? “{_masked_summary(muscle)}”",
            options=options,
            answer=muscle.slug,
            explanation=(
                f"{agree(muscle.name, 'This is', 'These are')} {with_the(muscle.name)}. {muscle.summary}"
            ),
        )
    return None


MAKERS = {"phase": _phase_question, "part": _part_question, "summary": _summary_question}


def make_quiz(atlas: Atlas, seed: int, shown: Shown | None = None) -> tuple[Question, ...]:
    """The quiz for ``seed``: the same seed (and view) always gives the same questions and
    options. With ``shown``, every offered answer is a muscle the view shows; a question whose
    answers it cannot show is drawn again (or made another way)."""
    if not SEED_RANGE[0] <= seed <= SEED_RANGE[1]:
        raise QuizError("quiz number out of range")
    muscles = [m for m in atlas.muscles if shown is None or shown(m.slug)]
    rng = random.Random(seed)
    questions: list[Question] = []
    used: set[str] = set()
    for number, kind in enumerate(KINDS[:QUESTIONS], start=1):
        # The kind this slot asks for, else the others in a fixed order.
        for maker in (MAKERS[kind], *(MAKERS[k] for k in MAKERS if k != kind)):
            question = maker(rng, atlas, muscles, number, used)
            if question is not None:
                break
        else:
            raise QuizError("this view shows too few muscles for a quiz")
        used.add(question.answer)
        questions.append(question)
    return tuple(questions)


def parse_answers(text: str, atlas: Atlas, expected: int) -> list[str]:
    """Answers so far from the URL (muscle slugs joined by dots); they must be real muscles
    and exactly ``expected`` of them."""
    answers = text.split(".") if text else []
    if len(answers) != expected or any(atlas.muscle(a) is None for a in answers):
        raise QuizError("answers do not match the quiz")
    return answers


def score(questions: tuple[Question, ...], answers: list[str]) -> int:
    """How many answers are right."""
    return sum(1 for question, answer in zip(questions, answers, strict=False) if question.answer == answer)
