"""The markup behind the hand-and-projector layout (issue 20): the front page's title and what
to do come before the runner, a swap of the panel alone carries the bars that name the muscle,
and a muscle's contents bar lists exactly the sections its panel has."""

from __future__ import annotations

import re

import pytest

from tests.conftest import real_content

PANEL_SWAP = {"HX-Request": "true", "HX-Target": "panel"}
MUSCLES = [m.slug for m in real_content().atlas.muscles]


def test_the_front_page_says_what_it_is_and_what_to_do_before_the_runner(client):
    html = client.get("/").get_data(as_text=True)
    title = html.index("What muscles does running work?</h1>")
    what_to_do = html.index('class="stage-lead__do"')
    assert title < what_to_do < html.index('class="runner"')
    assert html.count("<h1") == 1


@pytest.mark.parametrize("slug", ["calves", "heart"])
def test_a_swap_of_the_panel_alone_brings_the_bars_that_name_the_muscle(client, slug):
    html = client.get(f"/muscles/{slug}", headers=PANEL_SWAP).get_data(as_text=True)
    name = real_content().atlas.muscle(slug).name
    assert re.search(r'<div class="stage-lead" id="stage-lead" hidden>\s*</div>', html)
    assert f'<strong class="name-bar__name">{name}</strong>' in html
    assert 'id="figure-controls"' in html and 'class="runner"' not in html


def test_a_stride_panel_swap_brings_the_name_bar_too(client):
    html = client.get("/stride/loading/hamstrings", headers=PANEL_SWAP).get_data(as_text=True)
    assert '<strong class="name-bar__name">Hamstrings</strong>' in html
    assert 'id="view-controls"' in html and 'class="runner"' not in html
    page = client.get("/stride/loading/hamstrings").get_data(as_text=True)
    assert page.count('hx-select-oob="#view-controls,#name-bar"') == 2


@pytest.mark.parametrize("slug", MUSCLES)
def test_a_muscles_contents_bar_lists_each_of_its_sections_in_order(client, slug):
    html = client.get(f"/muscles/{slug}").get_data(as_text=True)
    bar = html.split('<nav class="contents-bar" aria-label="On this page">', 1)[1].split("</nav>", 1)[0]
    listed = re.findall(r'href="#([a-z-]+)"', bar)
    panel = html.split('id="panel"', 1)[1]
    sections = [
        heading
        for heading in re.findall(r'<section class="panel__section[^"]*"[^>]*>\s*<h2 id="([a-z-]+)"', panel)
        if heading not in {"related-heading", "embed-heading"}
    ]
    assert listed == ["panel-heading", *sections]
