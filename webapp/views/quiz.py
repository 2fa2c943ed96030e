"""The quiz: questions generated from the content, reproducible from the number in the
address, answered by clicking the runner or from a list. Nothing is stored: the answers so
far travel in the address, so a tampered link gets a friendly 400."""

from __future__ import annotations

import re
import secrets

from flask import Blueprint, Response, redirect, request, url_for
from flask.typing import ResponseReturnValue

from webapp.content.model import Muscle
from webapp.content.wording import with_the
from webapp.figure.qr import qr_svg
from webapp.pages.context import prepared, public_url, reachable_only_here
from webapp.pages.figure_state import PLAIN, figure_state
from webapp.pages.figures import runner
from webapp.pages.rendering import render_page
from webapp.quiz.questions import SEED_RANGE, Question, QuizError, make_quiz, parse_answers, score

blueprint = Blueprint("quiz", __name__)


@blueprint.get("/quiz")
def home() -> Response:
    """Start a quiz, or join the class's quiz by its number."""
    return render_page("quiz_home.html", seed_range=SEED_RANGE)


@blueprint.post("/quiz")
def new() -> ResponseReturnValue:
    """A fresh quiz with a random number (a plain form post, so it works without JavaScript)."""
    seed = secrets.randbelow(SEED_RANGE[1]) + SEED_RANGE[0]
    return redirect(url_for("quiz.class_screen", seed=seed), code=303)


@blueprint.get("/quiz/<int(signed=True):seed>")
def class_screen(seed: int) -> Response:
    """The teacher's screen: the quiz number, large, and a QR code that opens question 1 of the
    same quiz on every phone in the room."""
    if not SEED_RANGE[0] <= seed <= SEED_RANGE[1]:
        return problem("That quiz number is not valid. Quiz numbers are whole numbers from 1 to 999999.")
    deep_link = public_url(url_for("quiz.question", seed=seed, number=1))
    return render_page(
        "quiz_class.html",
        seed=seed,
        deep_link=deep_link,
        join_address=public_url(url_for("quiz.home")),
        local_only=reachable_only_here(deep_link),
        qr=qr_svg(deep_link),
    )


@blueprint.get("/quiz/join")
def join() -> ResponseReturnValue:
    """Open the quiz a teacher shared by its number."""
    code = request.args.get("code", "").strip()
    # ASCII digits only: str.isdigit() also accepts "²" and "٣", which are not quiz numbers.
    if not re.fullmatch(r"[0-9]{1,6}", code) or not SEED_RANGE[0] <= int(code) <= SEED_RANGE[1]:
        return problem("That quiz number is not valid. Quiz numbers are whole numbers from 1 to 999999.")
    return redirect(url_for("quiz.question", seed=int(code), number=1), code=303)


def problem(text: str) -> Response:
    """A friendly 400 for a quiz link that has been altered."""
    return render_page("quiz_problem.html", status=400, text=text)


def quiz_for(seed: int) -> tuple[Question, ...]:
    """The quiz for ``seed``, made for the view its runner is drawn in (the address's), so
    every offered answer can be found on the figure (issue 19's rule lives in make_quiz)."""
    return make_quiz(prepared().atlas, seed, prepared().figure.views[figure_state().view].shows)


def _state(seed: int, number: int, answers_text: str) -> tuple[tuple[Question, ...], Question, list[str]]:
    """The quiz, the question and the answers so far, or a QuizError for a tampered link."""
    questions = quiz_for(seed)
    if not 1 <= number <= len(questions):
        raise QuizError("no such question")
    answers = parse_answers(answers_text, prepared().atlas, number - 1)
    return questions, questions[number - 1], answers


@blueprint.get("/quiz/<int(signed=True):seed>/<int(signed=True):number>", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/quiz/<int(signed=True):seed>/<int(signed=True):number>")
def question(seed: int, number: int, figure: str) -> Response:
    """One question: pick from the list or click the muscle on the figure."""
    try:
        questions, asked, answers = _state(seed, number, request.args.get("answers", ""))
    except QuizError:
        return problem("This quiz link has been changed or is incomplete. Start again from question 1.")
    carried = ".".join(answers)

    def answer_url(muscle: Muscle) -> str | None:
        # Only the offered answers can be chosen on the figure; the other muscles are dimmed.
        if muscle.slug not in asked.options:
            return None
        return url_for(
            "quiz.answer",
            seed=seed,
            number=number,
            choice=muscle.slug,
            answers=carried or None,
            figure=figure,
        )

    atlas = prepared().atlas
    return render_page(
        "quiz_question.html",
        atlas=atlas,
        seed=seed,
        questions=questions,
        question=asked,
        answers=carried,
        figure=runner(
            answer_url,
            phase=atlas.phase(asked.phase) if asked.phase else None,
            lit=False,
            swap=False,
            label="Runner: click the muscle you choose. Only the four answers are links; the others are dimmed.",
        ),
    )


@blueprint.route(
    "/quiz/<int(signed=True):seed>/<int(signed=True):number>/answer",
    methods=["GET", "POST"],
    defaults={"figure": PLAIN},
)
@blueprint.route(
    "/<view:figure>/quiz/<int(signed=True):seed>/<int(signed=True):number>/answer", methods=["GET", "POST"]
)
def answer(seed: int, number: int, figure: str) -> Response:
    """Feedback on one answer, sent from the list (a form post) or the figure (a link)."""
    values = request.form if request.method == "POST" else request.args
    try:
        questions, asked, answers = _state(seed, number, values.get("answers", ""))
        choice = parse_answers(values.get("choice", ""), prepared().atlas, 1)[0]
    except QuizError:
        return problem("That answer could not be read. Go back and choose one of the muscles.")
    carried = ".".join([*answers, choice])
    if number < len(questions):
        next_url = url_for("quiz.question", seed=seed, number=number + 1, answers=carried, figure=figure)
    else:
        next_url = url_for("quiz.score_page", seed=seed, answers=carried, figure=figure)
    atlas = prepared().atlas
    right = next(m for m in atlas.muscles if m.slug == asked.answer)
    return render_page(
        "quiz_feedback.html",
        figure=runner(
            lambda m: url_for("muscles.muscle", slug=m.slug) if m == right else None,
            selected=asked.answer,
            phase=atlas.phase(asked.phase) if asked.phase else None,
            lit=False,
            swap=False,
            label=f"Runner with the right answer lit: {with_the(right.name)}",
        ),
        atlas=atlas,
        right=right,
        seed=seed,
        questions=questions,
        question=asked,
        choice=atlas.muscle(choice),
        correct=choice == asked.answer,
        next_url=next_url,
        last=number == len(questions),
    )


@blueprint.get("/quiz/<int(signed=True):seed>/score", defaults={"figure": PLAIN})
@blueprint.get("/<view:figure>/quiz/<int(signed=True):seed>/score")
def score_page(seed: int, figure: str) -> Response:
    """The score, recomputed from the seed and the answers in the address."""
    try:
        questions = quiz_for(seed)
        answers = parse_answers(request.args.get("answers", ""), prepared().atlas, len(questions))
    except QuizError:
        return problem("This score link has been changed. Take the quiz again to see your score.")
    return render_page(
        "quiz_score.html",
        atlas=prepared().atlas,
        seed=seed,
        review=list(zip(questions, answers, strict=True)),
        score=score(questions, answers),
        total=len(questions),
    )
