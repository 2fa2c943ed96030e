"""Warning signs are data with one tier each, and the pages show them as a runner needs them.

- Every red flag in ``red_flags.yaml`` has exactly one of the four tiers fixed in the schema.
- The soreness page shows the tiers most urgent first, each named in words (never told apart
  by colour alone), and names the tier beside every sign, so a sign reached by a link says
  what to do.
- Every muscle page has one "If it hurts" block whose links land on the soreness guide, and
  the guide links back to the exercises it recommends.
"""

from __future__ import annotations

import re

import pytest

from webapp import PROJECT_ROOT
from webapp.content.model import TIER_ACTIONS, TIERS
from webapp.content.records import read_yaml

RAW_FLAGS = read_yaml(PROJECT_ROOT / "data" / "red_flags.yaml")["red_flags"]


def section(html: str, tier: str) -> str:
    """The part of the soreness page that holds one tier's section."""
    start = html.index(f'id="tier-{tier}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def test_the_schema_fixes_four_tiers_each_worded_with_what_to_do():
    assert TIERS == ("emergency", "same-day", "clinician", "self-care")
    assert [TIER_ACTIONS[tier] for tier in TIERS] == [
        "Call 999 / 112 / 911 now",
        "Get seen today",
        "See a clinician soon",
        "Look after it yourself",
    ]


@pytest.mark.parametrize("record", RAW_FLAGS, ids=[record["slug"] for record in RAW_FLAGS])
def test_every_red_flag_has_exactly_one_known_tier(record):
    assert isinstance(record.get("tier"), str) and record["tier"] in TIERS


def test_red_flags_cover_every_tier_that_needs_help(atlas):
    assert all(atlas.red_flags.at(tier) for tier in ("emergency", "same-day", "clinician"))


def test_the_soreness_page_shows_the_tiers_most_urgent_first_each_named_in_words(client):
    html = client.get("/soreness").get_data(as_text=True)
    positions = [html.index(f'id="tier-{tier}"') for tier in TIERS]
    assert positions == sorted(positions)
    for tier in TIERS:
        assert f'<h2 id="tier-{tier}-heading">{TIER_ACTIONS[tier]}</h2>' in html
    jump = html.split('aria-label="On this page"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="#tier-([\w-]+)">([^<]+)</a>', jump) == [(t, TIER_ACTIONS[t]) for t in TIERS]


def test_the_emergency_signs_come_before_anything_else_on_the_page(client, atlas):
    html = client.get("/soreness").get_data(as_text=True)
    first_emergency = html.index(f'id="{atlas.red_flags.at("emergency")[0].slug}"')
    assert first_emergency < html.index('id="normal-soreness"') < html.index('id="tendon-pain"')


def test_every_sign_sits_in_its_tiers_section_and_says_what_to_do(client, atlas):
    html = client.get("/soreness").get_data(as_text=True)
    for flag in atlas.red_flags.red_flags:
        part = section(html, flag.tier)
        assert f'id="{flag.slug}"' in part, f"{flag.slug} is not under {flag.tier}"
        item = part.split(f'id="{flag.slug}"', 1)[1].split("</li>", 1)[0]
        assert TIER_ACTIONS[flag.tier] in item


def test_every_muscle_page_has_one_if_it_hurts_block(client, each_muscle):
    html = client.get(f"/muscles/{each_muscle.slug}").get_data(as_text=True)
    assert html.count('id="hurts-heading"') == 1
    block = html.split('id="hurts-heading"', 1)[1].split("</section>", 1)[0]
    anchors = re.findall(r'href="/soreness#([\w-]+)"', block)
    assert anchors, f"{each_muscle.slug}: the block links to no level of the soreness guide"


def test_if_it_hurts_links_land_on_the_soreness_guide_and_name_the_tier(client, atlas):
    guide = client.get("/soreness").get_data(as_text=True)
    for muscle in atlas.muscles:
        html = client.get(f"/muscles/{muscle.slug}").get_data(as_text=True)
        block = html.split('id="hurts-heading"', 1)[1].split("</section>", 1)[0]
        for anchor, words in re.findall(r'href="/soreness#([\w-]+)">[^<]+</a>: ([^<]+)\.</li>', block):
            assert f'id="{anchor}"' in guide, f"{muscle.slug}: /soreness#{anchor} lands nowhere"
            assert words in {action.lower() for action in TIER_ACTIONS.values()}


def test_the_right_pages_point_to_the_right_signs(atlas):
    assert "chest-pain" in {flag.slug for flag in atlas.flags_for("heart")}
    assert {"achilles-rupture", "calf-clot", "acute-compartment-syndrome"} <= {
        flag.slug for flag in atlas.flags_for("calves")
    }
    assert "hamstring-avulsion" in {flag.slug for flag in atlas.flags_for("hamstrings")}
    assert "cauda-equina" in {flag.slug for flag in atlas.flags_for("core")}
    assert "hip-pain-at-rest" in {flag.slug for flag in atlas.flags_for("adductors")}
    assert "tendon-pain" in {level.slug for level in atlas.levels_for("calves")}


def test_a_muscle_pages_signs_are_listed_most_urgent_first(atlas, each_muscle):
    tiers = [TIERS.index(flag.tier) for flag in atlas.flags_for(each_muscle.slug)]
    assert tiers == sorted(tiers)


def test_the_guide_links_back_to_the_exercises_it_recommends(client, atlas):
    guide = client.get("/soreness").get_data(as_text=True)
    recommended = [item for level in atlas.soreness.levels for item in level.exercises]
    assert recommended
    for item in recommended:
        anchor = atlas.exercise(item).anchor
        assert f'href="/muscles/{item.muscle}#{anchor}"' in guide
        assert f'id="{anchor}"' in client.get(f"/muscles/{item.muscle}").get_data(as_text=True)


def test_the_glossary_cites_its_medical_definitions(client, atlas):
    html = client.get("/glossary").get_data(as_text=True)
    cited = {source for term in atlas.glossary for source in term.sources}
    assert cited and cited == set(re.findall(r'<li id="source-([\w-]+)"', html))
