"""Forward kinematics: the runner keeps its proportions in every pose, stands on the ground
in stance, flies in swing, and never bends a joint past what a body can do."""

from __future__ import annotations

import math

import pytest

from tests.conftest import real_content
from webapp.content.loader import ContentError, load_atlas
from webapp.gait.kinematics import Body, angles_at, foot_sole_points, mean_hip_height, solve_pose

STRIDE = real_content().atlas.stride
HIP_HEIGHT = mean_hip_height(STRIDE)
BODY = Body()
EVERY_SAMPLE = [float(p) for p in range(0, 100, 2)]


def pose_at(percent: float):
    return solve_pose(angles_at(STRIDE, percent), HIP_HEIGHT)


def distance(a, b) -> float:
    return math.dist(a, b)


@pytest.mark.parametrize("percent", EVERY_SAMPLE)
def test_segment_lengths_are_preserved_in_every_pose(percent):
    pose = pose_at(percent)
    for side in ("near", "far"):
        thigh, shank, foot = (pose.segments[f"{side}_{s}"] for s in ("thigh", "shank", "foot"))
        assert distance(thigh.origin, shank.origin) == pytest.approx(BODY.thigh)
        assert distance(shank.origin, foot.origin) == pytest.approx(BODY.shank)
        upper, fore = pose.segments[f"{side}_upper_arm"], pose.segments[f"{side}_forearm"]
        assert distance(upper.origin, fore.origin) == pytest.approx(BODY.upper_arm)
    shoulder = pose.segments["trunk"].point(0, -BODY.trunk)
    assert distance(pose.segments["trunk"].origin, shoulder) == pytest.approx(BODY.trunk)
    assert shoulder == pytest.approx(pose.segments["near_upper_arm"].origin)


@pytest.mark.parametrize("percent", EVERY_SAMPLE)
def test_a_foot_in_stance_is_on_the_ground_and_nothing_goes_below_it(percent):
    pose = pose_at(percent)
    angles = pose.angles
    for side, leg in (("near", angles.near_leg), ("far", angles.far_leg)):
        lowest = pose.lowest_point(side)
        assert lowest <= BODY.ground_y + 1e-6
        if leg.in_stance:
            assert lowest == pytest.approx(BODY.ground_y, abs=0.5)


@pytest.mark.parametrize("percent", [p for p in EVERY_SAMPLE if not STRIDE.in_stance(p)])
def test_a_foot_in_swing_is_clear_of_the_ground(percent):
    assert pose_at(percent).lowest_point("near") < BODY.ground_y - 1


def test_both_feet_leave_the_ground_in_flight():
    flight = [p for p in EVERY_SAMPLE if not STRIDE.in_stance(p) and not STRIDE.in_stance(p + 50)]
    assert flight, "running has a flight phase"
    for percent in flight:
        pose = pose_at(percent)
        assert max(pose.lowest_point("near"), pose.lowest_point("far")) < BODY.ground_y


@pytest.mark.parametrize("percent", EVERY_SAMPLE)
def test_joint_angles_stay_within_anatomical_limits(percent):
    angles = angles_at(STRIDE, percent)
    for leg in (angles.near_leg, angles.far_leg):
        assert 0 <= leg.knee_flexion <= 140
        assert -50 <= leg.ankle_dorsiflexion <= 35
        hip_flexion = leg.thigh + angles.trunk_lean  # thigh relative to the trunk
        assert -30 <= hip_flexion <= 120
    assert 0 <= angles.trunk_lean <= 30
    for arm in (angles.near_arm, angles.far_arm):
        assert -60 <= arm.shoulder_flexion <= 90
        assert 0 <= arm.elbow_flexion <= 150


def test_the_far_leg_runs_half_a_stride_behind_the_near_leg():
    angles = angles_at(STRIDE, 10)
    assert angles.far_leg.thigh == pytest.approx(angles_at(STRIDE, 60).near_leg.thigh)


def test_the_heel_is_behind_the_ankle_and_the_toe_in_front():
    pose = pose_at(18)  # midstance: foot flat
    heel, _, ball, toe = foot_sole_points(pose, "near")
    ankle = pose.segments["near_foot"].origin
    assert heel[0] < ankle[0] < ball[0] < toe[0]


def test_arms_swing_opposite_to_the_legs():
    # When the near thigh is furthest forward, the near arm is furthest back, and vice versa.
    forward = max(EVERY_SAMPLE, key=lambda p: angles_at(STRIDE, p).near_leg.thigh)
    back = min(EVERY_SAMPLE, key=lambda p: angles_at(STRIDE, p).near_leg.thigh)
    assert (
        angles_at(STRIDE, forward).near_arm.shoulder_flexion
        < angles_at(STRIDE, back).near_arm.shoulder_flexion
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "field", "problem"),
    [
        ("kinematics.csv", "thigh_angle", "thigh", "line 2, thigh_angle", "column is missing"),
        ("kinematics.csv", "\n0.0,", "\n1.0,", "line 2, percent", "the stride must start at 0"),
        ("kinematics.csv", "\n10.0,", "\n4.0,", "line 4, percent", "must rise from 0 to 100"),
        ("kinematics.csv", ",-2.6,-11.7,", ",-2.6,oops,", "line 3, trunk_angle", "must be a number"),
        (
            "kinematics.yaml",
            "toe_off_percent: 38.6",
            "toe_off_percent: soon",
            "toe_off_percent",
            "must be a number",
        ),
        (
            "kinematics.yaml",
            "sources: [hamner2013, novacheck1998]",
            "sources: [nobody2001]",
            "sources[0]",
            "not in sources.yaml",
        ),
    ],
)
def test_broken_stride_data_is_named_by_file_and_field(data_copy, file, old, new, field, problem):
    target = data_copy / "stride" / file
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_atlas(data_copy)
    assert caught.value.file.endswith(file)
    assert caught.value.field.startswith(field)
    assert problem in str(caught.value)
