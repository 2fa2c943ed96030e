"""The static copy: ``python -m webapp export DIR --base-url URL`` writes the whole site to a
folder that any static host serves with the same addresses.

Every address comes from the list of every page worked out at start-up
(:mod:`webapp.pages.page_list`: the URL map filled from the content) and is written by
Frozen-Flask. An address without an extension becomes a folder with an
``index.html`` (``/muscles/calves`` -> ``muscles/calves/index.html``): every static server sends
that as HTML, and redirects the bare address to the slash form, where a file with no extension
would be downloaded as ``application/octet-stream``. Redirects become small pages that forward,
the quiz (which needs the server) becomes a page that says so, every mode in a view other than
the first (drawn on demand, see :func:`webapp.pages.page_list.drawn_on_demand`) a small page
that links to the first view's page and to the live app, and ``404.html`` is the site's own
not-found page.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, render_template
from flask_frozen import Freezer, MissingURLGeneratorWarning

from webapp import create_app
from webapp.pages.context import EXTENSION_KEY
from webapp.pages.figure_state import default_state, figure_state
from webapp.pages.page_list import LIST_BASE, SERVER_ONLY, Address, page_list
from webapp.pages.rendering import render_page
from webapp.pages.view_switch import this_page_in
from webapp.settings import normal_public_url, public_url_problem

# Written into every export: GitHub Pages then publishes the folder as it is (no Jekyll), and a
# later export recognises the folder as its own and may replace what is in it.
MARKER = ".nojekyll"
NOT_FOUND_PROBE = "/404.html"  # any address the app does not have


class ExportError(Exception):
    """An export that cannot be made; the message is one plain sentence."""


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote."""

    files: int
    total_bytes: int
    seconds: float
    skipped: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """The figures, in one line."""
        megabytes = self.total_bytes / 1_000_000
        return f"Wrote {self.files} files, {megabytes:.1f} MB, in {self.seconds:.1f} s."


class FolderFreezer(Freezer):
    """Frozen-Flask, writing each extensionless address as a folder's ``index.html``."""

    def urlpath_to_filepath(self, path: str) -> str:
        """``/muscles/calves`` -> ``muscles/calves/index.html``; ``/sw.js`` stays ``sw.js``."""
        if Address(path).is_page:
            path = path.rstrip("/") + "/index.html"
        return path.lstrip("/")


def check_base_url(text: str) -> str:
    """The public address the copy will live at; it must be the root of a site."""
    if public_url_problem(text):
        raise ExportError(f"--base-url {text!r} must look like https://anatomy.school.example")
    base = normal_public_url(text)
    if base.count("/") > 2:
        raise ExportError(
            f"--base-url {text!r} has a path; the copy must be published at the root of a site "
            "(for GitHub Pages, use a custom domain or a user site)."
        )
    return base


def check_target(target: Path) -> None:
    """Refuse to overwrite a folder that holds anything but an earlier export."""
    if target.exists() and any(target.iterdir()) and not (target / MARKER).exists():
        raise ExportError(f"{target} is not empty and is not an earlier export; choose an empty folder.")


def view_notice(app: Flask, path: str, app_url: str | None) -> str:
    """The copy's page for a mode in a view it does not keep: where the kept view is."""
    with app.test_request_context(path, base_url=LIST_BASE):
        views = app.extensions[EXTENSION_KEY].figure.views
        state, kept = figure_state(), default_state()
        return render_template(
            "view_needs_server.html",
            view_title=views[state.view].title,
            kept_title=views[kept.view].title,
            kept=this_page_in(kept),
            path=path,
            app_url=app_url,
        )


def write_extras(app: Flask, freezer: FolderFreezer, target: Path, app_url: str | None) -> None:
    """The files Frozen-Flask cannot make: forwarding pages, the quiz notice, the notices for
    other views' modes, 404.html."""
    client = app.test_client()
    for address in page_list(app):
        if address.on_demand and address.is_page:
            path = target / freezer.urlpath_to_filepath(address.path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(view_notice(app, address.path, app_url))
        if address.redirect and not address.needs_server:
            destination = client.get(address.path, base_url=LIST_BASE).location.removeprefix(LIST_BASE)
            with app.test_request_context("/", base_url=LIST_BASE):
                forward = render_template("forward.html", target=destination)
            path = target / freezer.urlpath_to_filepath(address.path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(forward)
    with app.test_request_context("/quiz", base_url=LIST_BASE):
        quiz = render_page("quiz_needs_server.html", app_url=app_url)
    (target / "quiz").mkdir(exist_ok=True)
    (target / "quiz" / "index.html").write_bytes(quiz.get_data())
    not_found = client.get(NOT_FOUND_PROBE, base_url=LIST_BASE)
    if not_found.status_code != 404:
        raise ExportError(
            f"{NOT_FOUND_PROBE} should not exist in the app, but it answered {not_found.status}"
        )
    (target / "404.html").write_bytes(not_found.get_data())
    (target / MARKER).write_text("")


def export(target: Path, base_url: str, app_url: str | None = None) -> ExportReport:
    """Write the whole site to ``target`` as it will be served from ``base_url``."""
    started = time.perf_counter()
    base = check_base_url(base_url)
    check_target(target)
    # Strict templates: a page that reads a missing value stops the export instead of
    # publishing a gap.
    app = create_app(public_url=base, strict_templates=True)
    files = [a.path for a in page_list(app) if not a.redirect and not a.needs_server]
    freezer = FolderFreezer(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)
    app.config.update(
        FREEZER_DESTINATION=str(target.resolve()),
        FREEZER_BASE_URL=LIST_BASE,
        FREEZER_REMOVE_EXTRA_FILES=True,
        FREEZER_REDIRECT_POLICY="error",
    )
    freezer.register_generator(lambda: files)
    with warnings.catch_warnings(record=True) as caught:
        # Frozen-Flask's warnings (such as a Content-Type a static host would send differently)
        # are passed on to the reader. Its list of endpoints it saw no generator for is no news:
        # the page list hands it plain paths, not endpoints.
        warnings.simplefilter("always")
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)
        freezer.freeze()
    write_extras(app, freezer, target, app_url)
    written = [path for path in target.rglob("*") if path.is_file()]
    return ExportReport(
        files=len(written),
        total_bytes=sum(path.stat().st_size for path in written),
        seconds=time.perf_counter() - started,
        skipped=SERVER_ONLY,
        notes=tuple(str(warning.message) for warning in caught),
    )
