"""The atlas's content schema: every field of every data file, stated once.

Pydantic models, read from editor-written YAML by :mod:`webapp.content.loader` and then only
read. Unknown fields are refused (a misspelt field would otherwise drop content silently),
choices are ``Literal`` words, and references to sources, muscles and phases are checked
against what the loader already knows (passed in the validation context). Nothing here
knows about Flask or HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo
from pydantic import model_validator as _model_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DOI_PATTERN = r"^10\.\d{4,9}/\S+$"
URL_PATTERN = r"^https://[^\s/]+\.[^\s/]+/\S*$"

Intensity = Literal["off", "light", "strong"]
Evidence = Literal["strong", "moderate", "weak", "contested"]
RiskKind = Literal["weak", "tight", "overload"]
Verdict = Literal["confirmed", "partly true", "corrected", "unproven"]
# How urgently to get help, as national health services tier it, most urgent first. Every red
# flag and every level of the soreness guide has exactly one; the page names each in words.
Tier = Literal["emergency", "same-day", "clinician", "self-care"]
StudyDesign = Literal[
    "systematic-review",
    "rct",
    "cohort",
    "case-control",
    "cross-sectional",
    "case-series",
    "lab-study",
    "simulation",
    "guideline",
    "narrative-review",
    "other",
]

# Where an exercise card's dose (sets, reps, how often) comes from, in plain words on every
# card: a trial that used this dose, a study of muscle activity that prescribed no dose, or
# common practice with no trial behind it.
DoseSource = Literal["trial", "muscle-activity", "practice"]
# Study designs that test a treatment on people over weeks, so can be the source of a dose.
TRIAL_DESIGNS = ("rct", "cohort", "case-series")
# How a claim was checked against its source: the full text, the abstract only, the source's
# own text read in a copy held elsewhere (a guideline page, a reproduced table), only the
# title and bibliographic record, or not at all because no copy could be read.
CheckMethod = Literal["full-text", "abstract", "copy", "record", "could-not-verify"]
CheckVerdict = Literal["confirmed", "corrected", "could-not-verify"]

INTENSITIES: tuple[str, ...] = Intensity.__args__  # type: ignore[attr-defined]
EVIDENCE_LEVELS: tuple[str, ...] = Evidence.__args__  # type: ignore[attr-defined]
STUDY_DESIGNS: tuple[str, ...] = StudyDesign.__args__  # type: ignore[attr-defined]
TIERS: tuple[str, ...] = Tier.__args__  # type: ignore[attr-defined]
# What each tier tells the reader to do: the words the page shows, so no tier is told apart by
# colour alone.
TIER_ACTIONS: dict[str, str] = {
    "emergency": "Call 999 / 112 / 911 now",
    "same-day": "Get seen today",
    "clinician": "See a clinician soon",
    "self-care": "Look after it yourself",
}


def _folded_text(value: Any) -> Any:
    """Editors write prose over several lines and numbers as text: keep both as one line."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        value = str(value)
    return " ".join(value.split()) if isinstance(value, str) else value


def _context_check(kind: str, problem: str):
    """A validator that the value is one of the names the loader put in ``context[kind]``."""

    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(kind)
        if known is not None and value not in known:
            raise ValueError(problem.format(value=value))
        return value

    return AfterValidator(check)


Text = Annotated[str, BeforeValidator(_folded_text), Field(min_length=1)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
SourceId = Annotated[
    str, BeforeValidator(_folded_text), _context_check("sources", "'{value}' is not in sources.yaml")
]
MuscleSlug = Annotated[str, _context_check("muscles", "'{value}' is not a muscle")]
PhaseSlug = Annotated[str, _context_check("phases", "'{value}' is not a stride phase")]
SpeedSlug = Annotated[str, _context_check("speeds", "'{value}' is not a measured speed")]
Sources = Annotated[tuple[SourceId, ...], Field(min_length=1)]


class Record(BaseModel):
    """A mapping in a data file: unknown fields refused, read-only once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Record):
    """A published study or reference, cited by its short id (e.g. ``hamner2010``)."""

    id: Slug
    authors: Text
    year: Annotated[int, Field(ge=1800, le=2100)]
    title: Text
    venue: Text
    design: StudyDesign
    doi: Annotated[str, Field(pattern=DOI_PATTERN)] | None = None
    url: Annotated[str, Field(pattern=URL_PATTERN)] | None = None

    @_model_validator(mode="after")
    def _has_an_address(self) -> Source:
        if not self.doi and not self.url:
            raise ValueError("needs a doi or a url")
        return self

    @property
    def short_name(self) -> str:
        """The first author and year, as a reader names a study: "Petersen and others, 2011"."""
        names = [name.strip() for name in self.authors.split(",")]
        first = names[0].rsplit(" ", 1)[0] if " " in names[0] else names[0]
        return f"{first}{' and others' if len(names) > 1 else ''}, {self.year}"

    @property
    def link(self) -> str:
        """The address a reader can open: the DOI resolver when there is a DOI."""
        return f"https://doi.org/{self.doi}" if self.doi else str(self.url)


class SourceList(Record):
    """``sources.yaml``."""

    sources: tuple[Source, ...]


class EvidenceClause(Record):
    """One way to reach a level: at least ``at_least`` sources of these designs."""

    designs: Annotated[tuple[StudyDesign, ...], Field(min_length=1)]
    at_least: Annotated[int, Field(ge=1)]


class EvidenceLevel(Record):
    """What a rating means in plain words, and the study designs it needs."""

    level: Evidence
    meaning: Text
    rule: Annotated[tuple[EvidenceClause, ...], Field(min_length=1)]
    at_least_sources: Annotated[int, Field(ge=1)] = 1

    def admits(self, designs: list[str]) -> bool:
        """Whether sources of these designs are enough for this level."""
        if len(designs) < self.at_least_sources:
            return False
        return any(sum(d in clause.designs for d in designs) >= clause.at_least for clause in self.rule)


class DesignMeaning(Record):
    """A study design in plain words, for readers of the rubric."""

    design: StudyDesign
    name: Text
    meaning: Text


class EvidenceRubric(Record):
    """``evidence.yaml``: the one written rule behind every evidence rating."""

    intro: Text
    levels: tuple[EvidenceLevel, ...]
    designs: tuple[DesignMeaning, ...]

    @_model_validator(mode="after")
    def _every_level_and_design_once(self) -> EvidenceRubric:
        if tuple(level.level for level in self.levels) != EVIDENCE_LEVELS:
            raise ValueError(f"must describe the levels {', '.join(EVIDENCE_LEVELS)}, in that order")
        if tuple(d.design for d in self.designs) != STUDY_DESIGNS:
            raise ValueError(f"must explain the designs {', '.join(STUDY_DESIGNS)}, in that order")
        return self

    def level(self, name: str) -> EvidenceLevel:
        """The rubric's entry for one rating."""
        return next(level for level in self.levels if level.level == name)

    def design_name(self, design: str) -> str:
        """A study design's name for readers, e.g. "Randomised trial"."""
        return next(d.name for d in self.designs if d.design == design)


class Cited(Record):
    """A sentence that makes a claim, with the ids of the sources that support it."""

    text: Text
    sources: Sources


class Phase(Record):
    """One sub-phase of a running stride, as a slice of the gait cycle."""

    slug: Slug
    name: Text
    short_name: Text  # for sentences and chart labels: "push-off", "late swing"
    period: Literal["stance", "swing"]
    start: Annotated[float, Field(ge=0, le=100)]  # percent of the stride
    end: Annotated[float, Field(ge=0, le=100)]
    what_happens: Text
    pose_at: Annotated[float, Field(ge=0, le=100)]  # the moment of the stride drawn for this phase
    why: Text  # what the working muscles are doing...
    sources: Sources  # ...and the evidence for it


class PhaseList(Record):
    """``stride/phases.yaml``."""

    sources: Sources
    timing_note: Cited  # where the timing on every phase's chart comes from
    phases: Annotated[tuple[Phase, ...], Field(min_length=1)]


class Timing(BaseModel):
    """When in the stride a muscle works: one intensity per phase (keyed by the phase's slug,
    so a new phase in the data asks every muscle for a level), a note and its evidence."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, Intensity] = Field(init=False)

    note: Text | None = None
    sources: Sources

    @_model_validator(mode="after")
    def _one_level_per_phase(self, info: ValidationInfo) -> Timing:
        phases = (info.context or {}).get("phases")
        if phases is not None:
            given = set(self.intensities)
            for slug in phases:
                if slug not in given:
                    raise ValueError(f"'{slug}' is missing (give every phase a level: off, light or strong)")
            for slug in given - set(phases):
                raise ValueError(f"'{slug}' is not a stride phase")
        return self

    @property
    def intensities(self) -> dict[str, str]:
        """Phase slug -> off, light or strong."""
        return dict(self.__pydantic_extra__ or {})


class Part(Record):
    """An anatomical part of a muscle group, e.g. the soleus within the calves."""

    name: Text
    where: Text


class Risk(Record):
    """What can go wrong when the muscle is weak, tight or overloaded."""

    condition: Text
    when: RiskKind
    text: Text
    evidence: Evidence
    sources: Sources


class DoseOrigin(Record):
    """Where an exercise's dose comes from: ``trial`` names the trial that used it (one of the
    exercise's own sources), ``muscle-activity`` means the cited study measured how hard the
    muscle works, not this dose, and ``practice`` means common practice with no trial. A note
    says what differs from the trial, or what we could not check."""

    kind: DoseSource
    trial: SourceId | None = None
    note: Text | None = None

    @_model_validator(mode="after")
    def _trial_named_only_for_a_trial(self, info: ValidationInfo) -> DoseOrigin:
        if self.kind == "trial" and self.trial is None:
            raise ValueError("name the trial that used this dose in 'trial:'")
        if self.kind != "trial" and self.trial is not None:
            raise ValueError(f"'trial:' is only for kind: trial (this is '{self.kind}')")
        designs = (info.context or {}).get("designs")
        if self.trial and designs and designs.get(self.trial) not in TRIAL_DESIGNS:
            raise ValueError(
                f"'{self.trial}' is a {designs.get(self.trial)}, not a trial that tested a dose "
                f"(a trial is one of: {', '.join(TRIAL_DESIGNS)})"
            )
        return self


# A dose option's key in a plan link: one lowercase letter, never reused for another dose of
# the same exercise. "a" is always the card's own dose.
DoseKey = Annotated[str, Field(pattern=r"^[b-z]$")]
CARD_DOSE = "a"
# What kind of work an exercise is: only strength exercises can be added to a plan (warm-up
# drills and aerobic running are not).
ExerciseKind = Literal["strength", "warm-up", "aerobic"]
TIMES_A_WEEK = {1: "once a week", 2: "twice a week"}


def weeks_label(weeks: str) -> str:
    """Weeks of a programme in words: "1" -> "Week 1", "5–10" -> "Weeks 5–10", "after 10" ->
    "After week 10"."""
    if weeks.startswith("after"):
        return "After week " + weeks.removeprefix("after").strip()
    return ("Weeks " if "–" in weeks or "-" in weeks else "Week ") + weeks


def times_a_week(sessions: int) -> str:
    """Sessions a week in words: "once a week", "twice a week", "3 times a week"."""
    return TIMES_A_WEEK.get(sessions, f"{sessions} times a week")


class BuildUpStep(Record):
    """Some weeks of a programme that builds up: sessions a week, sets and reps. With a
    ``key`` it is also a dose a plan can choose (a stage of the programme)."""

    weeks: Text  # "1", "5–10", "after 10"
    sessions: Annotated[int, Field(ge=1, le=7)]  # a week
    sets: Text
    reps: Text
    key: DoseKey | None = None
    # False when this step could not be found in the source programme itself (the card's
    # dose note says why): the plan page then never calls it "as in the trial".
    verified: bool = True

    @property
    def label(self) -> str:
        """The weeks in words: "Week 1", "Weeks 5–10", "After week 10"."""
        return weeks_label(self.weeks)


class DoseOption(Record):
    """Another dose a plan may set for an exercise (sets, reps, how often), reviewed like a
    claim: it has its own ledger entry, with sources or a ``practice:`` reason."""

    key: DoseKey
    label: Text  # a few words: "Lighter start"
    sets: Text
    reps: Text
    frequency: Text
    sources: tuple[SourceId, ...] = ()


class Dose(BaseModel):
    """One dose a plan can give an exercise: the card's own (key "a"), a week of its build-up,
    or one of its other options."""

    model_config = ConfigDict(frozen=True)

    key: str
    label: str
    sets: str
    reps: str
    frequency: str
    stage: bool = False  # a week of the exercise's own build-up
    verified: bool = True  # a week read in the source programme itself (see BuildUpStep)


class Exercise(Record):
    """A strengthening exercise with its full dose, where that dose comes from, and, for a
    programme that builds up, its week-by-week plan. ``id`` is its permanent number in plan
    links (never reused); ``aliases`` are the numbers it had before a rename or merge."""

    id: Annotated[int, Field(ge=1, le=999)]
    aliases: tuple[Annotated[int, Field(ge=1, le=999)], ...] = ()
    kind: ExerciseKind = "strength"
    name: Text
    sets: Text
    reps: Text
    frequency: Text
    cue: Text
    progression: Text
    dose_from: DoseOrigin
    build_up: tuple[BuildUpStep, ...] = ()
    doses: tuple[DoseOption, ...] = ()
    sources: tuple[SourceId, ...] = ()

    @property
    def anchor(self) -> str:
        """The id of its card on the muscle page, so other pages can link straight to it."""
        return "exercise-" + "-".join(re.findall(r"[a-z0-9]+", self.name.lower()))

    @property
    def dose_options(self) -> tuple[Dose, ...]:
        """Every dose a plan may choose, the card's own first: then the weeks of its build-up
        that have a key, then its other options."""
        card = Dose(
            key=CARD_DOSE, label="As on the card", sets=self.sets, reps=self.reps, frequency=self.frequency
        )
        weeks = (
            Dose(
                key=s.key,
                label=s.label,
                sets=s.sets,
                reps=s.reps,
                frequency=times_a_week(s.sessions),
                stage=True,
                verified=s.verified,
            )
            for s in self.build_up
            if s.key
        )
        others = (
            Dose(key=o.key, label=o.label, sets=o.sets, reps=o.reps, frequency=o.frequency)
            for o in self.doses
        )
        return (card, *weeks, *others)

    @_model_validator(mode="after")
    def _dose_keys_once(self) -> Exercise:
        keys = [dose.key for dose in self.dose_options]
        repeated = next((key for key in keys if keys.count(key) > 1), None)
        if repeated:
            raise ValueError(f"the dose key '{repeated}' is used twice")
        if self.kind != "strength" and len(keys) > 1:
            raise ValueError(
                f"only strength exercises go into plans, so a {self.kind} exercise has no dose options"
            )
        return self

    @_model_validator(mode="after")
    def _dose_origin_is_cited(self) -> Exercise:
        if self.dose_from.trial and self.dose_from.trial not in self.sources:
            raise ValueError(
                f"dose_from.trial '{self.dose_from.trial}' must also be in this exercise's sources"
            )
        if self.dose_from.kind == "muscle-activity" and not self.sources:
            raise ValueError("dose_from is muscle-activity, so cite the study that measured it in sources")
        return self


class MythCheck(Record):
    """A popular claim set against what research found."""

    claim: Text
    said_by: Text
    verdict: Verdict
    finding: Text
    sources: Sources


class SpeedChange(Record):
    """What changes for a muscle as a runner speeds up. With no sources, the text says what
    research leaves open instead of inventing an answer."""

    text: Text
    sources: tuple[SourceId, ...] = ()
    # Whether the cited studies found it working harder as the speed rose over this
    # runner's speeds (2 to 5 m/s): the speed presenter marks these muscles on the runner.
    works_harder: bool = False

    @property
    def researched(self) -> bool:
        """Whether a study answers the question for this muscle."""
        return bool(self.sources)

    @_model_validator(mode="after")
    def _works_harder_is_cited(self) -> SpeedChange:
        if self.works_harder and not self.sources:
            raise ValueError("works_harder needs the studies that found it in sources")
        return self


class KeyNumber(Record):
    """One memorable number for the classroom."""

    value: Text
    meaning: Text
    sources: Sources


class Muscle(Record):
    """Everything the atlas says about one muscle or muscle group (one file each)."""

    slug: Slug  # the file's name
    name: Text
    also_called: tuple[Text, ...] = ()  # everyday names, e.g. "quads"
    group: Text
    parts: Annotated[tuple[Part, ...], Field(min_length=1)]
    summary: Text
    stride: Annotated[tuple[Cited, ...], Field(min_length=1)]
    phases: Timing
    risks: Annotated[tuple[Risk, ...], Field(min_length=1)]
    exercises: Annotated[tuple[Exercise, ...], Field(min_length=1)]
    myths: tuple[MythCheck, ...] = ()
    key_number: KeyNumber
    related: tuple[MuscleSlug, ...] = ()
    speed: SpeedChange | None = None

    @property
    def timing(self) -> Timing:
        """When the muscle works through the stride."""
        return self.phases

    @property
    def anatomical_names(self) -> str:
        """The anatomical names of the parts, joined for a subtitle."""
        return ", ".join(part.name for part in self.parts)

    @property
    def works_throughout(self) -> bool:
        """True when the muscle's level never changes over the stride (the heart)."""
        return len(set(self.timing.intensities.values())) == 1

    def names(self) -> list[str]:
        """Every name the muscle goes by: its own, its slug's words and ``also_called``."""
        return [self.name, self.slug.replace("-", " "), *self.also_called]

    def cited_source_ids(self) -> list[str]:
        """Every source id the muscle cites, in first-cited order, without repeats."""
        cited = [
            *(s for item in self.stride for s in item.sources),
            *self.timing.sources,
            *(s for item in self.risks for s in item.sources),
            *(s for item in self.exercises for s in item.sources),
            *(s for item in self.myths for s in item.sources),
            *self.key_number.sources,
            *(self.speed.sources if self.speed else ()),
        ]
        return list(dict.fromkeys(cited))


class TeachingOrder(Record):
    """``muscles/order.yaml``: the order in which the atlas lists and teaches the muscles."""

    teaching_order: tuple[Annotated[str, _context_check("muscles", "no muscle file for '{value}'")], ...]


class Term(Record):
    """A glossary entry: a technical word, the other ways it is written, and a plain definition."""

    slug: Slug
    term: Text
    aliases: tuple[Text, ...] = ()
    definition: Text
    sources: tuple[SourceId, ...] = ()  # for definitions that make a medical claim


class Glossary(Record):
    """``glossary.yaml``; no word may be defined twice."""

    terms: tuple[Term, ...]

    def repeated_word(self) -> tuple[int, str] | None:
        """The index and word of the first term whose word (or alias) is already defined."""
        seen: set[str] = set()
        for index, term in enumerate(self.terms):
            for word in (term.term, *term.aliases):
                if word.lower() in seen:
                    return index, word
                seen.add(word.lower())
        return None


class SessionExercise(Record):
    """An exercise in a strength session, named as in its muscle's file (one source of truth)."""

    muscle: MuscleSlug
    exercise: Text


class Session(Record):
    """A strength session of the weekly routine."""

    slug: Slug
    name: Text
    when: Text
    exercises: Annotated[tuple[SessionExercise, ...], Field(min_length=1)]


class Day(Record):
    """One day of the example training week."""

    day: Text
    run: Text
    strength: Slug | None = None  # a Session slug, or None on days without strength work


class Drill(Record):
    """A warm-up drill, and the muscles it prepares."""

    name: Text
    dose: Text
    how: Text
    prepares: Annotated[tuple[MuscleSlug, ...], Field(min_length=1)]


class WarmUp(Record):
    """The dynamic warm-up: why, and its drills."""

    intro: Text
    sources: Sources
    drills: Annotated[tuple[Drill, ...], Field(min_length=1)]


class Training(Record):
    """``training.yaml``, the answer to "should runners do other things?"."""

    intro: Text
    principles: Annotated[tuple[Cited, ...], Field(min_length=1)]
    week: Annotated[tuple[Day, ...], Field(min_length=1)]
    sessions: Annotated[tuple[Session, ...], Field(min_length=1)]
    warm_up: WarmUp

    def session(self, slug: str) -> Session | None:
        """The strength session with this slug, or None."""
        return next((s for s in self.sessions if s.slug == slug), None)

    def drills_for(self, slug: str) -> list[Drill]:
        """The warm-up drills that prepare one muscle."""
        return [drill for drill in self.warm_up.drills if slug in drill.prepares]


class SorenessLevel(Record):
    """One level of the soreness guide: what to do at one tier, and for the self-care levels
    (normal soreness, tendon pain) the signs that tell it apart. The signs of the tiers that
    need help live in ``red_flags.yaml``, one record each."""

    slug: Slug
    title: Text
    tier: Tier
    signs: tuple[Text, ...] = ()
    rule: tuple[Text, ...] = ()  # the pain-monitoring rule's steps, repeated on every exercise plan
    actions: Annotated[tuple[Text, ...], Field(min_length=1)]
    exercises: tuple[SessionExercise, ...] = ()  # the atlas's exercises this level recommends
    muscles: tuple[MuscleSlug, ...] = ()  # the muscle pages whose "If it hurts" block points here
    sources: Sources

    @property
    def action(self) -> str:
        """What its tier tells the reader to do, in words."""
        return TIER_ACTIONS[self.tier]

    @_model_validator(mode="after")
    def _signs_where_they_belong(self) -> SorenessLevel:
        if self.tier == "self-care" and not self.signs:
            raise ValueError("a self-care level needs its own signs")
        if self.tier != "self-care" and self.signs:
            raise ValueError(f"put the signs of a '{self.tier}' level in red_flags.yaml, one record each")
        return self


def _most_urgent_first(levels: tuple[SorenessLevel, ...]) -> tuple[SorenessLevel, ...]:
    ranks = [TIERS.index(level.tier) for level in levels]
    if ranks != sorted(ranks):
        raise ValueError(f"list the levels most urgent first ({', '.join(TIERS)})")
    missing = [tier for tier in TIERS if tier not in {level.tier for level in levels}]
    if missing:
        raise ValueError(f"needs a level for the tier '{missing[0]}' (what to do at that tier)")
    return levels


def _one_pain_rule(levels: tuple[SorenessLevel, ...]) -> tuple[SorenessLevel, ...]:
    if sum(bool(level.rule) for level in levels) != 1:
        raise ValueError(
            "exactly one level gives the pain-monitoring rule in 'rule:' (every exercise plan shows it)"
        )
    return levels


class Soreness(Record):
    """``soreness.yaml``, the answer to "how should a runner react to sore muscles?"."""

    intro: Text
    levels: Annotated[
        tuple[SorenessLevel, ...],
        Field(min_length=1),
        AfterValidator(_most_urgent_first),
        AfterValidator(_one_pain_rule),
    ]

    @property
    def pain_rule(self) -> SorenessLevel:
        """The level that gives the pain-monitoring rule (tendon pain)."""
        return next(level for level in self.levels if level.rule)

    def levels_at(self, tier: str) -> list[SorenessLevel]:
        """The levels of one tier, in the file's order."""
        return [level for level in self.levels if level.tier == tier]


class RedFlag(Record):
    """One warning sign, with exactly one tier: how soon to get help. Reused wherever pain is
    spoken of (the soreness guide, the muscle pages' "If it hurts" blocks)."""

    slug: Slug
    tier: Tier
    title: Text  # a few plain words, e.g. "A snap at the back of the ankle"
    sign: Text  # what the runner notices, in plain words
    meaning: Text  # what it can be: the medical term with plain words beside it, and what to do
    muscles: tuple[MuscleSlug, ...] = ()  # the muscle pages that point to it
    sources: Sources

    @property
    def action(self) -> str:
        """What its tier tells the reader to do, in words."""
        return TIER_ACTIONS[self.tier]


def _one_slug_each(flags: tuple[RedFlag, ...]) -> tuple[RedFlag, ...]:
    slugs = [flag.slug for flag in flags]
    repeated = next((slug for slug in slugs if slugs.count(slug) > 1), None)
    if repeated:
        raise ValueError(f"'{repeated}' is used by two red flags")
    return flags


class RedFlagList(Record):
    """``red_flags.yaml``: every warning sign, each its own record with its tier."""

    red_flags: Annotated[tuple[RedFlag, ...], Field(min_length=1), AfterValidator(_one_slug_each)]

    def at(self, tier: str) -> list[RedFlag]:
        """The red flags of one tier, in the file's order."""
        return [flag for flag in self.red_flags if flag.tier == tier]


# The views of the standing runner a pain spot can be drawn in: the figure's front, back and
# side, and the magnified foot inset's side, back and sole.
PainView = Literal["front", "back", "side", "foot-side", "foot-back", "sole"]
PAIN_VIEWS: tuple[str, ...] = PainView.__args__  # type: ignore[attr-defined]
# The views of the whole runner the map offers, the default (no address segment) first; their
# names, and "problems", are address segments after /pain and so never a spot's slug.
PAIN_MAP_VIEWS = PAIN_VIEWS[:3]
RedFlagSlug = Annotated[str, _context_check("red_flags", "'{value}' is not a red flag in red_flags.yaml")]
ProblemSlug = Annotated[str, _context_check("problems", "'{value}' is not a problem in pain/problems.yaml")]


class SpotView(Record):
    """Where one view of the figure draws a pain spot: the view, and the name of the place
    (an anchor) that view's drawing puts the spot's tap area on. The figure, not the data,
    knows the coordinates; a spot with both legs is one anchor, drawn on each leg."""

    view: PainView
    anchor: Slug


class Spot(Record):
    """A place that hurts (not a muscle): where it is, the views it is drawn in, its warning
    signs and the common problems there. A spot with no views is shown beside the figure
    ("Feeling unwell or collapsed")."""

    slug: Slug
    name: Text  # what a runner calls the place: "Below the kneecap"
    where: Text  # the place in plain words
    views: tuple[SpotView, ...] = ()
    red_flags: Annotated[tuple[RedFlagSlug, ...], Field(min_length=1)]
    problems: tuple[ProblemSlug, ...] = ()
    note: Cited | None = None  # e.g. the chest: not a running injury
    growing: Cited | None = None  # what differs for runners who are still growing

    @_model_validator(mode="after")
    def _each_view_once(self) -> Spot:
        views = [v.view for v in self.views]
        repeated = next((view for view in views if views.count(view) > 1), None)
        if repeated:
            raise ValueError(f"the view '{repeated}' is listed twice (one anchor per view)")
        if not self.problems and self.note is None:
            raise ValueError("a spot with no problems needs a note that says why")
        return self


class BodyArea(Record):
    """A body area of the map's text list, with its spots."""

    slug: Slug
    name: Text
    spots: Annotated[tuple[Spot, ...], Field(min_length=1)]


class SpotList(Record):
    """``pain/spots.yaml``: the map's introduction, its spots by body area, and what the
    map says once about medicines and ice."""

    intro: Text
    medicines_and_ice: Annotated[tuple[Cited, ...], Field(min_length=1)]
    areas: Annotated[tuple[BodyArea, ...], Field(min_length=1)]


class Helps(Record):
    """Something that usually helps first, how strong the evidence is (the rubric's rule for
    the designs cited), and the atlas's exercise cards that a cited trial tested for it."""

    text: Text
    evidence: Evidence
    exercises: tuple[SessionExercise, ...] = ()
    sources: Sources


class Problem(Record):
    """A common running problem: how common it is among runners (every number with its
    measure and population), how it usually feels, what usually helps first, how long
    recovery usually takes, the muscles involved and the structures that are not muscles,
    myths, and its warning signs. Never a diagnosis."""

    slug: Slug
    name: Text
    also_called: tuple[Text, ...] = ()
    summary: Text
    how_common: Cited
    feels: Annotated[tuple[Cited, ...], Field(min_length=1)]
    helps: Annotated[tuple[Helps, ...], Field(min_length=1)]
    recovery: Cited
    muscles: tuple[MuscleSlug, ...] = ()
    structures: tuple[Text, ...] = ()  # related structures that are not muscles
    myths: tuple[MythCheck, ...] = ()
    red_flags: Annotated[tuple[RedFlagSlug, ...], Field(min_length=1)]

    def cited_source_ids(self) -> list[str]:
        """Every source the problem's page cites, in the order the page shows them."""
        cited = [
            *self.how_common.sources,
            *(s for item in self.feels for s in item.sources),
            *(s for item in self.helps for s in item.sources),
            *self.recovery.sources,
            *(s for item in self.myths for s in item.sources),
        ]
        return list(dict.fromkeys(cited))


def _one_slug_per_problem(problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
    slugs = [problem.slug for problem in problems]
    repeated = next((slug for slug in slugs if slugs.count(slug) > 1), None)
    if repeated:
        raise ValueError(f"'{repeated}' is used by two problems")
    return problems


class ProblemList(Record):
    """``pain/problems.yaml``: the problems, most common in runners first."""

    problems: Annotated[tuple[Problem, ...], Field(min_length=1), AfterValidator(_one_slug_per_problem)]


class PainMap(BaseModel):
    """The "Where does it hurt?" map: spots by body area, the problems (most common in
    runners first), and the lines on medicines and ice."""

    model_config = ConfigDict(frozen=True)

    intro: str
    medicines_and_ice: tuple[Cited, ...]
    areas: tuple[BodyArea, ...]
    problems: tuple[Problem, ...]

    @property
    def spots(self) -> list[Spot]:
        """Every spot, area by area."""
        return [spot for area in self.areas for spot in area.spots]

    def spot(self, slug: str) -> Spot | None:
        """The spot with this slug, or None."""
        return next((s for s in self.spots if s.slug == slug), None)

    def problem(self, slug: str) -> Problem | None:
        """The problem with this slug, or None."""
        return next((p for p in self.problems if p.slug == slug), None)

    def problems_at(self, spot: Spot) -> list[Problem]:
        """A spot's problems, most common in runners first (the order of problems.yaml),
        whatever order the spot lists them in."""
        return [p for p in self.problems if p.slug in spot.problems]

    def spots_of(self, problem: Problem) -> list[Spot]:
        """The spots where a problem is common."""
        return [s for s in self.spots if problem.slug in s.problems]

    def area_of(self, spot: Spot) -> BodyArea:
        """The body area a spot belongs to."""
        return next(area for area in self.areas if spot in area.spots)

    def problems_for_muscle(self, slug: str) -> list[Problem]:
        """The problems a muscle is involved in, most common first."""
        return [p for p in self.problems if slug in p.muscles]

    def spot_source_ids(self, spot: Spot) -> list[str]:
        """Every source a spot's page cites: its note and growing line, then the lines on
        medicines and ice."""
        cited = [*(spot.note.sources if spot.note else ()), *(spot.growing.sources if spot.growing else ())]
        cited += [s for item in self.medicines_and_ice for s in item.sources]
        return list(dict.fromkeys(cited))

    def source_ids(self) -> list[str]:
        """Every source the map cites, on any of its pages."""
        cited = [s for spot in self.spots for s in self.spot_source_ids(spot)]
        cited += [s for problem in self.problems for s in problem.cited_source_ids()]
        return list(dict.fromkeys(cited))

    def in_view(self, view: str) -> list[tuple[Spot, str]]:
        """The spots one view draws, each with its anchor in that view."""
        return [(s, v.anchor) for s in self.spots for v in s.views if v.view == view]


SpotSlug = Annotated[str, _context_check("spots", "'{value}' is not a spot in pain/spots.yaml")]


# The most exercises a plan holds: the largest plan whose printout fits one A4 or Letter page at
# 11 pt with a QR code at least 30 mm wide (version 10 or lower, error correction M);
# tests/e2e/test_plan_in_browser.py prints the longest such plan to prove it.
MOST_PLAN_EXERCISES = 4


class PlanTitle(Record):
    """A title a plan link may carry, by body area and goal (never a condition); ``code`` is its
    permanent number in plan links, never reused."""

    code: Annotated[int, Field(ge=1, le=99)]
    title: Text


class PlanItem(Record):
    """An exercise in a ready-made plan, by its permanent number, with one of its doses."""

    exercise: Annotated[int, Field(ge=1, le=999)]
    dose: Annotated[str, Field(pattern=r"^[a-z]$")] = CARD_DOSE


# Plan links (/plan#1.8.18b.19a): the format's version, the title's code (0 for none), then
# each exercise's permanent number with its dose letter, in order, joined by dots. Only digits,
# lowercase letters and dots, so a link survives chat apps, print and QR codes unchanged.
PLAN_LINK_VERSION = "1"
NO_TITLE = 0


def plan_fragment(title: int, items: tuple[PlanItem, ...]) -> str:
    """The part of a plan link after ``#``: version, title code, then number+dose per exercise."""
    return ".".join([PLAN_LINK_VERSION, str(title), *(f"{item.exercise}{item.dose}" for item in items)])


class PlanStage(Record):
    """Some weeks of a ready-made plan (a stage of its source protocol), or the whole plan when
    the protocol has no stages."""

    weeks: Text | None = None  # "1", "2–3", "after 10"
    exercises: Annotated[tuple[PlanItem, ...], Field(min_length=1, max_length=MOST_PLAN_EXERCISES)]

    @property
    def label(self) -> str:
        """The weeks in words, as the build-up tables write them."""
        if self.weeks is None:
            return "The whole plan"
        return weeks_label(self.weeks)


class ReadyPlan(Record):
    """A ready-made plan, named by body area and goal: its title's code, what it is in a
    sentence (the claim its ledger entry checks) and its stages."""

    slug: Slug
    title: Annotated[int, Field(ge=1, le=99)]
    summary: Text
    stages: Annotated[tuple[PlanStage, ...], Field(min_length=1)]
    sources: Sources


class PlanList(Record):
    """``plans.yaml``: the titles a plan may carry, the numbers of exercises removed with no
    replacement (never to be used again) and the ready-made plans."""

    titles: Annotated[tuple[PlanTitle, ...], Field(min_length=1)]
    retired_exercises: tuple[Annotated[int, Field(ge=1, le=999)], ...] = ()
    plans: tuple[ReadyPlan, ...] = ()

    def title(self, code: int) -> PlanTitle | None:
        """The title with this code, or None."""
        return next((t for t in self.titles if t.code == code), None)


class TourStep(Record):
    """One step of a guided tour: a muscle, a phase, or a muscle at a phase; or a measured
    speed, with or without a muscle (a speed has no phase); or a place that hurts or a common
    running problem from the pain map, on its own; with a script."""

    script: Text
    muscle: MuscleSlug | None = None
    phase: PhaseSlug | None = None
    speed: SpeedSlug | None = None
    spot: SpotSlug | None = None
    problem: ProblemSlug | None = None

    @_model_validator(mode="after")
    def _shows_something(self) -> TourStep:
        pain = [value for value in (self.spot, self.problem) if value is not None]
        if pain and (len(pain) > 1 or self.muscle or self.phase or self.speed):
            raise ValueError(
                "a spot or a problem is a step of its own: give one, with no muscle, phase or speed"
            )
        if not pain and self.muscle is None and self.phase is None and self.speed is None:
            raise ValueError("needs a muscle, a phase, a speed, or a muscle with one of them")
        if self.phase is not None and self.speed is not None:
            raise ValueError("give a phase or a speed, not both")
        return self


class Tour(Record):
    """An ordered lesson through the atlas."""

    slug: Slug
    title: Text
    summary: Text
    steps: Annotated[tuple[TourStep, ...], Field(min_length=1)]


class TourList(Record):
    """``tours.yaml``."""

    tours: tuple[Tour, ...]


class StrideDescription(Record):
    """``stride/kinematics.yaml``: where the measured stride comes from and its key timings."""

    sources: Sources
    toe_off_percent: Annotated[float, Field(ge=1, le=99)]
    far_leg_offset_percent: Annotated[float, Field(ge=0, le=100)]


class StrideSample(BaseModel):
    """One row of ``stride/kinematics.csv``: the body's angles at one moment of the stride.
    Other columns of the research export are kept in the file for reference and ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    percent: float
    trunk_angle: float
    thigh_angle: float
    shank_angle: float
    ankle_dorsiflexion: float
    near_shoulder_flexion: float
    near_elbow_flexion: float
    far_shoulder_flexion: float
    far_elbow_flexion: float
    pelvis_height_cm: float


class MeasuredStride(BaseModel):
    """A measured running stride: samples at every few percent, plus the timing of toe-off."""

    model_config = ConfigDict(frozen=True)

    samples: tuple[StrideSample, ...]
    toe_off_percent: float
    far_leg_offset_percent: float
    sources: tuple[str, ...]

    def in_stance(self, percent: float) -> bool:
        """Whether a leg at this point of its own stride has its foot on the ground."""
        return percent % 100 < self.toe_off_percent


METRES_PER_KM = 1000.0
METRES_PER_MILE = 1609.344


def pace(seconds: float) -> str:
    """Minutes and seconds, as runners write a pace: 333.3 -> "5:33"."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


class Speed(Record):
    """One measured running speed (an item of ``speeds/speeds.yaml``): its timing, and the
    stride table (a CSV path inside ``data/``) its runner is posed from."""

    slug: Slug
    speed: Annotated[float, Field(gt=0, le=15)]  # metres per second
    word: Text  # what a runner calls it: jog, easy, steady, fast
    stride_time: Annotated[float, Field(gt=0, le=3)]  # seconds, landing to the same foot's landing
    contact_time: Annotated[float, Field(gt=0, le=3)]  # seconds on the ground
    toe_off_percent: Annotated[float, Field(ge=1, le=99)]
    far_leg_contact_percent: Annotated[float, Field(ge=0, le=100)]
    peak_swing_knee: Annotated[float, Field(ge=0, le=180)]  # degrees
    peak_stance_knee: Annotated[float, Field(ge=0, le=180)]
    kinematics: Annotated[str, Field(pattern=r"^[a-z0-9_-]+(/[a-z0-9_-]+)*\.csv$")]

    @_model_validator(mode="after")
    def _contact_within_stride(self) -> Speed:
        if self.contact_time >= self.stride_time:
            raise ValueError("contact_time must be shorter than stride_time")
        return self

    @property
    def stride_length(self) -> float:
        """Metres from one landing to the same foot's next (a treadmill: speed x stride time)."""
        return self.speed * self.stride_time

    @property
    def strides_per_second(self) -> float:
        """Strides a second."""
        return 1 / self.stride_time

    @property
    def steps_per_minute(self) -> float:
        """Steps (both feet) a minute, the cadence runners quote."""
        return 120 / self.stride_time

    @property
    def pace_per_km(self) -> str:
        """Minutes per kilometre, e.g. "8:20"."""
        return pace(METRES_PER_KM / self.speed)

    @property
    def pace_per_mile(self) -> str:
        """Minutes per mile, e.g. "13:25"."""
        return pace(METRES_PER_MILE / self.speed)

    @property
    def label(self) -> str:
        """The speed as a reader sees it first: "2 m/s" (or "2.5 m/s")."""
        return f"{self.speed:g} m/s"


class ResearchMark(Record):
    """A finding from research beyond our runner's speeds, drawn apart from our data."""

    text: Text
    label: Text  # a few words for the chart
    speed: Annotated[float, Field(gt=0, le=15)]
    sources: Sources


def _slowest_first(speeds: tuple[Speed, ...]) -> tuple[Speed, ...]:
    values = [s.speed for s in speeds]
    if values != sorted(set(values)):
        raise ValueError("list each speed once, slowest first")
    slugs = [s.slug for s in speeds]
    if len(set(slugs)) != len(slugs):
        raise ValueError("each speed needs its own slug")
    return speeds


class SpeedList(Record):
    """``speeds/speeds.yaml``: the measured speeds, slowest first, and research beyond them."""

    sources: Sources
    research: tuple[ResearchMark, ...] = ()
    myth: MythCheck | None = None
    speeds: Annotated[tuple[Speed, ...], Field(min_length=2), AfterValidator(_slowest_first)]


class MeasuredSpeed(BaseModel):
    """A speed with the measured stride its runner is posed from."""

    model_config = ConfigDict(frozen=True)

    speed: Speed
    stride: MeasuredStride


class Speeds(BaseModel):
    """The speed view's content: measured speeds (slowest first) and research beyond them."""

    model_config = ConfigDict(frozen=True)

    measured: tuple[MeasuredSpeed, ...]
    research: tuple[ResearchMark, ...]
    sources: tuple[str, ...]
    myth: MythCheck | None = None

    def find(self, slug: str) -> MeasuredSpeed | None:
        """The measured speed with this slug, or None."""
        return next((m for m in self.measured if m.speed.slug == slug), None)

    @property
    def fastest(self) -> Speed:
        """The fastest speed we have data for: nothing faster is ever drawn."""
        return self.measured[-1].speed


class Support(Record):
    """The first check of a claim against one source: which source, where in it the claim
    stands, and how it was read."""

    source: SourceId
    where: Text
    checked: CheckMethod


class SecondCheck(Record):
    """A second, independent reading of a claim against its sources, by someone who did not
    write it and did not see the first verdict."""

    who: Text
    how: CheckMethod
    date: dt.date
    verdict: CheckVerdict
    note: Text | None = None


class LedgerEntry(Record):
    """One claim of a content file (an item, named by its field path) and its checks. The
    ``support`` list, ``date`` and ``by`` are the first check; an item without sources says
    why in ``practice``, or names the ledger entry it repeats in ``restates``
    (``muscles/calves.yaml stride[1]``)."""

    field: Text
    claim: Text
    support: tuple[Support, ...]
    practice: Text | None = None
    restates: tuple[Text, ...] = ()
    date: dt.date | None = None  # of the first check
    by: Text | None = None  # who made the first check
    verdict: CheckVerdict = "confirmed"  # the first check's
    second_check: SecondCheck | None = None

    @_model_validator(mode="after")
    def _second_reader_is_someone_else(self) -> LedgerEntry:
        second = self.second_check
        if second and self.by and second.who.casefold() == self.by.casefold():
            raise ValueError("second_check.who must be a reader who did not write the first check")
        if second and self.date and second.date < self.date:
            raise ValueError("second_check.date is before the first check's date")
        return self

    @property
    def second_verdict(self) -> str | None:
        """The second reader's verdict, or None while no second reader has checked it."""
        return self.second_check.verdict if self.second_check else None


class Ledger(Record):
    """``ledger/<content file>``: every claim of one content file."""

    claims: tuple[LedgerEntry, ...]

    def entry(self, field: str) -> LedgerEntry | None:
        """The entry for one item's field path, or None."""
        return next((entry for entry in self.claims if entry.field == field), None)


class PageCheck(BaseModel):
    """What a reader is told about how a page was checked: the oldest second-check date among
    its claims, and how many claims are still unchecked or could not be verified."""

    model_config = ConfigDict(frozen=True)

    claims: int
    oldest: dt.date | None  # the oldest second check (confirmed or corrected), None if none
    unchecked: int
    not_verified: int

    @property
    def complete(self) -> bool:
        """Whether a second reader confirmed or corrected every claim on the page."""
        return not self.unchecked and not self.not_verified


class Atlas(BaseModel):
    """All content, validated: muscles in teaching order, stride phases and the measured
    stride, sources and guides."""

    model_config = ConfigDict(frozen=True)

    muscles: tuple[Muscle, ...]
    phases: tuple[Phase, ...]
    timing_note: Cited
    stride: MeasuredStride
    sources: dict[str, Source]
    evidence: EvidenceRubric
    glossary: tuple[Term, ...]
    training: Training
    soreness: Soreness
    red_flags: RedFlagList
    tours: tuple[Tour, ...]
    speeds: Speeds
    plans: PlanList
    ledgers: dict[str, Ledger]  # content file path inside data/ -> its claim ledger
    pain: PainMap
    # Page key ("muscles/calves", "training", "speed", "stride/loading", "soreness") -> how its
    # claims were checked; worked out once at start-up by webapp.prepared.
    checks: Mapping[str, PageCheck] = Field(default_factory=dict)

    def check(self, page: str) -> PageCheck | None:
        """How the claims on one page were checked, or None for a page without claims."""
        return self.checks.get(page)

    def muscle(self, slug: str) -> Muscle | None:
        """The muscle with this slug, or None when there is none."""
        return next((m for m in self.muscles if m.slug == slug), None)

    def phase(self, slug: str) -> Phase | None:
        """The stride phase with this slug, or None."""
        return next((p for p in self.phases if p.slug == slug), None)

    def tour(self, slug: str) -> Tour | None:
        """The tour with this slug, or None."""
        return next((t for t in self.tours if t.slug == slug), None)

    def sources_by_id(self, ids: list[str]) -> list[Source]:
        """Sources for a list of ids, in that order, without repeats."""
        return [self.sources[source_id] for source_id in dict.fromkeys(ids)]

    def soreness_guide(self) -> list[tuple[str, str, list[RedFlag], list[SorenessLevel]]]:
        """The soreness guide by tier, most urgent first: each tier's name, what it tells the
        reader to do, its warning signs and its levels."""
        return [
            (tier, TIER_ACTIONS[tier], self.red_flags.at(tier), self.soreness.levels_at(tier))
            for tier in TIERS
        ]

    def soreness_source_ids(self) -> list[str]:
        """Every source the soreness guide cites, in the order the page shows them."""
        cited: list[str] = []
        for _, _, flags, levels in self.soreness_guide():
            cited += [source for flag in flags for source in flag.sources]
            cited += [source for level in levels for source in level.sources]
        return cited

    def flags_for(self, slug: str) -> list[RedFlag]:
        """The red flags a muscle's page points to, most urgent first."""
        flags = [flag for flag in self.red_flags.red_flags if slug in flag.muscles]
        return sorted(flags, key=lambda flag: TIERS.index(flag.tier))

    def flags_named(self, slugs: Iterable[str]) -> list[RedFlag]:
        """The red flags with these slugs, most urgent first (the file's order within a tier)."""
        wanted = set(slugs)
        flags = [flag for flag in self.red_flags.red_flags if flag.slug in wanted]
        return sorted(flags, key=lambda flag: TIERS.index(flag.tier))

    def levels_for(self, slug: str) -> list[SorenessLevel]:
        """The soreness guide's levels a muscle's page points to."""
        return [level for level in self.soreness.levels if slug in level.muscles]

    def plan_exercises(self) -> dict[int, tuple[Exercise, list[Muscle]]]:
        """Every exercise a plan can hold (strength work), by its permanent number, with the
        muscles whose pages show it, in teaching order."""
        found: dict[int, tuple[Exercise, list[Muscle]]] = {}
        for muscle in self.muscles:
            for exercise in muscle.exercises:
                if exercise.kind == "strength":
                    found.setdefault(exercise.id, (exercise, []))[1].append(muscle)
        return found

    def exercise(self, item: SessionExercise) -> Exercise:
        """The muscle's own exercise that a strength session names."""
        muscle = self.muscle(item.muscle)
        return next(e for e in muscle.exercises if e.name == item.exercise)  # type: ignore[union-attr]
