"""The offline classroom: a web app manifest and a service worker that, after one visit,
keeps the atlas, stride mode, the guides and the presenter working with no network.

The worker's cache is named after a hash of everything a page is made from (content,
templates, static files, code, public address), computed at start-up. New content means a new
``sw.js``, so browsers install the new worker, which fills a new cache and deletes the old one:
old pages are never left behind. The list it precaches is the list of every page worked out at
start-up (:mod:`webapp.pages.page_list`), less what needs the server (the quiz), so the first
``/sw.js`` is rendered in milliseconds and then kept by the page cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from flask import Blueprint, Flask, Response, current_app, render_template, url_for
from flask.blueprints import BlueprintSetupState

from webapp.pages.page_list import page_list
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("offline", __name__)
PACKAGE = Path(__file__).resolve().parent.parent


def content_version(app: Flask) -> str:
    """A short hash of every file a page is made from, and of the public address."""
    digest = hashlib.sha256(app.config["PUBLIC_BASE_URL"].encode())
    folders = [
        Path(app.config["DATA_DIR"]),
        Path(app.template_folder or ""),
        Path(app.static_folder or ""),
        PACKAGE,
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix != ".pyc":
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


@blueprint.record_once
def fix_version(state: BlueprintSetupState) -> None:
    """Compute the version once, at start-up."""
    state.app.config["CONTENT_VERSION"] = content_version(cast(Flask, state.app))


def precache_list(app: Flask) -> list[str]:
    """Every page (and forwarding address), static file, picture and the manifest: the worker
    keeps them. Not what needs the server, and not the worker itself."""
    worker = url_for("offline.service_worker")
    return sorted(a.path for a in page_list(app) if not a.needs_server and a.path != worker)


WORKER_KEY = "service_worker"


def prerender_worker(app: Flask) -> None:
    """Render the worker once, at start-up (after the page list): the first phone to visit asks
    for it, and that answer should cost no more than any kept page."""
    with app.test_request_context():
        app.extensions[WORKER_KEY] = render_template(
            "sw.js", version=app.config["CONTENT_VERSION"], precache=precache_list(app)
        )


@blueprint.get("/sw.js")
@cached_page
def service_worker() -> Response:
    """The worker, served from the root so that its scope is the whole site."""
    return Response(current_app.extensions[WORKER_KEY], mimetype="text/javascript")


@blueprint.get("/manifest.webmanifest")
@cached_page
def manifest() -> Response:
    """What a phone or laptop needs to install the site as an app."""
    atlas_home = url_for("muscles.index")
    # The fingerprinted URL of a static file (webapp/serving/assets.py).
    asset = cast(Callable[[str], str], current_app.jinja_env.globals["asset"])
    response = current_app.json.response(
        name="Stride Anatomy",
        short_name="Stride Anatomy",
        description="An atlas of the muscles that make a person run.",
        start_url=atlas_home,
        scope=atlas_home,
        display="standalone",
        background_color="#f7f5f1",
        theme_color="#f7f5f1",
        icons=[{"src": asset("favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    )
    response.mimetype = "application/manifest+json"
    return cast(Response, response)
