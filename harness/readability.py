"""Readability scores for English prose: Flesch-Kincaid grade and Flesch reading ease.

Self-contained on purpose (common libraries download a pronunciation dictionary at run
time, which offline classrooms and CI cannot do). Syllables are counted by vowel groups
with the usual English corrections; that is accurate enough to compare pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from webapp.content.model import Muscle, RedFlagList, Soreness, Training

_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


def syllables(word: str) -> int:
    """Estimated syllables in one English word (at least one)."""
    word = word.lower().strip("'’")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


@dataclass(frozen=True)
class Readability:
    """Scores of one text."""

    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level: the US school grade that can read it (12 = school leaver)."""
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def ease(self) -> float:
        """Flesch reading ease: 60-70 is plain English; higher is easier."""
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words


def measure(text: str) -> Readability:
    """Score plain text."""
    words = _WORD.findall(text)
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    return Readability(len(words), sentences, sum(syllables(w) for w in words))


def _join(sentences: list[str]) -> str:
    return " ".join(t if t.rstrip().endswith((".", "!", "?")) else f"{t}." for t in sentences)


def muscle_prose(muscle: Muscle) -> str:
    """Every sentence a muscle's panel shows, in order (labels and numbers left out)."""
    return _join(
        [
            muscle.summary,
            *(part.where for part in muscle.parts),
            *(point.text for point in muscle.stride),
            *([muscle.timing.note] if muscle.timing.note else []),
            *(risk.text for risk in muscle.risks),
            *(text for e in muscle.exercises for text in (e.cue, e.progression)),
            *(text for myth in muscle.myths for text in (myth.claim, myth.finding)),
            muscle.key_number.meaning,
        ]
    )


def training_prose(training: Training) -> str:
    """The sentences of the training page."""
    return _join(
        [
            training.intro,
            *(p.text for p in training.principles),
            training.warm_up.intro,
            *(d.how for d in training.warm_up.drills),
        ]
    )


def soreness_prose(soreness: Soreness, red_flags: RedFlagList | None = None) -> str:
    """The sentences of the soreness page: its levels and, when given, its warning signs."""
    flags = red_flags.red_flags if red_flags else ()
    return _join(
        [
            soreness.intro,
            *(t for flag in flags for t in (flag.sign, flag.meaning)),
            *(t for level in soreness.levels for t in (*level.signs, *level.actions)),
        ]
    )
