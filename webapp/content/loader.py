"""Read everything in ``data/`` into one validated :class:`Atlas`, or stop with one sentence.

The schema lives in :mod:`webapp.content.model`; this module only knows which file holds
what, the order to read them in (sources first, so every citation can be checked), and the
few checks that span files.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from webapp.content.ledger import LEDGER_DIR, check_ledger, check_restated, claim_bearing_items, content_files
from webapp.content.model import (
    PAIN_MAP_VIEWS,
    Atlas,
    EvidenceRubric,
    Glossary,
    Ledger,
    MeasuredSpeed,
    MeasuredStride,
    Muscle,
    PainMap,
    PhaseList,
    PlanList,
    ProblemList,
    RedFlagList,
    SessionExercise,
    Soreness,
    SourceList,
    SpeedList,
    Speeds,
    SpotList,
    StrideDescription,
    StrideSample,
    TeachingOrder,
    TourList,
    Training,
)
from webapp.content.records import ContentError, content_error, field_path, plain_problem, read_yaml

__all__ = ["ContentError", "load_atlas"]

Model = TypeVar("Model", bound=BaseModel)


def parse(
    model: type[Model], file: Path, context: dict[str, Any], extra: dict[str, Any] | None = None
) -> Model:
    """Read one YAML file as ``model``; ``extra`` adds fields that come from elsewhere (a
    muscle's slug is its file name)."""
    data = read_yaml(file)
    if not isinstance(data, dict):
        raise ContentError(file, "(top level)", "must be a set of 'field: value' lines")
    try:
        return model.model_validate({**data, **(extra or {})}, context=context)
    except ValidationError as error:
        raise content_error(file, error) from None


def read_samples(table_file: Path) -> tuple[StrideSample, ...]:
    """A measured stride's samples (CSV, one row per moment, rising from 0% to 100%); a bad
    cell is refused with its file, line and column."""
    try:
        with table_file.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError:
        raise ContentError(table_file, "", "file is missing or cannot be read") from None
    if not rows:
        raise ContentError(table_file, "", "has no rows")
    samples = []
    for line, row in enumerate(rows, start=2):
        try:
            samples.append(StrideSample.model_validate(row))
        except ValidationError as error:
            first = error.errors()[0]
            column = field_path(first["loc"])
            problem = "column is missing" if first["type"] == "missing" else plain_problem(first)
            raise ContentError(table_file, f"line {line}, {column}", problem) from None
    if samples[0].percent != 0:
        raise ContentError(
            table_file, "line 2, percent", f"the stride must start at 0 (got {samples[0].percent:g})"
        )
    for line, (before, after) in enumerate(itertools.pairwise(samples), start=3):
        if after.percent <= before.percent:
            raise ContentError(table_file, f"line {line}, percent", "must rise from 0 to 100")
    if samples[-1].percent != 100:
        raise ContentError(table_file, f"line {len(samples) + 1}, percent", "the stride must end at 100")
    return tuple(samples)


def load_stride(description_file: Path, table_file: Path, context: dict[str, Any]) -> MeasuredStride:
    """A measured stride: its description (YAML) and its samples (CSV, one row per moment)."""
    description = parse(StrideDescription, description_file, context)
    return MeasuredStride(
        samples=read_samples(table_file),
        toe_off_percent=description.toe_off_percent,
        far_leg_offset_percent=description.far_leg_offset_percent,
        sources=description.sources,
    )


def load_speeds(data_dir: Path, context: dict[str, Any]) -> Speeds:
    """The measured speeds, each posed from its own stride table (which may be stride mode's:
    a table is named by its path, never copied)."""
    speed_list = parse(SpeedList, data_dir / "speeds" / "speeds.yaml", context)
    measured = []
    for speed in speed_list.speeds:
        stride = MeasuredStride(
            samples=read_samples(data_dir / speed.kinematics),
            toe_off_percent=speed.toe_off_percent,
            far_leg_offset_percent=speed.far_leg_contact_percent,
            sources=speed_list.sources,
        )
        measured.append(MeasuredSpeed(speed=speed, stride=stride))
    return Speeds(
        measured=tuple(measured),
        research=speed_list.research,
        sources=speed_list.sources,
        myth=speed_list.myth,
    )


def _teaching_order(file: Path, muscles: dict[str, Muscle], context: dict[str, Any]) -> list[Muscle]:
    order = parse(TeachingOrder, file, context).teaching_order
    unlisted = sorted(set(muscles) - set(order))
    if unlisted:
        raise ContentError(file, "teaching_order", f"'{unlisted[0]}' is missing from the list")
    return [muscles[slug] for slug in order]


def _check_exercises(
    file: Path, field: str, items: tuple[SessionExercise, ...], muscles: dict[str, Muscle]
) -> None:
    """Every exercise named by (muscle, name) is one of that muscle's own exercises."""
    for e, item in enumerate(items):
        names = [exercise.name for exercise in muscles[item.muscle].exercises]
        if item.exercise not in names:
            raise ContentError(
                file,
                f"{field}[{e}].exercise",
                f"'{item.exercise}' is not an exercise of {item.muscle} (it has: {'; '.join(names)})",
            )


def _check_training(file: Path, training: Training, muscles: dict[str, Muscle]) -> None:
    sessions = {session.slug for session in training.sessions}
    for index, day in enumerate(training.week):
        if day.strength and day.strength not in sessions:
            raise ContentError(
                file, f"week[{index}].strength", f"'{day.strength}' is not one of the sessions below"
            )
    for s, session in enumerate(training.sessions):
        _check_exercises(file, f"sessions[{s}].exercises", session.exercises, muscles)


def _check_build_ups(file: Path, training: Training, muscles: dict[str, Muscle]) -> None:
    """An exercise that builds up week by week is in the example week no more often than its
    programme's first week allows (the Nordic curl starts with one session)."""
    for s, session in enumerate(training.sessions):
        for e, item in enumerate(session.exercises):
            exercise = next(x for x in muscles[item.muscle].exercises if x.name == item.exercise)
            if not exercise.build_up:
                continue
            days = sum(
                any(i.muscle == item.muscle and i.exercise == item.exercise for i in other.exercises)
                for day in training.week
                for other in training.sessions
                if other.slug == day.strength
            )
            first = exercise.build_up[0]
            if days > first.sessions:
                raise ContentError(
                    file,
                    f"sessions[{s}].exercises[{e}]",
                    f"the example week does {item.exercise} on {days} days, but its programme starts with "
                    f"{first.sessions} a week in week {first.weeks}",
                )


def _check_exercise_ids(muscle_dir: Path, muscles: dict[str, Muscle]) -> dict[int, str]:
    """Every exercise's permanent number names one exercise: the same number on two muscle
    pages is the same card (same name, same dose), two different cards never share one, and
    an alias (an old number) is nobody's number. Returns number -> name, aliases included."""
    names: dict[int, str] = {}
    cards: dict[int, tuple[str, object]] = {}
    for slug, muscle in sorted(muscles.items()):
        file = muscle_dir / f"{slug}.yaml"
        for index, exercise in enumerate(muscle.exercises):
            card = exercise.model_dump(exclude={"aliases"})
            if exercise.id in cards and cards[exercise.id][1] != card:
                raise ContentError(
                    file,
                    f"exercises[{index}].id",
                    f"{exercise.id} is already '{cards[exercise.id][0]}' on another page; an exercise shown "
                    "on two pages must be the same card there, and a new exercise needs a new number",
                )
            cards[exercise.id] = (exercise.name, card)
            names[exercise.id] = exercise.name
    for slug, muscle in sorted(muscles.items()):
        for index, exercise in enumerate(muscle.exercises):
            for number, alias in enumerate(exercise.aliases):
                if alias in cards or names.get(alias, exercise.name) != exercise.name:
                    raise ContentError(
                        muscle_dir / f"{slug}.yaml",
                        f"exercises[{index}].aliases[{number}]",
                        f"{alias} is the number of '{names[alias]}'; an alias is an old number no exercise uses",
                    )
                names[alias] = exercise.name
    return names


def _check_plans(file: Path, plans: PlanList, numbers: dict[int, str], muscles: dict[str, Muscle]) -> None:
    """Titles and ready-made plans name what exists: each title code once, a retired number
    used by no exercise, and each stage's exercises current strength exercises, each once,
    with one of its own doses."""
    codes = [title.code for title in plans.titles]
    for index, code in enumerate(codes):
        if code in codes[:index]:
            raise ContentError(file, f"titles[{index}].code", f"{code} is used by two titles")
    for index, number in enumerate(plans.retired_exercises):
        if number in numbers:
            raise ContentError(
                file, f"retired_exercises[{index}]", f"{number} is still the number of '{numbers[number]}'"
            )
    exercises = {e.id: e for m in muscles.values() for e in m.exercises if e.kind == "strength"}
    slugs: set[str] = set()
    for p, plan in enumerate(plans.plans):
        if plan.slug in slugs:
            raise ContentError(file, f"plans[{p}].slug", f"'{plan.slug}' is used by two plans")
        slugs.add(plan.slug)
        if plan.title not in codes:
            raise ContentError(file, f"plans[{p}].title", f"{plan.title} is not one of the titles above")
        for s, stage in enumerate(plan.stages):
            seen: set[int] = set()
            for e, item in enumerate(stage.exercises):
                where = f"plans[{p}].stages[{s}].exercises[{e}]"
                exercise = exercises.get(item.exercise)
                if exercise is None:
                    raise ContentError(
                        file, f"{where}.exercise", f"{item.exercise} is not the number of a strength exercise"
                    )
                if item.exercise in seen:
                    raise ContentError(file, f"{where}.exercise", f"'{exercise.name}' is in this stage twice")
                seen.add(item.exercise)
                keys = [dose.key for dose in exercise.dose_options]
                if item.dose not in keys:
                    raise ContentError(
                        file,
                        f"{where}.dose",
                        f"'{item.dose}' is not a dose of '{exercise.name}' (it has: {', '.join(keys)})",
                    )


def load_ledgers(data_dir: Path, context: dict[str, Any]) -> dict[str, Ledger]:
    """Every content file's claim ledger, checked against the file (one entry per claim, each
    supporting exactly what the claim cites); keyed by the content file's path inside
    ``data_dir`` (``muscles/calves.yaml``)."""
    ledger_dir = data_dir / LEDGER_DIR
    ledgers = {}
    for file in content_files(data_dir):
        name = file.relative_to(data_dir).as_posix()
        ledger_file = ledger_dir / name
        if not ledger_file.exists():
            raise ContentError(ledger_file, "", f"is missing: every claim in {name} needs a ledger entry")
        ledger = parse(Ledger, ledger_file, context)
        check_ledger(ledger_file, ledger, dict(claim_bearing_items(read_yaml(file))))
        ledgers[name] = ledger
    for orphan in sorted(set(ledger_dir.rglob("*.yaml")) - {ledger_dir / name for name in ledgers}):
        raise ContentError(orphan, "", "is a ledger for a content file that does not exist or makes no claim")
    check_restated(ledger_dir, ledgers)
    return ledgers


def _check_ratings(file: Path, muscle: Muscle, rubric: EvidenceRubric, designs: Mapping[str, str]) -> None:
    """Every risk's rating meets the rubric's rule for the designs of the sources it cites."""
    for index, risk in enumerate(muscle.risks):
        level = rubric.level(risk.evidence)
        cited = [designs[source] for source in risk.sources]
        if not level.admits(cited):
            raise ContentError(
                file,
                f"risks[{index}].evidence",
                f"'{risk.evidence}' needs more than {', '.join(cited)} (see evidence.yaml: {level.meaning})",
            )


def load_pain_map(
    data_dir: Path,
    context: dict[str, Any],
    muscles: dict[str, Muscle],
    rubric: EvidenceRubric,
    designs: Mapping[str, str],
) -> PainMap:
    """The "Where does it hurt?" map: problems first (spots name them), then the spots; every
    problem at some spot, each view's anchors used once, every linked exercise card tested
    for the problem by a trial the item cites, every evidence rating within the rubric."""
    problems_file = data_dir / "pain" / "problems.yaml"
    problems = parse(ProblemList, problems_file, context).problems
    for p, problem in enumerate(problems):
        for h, item in enumerate(problem.helps):
            field = f"problems[{p}].helps[{h}]"
            level = rubric.level(item.evidence)
            cited = [designs[source] for source in item.sources]
            if not level.admits(cited):
                raise ContentError(
                    problems_file,
                    f"{field}.evidence",
                    f"'{item.evidence}' needs more than {', '.join(cited)} (see evidence.yaml: {level.meaning})",
                )
            _check_exercises(problems_file, f"{field}.exercises", item.exercises, muscles)
            for e, link in enumerate(item.exercises):
                exercise = next(x for x in muscles[link.muscle].exercises if x.name == link.exercise)
                if exercise.dose_from.trial not in item.sources:
                    raise ContentError(
                        problems_file,
                        f"{field}.exercises[{e}]",
                        f"'{link.exercise}' is not a trial's dose cited here: link only exercise cards "
                        "that a trial in this item's sources tested",
                    )
    context["problems"] = {problem.slug for problem in problems}
    spots_file = data_dir / "pain" / "spots.yaml"
    spot_list = parse(SpotList, spots_file, context)
    context["spots"] = {spot.slug for area in spot_list.areas for spot in area.spots}
    seen_spots: set[str] = set()
    anchors: dict[tuple[str, str], str] = {}
    for a, area in enumerate(spot_list.areas):
        for s, spot in enumerate(area.spots):
            field = f"areas[{a}].spots[{s}]"
            if spot.slug in seen_spots:
                raise ContentError(spots_file, f"{field}.slug", f"'{spot.slug}' is used by two spots")
            if spot.slug in (*PAIN_MAP_VIEWS, "problems"):
                raise ContentError(
                    spots_file, f"{field}.slug", f"'{spot.slug}' is part of the map's addresses"
                )
            seen_spots.add(spot.slug)
            for v, view in enumerate(spot.views):
                other = anchors.setdefault((view.view, view.anchor), spot.slug)
                if other != spot.slug:
                    raise ContentError(
                        spots_file,
                        f"{field}.views[{v}].anchor",
                        f"'{view.anchor}' is already the anchor of '{other}' in the {view.view} view",
                    )
    listed = {slug for area in spot_list.areas for spot in area.spots for slug in spot.problems}
    for p, problem in enumerate(problems):
        if problem.slug not in listed:
            raise ContentError(
                problems_file,
                f"problems[{p}].slug",
                f"'{problem.slug}' is at no spot: add it to a spot in spots.yaml",
            )
    return PainMap(
        intro=spot_list.intro,
        medicines_and_ice=spot_list.medicines_and_ice,
        areas=spot_list.areas,
        problems=problems,
    )


def load_atlas(data_dir: Path) -> Atlas:
    """Load and validate everything under ``data_dir``; raise :class:`ContentError` on the
    first problem."""
    context: dict[str, Any] = {}
    sources = parse(SourceList, data_dir / "sources.yaml", context).sources
    context["sources"] = {source.id for source in sources}
    context["designs"] = {source.id: source.design for source in sources}
    for index, source in enumerate(sources):
        if source.id in {s.id for s in sources[:index]}:
            raise ContentError(
                data_dir / "sources.yaml", f"sources[{index}].id", f"'{source.id}' is listed twice"
            )

    rubric = parse(EvidenceRubric, data_dir / "evidence.yaml", context)
    designs = {source.id: source.design for source in sources}

    phase_list = parse(PhaseList, data_dir / "stride" / "phases.yaml", context)
    context["phases"] = [phase.slug for phase in phase_list.phases]
    stride = load_stride(
        data_dir / "stride" / "kinematics.yaml", data_dir / "stride" / "kinematics.csv", context
    )

    speeds = load_speeds(data_dir, context)
    context["speeds"] = [m.speed.slug for m in speeds.measured]

    muscle_dir = data_dir / "muscles"
    order_file = muscle_dir / "order.yaml"
    muscle_files = sorted(p for p in muscle_dir.glob("*.yaml") if p != order_file)
    context["muscles"] = {file.stem for file in muscle_files}
    muscles = {}
    for file in muscle_files:
        muscle = parse(Muscle, file, context, extra={"slug": file.stem})
        _check_ratings(file, muscle, rubric, designs)
        muscles[muscle.slug] = muscle

    glossary_file = data_dir / "glossary.yaml"
    glossary = parse(Glossary, glossary_file, context)
    repeated = glossary.repeated_word()
    if repeated:
        raise ContentError(glossary_file, f"terms[{repeated[0]}]", f"'{repeated[1]}' is defined twice")

    training_file = data_dir / "training.yaml"
    training = parse(Training, training_file, context)
    _check_training(training_file, training, muscles)
    _check_build_ups(training_file, training, muscles)

    numbers = _check_exercise_ids(muscle_dir, muscles)
    plans_file = data_dir / "plans.yaml"
    plans = parse(PlanList, plans_file, context)
    _check_plans(plans_file, plans, numbers, muscles)

    soreness_file = data_dir / "soreness.yaml"
    soreness = parse(Soreness, soreness_file, context)
    for index, level in enumerate(soreness.levels):
        _check_exercises(soreness_file, f"levels[{index}].exercises", level.exercises, muscles)

    red_flags = parse(RedFlagList, data_dir / "red_flags.yaml", context)
    context["red_flags"] = {flag.slug for flag in red_flags.red_flags}
    pain = load_pain_map(data_dir, context, muscles, rubric, designs)

    return Atlas(
        muscles=tuple(_teaching_order(order_file, muscles, context)),
        phases=phase_list.phases,
        timing_note=phase_list.timing_note,
        stride=stride,
        sources={source.id: source for source in sources},
        evidence=rubric,
        glossary=glossary.terms,
        training=training,
        soreness=soreness,
        red_flags=red_flags,
        tours=parse(TourList, data_dir / "tours.yaml", context).tours,
        speeds=speeds,
        plans=plans,
        ledgers=load_ledgers(data_dir, context),
        pain=pain,
    )
