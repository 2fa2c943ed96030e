"""Stride Anatomy: an interactive atlas of the muscles that make a person run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from htmx_flask import Htmx
from jinja2 import StrictUndefined

from webapp.settings import Settings, load_settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HTMX_FILE = "htmx-2.0.11.min.js"


def bundled(folder: str) -> Path:
    """``templates``, ``static`` or ``data``: inside the installed package (a wheel puts them
    there), else at the top of the checkout, where they are edited."""
    installed = Path(__file__).resolve().parent / folder
    return installed if installed.is_dir() else PROJECT_ROOT / folder


def create_app(settings: Settings | None = None, *, testing: bool = False, **overrides: Any) -> Flask:
    """Build the app from ``settings`` (by default read from the environment; see
    :mod:`webapp.settings`), with single settings overridden by name, as tests do:
    ``create_app(public_url="https://anatomy.school.example", testing=True)``.

    Content and settings are checked here: a broken data file stops start-up with a
    :class:`webapp.content.loader.ContentError` that names the file and the field, and an
    unusable setting with a :class:`webapp.settings.SettingError` naming the flag or variable.
    Everything a request could need that can be worked out in advance is worked out here: the
    prepared content, the poses, the list of every page, the offline version.
    """
    # Imported here, so that the command line can report a broken setting before Flask loads.
    from webapp.content.wording import in_sentence, with_the
    from webapp.pages.context import EXTENSION_KEY, main_navigation
    from webapp.pages.figure_state import init_figure_state
    from webapp.pages.page_list import init_page_list
    from webapp.pages.sharing import init_sharing
    from webapp.pages.view_switch import init_view_switch
    from webapp.prepared import prepare
    from webapp.serving.assets import init_assets
    from webapp.serving.flask_app import StrideAnatomy, configure_addresses, trust_proxies
    from webapp.serving.page_cache import init_page_cache
    from webapp.serving.security import init_security
    from webapp.views import (
        embeds,
        errors,
        guides,
        health,
        muscles,
        offline,
        pain,
        plans,
        presenter,
        previews,
        quiz,
        sitemap,
        speed,
        stride,
        tours,
        worksheet,
    )

    if settings is not None and not isinstance(settings, Settings):
        raise TypeError("create_app() takes Settings; give single settings by name: create_app(data_dir=...)")
    settings = settings or load_settings()
    if overrides:
        settings = load_settings({**settings.model_dump(exclude_unset=True), **overrides})
    app = StrideAnatomy(
        __name__, template_folder=str(bundled("templates")), static_folder=str(bundled("static"))
    )
    app.config.update(TESTING=testing, HTMX_FILE=HTMX_FILE, DATA_DIR=settings.data_dir or bundled("data"))
    configure_addresses(app, settings)
    if settings.strict_templates:
        app.jinja_env.undefined = StrictUndefined
    Htmx(app)
    init_security(app)
    app.extensions[EXTENSION_KEY] = prepare(Path(app.config["DATA_DIR"]))
    init_figure_state(app, list(app.extensions[EXTENSION_KEY].figure.views))
    for area in (
        muscles,
        stride,
        speed,
        guides,
        pain,
        plans,
        presenter,
        tours,
        quiz,
        worksheet,
        health,
        previews,
        sitemap,
        embeds,
        offline,
    ):
        app.register_blueprint(area.blueprint)
    app.context_processor(main_navigation)
    init_sharing(app)
    init_view_switch(app)
    app.jinja_env.filters.update(in_sentence=in_sentence, the_name=with_the)
    errors.init_errors(app)
    # WSGI layers, innermost first: cached pages, then static files, then any declared proxy.
    init_page_cache(app)
    init_assets(app)
    trust_proxies(app)
    init_page_list(app)
    offline.prerender_worker(app)
    return app
