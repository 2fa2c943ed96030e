"""The content in data/ loads, and every kind of editing mistake stops start-up with one
sentence that names the file and the field."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from webapp import PROJECT_ROOT, create_app
from webapp.content.loader import ContentError, load_atlas


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file.name}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_error(data: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_atlas(data)
    return caught.value


# One editing mistake per row: the file, the text changed, and the field the message must name.
# fmt: off
BROKEN_FIELDS = [
    ("muscles/calves.yaml", "name: Calves\n", "", "name", "is missing"),
    ("muscles/calves.yaml", "summary: >", "sumary: >", "summary", "is missing"),
    ("muscles/glutes.yaml", "    evidence: contested", "    evidence: maybe", "risks[0].evidence", "must be one of"),
    ("muscles/glutes.yaml", "  loading: strong", "  loading: max", "phases.loading", "must be one of"),
    ("muscles/heart.yaml", "related: [core]", "related: [spleen]", "related[0]", "'spleen' is not a muscle"),
    ("muscles/calves.yaml", "sources: [hamner2010]", "sources: [nobody1999]", "stride[0].sources[0]", "not in sources.yaml"),
    ("muscles/core.yaml", "group: Trunk muscles\n", "group: Trunk muscles\ncolour: red\n", "colour", "not a known field"),
    ("muscles/core.yaml", "related: [glutes, hip-flexors]", "related: glutes", "related", "must be a list"),
    ("muscles/order.yaml", "  - heart\n", "  - heart\n  - spleen\n", "teaching_order[11]", "no muscle file"),
    ("sources.yaml", "doi: 10.1016/S0966-6362(97)00038-6", "doi: not-a-doi", "sources[0].doi", "is not a DOI"),
    ("sources.yaml", "    year: 1998\n", "    year: last year\n", "sources[0].year", "must be a number"),
    ("sources.yaml", "    design: narrative-review\n", "    design: opinion\n", "sources[0].design", "must be one of"),
    ("stride/phases.yaml", "    period: stance\n", "    period: flying\n", "phases[0].period", "must be one of"),
    ("training.yaml", "exercise: Split squat", "exercise: Squat jumps", "sessions[0].exercises[1].exercise", "is not an exercise of quadriceps"),
    ("training.yaml", "prepares: [adductors, glute-medius]", "prepares: [adductors, elbow]", "warm_up.drills[2].prepares[1]", "'elbow' is not a muscle"),
    ("training.yaml", "    strength: b", "    strength: c", "week[3].strength", "not one of the sessions"),
    ("training.yaml", "      - muscle: core\n", "      - muscle: spleen\n", "sessions[0].exercises[4].muscle", "'spleen' is not a muscle"),
    ("soreness.yaml", "    tier: clinician", "    tier: mild", "levels[2].tier", "must be one of"),
    ("soreness.yaml", "    tier: clinician\n", "", "levels[2].tier", "is missing"),
    ("soreness.yaml", "    tier: emergency\n", "    tier: clinician\n", "levels", "most urgent first"),
    ("soreness.yaml", "    tier: same-day\n", "    tier: clinician\n", "levels", "needs a level for the tier 'same-day'"),
    ("soreness.yaml", "    tier: same-day\n", "    tier: self-care\n", "levels[1]", "needs its own signs"),
    ("soreness.yaml", "    sources: [cheung2003]", "    sources: [nobody2020]", "levels[3].sources[0]", "not in sources.yaml"),
    ("soreness.yaml", "exercise: Heavy slow calf raise", "exercise: Calf massage", "levels[4].exercises[0].exercise", "is not an exercise of calves"),
    ("red_flags.yaml", "    tier: emergency\n", "", "red_flags[0].tier", "is missing"),
    ("red_flags.yaml", "    tier: emergency\n", "    tier: urgent\n", "red_flags[0].tier", "must be one of"),
    ("red_flags.yaml", "    muscles: [heart]\n", "    muscles: [spleen]\n", "red_flags[0].muscles[0]", "'spleen' is not a muscle"),
    ("red_flags.yaml", "  - slug: severe-breathlessness", "  - slug: chest-pain", "red_flags", "used by two red flags"),
    ("glossary.yaml", "    term: adduction\n", "    term: abduction\n", "terms[6]", "defined twice"),
    ("glossary.yaml", "    definition: Pulling the foot", "    meaning: Pulling the foot", "terms[7].definition", "is missing"),
    ("muscles/calves.yaml", "exercises:\n", "exercises: []\nexercises:\n", "line ", "written twice"),
    ("muscles/calves.yaml", "  midstance: strong\n", "", "phases", "'midstance' is missing"),
    ("muscles/calves.yaml", "  midstance: strong\n", "  midstance: strong\n  flying: off\n", "phases", "'flying' is not a stride phase"),
    ("tours.yaml", "      - phase: loading\n", "      - phase: landing\n", "tours[0].steps[0].phase", "not a stride phase"),
    ("speeds/speeds.yaml", "    word: jog\n", "", "speeds[0].word", "is missing"),
    ("speeds/speeds.yaml", "    stride_time: 0.77\n", "    stride_time: quick\n", "speeds[0].stride_time", "must be a number"),
    ("speeds/speeds.yaml", "    contact_time: 0.35\n", "    contact_time: 0.95\n", "speeds[0]", "shorter than stride_time"),
    ("speeds/speeds.yaml", "    speed: 4.0\n", "    speed: 1.0\n", "speeds", "slowest first"),
    ("speeds/speeds.yaml", "    sources: [dorn2012, schache2014]", "    sources: [nobody2020]", "research[0].sources[0]", "not in sources.yaml"),
    ("speeds/run400.csv", "pelvis_height_cm\n", "pelvis_bounce\n", "line 2, pelvis_height_cm", "column is missing"),
    ("speeds/run400.csv", ",-13.0,25.1,", ",-13.0,fast,", "line 4, thigh_angle", "must be a number"),
    ("speeds/run200.csv", "\n0,-5.0,", "\n1,-5.0,", "line 2, percent", "must start at 0"),
]
# fmt: on


@pytest.mark.parametrize(("file", "old", "new", "field", "problem"), BROKEN_FIELDS)
def test_a_broken_field_is_named_with_its_file(data_copy, file, old, new, field, problem):
    edit(data_copy / file, old, new)
    error = load_error(data_copy)
    assert error.file.endswith(file)
    assert error.field.startswith(field)
    assert problem in str(error)
    assert str(error).startswith(str(data_copy / file))


def test_malformed_yaml_names_the_file_and_line(data_copy):
    edit(data_copy / "muscles" / "glutes.yaml", "name: Glutes", "name: [Glutes")
    error = load_error(data_copy)
    assert error.file.endswith("glutes.yaml")
    assert error.field.startswith("line ")
    assert "not valid YAML" in str(error)


def test_a_missing_file_is_named(data_copy):
    (data_copy / "sources.yaml").unlink()
    assert "sources.yaml: file is missing" in str(load_error(data_copy))


def test_a_muscle_file_missing_from_the_teaching_order_is_reported(data_copy):
    edit(data_copy / "muscles" / "order.yaml", "  - heart\n", "")
    error = load_error(data_copy)
    assert error.field == "teaching_order" and "'heart' is missing" in str(error)


def test_words_like_off_stay_words_not_booleans():
    calves = load_atlas(PROJECT_ROOT / "data").muscle("calves")
    assert calves is not None and calves.timing.intensities["mid-swing"] == "off"


def test_create_app_refuses_to_start_on_broken_content(data_copy):
    edit(data_copy / "muscles" / "calves.yaml", "name: Calves\n", "")
    with pytest.raises(ContentError, match=r"calves\.yaml: name: is missing"):
        create_app(data_dir=data_copy)


def test_the_start_command_prints_one_clear_line_instead_of_a_traceback(data_copy):
    edit(data_copy / "muscles" / "calves.yaml", "name: Calves\n", "")
    result = subprocess.run(
        [sys.executable, "-m", "webapp"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
        env={**os.environ, "STRIDE_ANATOMY_DATA_DIR": str(data_copy)},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "calves.yaml: name: is missing" in result.stderr
