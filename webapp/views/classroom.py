"""The classroom: presenter view, QR hand-off, guided tours, quiz and worksheet.

Every state has its own URL and nothing is stored on the server: the quiz carries its seed
and answers in the address.
"""

from __future__ import annotations

import secrets

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for

from webapp.classroom.quiz import SEED_RANGE, QuizError, make_quiz, parse_answers, score
from webapp.figure.qr import qr_svg
from webapp.figure.runner import RegionLink, draw_runner
from webapp.figure.shapes import MUSCLE_SHAPES
from webapp.site import muscle_path, present_path, stride_path
from webapp.views import public_url, reachable_only_here, reading_aids, site
from webapp.views.muscles import muscle_panel_context
from webapp.views.render_cache import rendered_once

blueprint = Blueprint("classroom", __name__)
PRESENTER_VIEWS = ("details", "qr")


# Presenter view ------------------------------------------------------------------------


@blueprint.get("/present")
def present_start() -> Response:
    """The presenter view starts at the first muscle in teaching order."""
    return redirect(present_path(site().atlas.muscles[0].slug))


@blueprint.get("/present/<slug>")
@blueprint.get("/present/<slug>/<view>")
@rendered_once
def present(slug: str, view: str | None = None) -> str:
    """One muscle, projector-sized; ``view`` opens the full panel or the QR code."""
    atlas = site().atlas
    muscle = atlas.muscle(slug)
    if muscle is None or (view and view not in PRESENTER_VIEWS):
        abort(404)
    order = [m.slug for m in atlas.muscles]
    index = order.index(slug)
    deep_link = public_url(muscle_path(slug))
    return render_template(
        "present.html",
        atlas=atlas,
        view=view,
        index=index,
        previous=order[index - 1],
        following=order[(index + 1) % len(order)],
        figure=site().figure(slug, presenting=True),
        deep_link=deep_link,
        local_only=reachable_only_here(deep_link),
        qr=qr_svg(deep_link),
        present_path=present_path,
        stride_path=stride_path,
        **muscle_panel_context(muscle),
    )


# Guided tours --------------------------------------------------------------------------


@blueprint.get("/tours")
@rendered_once
def tours() -> str:
    """Every guided tour, ready to start."""
    return render_template("tours.html", atlas=site().atlas)


@blueprint.get("/tours/<slug>")
def tour_start(slug: str) -> Response:
    """A tour's address opens its first step."""
    if site().atlas.tour(slug) is None:
        abort(404)
    return redirect(url_for("classroom.tour_step", slug=slug, number=1))


@blueprint.get("/tours/<slug>/<int(signed=True):number>")
@rendered_once
def tour_step(slug: str, number: int) -> str:
    """One step of a tour: the figure (at a phase, with a muscle, or both) and the script."""
    atlas = site().atlas
    tour = atlas.tour(slug)
    if tour is None or not 1 <= number <= len(tour.steps):
        abort(404)
    step = tour.steps[number - 1]
    muscle = atlas.muscle(step.muscle) if step.muscle else None
    phase = site().phase(step.phase) if step.phase else None
    return render_template(
        "tour_step.html",
        atlas=atlas,
        tour=tour,
        step=step,
        number=number,
        muscle=muscle,
        phase=phase,
        figure=site().figure(step.muscle, step.phase),
        stride_path=stride_path,
        **reading_aids([]),
    )


# Quiz ----------------------------------------------------------------------------------


@blueprint.get("/quiz")
def quiz_home() -> str:
    """Start a quiz, or join the class's quiz by its number."""
    return render_template("quiz_home.html", seed_range=SEED_RANGE)


@blueprint.post("/quiz")
def quiz_new() -> Response:
    """A fresh quiz with a random number (a plain form post, so it works without JavaScript)."""
    seed = secrets.randbelow(SEED_RANGE[1]) + SEED_RANGE[0]
    return redirect(url_for("classroom.quiz_question", seed=seed, number=1), code=303)


@blueprint.get("/quiz/join")
def quiz_join() -> Response:
    """Open the quiz a teacher shared by its number."""
    code = request.args.get("code", "").strip()
    if not code.isdigit() or not SEED_RANGE[0] <= int(code) <= SEED_RANGE[1]:
        return quiz_problem("That quiz number is not valid. Quiz numbers are whole numbers from 1 to 999999.")
    return redirect(url_for("classroom.quiz_question", seed=int(code), number=1), code=303)


def quiz_problem(text: str) -> Response:
    """A friendly 400 for a quiz link that has been altered."""
    return Response(render_template("quiz_problem.html", text=text), status=400)


def _quiz_state(seed: int, number: int, answers_text: str):
    """The quiz, the question and the answers so far, or a QuizError for a tampered link."""
    questions = make_quiz(site().atlas, seed)
    if not 1 <= number <= len(questions):
        raise QuizError("no such question")
    answers = parse_answers(answers_text, site().atlas, number - 1)
    return questions, questions[number - 1], answers


@blueprint.get("/quiz/<int(signed=True):seed>/<int(signed=True):number>")
def quiz_question(seed: int, number: int) -> Response | str:
    """One question: pick from the list or click the muscle on the figure."""
    try:
        questions, question, answers = _quiz_state(seed, number, request.args.get("answers", ""))
    except QuizError:
        return quiz_problem("This quiz link has been changed or is incomplete. Start again from question 1.")
    carried = ".".join(answers)
    links = [
        RegionLink(
            m.slug,
            m.name,
            url_for(
                "classroom.quiz_answer", seed=seed, number=number, choice=m.slug, answers=carried or None
            ),
        )
        for m in site().atlas.muscles
    ]
    figure = draw_runner(site().pose(question.phase), links, label="Runner: click the muscle you choose")
    return render_template(
        "quiz_question.html",
        atlas=site().atlas,
        seed=seed,
        questions=questions,
        question=question,
        answers=carried,
        figure=figure,
    )


@blueprint.route("/quiz/<int(signed=True):seed>/<int(signed=True):number>/answer", methods=["GET", "POST"])
def quiz_answer(seed: int, number: int) -> Response | str:
    """Feedback on one answer, sent from the list (a form post) or the figure (a link)."""
    values = request.form if request.method == "POST" else request.args
    try:
        questions, question, answers = _quiz_state(seed, number, values.get("answers", ""))
        choice = parse_answers(values.get("choice", ""), site().atlas, 1)[0]
    except QuizError:
        return quiz_problem("That answer could not be read. Go back and choose one of the muscles.")
    carried = ".".join([*answers, choice])
    if number < len(questions):
        next_url = url_for("classroom.quiz_question", seed=seed, number=number + 1, answers=carried)
    else:
        next_url = url_for("classroom.quiz_score", seed=seed, answers=carried)
    return render_template(
        "quiz_feedback.html",
        atlas=site().atlas,
        seed=seed,
        questions=questions,
        question=question,
        choice=site().atlas.muscle(choice),
        correct=choice == question.answer,
        next_url=next_url,
        last=number == len(questions),
    )


@blueprint.get("/quiz/<int(signed=True):seed>/score")
def quiz_score(seed: int) -> Response | str:
    """The score, recomputed from the seed and the answers in the address."""
    try:
        questions = make_quiz(site().atlas, seed)
        answers = parse_answers(request.args.get("answers", ""), site().atlas, len(questions))
    except QuizError:
        return quiz_problem("This score link has been changed. Take the quiz again to see your score.")
    return render_template(
        "quiz_score.html",
        atlas=site().atlas,
        seed=seed,
        review=list(zip(questions, answers, strict=True)),
        score=score(questions, answers),
        total=len(questions),
    )


# Printable worksheet -------------------------------------------------------------------


@blueprint.get("/worksheet")
@rendered_once
def worksheet() -> str:
    """The runner with numbered muscles and blank labels, and an answer key on page two."""
    atlas = site().atlas
    drawable = [m for m in atlas.muscles if m.slug in MUSCLE_SHAPES]
    numbers = {m.slug: n for n, m in enumerate(drawable, start=1)}
    links = [RegionLink(m.slug, m.name, muscle_path(m.slug)) for m in atlas.muscles]
    figure = draw_runner(site().pose(None), links, label="Runner with numbered muscles", numbers=numbers)
    return render_template("worksheet.html", muscles=drawable, figure=figure, url=public_url("/worksheet"))
