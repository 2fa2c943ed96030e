"""Run the app: ``python -m webapp [--host H] [--port P] [--threads N] [--dev] [--public-url URL] …``.

``python -m webapp export DIR --base-url URL`` writes the whole site to DIR instead, for any
static host (see webapp/export.py).

It is served by waitress, a production WSGI server that runs on Windows, macOS and Linux.
``--dev`` uses Flask's development server instead, which restarts when a file in data/,
templates/ or static/ changes. Every flag is a setting of :mod:`webapp.settings` and overrides
its environment variable. A content or settings problem is printed as one plain line naming the
file and field, or the flag or variable, not a traceback, and the exit status is 2.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import warnings
from pathlib import Path

from flask import Flask

from webapp import create_app
from webapp.content.loader import ContentError
from webapp.export import ExportError, export
from webapp.serving.public_address import ANY_ADDRESS
from webapp.serving.server import listen
from webapp.settings import SettingError, Settings, SettingWarning, flag, load_settings, variable
from webapp.views.offline import warm_in_background

# Settings that are flags of the server command; the export has flags of its own.
SERVER_FLAGS = ("host", "port", "threads", "public_url", "proxy_hops", "embed_origins", "data_dir")
FLAG_TYPES = {"port": int, "threads": int, "proxy_hops": int, "data_dir": Path}


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line. Flags default to None, so that an unset flag leaves its variable be."""
    parser = argparse.ArgumentParser(prog="python -m webapp", description=__doc__.split("\n\n")[0])
    for name in SERVER_FLAGS:
        field = Settings.model_fields[name]
        parser.add_argument(
            flag(name),
            dest=name,
            type=FLAG_TYPES.get(name, str),
            help=f"{field.description} (variable {variable(name)}; default {field.default!r})",
        )
    parser.add_argument(
        "--dev", action="store_const", const=True, help=Settings.model_fields["dev"].description
    )
    commands = parser.add_subparsers(dest="command", metavar="export")
    static = commands.add_parser("export", help="write the whole site to a folder for a static host")
    static.add_argument("folder", type=Path, help="where to write it (empty, or an earlier export)")
    static.add_argument("--base-url", required=True, help="where it will be published, e.g. https://…")
    static.add_argument("--app-url", help="a running Stride Anatomy whose quiz the copy links to")
    return parser.parse_args(argv)


def run_export(args: argparse.Namespace) -> int:
    """Write the static copy and print its figures; exit with status 2 when it cannot be made."""
    try:
        report = export(args.folder, args.base_url, args.app_url)
    except (ContentError, SettingError, ExportError) as error:
        print(f"Stride Anatomy cannot export: {error}", file=sys.stderr)
        return 2
    print(f"Exported to {args.folder} for {args.base_url}")
    for note in report.notes:
        print(f"Note: {note}")
    print(f"Left out, as they need the server: {', '.join(report.skipped)} (the copy's /quiz page says so).")
    print(report.summary())
    return 0


def watched_files(app: Flask) -> list[str]:
    """Content, templates and static files: a change to any restarts the dev server."""
    folders = [Path(app.config["DATA_DIR"]), Path(app.template_folder or ""), Path(app.static_folder or "")]
    return [str(path) for folder in folders for path in folder.rglob("*") if path.is_file()]


def one_line_warnings() -> None:
    """Print the app's own warnings (a renamed variable) as one line each."""
    plain = warnings.formatwarning

    def short(
        message: Warning | str, category: type[Warning], filename: str, lineno: int, line: str | None = None
    ) -> str:
        if issubclass(category, SettingWarning):
            return f"Stride Anatomy: {message}\n"
        return plain(message, category, filename, lineno, line)

    warnings.formatwarning = short


def main(argv: list[str] | None = None) -> int:
    """Start the server; exit with status 2 when the content or a setting is broken."""
    args = parse_arguments(argv)
    if args.command == "export":
        return run_export(args)
    one_line_warnings()
    try:
        flags = {name: getattr(args, name) for name in (*SERVER_FLAGS, "dev")}
        settings = load_settings(flags)
        if settings.dev:
            settings = settings.model_copy(update={"strict_templates": True})
        app = create_app(settings)
    except (ContentError, SettingError) as error:
        print(f"Stride Anatomy cannot start: {error}", file=sys.stderr)
        return 2
    # Stopping by signal must still run clean-up (the static files' scratch folder).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if settings.dev:
        app.run(host=settings.host, port=settings.port, use_reloader=True, extra_files=watched_files(app))
        return 0
    try:
        server = listen(app, settings.host, settings.port, settings.threads)
    except OSError as error:
        print(
            f"Stride Anatomy cannot start: {settings.host}:{settings.port}: {error.strerror}", file=sys.stderr
        )
        return 2
    # Every kept page is rendered (and the offline copy measured) while the first readers
    # arrive, not on their time.
    warm_in_background(app)
    print(f"Stride Anatomy is running at {app.config['PUBLIC_BASE_URL']}/  (Ctrl+C to stop)")
    if settings.host in ANY_ADDRESS:
        print(f"On this computer you can also use http://127.0.0.1:{settings.port}/")
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
