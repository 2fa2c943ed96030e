"""Where does it hurt? Every place and every problem has its own page that opens cold and
through htmx, shows the signs that cannot wait above the problems, names tiers in words, links
both ways with the muscles, sends no form and nothing to third parties, and answers an unknown
address with the map's friendly 404."""

from __future__ import annotations

import re

import pytest

from tests.unit.test_pain_content import DIAGNOSIS
from webapp.content.model import TIER_ACTIONS
from webapp.pages.page_list import page_list

HTMX = {"HX-Request": "true", "HX-Target": "stage"}
HISTORY_RESTORE = {"HX-Request": "true", "HX-History-Restore-Request": "true"}


def is_full_page(html: str) -> bool:
    return html.lstrip().lower().startswith("<!doctype html>") and "<main" in html


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def pages(atlas) -> list[str]:
    return [
        "/pain",
        *(f"/pain/{spot.slug}" for spot in atlas.pain.spots),
        *(f"/pain/problems/{problem.slug}" for problem in atlas.pain.problems),
    ]


def test_the_map_is_in_the_main_navigation_on_every_page(client):
    for url in ("/", "/pain", "/soreness"):
        nav = client.get(url).get_data(as_text=True).split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
        assert '<a href="/pain"' in nav and "Where does it hurt?" in nav


def test_the_map_lists_every_place_by_body_area_as_a_real_link(client, atlas):
    html = client.get("/pain").get_data(as_text=True)
    listing = html.split('id="pain-list-heading"', 1)[1]
    for area in atlas.pain.areas:
        assert f"<h3>{area.name}</h3>" in listing
        for spot in area.spots:
            assert f'href="/pain/{spot.slug}"' in listing
    assert 'href="/pain/feeling-unwell"' in html.split('id="pain-list-heading"', 1)[0]


def test_each_spot_opens_cold_with_its_signs_above_its_problems(client, atlas, each_spot):
    html = client.get(f"/pain/{each_spot.slug}").get_data(as_text=True)
    assert is_full_page(html) and 'id="panel-heading"' in html
    assert f'href="/pain/{each_spot.slug}" data-spot="{each_spot.slug}" aria-current="page"' in html
    first = [f for f in atlas.flags_named(each_spot.red_flags) if f.tier in ("emergency", "same-day")]
    for flag in first:
        assert html.index(flag.title) < html.index('id="care-heading"')
    if each_spot.problems:
        problems = html.index('id="problems-heading"')
        assert html.index('class="emergency-line"') < problems
        assert all(html.index(flag.title) < problems for flag in first)
        assert "Most common in runners first" in html
        shown = re.findall(r'href="/pain/problems/([\w-]+)"', html.split('id="problems-heading"', 1)[1])
        assert shown[: len(each_spot.problems)] == [p.slug for p in atlas.pain.problems_at(each_spot)]


def test_each_problem_opens_cold_with_its_signs_before_anything_else(client, atlas, each_problem):
    html = client.get(f"/pain/problems/{each_problem.slug}").get_data(as_text=True)
    assert is_full_page(html) and each_problem.name in html
    first = [f for f in atlas.flags_named(each_problem.red_flags) if f.tier in ("emergency", "same-day")]
    assert all(html.index(flag.title) < html.index('id="common-heading"') for flag in first)
    for spot in atlas.pain.spots_of(each_problem):
        assert f'href="/pain/{spot.slug}"' in html
    for slug in each_problem.muscles:
        assert f'href="/muscles/{slug}"' in html


def test_every_pain_page_swaps_in_place_and_restores_whole(client, atlas):
    for url in pages(atlas):
        fragment = client.get(url, headers=HTMX).get_data(as_text=True)
        assert not is_full_page(fragment) and fragment.count('id="stage"') == 1, url
        assert is_full_page(client.get(url, headers=HISTORY_RESTORE).get_data(as_text=True)), url


def test_links_on_the_map_swap_the_stage_with_htmx_and_are_plain_links_without_it(client):
    html = client.get("/pain/kneecap").get_data(as_text=True)
    stage = re.search(r'<div ([^>]*id="stage"[^>]*)>', html).group(1)
    assert 'hx-target="#stage"' in stage and 'hx-select="#stage"' in stage and 'hx-push-url="true"' in stage
    assert re.search(r'<nav class="pain-list"[^>]*hx-boost="true"', html)
    assert re.search(r'<ol class="pain-problem-list" hx-boost="true">\s*<li><a href="/pain/problems/', html)


def test_tiers_are_named_in_words_on_every_sign(client, atlas, each_spot):
    html = client.get(f"/pain/{each_spot.slug}").get_data(as_text=True)
    for flag in atlas.flags_named(each_spot.red_flags):
        item = html.split(f"<h3>{flag.title}</h3>", 1)[0].rsplit("<li", 1)[1]
        assert TIER_ACTIONS[flag.tier] in item


@pytest.mark.parametrize("slug", ["chest", "feeling-unwell"])
def test_chest_and_feeling_unwell_lead_with_the_emergency_signs(client, slug):
    html = client.get(f"/pain/{slug}").get_data(as_text=True)
    panel = html.split('id="panel-heading"', 1)[1]
    assert panel.index('class="emergency-line"') < panel.index('class="flag__tier"')
    first_tier = panel.split('class="flag__tier"', 1)[1].split("</p>", 1)[0]
    assert "Call 999 / 112 / 911 now" in first_tier
    assert 'id="problems-heading"' not in html


def test_no_page_of_the_site_uses_diagnosis_language(app, client):
    checked = 0
    for address in page_list(app):
        if address.is_page and not address.needs_server and not address.redirect:
            text = visible_text(client.get(address.path).get_data(as_text=True))
            assert not DIAGNOSIS.search(text), (address.path, DIAGNOSIS.search(text).group(0))
            checked += 1
    assert checked > 100


def test_pain_pages_send_no_forms_and_nothing_to_third_parties(app, client, atlas):
    ours = app.config["PUBLIC_BASE_URL"]
    for url in pages(atlas):
        html = client.get(url).get_data(as_text=True)
        assert "<form" not in html and "<iframe" not in html, url
        loads = re.findall(r'<(?:script|link|img|source)\b[^>]*(?:src|href)="([^"]+)"', html)
        foreign = [
            src for src in loads if src.startswith(("http:", "https:", "//")) and not src.startswith(ours)
        ]
        assert foreign == [], url


def test_muscles_and_problems_link_both_ways(client, atlas):
    for problem in atlas.pain.problems:
        for slug in problem.muscles:
            block = client.get(f"/muscles/{slug}").get_data(as_text=True).split('id="hurts-heading"', 1)[1]
            assert f'href="/pain/problems/{problem.slug}"' in block.split("</section>", 1)[0], slug


def test_the_soreness_guide_links_to_the_map(client):
    assert 'href="/pain"' in client.get("/soreness").get_data(as_text=True).split('id="main"', 1)[1]


def test_linked_exercise_cards_exist_on_their_muscle_pages(client, atlas):
    for problem in atlas.pain.problems:
        html = client.get(f"/pain/problems/{problem.slug}").get_data(as_text=True)
        for item in problem.helps:
            for link in item.exercises:
                anchor = atlas.exercise(link).anchor
                assert f'href="/muscles/{link.muscle}#{anchor}"' in html
                assert f'id="{anchor}"' in client.get(f"/muscles/{link.muscle}").get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    ["/pain/spleen", "/pain/problems/spleen", "/pain/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/pain/problems/"],
)
def test_an_unknown_place_or_problem_is_the_maps_friendly_404(client, atlas, path):
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 404 and is_full_page(html)
    assert "<script>alert" not in html and "Traceback" not in html
    assert 'href="/pain"' in html.split('id="panel-heading"', 1)[1]
    assert all(f'href="/pain/{spot.slug}"' in html for spot in atlas.pain.spots)
    fragment = client.get(path, headers=HTMX)
    assert fragment.status_code == 404 and fragment.get_data(as_text=True).count('id="stage"') == 1


def test_every_spot_and_problem_page_is_in_the_sitemap(client, atlas):
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    for url in pages(atlas):
        assert f"{url}</loc>" in sitemap, url


def test_every_spot_and_problem_has_a_preview_picture_named_in_its_head(client, atlas):
    for url, picture in [
        *((f"/pain/{s.slug}", f"/preview/pain/{s.slug}.png") for s in atlas.pain.spots),
        *((f"/pain/problems/{p.slug}", f"/preview/pain/problems/{p.slug}.png") for p in atlas.pain.problems),
    ]:
        assert f'property="og:image" content="http://127.0.0.1:5000{picture}"' in client.get(url).get_data(
            as_text=True
        )
        response = client.get(picture)
        assert response.status_code == 200 and response.mimetype == "image/png", picture


def test_the_preview_picture_carries_the_emergency_line(monkeypatch):
    from webapp import create_app
    from webapp.views import previews

    seen: list[str] = []
    original = previews.picture

    def record(figure, kind, kicker, title, body):
        seen.append(body)
        return original(figure, kind, kicker, title, body)

    monkeypatch.setattr(previews, "picture", record)
    fresh = create_app(testing=True).test_client()  # a page cache of its own
    fresh.get("/preview/pain/kneecap.png")
    fresh.get("/preview/pain/problems/shin-splints.png")
    assert len(seen) == 2 and all(body.startswith("Call 999 / 112 / 911 now for ") for body in seen)


def test_every_spot_and_problem_embed_leads_with_the_emergency_line_and_may_be_framed(client, atlas):
    for url in (
        *(f"/embed/pain/{s.slug}" for s in atlas.pain.spots),
        *(f"/embed/pain/problems/{p.slug}" for p in atlas.pain.problems),
    ):
        response = client.get(url)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, url
        assert html.index('class="emergency-line"') < html.index("</h1>") + 400
        assert "Call 999 / 112 / 911 now" in html.split('class="emergency-line"', 1)[1].split("</p>", 1)[0]
        assert "frame-ancestors" in response.headers["Content-Security-Policy"]
        assert "<form" not in html


def test_the_running_injuries_tour_walks_from_the_emergency_signs_to_the_common_problems(client, atlas):
    tour = atlas.tour("running-injuries")
    assert tour.title == "Common running injuries and what to do"
    assert (tour.steps[0].spot, tour.steps[1].spot) == ("feeling-unwell", "chest")
    for number, step in enumerate(tour.steps, start=1):
        html = client.get(f"/tours/{tour.slug}/{number}").get_data(as_text=True)
        assert 'class="emergency-line"' in html
        target = f"/pain/{step.spot}" if step.spot else f"/pain/problems/{step.problem}"
        assert f'href="{target}"' in html


def test_each_exercise_card_a_problem_links_has_add_to_plan_beside_it(client, atlas):
    for problem in atlas.pain.problems:
        html = client.get(f"/pain/problems/{problem.slug}").get_data(as_text=True)
        for item in problem.helps:
            for link in item.exercises:
                exercise = atlas.exercise(link)
                card = f'href="/muscles/{link.muscle}#{exercise.anchor}"'
                assert card in html, (problem.slug, exercise.name)
                after = html.split(card, 1)[1].split("</li>", 1)[0]
                button = f'data-plan-add="{exercise.id}" data-plan-name="{exercise.name}" hidden'
                assert (button in after) == (exercise.kind == "strength"), (problem.slug, exercise.name)
