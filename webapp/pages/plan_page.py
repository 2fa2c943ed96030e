"""What the plan page embeds for its script: every exercise a plan can hold, its doses and
muscles, the titles a plan may carry, the cap and the address its QR code opens. The plan
itself is never sent to the server: it lives in the address after ``#``, which browsers keep
to themselves, and the page's script draws it from this data."""

from __future__ import annotations

from typing import Any

from flask import url_for

from webapp.content.model import (
    MOST_PLAN_EXERCISES,
    NO_TITLE,
    PLAN_LINK_VERSION,
    TIERS,
    Atlas,
    Exercise,
    Muscle,
    plan_fragment,
)
from webapp.pages.context import public_url, reachable_only_here


def _exercise(exercise: Exercise, muscles: list[Muscle], atlas: Atlas) -> dict[str, Any]:
    return {
        "name": exercise.name,
        "muscles": [muscle.slug for muscle in muscles],
        # Whose dose the card gives, for "Dose set for this plan; the trial used …".
        "trial": atlas.sources[exercise.dose_from.trial].short_name if exercise.dose_from.trial else None,
        "doses": [dose.model_dump() for dose in exercise.dose_options],
    }


def plan_data(atlas: Atlas) -> dict[str, Any]:
    """The JSON the plan page's script reads (embedded in the page, so it works offline and in
    the static copy)."""
    exercises = atlas.plan_exercises()
    address = public_url(url_for("plans.plan"))
    return {
        "version": PLAN_LINK_VERSION,
        "noTitle": NO_TITLE,
        "most": MOST_PLAN_EXERCISES,
        "address": address,
        "localOnly": reachable_only_here(address),
        "titles": {str(t.code): t.title for t in atlas.plans.titles},
        "exercises": {
            str(number): _exercise(e, muscles, atlas) for number, (e, muscles) in exercises.items()
        },
        "aliases": {
            str(alias): str(exercise.id) for exercise, _ in exercises.values() for alias in exercise.aliases
        },
        "retired": [str(number) for number in atlas.plans.retired_exercises],
    }


def ready_made_links(atlas: Atlas) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Each ready-made plan: its title, summary and a link per stage (label, address)."""
    found = []
    for plan in atlas.plans.plans:
        title = atlas.plans.title(plan.title)
        stages = [
            (stage.label, url_for("plans.plan", _anchor=plan_fragment(plan.title, stage.exercises)))
            for stage in plan.stages
        ]
        found.append((title.title if title else "", plan.summary, stages))
    return found


def flags_by_muscle(atlas: Atlas) -> list[tuple[Any, list[str]]]:
    """Every red flag that points to a muscle with plan exercises, most urgent first, with
    those muscles: the script shows the ones that apply to the plan's muscles."""
    planned = {m.slug for _, muscles in atlas.plan_exercises().values() for m in muscles}
    shown = []
    for flag in atlas.red_flags.red_flags:
        muscles = [slug for slug in flag.muscles if slug in planned]
        if muscles:
            shown.append((flag, muscles))
    return sorted(shown, key=lambda pair: TIERS.index(pair[0].tier))
