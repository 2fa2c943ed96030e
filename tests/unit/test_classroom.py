"""The classroom on the server: presenter states, QR payloads, tours, the seeded quiz and the
worksheet, with friendly 4xx answers for anything tampered with."""

from __future__ import annotations

import itertools
import re
from urllib.parse import parse_qs, urlparse

import pytest
import segno
from markupsafe import escape

from tests.conftest import real_content
from webapp import create_app
from webapp.content.loader import ContentError, load_atlas
from webapp.content.wording import in_sentence, with_the
from webapp.gait.activation import describe_timing
from webapp.quiz.questions import QUESTIONS, QuizError, _masked_summary, make_quiz, parse_answers, score
from webapp.views.presenter import PRESENTER_BADGE_RADIUS

ATLAS = real_content().atlas
SLUGS = [m.slug for m in ATLAS.muscles]


def qr_path(url: str) -> str:
    """The dark modules of ``url``'s QR code (segno's, error correction M) as the page draws
    them: a horizontal stroke per run of dark modules in a row, inside a 4-module quiet zone."""
    runs = []
    for y, row in enumerate(segno.make(url, error="m", micro=False).matrix):
        for dark, group in itertools.groupby(enumerate(row), key=lambda cell: bool(cell[1])):
            cells = list(group)
            if dark:
                runs.append(f"M{cells[0][0] + 4} {y + 4.5}h{len(cells)}")
    return "".join(runs)


# Presenter ------------------------------------------------------------------------------


def test_present_starts_at_the_first_muscle_in_teaching_order(client):
    response = client.get("/present")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/present/{SLUGS[0]}")


def test_every_presenter_state_has_its_own_url_and_shows_its_own_screen(client):
    states = {view: client.get(f"/present/calves{view}") for view in ["", "/details", "/qr"]}
    assert {view: r.status_code for view, r in states.items()} == {"": 200, "/details": 200, "/qr": 200}
    html = {view: r.get_data(as_text=True) for view, r in states.items()}
    assert all('class="presenting"' in page and "Calves" in page for page in html.values())
    key_points, full_panel = 'class="presenter__keypoints"', 'class="presenter__details panel"'
    code = qr_path("http://127.0.0.1:5000/muscles/calves")
    # The key points alone; the whole panel; the key points with the code that opens the muscle.
    assert key_points in html[""] and full_panel not in html[""] and code not in html[""]
    assert full_panel in html["/details"] and key_points not in html["/details"]
    assert code in html["/qr"] and key_points in html["/qr"]


def test_the_presenter_shows_key_points_and_a_control_for_every_key(client, each_muscle):
    html = client.get(f"/present/{each_muscle.slug}").get_data(as_text=True)
    when = describe_timing(each_muscle, ATLAS.phases)
    for point in (when, each_muscle.key_number.value, each_muscle.exercises[0].name):
        assert str(escape(point)) in html
    keys = set(re.findall(r'data-key="([\w]+)"', html))
    assert {"details", "qr", "exit"} <= keys
    assert {str(n) for n in range(1, len(SLUGS) + 1)} <= keys, "every slide has a number key"
    index = SLUGS.index(each_muscle.slug)
    # The clicker's keys follow the links that name themselves the next and previous slide.
    assert re.findall(r'href="([^"]+)"[^>]*rel="next"', html) == [
        f"/present/{SLUGS[(index + 1) % len(SLUGS)]}"
    ]
    assert re.findall(r'href="([^"]+)"[^>]*rel="prev"', html) == [f"/present/{SLUGS[index - 1]}"]
    # G's go-to list names every slide.
    assert re.findall(r'<li><a href="/present/([\w-]+)"[^>]*><span class="goto__number">', html) == SLUGS
    assert f'data-frames="/stride/frames/{each_muscle.slug}"' in html, "S can play the stride"


@pytest.mark.parametrize(
    "url",
    [f"/present/{ATLAS.muscles[0].slug}", *(f"/present/speed/{m.speed.slug}" for m in ATLAS.speeds.measured)],
)
def test_a_presenters_numbered_badges_are_drawn_at_projector_size(client, url):
    """Their digits are projector-sized (static/app.css), so the discs and their spacing are too."""
    html = client.get(url).get_data(as_text=True)
    radii = re.findall(r'<circle class="badge__disc" cx="[^"]+" cy="[^"]+" r="([^"]+)"', html)
    assert radii and {float(r) for r in radii} == {PRESENTER_BADGE_RADIUS}


@pytest.mark.parametrize(
    "slides",
    [[f"/present/{m.slug}" for m in ATLAS.muscles], [f"/present/pain/{s.slug}" for s in ATLAS.pain.spots]],
    ids=["muscles", "places"],
)
def test_the_moves_say_so_where_they_wrap_round_from_one_end_to_the_other(client, slides):
    for index, url in enumerate(slides):
        html = client.get(url).get_data(as_text=True)
        words = re.findall(r'rel="(?:prev|next)">(?:<span aria-hidden="true">←</span> )?([\w ]+?) ?<', html)
        assert words == [
            "Previous" if index else "Last slide",
            "Next" if index < len(slides) - 1 else "First slide",
        ], url


def test_escape_leaves_the_qr_and_the_full_panel_before_leaving_the_presenter(client):
    assert re.search(
        r'href="/present/calves"[^>]*data-key="exit"', client.get("/present/calves/qr").get_data(as_text=True)
    )
    assert re.search(
        r'href="/muscles/calves"[^>]*data-key="exit"', client.get("/present/calves").get_data(as_text=True)
    )


@pytest.mark.parametrize("url", ["/present/spleen", "/present/calves/slides", "/present/%3Cx%3E/qr"])
def test_bad_presenter_addresses_get_the_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404 and "<x>" not in response.get_data(as_text=True)


@pytest.fixture(scope="module")
def lan_client():
    """The app as a teacher starts it for a class: phones reach it at a LAN address."""
    return create_app(testing=True, public_url="http://192.168.1.20:5000").test_client()


def test_the_qr_code_encodes_the_public_address_fixed_at_start_up(lan_client):
    html = lan_client.get("/present/calves/qr").get_data(as_text=True)
    assert "http://192.168.1.20:5000/muscles/calves" in html
    assert qr_path("http://192.168.1.20:5000/muscles/calves") in html
    assert "only works on this computer" not in html


def test_a_local_only_address_comes_with_advice_for_reaching_it_from_phones(client):
    html = client.get("/present/calves/qr").get_data(as_text=True)
    assert qr_path("http://127.0.0.1:5000/muscles/calves") in html
    assert "only works on this computer" in html


def test_a_public_base_url_setting_is_what_the_qr_code_holds():
    app = create_app(public_url="https://anatomy.school.example/atlas/")
    html = app.test_client().get("/present/calves/qr").get_data(as_text=True)
    assert qr_path("https://anatomy.school.example/atlas/muscles/calves") in html


def test_every_muscle_page_carries_a_qr_code_for_the_printed_handout(lan_client):
    html = lan_client.get("/muscles/glutes").get_data(as_text=True)
    assert qr_path("http://192.168.1.20:5000/muscles/glutes") in html and "handout-footer" in html


# Tours ----------------------------------------------------------------------------------


def test_the_tours_page_lists_every_tour(client):
    html = client.get("/tours").get_data(as_text=True)
    for tour in ATLAS.tours:
        assert f'href="/tours/{tour.slug}"' in html


@pytest.mark.parametrize("tour", ATLAS.tours, ids=lambda t: t.slug)
def test_every_tour_step_has_a_url_progress_and_next_previous_links(client, tour):
    total = len(tour.steps)
    for number, step in enumerate(tour.steps, start=1):
        html = client.get(f"/tours/{tour.slug}/{number}").get_data(as_text=True)
        assert f"Step {number} of {total}" in html
        assert f'aria-valuenow="{number}"' in html
        assert step.script.split()[0] in html
        assert (f'href="/tours/{tour.slug}/{number + 1}"' in html) == (number < total)
        assert (f'href="/tours/{tour.slug}/{number - 1}"' in html) == (number > 1)


def test_the_one_stride_tour_runs_landing_to_push_off_and_on_round_the_stride():
    tour = ATLAS.tour("one-stride")
    phases = [s.phase for s in tour.steps]
    assert phases[0] == "loading" and "toe-off" in phases
    assert phases == sorted(phases, key=[p.slug for p in ATLAS.phases].index)


@pytest.mark.parametrize(
    "url", ["/tours/nowhere", "/tours/one-stride/0", "/tours/one-stride/99", "/tours/one-stride/-1"]
)
def test_unknown_tour_steps_get_a_friendly_404(client, url):
    assert client.get(url).status_code == 404


def test_a_tour_naming_an_unknown_muscle_stops_start_up(data_copy):
    tours = data_copy / "tours.yaml"
    tours.write_text(tours.read_text().replace("muscle: quadriceps", "muscle: elbow", 1))
    with pytest.raises(
        ContentError, match=r"tours\.yaml: tours\[0\]\.steps\[1\]\.muscle: 'elbow' is not a muscle"
    ):
        load_atlas(data_copy)


# Quiz -----------------------------------------------------------------------------------


def test_the_same_seed_always_gives_the_same_questions():
    assert make_quiz(ATLAS, 4242) == make_quiz(ATLAS, 4242)
    assert make_quiz(ATLAS, 4242) != make_quiz(ATLAS, 4243)


@pytest.mark.parametrize("seed", [1, 7, 4242, 999_999])
def test_each_question_has_four_different_options_and_one_right_answer(seed):
    questions = make_quiz(ATLAS, seed)
    assert len(questions) == QUESTIONS
    for question in questions:
        assert len(set(question.options)) == 4 and question.answer in question.options
        assert set(question.options) <= set(SLUGS)
        answer = ATLAS.muscle(question.answer)
        assert answer.name.lower() not in question.prompt.lower()
        for option in question.options:  # no option is a second right answer
            assert option == question.answer or option not in answer.related
        if question.phase:
            assert answer.timing.intensities[question.phase] == "strong"
            for option in question.options:
                if option != question.answer:
                    assert ATLAS.muscle(option).timing.intensities[question.phase] == "off"


def test_a_summary_question_never_gives_the_name_away():
    for muscle in ATLAS.muscles:
        masked = _masked_summary(muscle).lower()
        assert muscle.name.lower() not in masked and muscle.slug.replace("-", " ") not in masked


def test_scoring_counts_right_and_wrong_answers():
    questions = make_quiz(ATLAS, 4242)
    right = [q.answer for q in questions]
    wrong = [next(o for o in q.options if o != q.answer) for q in questions]
    assert score(questions, right) == QUESTIONS
    assert score(questions, wrong) == 0
    assert score(questions, right[:5] + wrong[5:]) == 5


@pytest.mark.parametrize("answers", ["spleen", "calves..", "calves.calves.calves"])
def test_tampered_answers_are_rejected(answers):
    with pytest.raises(QuizError):
        parse_answers(answers, ATLAS, 1)


def walk_quiz(client, seed: int, picks) -> str:
    """Answer every question with ``picks(question_number, options, right)`` by form post."""
    questions = make_quiz(ATLAS, seed)
    answers = ""
    url = f"/quiz/{seed}/1"
    for question in questions:
        page = client.get(url).get_data(as_text=True)
        assert f"question {question.number} of {len(questions)}" in page
        choice = picks(question)
        response = client.post(
            f"/quiz/{seed}/{question.number}/answer", data={"choice": choice, "answers": answers}
        )
        feedback = response.get_data(as_text=True)
        assert ("Right!" in feedback) == (choice == question.answer)
        url = re.search(r'<a class="button-link" href="([^"]+)"', feedback).group(1).replace("&amp;", "&")
        answers = parse_qs(urlparse(url).query)["answers"][0]
    return client.get(url).get_data(as_text=True)


def test_a_whole_quiz_by_form_posts_scores_right_and_wrong_answers(client):
    result = walk_quiz(
        client, 4242, lambda q: q.answer if q.number % 2 else next(o for o in q.options if o != q.answer)
    )
    assert "You scored 4 out of 8" in result


def test_answering_by_clicking_the_figure_is_a_plain_link(client):
    question = make_quiz(ATLAS, 4242)[0]
    html = client.get("/quiz/4242/1").get_data(as_text=True)
    link = f'href="/quiz/4242/1/answer?choice={question.answer}"'
    assert link in html
    assert "Right!" in client.get(f"/quiz/4242/1/answer?choice={question.answer}").get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    [
        "/quiz/0/1",
        "/quiz/10000000/1",
        "/quiz/-5/1",
        "/quiz/4242/9",
        "/quiz/4242/2",
        "/quiz/4242/2?answers=spleen",
        "/quiz/4242/1/answer?choice=spleen",
        "/quiz/4242/1/answer",
        "/quiz/4242/score?answers=calves",
        "/quiz/join?code=abc",
        "/quiz/join?code=%3Cscript%3E",
    ],
)
def test_a_tampered_quiz_link_gets_a_friendly_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "We could not open that quiz" in html and "<script>" not in html


def test_starting_a_quiz_is_a_form_post_that_opens_the_teachers_screen(client):
    response = client.post("/quiz")
    assert response.status_code == 303
    assert re.fullmatch(r"/quiz/\d+", response.headers["Location"])


def test_the_teachers_screen_shows_the_number_large_with_a_qr_code_of_the_same_quiz(lan_client, client):
    html = lan_client.get("/quiz/4242").get_data(as_text=True)
    assert re.search(r'class="quiz-class__number">4242<', html)
    assert qr_path("http://192.168.1.20:5000/quiz/4242/1") in html
    assert "only works on this computer" not in html
    assert 'href="/quiz/4242/1"' in html
    local = client.get("/quiz/4242").get_data(as_text=True)  # phones cannot reach loopback: say so
    assert "only works on this computer" in local


@pytest.mark.parametrize("url", ["/quiz/0", "/quiz/1000000", "/quiz/-3"])
def test_a_teachers_screen_for_a_number_out_of_range_is_a_friendly_400(client, url):
    assert client.get(url).status_code == 400


def test_joining_by_number_opens_that_quiz(client):
    assert client.get("/quiz/join?code=4242").headers["Location"] == "/quiz/4242/1"


# Worksheet ------------------------------------------------------------------------------


def test_the_worksheet_numbers_every_drawn_muscle_and_has_an_answer_key(client, app):
    html = client.get("/worksheet").get_data(as_text=True)
    sheet, key = html.split('id="answers-heading"')
    figure = client.get("/").get_data(as_text=True).split('class="figure figure--')[1].split("</svg>")[0]
    drawn = [m for m in ATLAS.muscles if f'data-muscle="{m.slug}"' in figure]
    assert len(re.findall(r'<g [^>]*class="badge"', sheet)) == len(drawn)
    assert "figure-label" not in sheet, "the sheet's figure must not give the names away"
    for muscle in drawn:  # not as a link's name, a tooltip or a hover label either
        assert muscle.name not in sheet, muscle.slug
    assert "<a " not in sheet.split('class="worksheet__figure"')[1]
    assert re.search(r'<details class="[^"]*worksheet__answers[^"]*">\s*<summary', html), (
        "the key opens on request"
    )
    listed = key.split('class="worksheet__key"')[1]
    labels = [
        " ".join(re.findall(r">([^<]+)</tspan>", text))
        for text in re.findall(r'class="figure-label[^"]*"[^>]*>(.*?)</text>', key)
    ]
    for muscle in drawn:
        assert muscle.name in listed
        assert muscle.name in labels, muscle.slug


@pytest.mark.parametrize("view", list(real_content().figure.views))
def test_the_worksheets_answer_key_numbers_the_muscles_as_the_sheet_does(client, view):
    html = client.get(
        "/worksheet" if view == next(iter(real_content().figure.views)) else f"/{view}/worksheet"
    )
    key = html.get_data(as_text=True).split('id="answers-heading"')[1]
    answers = re.findall(
        r"<li><strong>([^<]+)</strong>", key.split('class="worksheet__key"')[1].split("</ol>")[0]
    )
    on_figure = dict(re.findall(r'<li value="(\d+)">([^<]+)</li>', key.split('class="figure-key"')[1]))
    assert answers and {int(n): name for n, name in on_figure.items()} == dict(enumerate(answers, start=1))


@pytest.mark.parametrize("code", ["%C2%B2", "%D9%A3", "1234567"])
def test_a_quiz_number_is_ascii_digits_only(client, code):
    assert client.get(f"/quiz/join?code={code}").status_code == 400


def figure_of(html: str) -> str:
    return html.split('class="figure"', 1)[1].split("</svg>", 1)[0]


@pytest.mark.parametrize("seed", [7, 4242])
def test_on_the_figure_only_the_offered_answers_are_links(client, seed):
    answers: list[str] = []
    for question in make_quiz(ATLAS, seed):
        html = client.get(f"/quiz/{seed}/{question.number}", query_string={"answers": ".".join(answers)})
        figure = figure_of(html.get_data(as_text=True))
        linked = set(re.findall(r'<a [^>]*data-muscle="([^"]+)"', figure))
        dimmed = set(re.findall(r'<g [^>]*class="[^"]*region--inert[^"]*"[^>]*data-muscle="([^"]+)"', figure))
        assert linked == set(question.options), question.number
        assert dimmed == set(SLUGS) - set(question.options)  # drawn, faint, and no link
        answers.append(question.answer)


def test_the_feedback_lights_the_right_muscle_on_the_runner(client):
    question = make_quiz(ATLAS, 4242)[0]
    wrong = next(o for o in question.options if o != question.answer)
    figure = figure_of(client.get(f"/quiz/4242/1/answer?choice={wrong}").get_data(as_text=True))
    lit = [
        re.search(r'data-muscle="([^"]+)"', a).group(1)
        for a in re.findall(r"<a [^>]*>", figure)
        if 'aria-current="page"' in a
    ]
    assert set(lit) == {question.answer}
    assert set(re.findall(r'<a [^>]*data-muscle="([^"]+)"', figure)) == {question.answer}


def test_names_mid_sentence_are_lower_case_with_the_article(client):
    assert "Scan to open the core on your phone" in client.get("/present/core/qr").get_data(as_text=True)
    right = ATLAS.muscle(make_quiz(ATLAS, 4242)[0].answer)
    feedback = client.get(f"/quiz/4242/1/answer?choice={right.slug}").get_data(as_text=True)
    assert f"Read more about {with_the(right.name)}</a>" in feedback
    for tour in ATLAS.tours:
        for number, step in enumerate(tour.steps, start=1):
            html = client.get(f"/tours/{tour.slug}/{number}").get_data(as_text=True)
            if step.problem:
                assert f"Open the full page on {in_sentence(ATLAS.pain.problem(step.problem).name)}<" in html
            elif step.muscle and not step.speed:
                assert (
                    f"Open {'' if step.phase else 'the full page on '}{with_the(ATLAS.muscle(step.muscle).name)}"
                    in html
                )
