"""Stride Anatomy: an interactive atlas of the muscles that make a person run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask
from htmx_flask import Htmx

from webapp.prepared import prepare
from webapp.security import init_security

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HTMX_FILE = "htmx-2.0.11.min.js"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides settings, e.g. ``{"DATA_DIR": path}`` in tests;
    the environment variable ``STRIDE_ANATOMY_DATA`` points at another content folder and
    ``STRIDE_ANATOMY_PUBLIC_URL`` sets the address QR codes send students to.

    Content is loaded and validated here, so a broken data file stops start-up with a
    :class:`webapp.content.loader.ContentError` that names the file and the field.
    """
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.update(
        DATA_DIR=Path(os.environ.get("STRIDE_ANATOMY_DATA", PROJECT_ROOT / "data")),
        HTMX_FILE=HTMX_FILE,
        # Where students' phones reach the app, for QR codes (e.g. behind a proxy); when
        # empty, the host the teacher's browser used.
        PUBLIC_BASE_URL=os.environ.get("STRIDE_ANATOMY_PUBLIC_URL", ""),
    )
    app.config.update(config or {})
    Htmx(app)
    init_security(app)

    from webapp.views import (
        EXTENSION_KEY,
        errors,
        guides,
        main_navigation,
        muscles,
        presenter,
        quiz,
        stride,
        tours,
        worksheet,
    )

    app.extensions[EXTENSION_KEY] = prepare(Path(app.config["DATA_DIR"]))
    for area in (muscles, stride, guides, presenter, tours, quiz, worksheet):
        app.register_blueprint(area.blueprint)
    app.context_processor(main_navigation)
    errors.init_errors(app)
    return app
