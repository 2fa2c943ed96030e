"""Names inside sentences: "Read more about the core", "the hamstrings work", "the Achilles
tendon". The content writes every name as a title ("Core", "Achilles tendon"); a sentence
needs it lower-cased (except a person's name), often with "the", and a verb that agrees."""

from __future__ import annotations

import re

# First words that stay capitalised mid-sentence: named after a person or a place. The
# content's own prose writes these capitalised mid-sentence; a test keeps the two in step.
PROPER_WORDS = frozenset({"Achilles", "Nordic", "Romanian"})

# Latin singulars that end in -s: "gluteus medius", "biceps femoris", "rectus abdominis", "psoas".
_SINGULAR_ENDINGS = ("us", "is", "ss", "as")


def in_sentence(name: str) -> str:
    """``name`` as written mid-sentence: its first letter lower-cased, unless its first word
    is a proper name ("Achilles tendon") or an abbreviation ("IT band")."""
    first = name.split(" ", 1)[0]
    if first in PROPER_WORDS or (len(first) > 1 and first.isupper()):
        return name
    return name[:1].lower() + name[1:]


def with_the(name: str) -> str:
    """``name`` mid-sentence with the definite article: "the core", "the hip flexors"."""
    return "the " + in_sentence(name)


def is_plural(name: str) -> bool:
    """Whether ``name`` takes a plural verb: two things joined by "and" ("semitendinosus and
    semimembranosus"), or a head word in the plural ("hamstrings", "quadriceps"), not a Latin
    singular ending in -s ("soleus", "biceps femoris"). Words in brackets do not count."""
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip().lower()
    if re.search(r"\band\b", bare):
        return True
    head = bare.split()[-1] if bare else ""
    return head.endswith("s") and not head.endswith(_SINGULAR_ENDINGS)


def agree(name: str, singular: str, plural: str) -> str:
    """The verb form (or pronoun) that agrees with ``name``: ``agree("Calves", "is", "are")``."""
    return plural if is_plural(name) else singular
