"""Plans as content (issue 22): every exercise has a permanent number that names one exercise,
dose options are data reviewed like claims, and ready-made plans are named by body area and
goal with the stages of their source programme. Lists come from the data."""

from __future__ import annotations

import pytest
import yaml

from webapp.content.loader import ContentError, load_atlas
from webapp.content.model import CARD_DOSE, MOST_PLAN_EXERCISES, times_a_week
from webapp.content.records import read_yaml

# Words that name a condition, never a plan's title (titles name a body area and a goal).
CONDITION_WORDS = {
    "pain",
    "injury",
    "injuries",
    "strain",
    "tendinopathy",
    "rehab",
    "syndrome",
    "sore",
    "tear",
}


def test_every_exercise_number_names_one_exercise_even_on_two_pages(atlas):
    by_number: dict[int, set[str]] = {}
    for muscle in atlas.muscles:
        for exercise in muscle.exercises:
            by_number.setdefault(exercise.id, set()).add(exercise.name)
    assert all(len(names) == 1 for names in by_number.values()), by_number
    names = [name for names in by_number.values() for name in names]
    assert len(names) == len(set(names)), "one exercise has two numbers"


def test_an_exercise_shown_on_two_muscle_pages_is_one_exercise_of_both(atlas):
    shared = {number: muscles for number, (_, muscles) in atlas.plan_exercises().items() if len(muscles) > 1}
    assert shared, "the data has an exercise on two pages (side-lying hip abduction)"
    for number, muscles in shared.items():
        cards = [next(e for e in m.exercises if e.id == number) for m in muscles]
        assert all(card == cards[0] for card in cards)


def test_only_strength_exercises_go_into_plans(atlas):
    plannable = atlas.plan_exercises()
    for muscle in atlas.muscles:
        for exercise in muscle.exercises:
            assert (exercise.id in plannable) == (exercise.kind == "strength")
    assert any(e.kind != "strength" for m in atlas.muscles for e in m.exercises)


def test_the_card_dose_comes_first_then_each_build_up_week_then_the_other_options(atlas):
    for exercise, _ in atlas.plan_exercises().values():
        options = exercise.dose_options
        assert options[0].key == CARD_DOSE
        assert (options[0].sets, options[0].reps, options[0].frequency) == (
            exercise.sets,
            exercise.reps,
            exercise.frequency,
        )
        weeks = [step for step in exercise.build_up if step.key]
        for step, option in zip(weeks, options[1:], strict=False):
            assert (option.sets, option.reps, option.frequency) == (
                step.sets,
                step.reps,
                times_a_week(step.sessions),
            )
        assert [o.key for o in options[1 + len(weeks) :]] == [o.key for o in exercise.doses]


def test_the_nordic_and_heavy_slow_calf_raise_programmes_are_stages_a_plan_can_choose(atlas):
    staged = [e for e, _ in atlas.plan_exercises().values() if e.build_up]
    assert {e.name for e in staged} >= {"Nordic hamstring curl", "Heavy slow calf raise"}
    for exercise in staged:
        assert all(step.key for step in exercise.build_up), exercise.name


def test_every_dose_option_has_its_own_ledger_entry(atlas):
    for muscle in atlas.muscles:
        ledger = atlas.ledgers[f"muscles/{muscle.slug}.yaml"]
        for e, exercise in enumerate(muscle.exercises):
            for d, option in enumerate(exercise.doses):
                entry = ledger.entry(f"exercises[{e}].doses[{d}]")
                assert entry is not None and entry.claim.startswith(option.label)


def test_ready_made_plans_are_named_by_area_and_goal_and_fit_on_one_page(atlas):
    plans = atlas.plans
    assert plans.plans
    for title in plans.titles:
        assert not set(title.title.lower().split()) & CONDITION_WORDS, title.title
    for plan in plans.plans:
        assert plans.title(plan.title) is not None
        assert atlas.ledgers["plans.yaml"].entry(f"plans[{plans.plans.index(plan)}]") is not None
        for stage in plan.stages:
            assert 1 <= len(stage.exercises) <= MOST_PLAN_EXERCISES


def test_a_plan_follows_the_weeks_of_its_source_programme(atlas):
    for plan in atlas.plans.plans:
        staged = [s for s in plan.stages if s.weeks]
        if not staged:
            continue
        build_up = next(
            atlas.plan_exercises()[item.exercise][0]
            for item in staged[0].exercises
            if atlas.plan_exercises()[item.exercise][0].build_up
        )
        assert [s.weeks for s in staged] == [step.weeks for step in build_up.build_up]
        chosen = [next(i.dose for i in s.exercises if i.exercise == build_up.id) for s in staged]
        assert chosen == [step.key for step in build_up.build_up]


def _edit(data_copy, name: str, change) -> None:
    file = data_copy / name
    data = read_yaml(file)
    change(data)
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _exercise(data: dict, name: str) -> dict:
    return next(e for e in data["exercises"] if e["name"] == name)


BROKEN = [
    (
        "muscles/core.yaml",
        lambda d: _exercise(d, "Bird dog").update(id=1),
        "muscles/core.yaml",
        "exercises[2].id",
        "already 'Front plank'",
    ),
    (
        "muscles/glutes.yaml",
        lambda d: _exercise(d, "Side-lying hip abduction").update(reps="20 each side"),
        "glutes.yaml",
        "exercises[2].id",
        "must be the same card",
    ),
    (
        "muscles/core.yaml",
        lambda d: _exercise(d, "Bird dog").update(aliases=[1]),
        "core.yaml",
        "exercises[2].aliases[0]",
        "an alias is an old number",
    ),
    (
        "muscles/hamstrings.yaml",
        lambda d: _exercise(d, "Nordic hamstring curl")["build_up"][1].update(key="b"),
        "hamstrings.yaml",
        "exercises[0]",
        "'b' is used twice",
    ),
    (
        "plans.yaml",
        lambda d: d.update(retired_exercises=[18]),
        "plans.yaml",
        "retired_exercises[0]",
        "still the number of 'Nordic hamstring curl'",
    ),
    (
        "plans.yaml",
        lambda d: d["plans"][1]["stages"][0]["exercises"][0].update(dose="z"),
        "plans.yaml",
        "plans[1].stages[0].exercises[0].dose",
        "'z' is not a dose of 'Nordic hamstring curl'",
    ),
    (
        "plans.yaml",
        lambda d: d["plans"][0]["stages"][0]["exercises"].append({"exercise": 6}),
        "plans.yaml",
        "plans[0].stages[0].exercises[1].exercise",
        "not the number of a strength exercise",
    ),
    (
        "plans.yaml",
        lambda d: d["titles"][1].update(code=1),
        "plans.yaml",
        "titles[1].code",
        "used by two titles",
    ),
]


@pytest.mark.parametrize(("file", "change", "named", "field", "problem"), BROKEN, ids=[b[4] for b in BROKEN])
def test_a_broken_number_dose_or_plan_stops_start_up_with_file_and_field(
    data_copy, file, change, named, field, problem
):
    _edit(data_copy, file, change)
    with pytest.raises(ContentError) as caught:
        load_atlas(data_copy)
    assert caught.value.file.endswith(named)
    assert caught.value.field.startswith(field)
    assert problem in caught.value.problem


def test_a_dose_option_without_a_ledger_entry_stops_start_up(data_copy):
    def add_option(data):
        _exercise(data, "Wall sit").setdefault("doses", []).append(
            {
                "key": "b",
                "label": "Shorter holds",
                "sets": "2",
                "reps": "20-second holds",
                "frequency": "twice a week",
            }
        )

    _edit(data_copy, "muscles/quadriceps.yaml", add_option)
    with pytest.raises(ContentError, match=r"'exercises\[1\]\.doses\[0\]' has no entry"):
        load_atlas(data_copy)


def test_a_build_up_week_not_found_in_its_trial_is_marked_and_the_card_says_so(atlas):
    unverified = [
        (muscle.slug, exercise, step)
        for muscle in atlas.muscles
        for exercise in muscle.exercises
        for step in exercise.build_up
        if not step.verified
    ]
    assert ("calves", "Heavy slow calf raise", "6–8") in {(m, e.name, s.weeks) for m, e, s in unverified}
    for _, exercise, step in unverified:
        assert exercise.dose_from.kind == "trial"
        assert "could not verify" in (exercise.dose_from.note or "") and step.weeks in exercise.dose_from.note
        dose = next(d for d in exercise.dose_options if d.key == step.key)
        assert dose.stage and not dose.verified
