"""The static copy: ``python -m webapp export DIR --base-url URL`` writes the whole site to a
folder that any static host serves with the same addresses.

Every address is found by :mod:`webapp.site_pages` (the URL map and the links the data
produces) and written by Frozen-Flask. An address without an extension becomes a folder with an
``index.html`` (``/muscles/calves`` -> ``muscles/calves/index.html``): every static server sends
that as HTML, and redirects the bare address to the slash form, where a file with no extension
would be downloaded as ``application/octet-stream``. Redirects become small pages that forward,
the quiz (which needs the server) becomes a page that says so, and ``404.html`` is the site's own
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
from webapp.addresses import SettingError, parse_public_url
from webapp.site_pages import CRAWL_BASE, SERVER_ONLY, is_page, made_from_crawl, site_of
from webapp.views.pages import render_page

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
        if is_page(path):
            path = path.rstrip("/") + "/index.html"
        return path.lstrip("/")


def check_base_url(text: str) -> str:
    """The public address the copy will live at; it must be the root of a site."""
    try:
        base = parse_public_url(text)
    except SettingError:
        raise ExportError(f"--base-url {text!r} must look like https://anatomy.school.example") from None
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


def write_extras(app: Flask, freezer: FolderFreezer, target: Path, app_url: str | None) -> None:
    """The files Frozen-Flask cannot make: forwarding pages, the quiz notice, 404.html."""
    with app.test_request_context("/", base_url=CRAWL_BASE):
        for path, destination in site_of(app).redirects.items():
            forward = render_template("forward.html", target=destination)
            (target / freezer.urlpath_to_filepath(path)).write_text(forward)
    with app.test_request_context("/quiz", base_url=CRAWL_BASE):
        quiz = render_page("quiz_needs_server.html", app_url=app_url)
    (target / "quiz").mkdir(exist_ok=True)
    (target / "quiz" / "index.html").write_bytes(quiz.get_data())
    not_found = app.test_client().get(NOT_FOUND_PROBE, base_url=CRAWL_BASE)
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
    app = create_app({"PUBLIC_BASE_URL": base})
    site = site_of(app)
    if site.broken:
        listed = ", ".join(f"{link} (on {page or 'the start'})" for link, page in site.broken)
        raise ExportError(f"these links lead nowhere: {listed}")
    freezer = FolderFreezer(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)
    app.config.update(
        FREEZER_DESTINATION=str(target.resolve()),
        FREEZER_BASE_URL=CRAWL_BASE,
        FREEZER_REMOVE_EXTRA_FILES=True,
        FREEZER_REDIRECT_POLICY="error",
    )
    freezer.register_generator(lambda: [*site.files, *made_from_crawl(app)])
    with warnings.catch_warnings(record=True) as caught:
        # Frozen-Flask's warnings (such as a Content-Type a static host would send differently)
        # are passed on to the reader. Its list of endpoints it saw no generator for is no news:
        # the crawl hands it plain paths, not endpoints.
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
