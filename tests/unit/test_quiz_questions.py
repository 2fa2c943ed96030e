"""The quiz's questions read as correct English about the right muscle, and every answer it
offers can be found on the figure of the view it is asked in. Checked over every question
the generator makes for many seeds in every view of the data."""

from __future__ import annotations

import re
from functools import cache

import pytest

from tests.conftest import DATA_DIR, real_content
from webapp.content.wording import PROPER_WORDS, in_sentence, is_plural, with_the
from webapp.quiz.questions import QuizError, make_quiz

CONTENT = real_content()
ATLAS = CONTENT.atlas
VIEWS = CONTENT.figure.views
SEEDS = range(1, 121)

# Grammatical number of every name the quiz can put in a sentence, as an editor reads it.
# A new muscle or part must be added here (the completeness test below says so).
PLURAL = {
    "Core": False,
    "Hip flexors": True,
    "Glutes": True,
    "Glute medius": False,
    "Adductors": True,
    "Quadriceps": True,
    "Hamstrings": True,
    "Calves": True,
    "Tibialis anterior": False,
    "Big toe and foot muscles": True,
    "Heart": False,
    "Transversus abdominis and the obliques": True,
    "Erector spinae and multifidus": True,
    "Rectus abdominis": False,
    "Iliopsoas (iliacus and psoas major)": False,
    "Rectus femoris": False,
    "Gluteus maximus": False,
    "Gluteus medius and minimus": True,
    "Gluteus medius": False,
    "Gluteus minimus": False,
    "Tensor fasciae latae": False,
    "Adductor magnus": False,
    "Adductor longus and brevis": True,
    "Gracilis and pectineus": True,
    "Vastus lateralis, medialis and intermedius": True,
    "Biceps femoris (long and short heads)": False,
    "Semitendinosus and semimembranosus": True,
    "Soleus": False,
    "Gastrocnemius": False,
    "Achilles tendon": False,
    "Toe extensors (extensor digitorum longus and extensor hallucis longus)": True,
    "Flexor hallucis longus and brevis": True,
    "Abductor hallucis": False,
    "Flexor digitorum brevis": False,
    "Left ventricle": False,
    "Right ventricle and the atria": True,
}
NAMES = sorted({m.name for m in ATLAS.muscles} | {p.name for m in ATLAS.muscles for p in m.parts})


@cache
def every_question() -> list[tuple[str, object]]:
    """(view name, question) for every question of every seed in SEEDS, in every view."""
    return [
        (name, q)
        for name, view in VIEWS.items()
        for seed in SEEDS
        for q in make_quiz(ATLAS, seed, view.shows)
    ]


def mid_sentence_capitals() -> set[str]:
    """Words the content's own prose writes capitalised mid-sentence (names of people and
    places), leaving out the reference lists, whose titles are capitalised anyway."""
    found: set[str] = set()
    for file in DATA_DIR.rglob("*.yaml"):
        if file.name != "sources.yaml" and "ledger" not in file.parts:
            found |= set(re.findall(r"(?<=[a-z,;] )([A-Z][a-z]+)", file.read_text()))
    return found


def test_every_name_the_quiz_can_use_has_a_known_grammatical_number():
    assert set(NAMES) <= set(PLURAL), f"add to PLURAL: {sorted(set(NAMES) - set(PLURAL))}"


@pytest.mark.parametrize("name", NAMES)
def test_plural_names_are_told_from_singular_ones(name):
    assert is_plural(name) == PLURAL[name]


def test_a_name_keeps_its_capital_mid_sentence_only_when_the_content_writes_it_so():
    capitals = mid_sentence_capitals()
    assert capitals >= PROPER_WORDS, "a proper word the content never writes capitalised mid-sentence"
    for name in NAMES + [p.name for p in ATLAS.pain.problems]:
        first = name.split()[0]
        expected = first if first in capitals else first[:1].lower() + first[1:]
        assert in_sentence(name).split()[0] == expected, name
    assert with_the("Core") == "the core" and with_the("Achilles tendon") == "the Achilles tendon"


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_offered_answer_is_shown_by_the_view_the_question_is_asked_in(view):
    for seed in SEEDS:
        for question in make_quiz(ATLAS, seed, VIEWS[view].shows):
            assert all(VIEWS[view].shows(option) for option in question.options), (seed, question)
            assert len(set(question.options)) == 4 and question.answer in question.options


def test_a_view_that_shows_too_few_muscles_gets_no_quiz():
    three = {m.slug for m in ATLAS.muscles[:3]}
    with pytest.raises(QuizError):
        make_quiz(ATLAS, 4242, three.__contains__)


def named(text: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(in_sentence(name))}\b", text, flags=re.I) is not None


def test_every_explanation_is_about_the_right_muscle():
    for view, question in every_question():
        answer = ATLAS.muscle(question.answer)
        assert named(question.explanation, answer.name), (view, question)
        # Other muscles appear only where a stride question says they rest then, or where a
        # part's description points to a muscle the answer is related to.
        said = question.explanation.split(" rest. ")[-1]
        related = {*answer.related} | {m.slug for m in ATLAS.muscles if answer.slug in m.related}
        for other in ATLAS.muscles:
            if other.slug not in related | {answer.slug}:
                for name in (other.name, *other.also_called):
                    assert not named(said, name), (view, question, other.slug)


VERBS = {"is": "are", "does": "do", "works": "work", "belongs": "belong", "This is": "These are"}
SUBJECTS = {in_sentence(name): name for name in NAMES}
_ANY_NAME = "|".join(re.escape(s) for s in sorted(SUBJECTS, key=len, reverse=True))
_ANY_VERB = "|".join(re.escape(v) for pair in VERBS.items() for v in pair)
# "the hamstrings work" (not "do the hamstrings belong", whose verb is "do"), and
# "does the soleus belong" / "These are the calves".
VERB_AFTER = re.compile(rf"(?<!does )(?<!do )\bthe ({_ANY_NAME}) ({_ANY_VERB})\b")
VERB_BEFORE = re.compile(rf"\b({_ANY_VERB}) the ({_ANY_NAME})(?!\w)")


def test_verbs_agree_with_the_names_they_go_with():
    for view, question in every_question():
        checked = 0
        for text in (question.prompt, question.explanation):
            pairs = [m.groups() for m in VERB_AFTER.finditer(text)]
            pairs += [(subject, verb) for verb, subject in (m.groups() for m in VERB_BEFORE.finditer(text))]
            for subject, verb in pairs:
                checked += 1
                singular = next(s for s, p in VERBS.items() if verb in (s, p))
                wanted = VERBS[singular] if PLURAL[SUBJECTS[subject]] else singular
                assert verb == wanted, (view, subject, text)
        assert checked, (view, question)  # each question has a name and verb the patterns find


def test_questions_and_explanations_are_tidy_sentences():
    for view, question in every_question():
        for text in (question.prompt, question.explanation):
            assert text[0].isupper() and text.rstrip("”")[-1] in ".?", (view, text)
            assert not re.search(r"\b(\w+) \1\b|\s[,.;:]|\.\.|  |\bit part\b", text), (view, text)
            lowered = {w.lower() for w in PROPER_WORDS}
            assert not re.search(rf"\b({'|'.join(lowered)})\b", text), (view, text)  # case-sensitive
        assert question.prompt.endswith(("?", "”")), question.prompt


@pytest.mark.parametrize("view", list(real_content().figure.views))
def test_a_quiz_in_a_view_only_offers_muscles_that_view_draws(client, view):
    shown = real_content().figure.views[view]
    prefix = "" if view == next(iter(real_content().figure.views)) else f"/{view}"
    for seed in range(1, 6):
        html = client.get(f"{prefix}/quiz/{seed}/1").get_data(as_text=True)
        offered = re.findall(r'name="choice" value="([\w-]+)"', html)
        assert len(offered) == 4 and all(shown.shows(slug) for slug in offered), (view, seed, offered)
