"""Quizzes generated from the atlas's own content, reproducible from a seed.

Nothing is stored: the seed fixes the questions, and the answers so far travel in the URL,
so the whole class gets the same quiz from one link and the score is recomputed each time.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from webapp.content.model import Atlas, Muscle
from webapp.gait.activation import describe_timing

QUESTIONS = 8
SEED_RANGE = (1, 999_999)
OPTIONS = 4


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


def _masked_summary(muscle: Muscle) -> str:
    """The muscle's summary with its own name blanked out."""
    generic = {"and", "the", "muscle", "muscles"}
    words = {w for w in re.findall(r"[a-z]+", " ".join(muscle.names()).lower()) if len(w) > 2} - generic
    pattern = r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"
    masked = re.sub(pattern, "___", muscle.summary, flags=re.I)
    return re.sub(r"___(\s+___)+", "___", masked)


def _options(rng: random.Random, answer: Muscle, pool: list[Muscle]) -> tuple[str, ...]:
    # Muscles that share parts or jobs with the answer (its "related" list, either way)
    # would make a second right answer, so they are never offered beside it.
    close = {answer.slug, *answer.related} | {m.slug for m in pool if answer.slug in m.related}
    distractors = rng.sample([m for m in pool if m.slug not in close], OPTIONS - 1)
    options = [answer.slug, *(m.slug for m in distractors)]
    rng.shuffle(options)
    return tuple(options)


def _phase_question(rng: random.Random, atlas: Atlas, number: int, used: set[str]) -> Question | None:
    # A muscle that works the same all stride long (the heart) cannot answer "when?".
    legs = [m for m in atlas.muscles if not m.works_throughout]
    choices = [
        (phase, muscle)
        for phase in atlas.phases
        for muscle in legs
        if muscle.timing.intensities[phase.slug] == "strong" and muscle.slug not in used
    ]
    rng.shuffle(choices)
    for phase, muscle in choices:
        resting = [m for m in legs if m.timing.intensities[phase.slug] == "off"]
        unrelated = [m for m in resting if m.slug not in muscle.related and muscle.slug not in m.related]
        if len(unrelated) >= OPTIONS - 1:
            return Question(
                number=number,
                prompt=(
                    f"During {phase.name.lower()} ({phase.period}, {phase.start:.0f}–{phase.end:.0f}% of the "
                    "stride), which of these muscles works hardest?"
                ),
                options=_options(rng, muscle, [muscle, *resting]),
                answer=muscle.slug,
                explanation=f"{muscle.name}: {describe_timing(muscle, atlas.phases)} {phase.why}",
                phase=phase.slug,
            )
    return None


def _fresh_muscle(rng: random.Random, atlas: Atlas, used: set[str]) -> Muscle:
    """A muscle not yet the answer to a question, when one is left."""
    return rng.choice([m for m in atlas.muscles if m.slug not in used] or list(atlas.muscles))


def _part_question(rng: random.Random, atlas: Atlas, number: int, used: set[str]) -> Question:
    muscle = _fresh_muscle(rng, atlas, used)
    part = rng.choice(muscle.parts)
    return Question(
        number=number,
        prompt=f"The {part.name.lower()}: which muscle group is it part of?",
        options=_options(rng, muscle, list(atlas.muscles)),
        answer=muscle.slug,
        explanation=f"{part.name} belongs to the {muscle.name.lower()}. {part.where}",
    )


def _summary_question(rng: random.Random, atlas: Atlas, number: int, used: set[str]) -> Question:
    muscle = _fresh_muscle(rng, atlas, used)
    return Question(
        number=number,
        prompt=f"Which muscle is this? “{_masked_summary(muscle)}”",
        options=_options(rng, muscle, list(atlas.muscles)),
        answer=muscle.slug,
        explanation=f"{muscle.name}: {muscle.summary}",
    )


def make_quiz(atlas: Atlas, seed: int) -> tuple[Question, ...]:
    """The quiz for ``seed``: the same seed always gives the same questions and options."""
    if not SEED_RANGE[0] <= seed <= SEED_RANGE[1]:
        raise QuizError("quiz number out of range")
    rng = random.Random(seed)
    kinds = ["phase", "part", "summary", "phase", "part", "phase", "summary", "phase"][:QUESTIONS]
    questions: list[Question] = []
    used: set[str] = set()
    for number, kind in enumerate(kinds, start=1):
        question = None
        if kind == "phase":
            question = _phase_question(rng, atlas, number, used)
        if question is None:
            maker = _summary_question if kind == "summary" else _part_question
            question = maker(rng, atlas, number, used)
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
