"""The offline classroom: a web app manifest and a service worker that keeps the pages a
reader opens, and the whole site once the reader asks for it, so that it works with no network.

Nothing is downloaded for offline use until the reader accepts: the bar in every page's footer
(static/offline.js) offers the offline copy with its size, read from ``/offline.json``. The
worker keeps each page as it is opened, answers every address it does not hold with the site's
own offline page (rendered into the worker, so it needs no download of its own) and, once
asked, fetches the whole copy with progress; "Remove offline copy" clears it all.

The worker's cache is named after a hash of everything a page is made from (content,
templates, static files, code, public address), computed at start-up. New content means a new
``sw.js``, so browsers install the new worker, which fills a new cache (the whole copy again
when the reader had kept it) and deletes the old one: old pages are never left behind. The
list it may keep is the list of every page worked out at start-up
(:mod:`webapp.pages.page_list`), less what needs the server (the quiz) and what only other
sites use (link-preview pictures, embeds), so the first ``/sw.js`` is rendered in milliseconds.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import brotli
from flask import Blueprint, Flask, Response, current_app, render_template, url_for
from flask.blueprints import BlueprintSetupState

from webapp.pages.page_list import LIST_BASE, page_list
from webapp.serving.page_cache import cached_page

blueprint = Blueprint("offline", __name__)
PACKAGE = Path(__file__).resolve().parent.parent


def content_digest(app: Flask) -> str:
    """A hash of every file a page is made from: content, templates, static files and code."""
    digest = hashlib.sha256()
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
    return digest.hexdigest()


def version_of(digest: str, public_base_url: str) -> str:
    """The content version of files with ``digest`` served at ``public_base_url``."""
    return hashlib.sha256(f"{public_base_url}\0{digest}".encode()).hexdigest()[:12]


@blueprint.record_once
def fix_version(state: BlueprintSetupState) -> None:
    """Compute the version once, at start-up."""
    digest = content_digest(cast(Flask, state.app))
    state.app.config["CONTENT_DIGEST"] = digest
    state.app.config["CONTENT_VERSION"] = version_of(digest, state.app.config["PUBLIC_BASE_URL"])


# Blueprints whose answers only other sites use: link-preview pictures for chat apps, and the
# frames other sites embed. Offline, a reader of this site never opens them.
FOR_OTHER_SITES = ("previews", "embeds")


def _readers_addresses(app: Flask, *, on_demand: bool) -> list[str]:
    """The addresses a reader of this site may keep offline: on the page list, not needing the
    server to answer (or, with ``on_demand``, drawn by it only to keep the copies small), not
    what only other sites use, and not the worker itself or the copy's own size."""
    adapter = app.url_map.bind("localhost")
    itself = {url_for("offline.service_worker"), url_for("offline.size")}

    def kept(path: str) -> bool:
        endpoint = adapter.match(path)[0] if not path.startswith("/static/") else "static"
        return endpoint.split(".", 1)[0] not in FOR_OTHER_SITES and path not in itself

    wanted = (lambda a: a.on_demand) if on_demand else (lambda a: not a.needs_server)
    return sorted(a.path for a in page_list(app) if wanted(a) and kept(a.path))


def precache_list(app: Flask) -> list[str]:
    """Every page (and forwarding address), static file and the manifest: the offline copy."""
    return _readers_addresses(app, on_demand=False)


def kept_on_visit(app: Flask) -> list[str]:
    """Pages left out of the offline copy to keep it small (the figure's other views), which
    the worker keeps once a reader opens them, so they open again offline."""
    return _readers_addresses(app, on_demand=True)


@dataclass(frozen=True)
class OfflineCopy:
    """What keeping the site for offline use costs: how many files, their bytes as the device
    stores them, and about how many bytes that is to download (pages travel compressed)."""

    files: int
    bytes: int
    download: int


COPY_KEY, COPY_LOCK = "offline_copy", threading.Lock()
# By the digest of every file a page is made from: apps of the same files in one process (a test
# run builds several) have copies of one size. The public address is left out: it changes a
# page's bytes by a few characters, and the size is offered as "about" so many megabytes.
_MEASURED: dict[str, OfflineCopy] = {}


def offline_copy(app: Flask) -> OfflineCopy:
    """The offline copy's size, measured by asking the app for every address on the list.
    Worked out once per set of files and process."""
    with COPY_LOCK:
        if COPY_KEY not in app.extensions:
            app.extensions[COPY_KEY] = _measured(app, lambda: _kept_pages(app))
        return cast(OfflineCopy, app.extensions[COPY_KEY])


def warm(app: Flask) -> None:
    """Render every kept page once, before readers ask: each answer is then in the page cache,
    so a reader's first visits, and their downloads of the offline copy, are memory look-ups.
    The copy is measured on the way, unless this process has measured these files already."""
    bodies = _kept_pages(app)
    with COPY_LOCK:
        app.extensions[COPY_KEY] = _measured(app, lambda: bodies)


def _measured(app: Flask, bodies: Callable[[], list[bytes]]) -> OfflineCopy:
    """This process's measure of the app's files, taken from ``bodies`` the first time."""
    files = app.config["CONTENT_DIGEST"]
    if files not in _MEASURED:
        _MEASURED[files] = _measure(bodies())
    return _MEASURED[files]


def _kept_pages(app: Flask) -> list[bytes]:
    """Every address the offline copy keeps, as the app answers it (through its page cache)."""
    client = app.test_client()
    with app.test_request_context():
        paths = precache_list(app)
    return [client.get(path, base_url=LIST_BASE).get_data() for path in paths]


def _measure(bodies: list[bytes]) -> OfflineCopy:
    return OfflineCopy(
        len(bodies),
        sum(len(body) for body in bodies),
        # Quality 5 is quick and within a few per cent of what the page cache sends.
        sum(len(brotli.compress(body, quality=5)) for body in bodies),
    )


def warm_in_background(app: Flask) -> threading.Thread:
    """Start warming the page cache (and measuring the offline copy) as the server starts, so
    that the first readers' pages, and the offer of the copy (which asks ``/offline.json``),
    are answered at once."""
    thread = threading.Thread(target=warm, args=(app,), name="warm-pages", daemon=True)
    thread.start()
    return thread


WORKER_KEY = "service_worker"
OFFLINE_PAGE_AT = "/offline-page"  # no route: nothing on the page may name itself current


def prerender_worker(app: Flask) -> None:
    """Render the worker once, at start-up (after the page list): the first phone to visit asks
    for it, and that answer should cost no more than any kept page. The offline page travels
    inside it, so the worker can show it without having downloaded anything."""
    # The offline page stands in for any address, so it is rendered at none of the site's.
    with app.test_request_context(OFFLINE_PAGE_AT):
        offline_page = render_template("offline.html", fragment=None, status=503)
    with app.test_request_context():
        app.extensions[WORKER_KEY] = render_template(
            "sw.js",
            version=app.config["CONTENT_VERSION"],
            precache=precache_list(app),
            kept_on_visit=kept_on_visit(app),
            offline_page=offline_page,
            copy_size=url_for("offline.size"),
        )


@blueprint.get("/sw.js")
@cached_page
def service_worker() -> Response:
    """The worker, served from the root so that its scope is the whole site."""
    return Response(current_app.extensions[WORKER_KEY], mimetype="text/javascript")


@blueprint.get("/offline.json")
@cached_page
def size() -> Response:
    """How many files the offline copy holds and how many bytes it takes, for the bar that
    offers it. The kept copy stores this answer too, as the mark that it is complete."""
    copy = offline_copy(cast(Flask, current_app._get_current_object()))  # type: ignore[attr-defined]
    return cast(
        Response, current_app.json.response(files=copy.files, bytes=copy.bytes, download=copy.download)
    )


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
