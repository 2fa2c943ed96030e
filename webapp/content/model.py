"""The atlas's vocabulary: muscles, what they do in the stride, and the sources behind each claim.

Plain frozen dataclasses, built once at start-up by :mod:`webapp.content.loader` and then
only read. Nothing here knows about Flask or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

INTENSITIES = ("off", "light", "strong")
EVIDENCE_LEVELS = ("strong", "moderate", "weak", "contested")
RISK_KINDS = ("weak", "tight", "overload")
VERDICTS = ("confirmed", "partly true", "corrected", "unproven")
SORENESS_LEVELS = ("normal", "caution", "clinician", "emergency")
STUDY_DESIGNS = (
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
)


@dataclass(frozen=True)
class Source:
    """A published study or reference, cited by its short id (e.g. ``hamner2010``)."""

    id: str
    authors: str
    year: int
    title: str
    venue: str
    design: str  # one of STUDY_DESIGNS; the evidence rubric weighs sources by it
    doi: str | None = None
    url: str | None = None

    @property
    def link(self) -> str:
        """The address a reader can open: the DOI resolver when there is a DOI."""
        return f"https://doi.org/{self.doi}" if self.doi else str(self.url)


@dataclass(frozen=True)
class Phase:
    """One of the six sub-phases of a running stride, as a slice of the gait cycle."""

    slug: str
    name: str
    short_name: str  # for sentences and chart labels: "push-off", "late swing"
    period: str  # "stance" or "swing"
    start: float  # percent of the stride
    end: float
    what_happens: str
    pose_at: float  # the moment of the stride drawn for this phase
    why: Cited  # what the working muscles are doing, and the evidence


@dataclass(frozen=True)
class Cited:
    """A sentence that makes a claim, with the ids of the sources that support it."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Timing:
    """When in the stride a muscle works: an intensity for every phase, with its evidence."""

    intensities: dict[str, str]  # phase slug -> one of INTENSITIES
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """An anatomical part of a muscle group, e.g. the soleus within the calves."""

    name: str
    where: str


@dataclass(frozen=True)
class Risk:
    """What can go wrong when the muscle is weak, tight or overloaded."""

    condition: str
    kind: str  # one of RISK_KINDS
    text: str
    evidence: str  # one of EVIDENCE_LEVELS
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Exercise:
    """A strengthening exercise with its full dose."""

    name: str
    sets: str
    reps: str
    frequency: str
    cue: str
    progression: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class MythCheck:
    """A popular claim set against what research found."""

    claim: str
    said_by: str
    verdict: str  # one of VERDICTS
    finding: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class KeyNumber:
    """One memorable number for the classroom."""

    value: str
    meaning: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Muscle:
    """Everything the atlas says about one muscle or muscle group."""

    slug: str
    name: str
    group: str
    parts: tuple[Part, ...]
    summary: str
    stride: tuple[Cited, ...]
    timing: Timing
    risks: tuple[Risk, ...]
    exercises: tuple[Exercise, ...]
    myths: tuple[MythCheck, ...]
    key_number: KeyNumber
    related: tuple[str, ...] = ()

    @property
    def anatomical_names(self) -> str:
        """The anatomical names of the parts, joined for a subtitle."""
        return ", ".join(part.name for part in self.parts)

    def cited_source_ids(self) -> list[str]:
        """Every source id the muscle cites, in first-cited order, without repeats."""
        cited = [
            *(s for item in self.stride for s in item.sources),
            *self.timing.sources,
            *(s for item in self.risks for s in item.sources),
            *(s for item in self.exercises for s in item.sources),
            *(s for item in self.myths for s in item.sources),
            *self.key_number.sources,
        ]
        return list(dict.fromkeys(cited))


@dataclass(frozen=True)
class Term:
    """A glossary entry: a technical word, the other ways it is written, and a plain definition."""

    slug: str
    term: str
    aliases: tuple[str, ...]
    definition: str


@dataclass(frozen=True)
class SessionExercise:
    """An exercise in a strength session, taken from a muscle's own list (one source of truth)."""

    muscle: str
    exercise: Exercise


@dataclass(frozen=True)
class Session:
    """A strength session of the weekly routine."""

    slug: str
    name: str
    when: str
    exercises: tuple[SessionExercise, ...]


@dataclass(frozen=True)
class Day:
    """One day of the example training week."""

    day: str
    run: str
    session: str | None  # a Session slug, or None on days without strength work


@dataclass(frozen=True)
class Drill:
    """A warm-up drill, and the muscles it prepares."""

    name: str
    dose: str
    how: str
    prepares: tuple[str, ...]


@dataclass(frozen=True)
class Training:
    """The answer to "should runners do other things?": strength routine and warm-up."""

    intro: str
    principles: tuple[Cited, ...]
    week: tuple[Day, ...]
    sessions: tuple[Session, ...]
    warm_up_intro: Cited
    drills: tuple[Drill, ...]

    def drills_for(self, slug: str) -> list[Drill]:
        """The warm-up drills that prepare one muscle."""
        return [drill for drill in self.drills if slug in drill.prepares]


@dataclass(frozen=True)
class SorenessLevel:
    """One level of the soreness guide, from normal soreness to an emergency."""

    slug: str
    title: str
    level: str  # one of SORENESS_LEVELS
    signs: tuple[str, ...]
    actions: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Soreness:
    """The answer to "how should a runner react to sore muscles?"."""

    intro: str
    levels: tuple[SorenessLevel, ...]


@dataclass(frozen=True)
class TourStep:
    """One step of a guided tour: a muscle, a phase, or a muscle at a phase, with a script."""

    script: str
    muscle: str | None = None
    phase: str | None = None


@dataclass(frozen=True)
class Tour:
    """An ordered lesson through the atlas."""

    slug: str
    title: str
    summary: str
    steps: tuple[TourStep, ...]


@dataclass(frozen=True)
class Atlas:
    """All content, validated: muscles in teaching order, stride phases, sources and guides."""

    muscles: tuple[Muscle, ...]
    phases: tuple[Phase, ...]
    sources: dict[str, Source]
    glossary: tuple[Term, ...]
    training: Training
    soreness: Soreness
    tours: tuple[Tour, ...]

    def tour(self, slug: str) -> Tour | None:
        """The tour with this slug, or None."""
        return next((t for t in self.tours if t.slug == slug), None)

    def muscle(self, slug: str) -> Muscle | None:
        """The muscle with this slug, or None when there is none."""
        return next((m for m in self.muscles if m.slug == slug), None)

    def sources_by_id(self, ids: list[str]) -> list[Source]:
        """Sources for a list of ids, in that order, without repeats."""
        return [self.sources[source_id] for source_id in dict.fromkeys(ids)]
