"""The figure's view (every view in data/views) and names (on or off) live in the address:
every state has its own URL, links keep the state, and the toggles lead to the neighbouring
states."""

from __future__ import annotations

import re

import pytest

from tests.conftest import real_content

HTMX = {"HX-Request": "true", "HX-Target": "stage"}
VIEWS = list(real_content().figure.views)  # the default first


def prefix(view: str, labelled: bool) -> str:
    """The address prefix of a state: none for the default view, "/labelled" alone."""
    parts = [*([view] if view != VIEWS[0] else []), *(["labelled"] if labelled else [])]
    return "/" + "-".join(parts) if parts else ""


STATES = {prefix(view, labelled): (view, labelled) for view in VIEWS for labelled in (False, True)}


def runner_tag(html: str) -> str:
    return re.search(r"<svg[^>]*class=\"runner\"[^>]*>", html).group(0)


@pytest.mark.parametrize("prefix", STATES)
def test_each_state_is_an_address_that_draws_that_view(client, prefix, each_muscle):
    view, labelled = STATES[prefix]
    for url in (f"{prefix}/", f"{prefix}/muscles/{each_muscle.slug}"):
        html = client.get(url).get_data(as_text=True)
        assert f'data-view="{view}"' in runner_tag(html), url
        assert ('class="figure-label' in html) == labelled, url


@pytest.mark.parametrize("prefix", STATES)
def test_links_to_other_muscles_keep_the_state(client, prefix, atlas):
    html = client.get(f"{prefix}/muscles/calves", headers=HTMX).get_data(as_text=True)
    listed = re.findall(r'<a href="([^"]+)" data-muscle="([\w-]+)"', html.split('class="muscle-list"')[1])
    assert listed == [(f"{prefix}/muscles/{m.slug}", m.slug) for m in atlas.muscles]


def test_the_toggles_lead_to_the_neighbouring_states(client):
    html = client.get("/labelled/muscles/calves").get_data(as_text=True)
    controls = html.split('class="figure-controls"')[1].split("</nav>")[0]
    assert re.search(r'href="/labelled/muscles/calves" aria-current="true"[^>]*>Side view', controls)
    assert re.search(r'href="/front-labelled/muscles/calves"[^>]*>Front view', controls)
    assert re.search(r'href="/back-labelled/muscles/calves"[^>]*>Back view', controls)
    assert re.search(r'href="/muscles/calves"[^>]*>Hide names', controls)
    home = client.get("/back/").get_data(as_text=True).split('class="figure-controls"')[1]
    assert re.search(r'href="/back-labelled/"[^>]*>Show names', home)
    assert re.search(r'href="/back/" aria-current="true"[^>]*>Back view', home)


def test_the_view_control_offers_every_view_in_the_data_once_with_one_current(client, views):
    for prefix, (view, _) in STATES.items():
        html = client.get(f"{prefix}/muscles/calves").get_data(as_text=True)
        controls = html.split('class="figure-controls"')[1].split("</nav>")[0]
        buttons = re.findall(r'<a href="[^"]+"( aria-current="true")?[^>]*>([^<]+) view</a>', controls)
        assert [name for _, name in buttons] == [v.replace("-", " ").capitalize() for v in views], prefix
        assert [name for current, name in buttons if current] == [view.capitalize()], prefix


@pytest.mark.parametrize(
    "url",
    [
        "/sideways/",
        "/side/",
        "/side/muscles/calves",
        "/back/back/",
        "/front/front/",
        "/labeled/muscles/calves",
        "/front/muscles/spleen",
        "/back-front/muscles/calves",
    ],
)
def test_an_unknown_state_or_muscle_is_the_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404 and "We could not find that page" in response.get_data(as_text=True)


def test_the_presenter_and_the_answer_key_name_every_muscle_on_the_figure(client, atlas):
    for url in ("/present/calves", "/worksheet"):
        html = client.get(url).get_data(as_text=True)
        assert html.count('class="figure-label') >= len(
            [m for m in atlas.muscles if f'data-muscle="{m.slug}"' in html]
        )


def test_the_address_printed_on_a_handout_is_the_plain_one(client):
    html = client.get("/front-labelled/muscles/calves").get_data(as_text=True)
    handout = html.split('class="handout-footer"')[1]
    assert "/muscles/calves</strong>" in handout and "front" not in handout


@pytest.mark.parametrize("prefix", STATES)
def test_every_state_of_a_page_names_the_plain_page_as_canonical(client, prefix):
    html = client.get(f"{prefix}/muscles/calves").get_data(as_text=True)
    assert re.search(r'<link rel="canonical" href="https?://[^"/]+/muscles/calves">', html)


def test_a_swap_of_the_panel_brings_view_controls_for_the_new_muscle(client):
    html = client.get("/labelled/muscles/hamstrings", headers={**HTMX, "HX-Target": "panel"}).get_data(
        as_text=True
    )
    controls = html.split('id="figure-controls"')[1].split("</nav>")[0]
    assert (
        'href="/front-labelled/muscles/hamstrings"' in controls and 'href="/muscles/hamstrings"' in controls
    )
    assert 'id="stage"' not in html
