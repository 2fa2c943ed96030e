"""Every view in every mode: each view of data/views has an address in stride mode, the speed
view and its comparison, the presenter, the tours (their list and start too), the quiz, the
worksheet, the embeds and the preview pictures (``/back/stride/toe-off``), and draws the runner that way there, Play's frames too. An
unknown view is the friendly 404. When the open muscle is not in the view shown, the page says so
and links to a view that shows it. Screen readers hear which view it is and whose left is whose.
The static copy and the offline cache keep the atlas in every view and the other modes in the
default view only, within 1.5 times their size before the back view came."""

from __future__ import annotations

import html as html_text
import re
from collections import Counter

import pytest
from flask import Flask

from tests.conftest import real_content, suite_app
from webapp.pages.page_list import ATLAS, KEPT_IN_EVERY_VIEW, drawn_on_demand, page_list

VIEWS = real_content().figure.views
DEFAULT = next(iter(VIEWS))
# Quiz pages are made for a class and are not listed; these stand for them.
QUIZ = {
    "quiz.question": "/quiz/7/1",
    "quiz.answer": "/quiz/7/1/answer?choice=calves",
    "quiz.score_page": "/quiz/7/score",
}
# Before the back view was in every mode (main c5a2cdf): the precached pages and files, each
# gzipped at level 9, and the files the static export wrote.
OFFLINE_BEFORE = 9_710_000
EXPORT_BEFORE = 26_800_000
GROWTH_ALLOWED = 1.5


def in_view(view: str, path: str) -> str:
    """``path`` (an address in the default view) in ``view``."""
    return path if view == DEFAULT else f"/{view}{path}"


def every_mode(app: Flask) -> dict[str, str]:
    """One address in the default view of every route that takes a view but the atlas, by
    endpoint: from the page list (the quiz from :data:`QUIZ`)."""
    adapter = app.url_map.bind("localhost")
    found = dict(QUIZ)
    for address in page_list(app):
        endpoint, values = adapter.match(address.path)
        takes_view = app.url_map.is_endpoint_expecting(str(endpoint), "figure")
        if takes_view and endpoint not in ATLAS and values["figure"] == "":
            found.setdefault(str(endpoint), address.path)
    return found


MODES = every_mode(suite_app())


def drawn_views(text: str) -> Counter:
    """How many runners each view draws in an answer."""
    return Counter(re.findall(r'<svg [^>]*class="runner[^"]*"[^>]*data-view="([\w-]+)"', text))


def check_mode(app: Flask, endpoint: str, path: str, view: str) -> None:
    """The address of ``endpoint`` in ``view`` answers, and every runner on it is that view."""
    response = app.test_client().get(in_view(view, path))
    if response.status_code in (301, 302, 308):  # a tour's address: its first step, same view
        assert response.location.startswith(in_view(view, path)), (view, path, response.location)
        return
    if endpoint == "quiz.score_page":  # no answers given: the friendly 400, in that view's address
        assert response.status_code == 400, path
        return
    assert response.status_code == 200, (view, path)
    if response.mimetype == "image/png":
        default = app.test_client().get(path).get_data()
        assert view == DEFAULT or response.get_data() != default, (view, path)
        return
    html = response.get_data(as_text=True)
    drawn = drawn_views(html) or drawn_views(html.replace("&#34;", '"'))
    if endpoint == "tours.index":  # no runner: every tour starts in this view
        starts = re.findall(r'href="([^"]*/tours/[\w-]+)"', html)
        assert starts and all(s.startswith(in_view(view, "/tours/")) for s in starts), starts
        return
    if endpoint != "quiz.answer":  # feedback has no runner
        assert set(drawn) == {view}, (view, path, drawn)
    if endpoint.endswith(".frames"):  # Play: every frame is a runner in this view
        assert drawn[view] >= html.count("<template"), path


def test_every_mode_takes_a_view():
    assert set(MODES) >= {
        "stride.start",
        "stride.phase",
        "stride.muscle_at_phase",
        "stride.frames",
        "speed.start",
        "speed.speed",
        "speed.muscle_at_speed",
        "speed.compare",
        "speed.frames",
        "presenter.present",
        "presenter.present_speed",
        "tours.step",
        "quiz.question",
        "quiz.answer",
        "quiz.score_page",
        "worksheet.worksheet",
        "previews.muscle",
        "previews.phase",
        "previews.speed",
    }


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("endpoint", sorted(MODES))
def test_every_view_has_an_address_in_every_mode_that_draws_that_view(app, endpoint, view):
    check_mode(app, endpoint, MODES[endpoint], view)


@pytest.mark.parametrize("endpoint", sorted(MODES))
def test_an_unknown_view_in_any_mode_is_the_friendly_404(client, endpoint):
    for view in ("sideways", DEFAULT, f"{DEFAULT}-labelled", "back-labelled", "Back"):
        response = client.get(f"/{view}{MODES[endpoint]}")
        assert response.status_code == 404, (view, endpoint)
        if response.mimetype == "text/html":
            assert "We could not find that page" in response.get_data(as_text=True)


def test_links_in_a_mode_stay_in_its_view(client, atlas):
    phase, muscle = atlas.phases[1], atlas.muscles[0]
    html = client.get(f"/back/stride/{phase.slug}").get_data(as_text=True)
    assert f'href="/back/stride/{atlas.phases[2].slug}"' in html
    assert 'data-frames="/back/stride/frames"' in html
    assert f'href="/back/stride/{phase.slug}/{muscle.slug}"' in html
    speed = client.get("/front/speed/3-m-s").get_data(as_text=True)
    assert (
        'data-frames="/front/speed/3-m-s/frames"' in speed and 'href="/front/speed/2-m-s/vs/3-m-s"' in speed
    )
    assert re.search(r'<meta property="og:image" content="[^"]+/front/preview/speed/3-m-s\.png">', speed)
    quiz = client.get("/back/quiz/7/1").get_data(as_text=True)
    assert 'action="/back/quiz/7/1/answer"' in quiz


def test_the_canonical_address_of_every_view_is_the_default_one(client):
    html = client.get("/back/stride/toe-off/calves").get_data(as_text=True)
    assert re.search(r'<link rel="canonical" href="https?://[^"/]+/stride/toe-off/calves">', html)


HIDDEN = [(view, m) for view in VIEWS for m in real_content().atlas.muscles if not VIEWS[view].shows(m.slug)]


@pytest.mark.parametrize(("view", "muscle"), HIDDEN, ids=[f"{v}-{m.slug}" for v, m in HIDDEN])
def test_a_muscle_the_view_hides_is_named_with_a_switch_to_a_view_that_shows_it(client, view, muscle, atlas):
    for path in (
        f"/muscles/{muscle.slug}",
        f"/stride/{atlas.phases[0].slug}/{muscle.slug}",
        f"/speed/3-m-s/{muscle.slug}",
        f"/present/{muscle.slug}",
    ):
        html = client.get(in_view(view, path)).get_data(as_text=True)
        note = re.search(r'<p class="view-switch"[^>]*>(.*?)</p>', html, flags=re.S)
        assert note, (view, path)
        title = view.replace("-", " ")
        assert f"The {title} view does not show the {muscle.name.lower()}." in note.group(1)
        href, words = re.search(r'<a href="([^"]+)">(Show the ([\w ]+) view)</a>', note.group(1)).group(1, 3)
        shown = client.get(href).get_data(as_text=True)
        assert drawn_views(shown) == {words.replace(" ", "-"): 1}, href
        assert re.search(rf'<a [^>]*data-muscle="{muscle.slug}"', shown), href
        assert href == in_view(words.replace(" ", "-"), path)


def test_the_back_view_offers_the_front_for_a_muscle_on_the_front_of_the_leg(client):
    html = client.get("/back/muscles/tibialis-anterior").get_data(as_text=True)
    assert (
        'The back view does not show the tibialis anterior. <a href="/front/muscles/tibialis-anterior">'
        "Show the front view</a>" in html
    )
    front = client.get("/front/stride/toe-off/hamstrings").get_data(as_text=True)
    assert '<a href="/back/stride/toe-off/hamstrings">Show the back view</a>' in front


def test_a_muscle_the_view_shows_has_no_note(client, each_muscle):
    for view in VIEWS:
        if VIEWS[view].shows(each_muscle.slug):
            html = client.get(in_view(view, f"/muscles/{each_muscle.slug}")).get_data(as_text=True)
            assert 'class="view-switch"' not in html, view


READ_AS = {
    "side": "Seen from their left side: the runner's left leg is nearer you.",
    "front": "Seen from the front: the runner's left is on your right.",
    "back": "Seen from behind: the runner's left is on your left.",
}


@pytest.mark.parametrize("view", READ_AS)
def test_screen_readers_hear_which_view_it_is_and_whose_left_is_whose(client, view):
    for path in ("/", "/muscles/calves", "/stride/toe-off", "/speed/3-m-s", "/present/calves", "/worksheet"):
        html = client.get(in_view(view, path)).get_data(as_text=True)
        labels = re.findall(r'<svg aria-label="([^"]+)"[^>]*class="runner"', html)
        assert labels and all(html_text.unescape(label).endswith(READ_AS[view]) for label in labels), path


def test_each_mode_is_listed_in_every_view_and_kept_in_the_default_one(app):
    adapter = app.url_map.bind("localhost")
    counts: Counter = Counter()
    for address in page_list(app):
        endpoint, values = adapter.match(address.path)
        view = values.get("figure")
        if view is None:
            continue
        counts[endpoint, view] += 1
        assert address.canonical <= (view == ""), address.path
        assert address.on_demand == drawn_on_demand(str(endpoint), values), address.path
        assert address.needs_server >= address.on_demand, address.path
        if endpoint in KEPT_IN_EVERY_VIEW:
            assert not address.needs_server, address.path
        elif view:
            assert address.needs_server, address.path
    for endpoint in MODES:
        if endpoint not in {"quiz.question", "quiz.answer", "quiz.score_page"}:
            assert [counts[endpoint, v if v != DEFAULT else ""] for v in VIEWS] == [
                counts[endpoint, ""]
            ] * len(VIEWS), endpoint
    # The atlas: every view with and without names.
    assert counts["muscles.muscle", ""] * 2 * len(VIEWS) == sum(
        n for (e, _), n in counts.items() if e == "muscles.muscle"
    )


def test_the_crawl_meets_other_views_as_pages_drawn_on_demand(site_crawl, app):
    on_demand_listed = {a.path for a in page_list(app) if a.on_demand}
    met = {path for path in site_crawl.left_out if path.startswith(tuple(f"/{v}/" for v in VIEWS))}
    assert met and met <= on_demand_listed


def test_the_offline_copy_stays_within_half_as_much_again(site_crawl):
    kept = sum(site_crawl.gzipped.values())
    assert kept <= OFFLINE_BEFORE * GROWTH_ALLOWED, f"{kept / 1e6:.2f} MB"


def test_the_static_copy_stays_within_half_as_much_again(exported_site):
    written = sum(path.stat().st_size for path in exported_site.rglob("*") if path.is_file())
    assert written <= EXPORT_BEFORE * GROWTH_ALLOWED, f"{written / 1e6:.1f} MB"


@pytest.mark.parametrize(
    "path", ["/back/muscles/tibialis-anterior", "/back/stride/toe-off/tibialis-anterior"]
)
def test_a_swap_of_the_panel_brings_the_note_with_it(client, path):
    html = client.get(path, headers={"HX-Request": "true", "HX-Target": "panel"}).get_data(as_text=True)
    assert 'id="stage"' not in html and 'id="panel"' in html
    assert "The back view does not show the tibialis anterior." in html
