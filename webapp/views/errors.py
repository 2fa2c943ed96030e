"""Friendly error pages: a way back, never a traceback."""

from __future__ import annotations

from flask import Flask, Response, current_app, request, url_for
from werkzeug.exceptions import HTTPException, InternalServerError, MethodNotAllowed, NotFound

from webapp.pages.pain import render_pain
from webapp.pages.panels import render_atlas
from webapp.pages.rendering import render_page

MESSAGES = {
    400: ("Bad request", "The address or form did not make sense to us."),
    405: ("Not allowed", "This page can only be read, not sent to."),
    500: ("Something went wrong", "That was our fault. Please try again in a moment."),
}


def not_found(error: NotFound) -> Response:
    """Unknown addresses show the runner and every real muscle to choose from; an unknown
    place or problem on the pain map shows the map's list, a way back to the map."""
    pain = url_for("pain.index")
    if request.path == pain or request.path.startswith(pain + "/"):
        return render_pain(status=404, missing=True)
    return render_atlas(None, status=404, missing=request.path[:80])


def other_error(error: HTTPException) -> Response:
    """Any other HTTP error, with the code's plain-language explanation."""
    code = error.code or 500
    title, text = MESSAGES.get(code, (error.name, error.description or ""))
    response = render_page("error.html", status=code, title=title, text=text, code=code)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response


def unexpected_error(error: Exception) -> Response:
    """A bug must never show a traceback to a reader; it goes to the log instead."""
    current_app.logger.exception("Unhandled error on %s", request.path)
    return other_error(InternalServerError())


def init_errors(app: Flask) -> None:
    """Register the handlers on ``app``."""
    app.register_error_handler(NotFound, not_found)
    app.register_error_handler(HTTPException, other_error)
    app.register_error_handler(Exception, unexpected_error)
