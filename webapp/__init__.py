"""Stride Anatomy: an interactive atlas of the muscles that make a person run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask
from htmx_flask import Htmx

from webapp.addresses import (
    SettingError,
    default_base_url,
    parse_embed_origins,
    parse_proxy_hops,
    parse_public_url,
    trusted_hosts,
)
from webapp.assets import init_assets
from webapp.hosts import StrideAnatomy, trust_proxies
from webapp.prepared import prepare
from webapp.security import init_security

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HTMX_FILE = "htmx-2.0.11.min.js"


def bundled(folder: str) -> Path:
    """``templates``, ``static`` or ``data``: inside the installed package (a wheel puts them
    there), else at the top of the checkout, where they are edited."""
    installed = Path(__file__).resolve().parent / folder
    return installed if installed.is_dir() else PROJECT_ROOT / folder


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides settings, e.g. ``{"DATA_DIR": path}`` in tests.

    Environment variables: ``STRIDE_ANATOMY_DATA`` points at another content folder,
    ``STRIDE_ANATOMY_PUBLIC_URL`` is the address every printed or scanned link starts with,
    ``STRIDE_ANATOMY_PROXY_HOPS`` says how many reverse proxies are in front, and
    ``STRIDE_ANATOMY_EMBED_ORIGINS`` which sites may frame the embed pages (``*`` by default). Without a
    public URL it follows from ``BIND_HOST`` and ``PORT`` (how ``python -m webapp`` was
    started; see :func:`webapp.addresses.default_base_url`), never from a request.

    Content and settings are checked here: a broken data file stops start-up with a
    :class:`webapp.content.loader.ContentError` that names the file and the field, and an
    unusable setting with a :class:`webapp.addresses.SettingError`.
    """
    app = StrideAnatomy(
        __name__, template_folder=str(bundled("templates")), static_folder=str(bundled("static"))
    )
    app.config.update(
        DATA_DIR=Path(os.environ.get("STRIDE_ANATOMY_DATA", bundled("data"))),
        HTMX_FILE=HTMX_FILE,
        PUBLIC_BASE_URL=os.environ.get("STRIDE_ANATOMY_PUBLIC_URL", ""),
        PROXY_HOPS=parse_proxy_hops(os.environ.get("STRIDE_ANATOMY_PROXY_HOPS", "")),
        EMBED_ORIGINS=os.environ.get("STRIDE_ANATOMY_EMBED_ORIGINS", "*"),
        BIND_HOST="127.0.0.1",
        PORT=5000,
    )
    app.config.update(config or {})
    configure_addresses(app)
    # Views import the app's helpers, so they are imported once the app exists.
    from webapp.views import (
        EXTENSION_KEY,
        embeds,
        errors,
        guides,
        health,
        main_navigation,
        muscles,
        offline,
        presenter,
        previews,
        quiz,
        sitemap,
        speed,
        stride,
        tours,
        worksheet,
    )
    from webapp.views.figure_state import init_figure_state
    from webapp.views.response_cache import init_page_cache
    from webapp.views.sharing import init_sharing

    Htmx(app)
    init_security(app)
    init_figure_state(app)
    app.extensions[EXTENSION_KEY] = prepare(Path(app.config["DATA_DIR"]))
    for area in (
        muscles,
        stride,
        speed,
        guides,
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
    errors.init_errors(app)
    # WSGI layers, innermost first: cached pages, then static files, then any declared proxy.
    init_page_cache(app)
    init_assets(app)
    trust_proxies(app)
    return app


def configure_addresses(app: Flask) -> None:
    """Fix ``PUBLIC_BASE_URL`` (checked, or derived from how the server was started), the
    ``TRUSTED_HOSTS`` that follow from it, and the checked ``EMBED_ORIGINS``."""
    configured = app.config["PUBLIC_BASE_URL"]
    if app.config["PROXY_HOPS"] and not configured:
        raise SettingError(
            "STRIDE_ANATOMY_PROXY_HOPS is set, so set STRIDE_ANATOMY_PUBLIC_URL too: "
            "the address people type or scan to reach the proxy."
        )
    bind_host = app.config["BIND_HOST"]
    base = parse_public_url(configured) if configured else default_base_url(bind_host, app.config["PORT"])
    app.config["PUBLIC_BASE_URL"] = base
    app.config["EMBED_ORIGINS"] = parse_embed_origins(app.config["EMBED_ORIGINS"])
    if app.config["TRUSTED_HOSTS"] is None:
        app.config["TRUSTED_HOSTS"] = trusted_hosts(base, bind_host)
