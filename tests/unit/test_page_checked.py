"""Each page says when its claims were checked against their sources, as health-service
pages do (issue 18, "What to build" item 5): the oldest second-check date among the claims on
the page, and how many claims are still unchecked or could not be verified. Worked out once
at start-up (webapp/prepared.py); the pages are listed from the data."""

from __future__ import annotations

import re

import pytest
import yaml

from webapp import create_app
from webapp.content.records import read_yaml
from webapp.prepared import prepare


def checked_line(page: str) -> str:
    found = re.search(r'<p class="page-checked">(.*?)</p>', page, flags=re.S)
    assert found, "the page does not say when it was checked"
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


def pages(atlas) -> dict[str, str]:
    """Page key (as in atlas.checks) -> an address showing it."""
    return {
        **{f"muscles/{m.slug}": f"/muscles/{m.slug}" for m in atlas.muscles},
        **{f"stride/{p.slug}": f"/stride/{p.slug}" for p in atlas.phases},
        "speed": f"/speed/{atlas.speeds.measured[0].speed.slug}",
        "training": "/training",
        "soreness": "/soreness",
    }


def test_every_page_with_claims_has_a_check_worked_out_at_start_up(atlas):
    assert set(pages(atlas)) <= set(atlas.checks)
    assert all(check.claims for check in atlas.checks.values())


def test_each_page_says_how_many_of_its_claims_await_a_second_reader(client, atlas):
    for key, address in pages(atlas).items():
        check = atlas.check(key)
        line = checked_line(client.get(address).get_data(as_text=True))
        if check.unchecked == check.claims:
            assert f"None of its {check.claims} claims has been checked by a second reader yet." in line, key
        elif check.unchecked:
            assert f"{check.unchecked} of its {check.claims} claims not yet checked" in line, key
        if check.not_verified:
            assert "could not be verified" in line, key


def test_each_speed_page_shows_the_speed_views_check(client, atlas, each_speed):
    line = checked_line(client.get(f"/speed/{each_speed.speed.slug}").get_data(as_text=True))
    check = atlas.check("speed")
    if check.oldest:
        assert f"{check.oldest.day} {check.oldest.strftime('%B %Y')}" in line
    if check.unchecked:
        assert f"of its {check.claims} claims not yet checked" in line


def add_second_checks(ledger, checks: list[tuple[str, str, str]]) -> None:
    """Give the first entries of a ledger second checks, (how, date, verdict) each, and take
    away every other second check, so the counts below depend on this test alone."""
    data = read_yaml(ledger)
    for entry in data["claims"]:
        entry.pop("second_check", None)
    for entry, (how, date, verdict) in zip(data["claims"], checks, strict=False):
        entry["second_check"] = {"who": "A second reader", "how": how, "date": date, "verdict": verdict}
    ledger.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def checked_calves(data_copy):
    """A copy of the data where a second reader has checked three of the calves' claims."""
    add_second_checks(
        data_copy / "ledger" / "muscles" / "calves.yaml",
        [
            ("full-text", "2026-12-04", "confirmed"),
            ("abstract", "2026-12-02", "corrected"),
            ("could-not-verify", "2026-12-01", "could-not-verify"),
        ],
    )
    return data_copy


def test_the_date_is_the_oldest_second_check_that_read_its_source(checked_calves):
    check = prepare(checked_calves).atlas.check("muscles/calves")
    assert str(check.oldest) == "2026-12-02"
    assert check.not_verified == 1 and check.unchecked == check.claims - 3


def test_a_muscle_page_shows_the_date_and_what_is_still_unchecked(checked_calves):
    client = create_app(testing=True, data_dir=checked_calves).test_client()
    line = checked_line(client.get("/muscles/calves").get_data(as_text=True))
    claims = prepare(checked_calves).atlas.check("muscles/calves").claims
    assert line.startswith("Checked against its sources on 2 December 2026.")
    assert f"{claims - 3} of its {claims} claims not yet checked by a second reader." in line
    assert "1 claim could not be verified." in line


def test_a_fully_checked_page_shows_only_the_date(data_copy):
    ledger = data_copy / "ledger" / "soreness.yaml"
    entries = len(read_yaml(ledger)["claims"])
    add_second_checks(
        ledger, [("full-text", f"2026-12-{day}", "confirmed") for day in range(10, 10 + entries)]
    )
    client = create_app(testing=True, data_dir=data_copy).test_client()
    line = checked_line(client.get("/soreness").get_data(as_text=True))
    assert line == "Checked against its sources on 10 December 2026. How we check"
