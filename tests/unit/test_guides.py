"""The article's other two questions get their own pages; technical words link to a glossary."""

from __future__ import annotations

import re

import pytest

from webapp.pages.context import EXTENSION_KEY


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/training", "Should runners do more than run?"),
        ("/soreness", "How should a runner react to sore muscles?"),
        ("/glossary", "Words the atlas uses"),
    ],
)
def test_each_guide_has_a_permanent_page(client, url, heading):
    response = client.get(url)
    assert response.status_code == 200
    assert heading in response.get_data(as_text=True).replace("&#39;", "'")


def test_the_training_page_shows_the_week_the_sessions_and_a_warm_up_linked_to_muscles(client, app):
    html = client.get("/training").get_data(as_text=True)
    atlas = app.extensions[EXTENSION_KEY].atlas
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert f'<th scope="row">{day}</th>' in html
    for session in atlas.training.sessions:
        for item in session.exercises:
            assert item.exercise.replace("(", "") in html.replace("(", "")
    warm_up = html.split('id="warm-up"', 1)[1]
    for drill in atlas.training.warm_up.drills:
        assert drill.name in warm_up
        for slug in drill.prepares:
            assert f'href="/muscles/{slug}"' in warm_up


def test_the_soreness_page_states_the_emergency_signs_plainly_and_carries_the_disclaimer(client):
    html = client.get("/soreness").get_data(as_text=True)
    assert "Chest pain" in html and "cola-coloured urine" in html and "call the emergency number" in html
    assert "not medical advice" in html


def test_every_page_carries_the_short_disclaimer(client):
    for url in ("/", "/muscles/calves", "/training", "/soreness", "/glossary", "/muscles/spleen"):
        assert "not medical advice" in client.get(url).get_data(as_text=True)


def test_a_muscle_panel_links_each_glossary_term_once_with_its_definition(client):
    html = client.get("/muscles/glute-medius").get_data(as_text=True)
    links = re.findall(r'<a class="term" href="/glossary#([\w-]+)" title="([^"]+)">', html)
    slugs = [slug for slug, _ in links]
    assert "abduction" in slugs and "stance" in slugs
    assert len(slugs) == len(set(slugs)), "a term is explained more than once"
    assert all(definition for _, definition in links)


def test_glossary_links_land_on_an_entry(client):
    muscle_html = client.get("/muscles/calves").get_data(as_text=True)
    glossary_html = client.get("/glossary").get_data(as_text=True)
    for slug in re.findall(r'href="/glossary#([\w-]+)"', muscle_html):
        assert f'id="{slug}"' in glossary_html


def test_a_muscle_panel_lists_the_warm_up_drills_that_prepare_it(client):
    html = client.get("/muscles/tibialis-anterior").get_data(as_text=True)
    assert "Warm-up drills that prepare it" in html and "Heel walks, then toe walks" in html


@pytest.mark.parametrize("url", ["/muscles/glute-medius", "/muscles/tibialis-anterior", "/muscles/adductors"])
def test_the_new_muscles_have_permanent_pages(client, url):
    assert client.get(url).status_code == 200


def test_citations_point_at_entries_in_the_panels_source_list(client):
    for url in ("/muscles/calves", "/training", "/soreness"):
        html = client.get(url).get_data(as_text=True)
        cited = set(re.findall(r'href="#source-([\w-]+)"', html))
        listed = set(re.findall(r'<li id="source-([\w-]+)"', html))
        assert cited and cited == listed


def test_the_sources_page_explains_every_evidence_word_and_lists_every_source(client, atlas):
    html = client.get("/sources").get_data(as_text=True).replace("&#39;", "'")
    for level in atlas.evidence.levels:
        assert f"evidence--{level.level}" in html and level.meaning in html
    for source in atlas.sources.values():
        assert f'id="source-{source.id}"' in html
        assert (
            atlas.evidence.design_name(source.design)
            in html.split(f'id="source-{source.id}"')[1].split("</li>")[0]
        )


def test_every_page_links_to_the_sources_and_the_rubric(client):
    assert 'href="/sources"' in client.get("/").get_data(as_text=True)
    assert 'href="/sources#rubric"' in client.get("/muscles/calves").get_data(as_text=True)
