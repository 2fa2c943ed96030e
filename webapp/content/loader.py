"""Read the human-edited files in ``data/`` and turn them into a validated :class:`Atlas`.

Editors are not programmers, so every mistake is reported as one sentence naming the file
and the field (``data/muscles/calves.yaml: risks[1].evidence: must be one of ...``) and
start-up stops there. Unknown fields are rejected too, because a misspelt field name would
otherwise silently drop content.
"""

from __future__ import annotations

from pathlib import Path

from webapp.content.guides import load_glossary, load_soreness, load_tours, load_training
from webapp.content.model import (
    EVIDENCE_LEVELS,
    INTENSITIES,
    RISK_KINDS,
    STUDY_DESIGNS,
    VERDICTS,
    Atlas,
    Cited,
    Exercise,
    KeyNumber,
    Muscle,
    MythCheck,
    Part,
    Phase,
    Risk,
    Source,
    Timing,
)
from webapp.content.records import (
    DOI_PATTERN,
    SLUG_PATTERN,
    URL_PATTERN,
    Citation,
    ContentError,
    Record,
    read_yaml,
)


def _load_sources(file: Path, citations: list[Citation]) -> dict[str, Source]:
    top = Record(file, read_yaml(file), "", citations)
    sources: dict[str, Source] = {}
    for record in top.records("sources"):
        source_id = record.slug("id")
        if source_id in sources:
            raise record.fail("id", f"'{source_id}' is listed twice")
        doi = record.optional_text("doi")
        url = record.optional_text("url")
        if doi and not DOI_PATTERN.match(doi):
            raise record.fail("doi", f"'{doi}' is not a DOI (they look like 10.1234/abc)")
        if url and not URL_PATTERN.match(url):
            raise record.fail("url", f"'{url}' is not an https:// address")
        if not doi and not url:
            raise record.fail("doi", "is missing (give a doi or a url)")
        sources[source_id] = Source(
            id=source_id,
            authors=record.text("authors"),
            year=int(record.number("year", 1800, 2100)),
            title=record.text("title"),
            venue=record.text("venue"),
            design=record.choice("design", STUDY_DESIGNS),
            doi=doi or None,
            url=url or None,
        )
        record.finish()
    top.finish()
    return sources


def _load_phases(file: Path, citations: list[Citation]) -> tuple[Phase, ...]:
    top = Record(file, read_yaml(file), "", citations)
    phases = []
    for record in top.records("phases"):
        phases.append(
            Phase(
                slug=record.slug("slug"),
                name=record.text("name"),
                short_name=record.text("short_name"),
                period=record.choice("period", ("stance", "swing")),
                start=record.number("start", 0, 100),
                end=record.number("end", 0, 100),
                what_happens=record.text("what_happens"),
                pose_at=record.number("pose_at", 0, 100),
                why=Cited(record.text("why"), record.sources()),
            )
        )
        record.finish()
    top.sources()
    top.finish()
    return tuple(phases)


def _load_muscle(file: Path, phases: tuple[Phase, ...], citations: list[Citation]) -> Muscle:
    slug = file.stem
    if not SLUG_PATTERN.match(slug):
        raise ContentError(file, "", "file name must be a slug such as 'hip-flexors.yaml'")
    top = Record(file, read_yaml(file), "", citations)

    timing_record = top.record("phases")
    timing = Timing(
        intensities={p.slug: timing_record.choice(p.slug, INTENSITIES) for p in phases},
        note=timing_record.optional_text("note"),
        sources=timing_record.sources(),
    )
    timing_record.finish()

    number = top.record("key_number")
    key_number = KeyNumber(number.text("value"), number.text("meaning"), number.sources())
    number.finish()

    muscle = Muscle(
        slug=slug,
        name=top.text("name"),
        group=top.text("group"),
        parts=top.each("parts", lambda r: Part(r.text("name"), r.text("where"))),
        summary=top.text("summary"),
        stride=top.each("stride", lambda r: Cited(r.text("text"), r.sources())),
        timing=timing,
        risks=top.each("risks", _risk),
        exercises=top.each("exercises", _exercise),
        myths=top.each("myths", _myth, required=False),
        key_number=key_number,
        related=tuple(top.items("related", required=False)),
    )
    top.finish()
    return muscle


def _risk(record: Record) -> Risk:
    return Risk(
        condition=record.text("condition"),
        kind=record.choice("when", RISK_KINDS),
        text=record.text("text"),
        evidence=record.choice("evidence", EVIDENCE_LEVELS),
        sources=record.sources(),
    )


def _exercise(record: Record) -> Exercise:
    return Exercise(
        name=record.text("name"),
        sets=record.text("sets"),
        reps=record.text("reps"),
        frequency=record.text("frequency"),
        cue=record.text("cue"),
        progression=record.text("progression"),
        sources=record.sources(required=False),
    )


def _myth(record: Record) -> MythCheck:
    return MythCheck(
        claim=record.text("claim"),
        said_by=record.text("said_by"),
        verdict=record.choice("verdict", VERDICTS),
        finding=record.text("finding"),
        sources=record.sources(),
    )


def load_atlas(data_dir: Path) -> Atlas:
    """Load and validate everything under ``data_dir``; raise :class:`ContentError` on the first problem."""
    citations: list[Citation] = []
    sources = _load_sources(data_dir / "sources.yaml", citations)
    phases = _load_phases(data_dir / "stride" / "phases.yaml", citations)

    order_file = data_dir / "muscles" / "order.yaml"
    order = Record(order_file, read_yaml(order_file), "", citations)
    teaching_order = [str(slug) for slug in order.items("teaching_order")]
    order.finish()

    muscle_files = sorted(p for p in (data_dir / "muscles").glob("*.yaml") if p != order_file)
    muscles = {m.slug: m for m in (_load_muscle(f, phases, citations) for f in muscle_files)}

    for index, slug in enumerate(teaching_order):
        if slug not in muscles:
            raise ContentError(order_file, f"teaching_order[{index}]", f"no muscle file for '{slug}'")
    unlisted = sorted(set(muscles) - set(teaching_order))
    if unlisted:
        raise ContentError(order_file, "teaching_order", f"'{unlisted[0]}' is missing from the list")
    for muscle in muscles.values():
        for index, slug in enumerate(muscle.related):
            if slug not in muscles:
                file = data_dir / "muscles" / f"{muscle.slug}.yaml"
                raise ContentError(file, f"related[{index}]", f"'{slug}' is not a muscle")

    glossary = load_glossary(data_dir / "glossary.yaml", citations)
    training = load_training(data_dir / "training.yaml", muscles, citations)
    soreness = load_soreness(data_dir / "soreness.yaml", citations)
    tours = load_tours(data_dir / "tours.yaml", muscles, phases, citations)

    for citation in citations:
        if citation.source_id not in sources:
            raise ContentError(
                citation.file, citation.field, f"'{citation.source_id}' is not in sources.yaml"
            )

    return Atlas(
        muscles=tuple(muscles[slug] for slug in teaching_order),
        phases=phases,
        sources=sources,
        glossary=glossary,
        training=training,
        soreness=soreness,
        tours=tours,
    )
