"""Run the app: ``python -m webapp [--host H] [--port P] [--threads N] [--dev]``.

``python -m webapp export DIR --base-url URL`` writes the whole site to DIR instead, for any
static host (see webapp/export.py).

It is served by waitress, a production WSGI server that runs on Windows, macOS and Linux.
``--dev`` uses Flask's development server instead, which restarts when a file in data/,
templates/ or static/ changes. A content or settings problem is printed as one plain sentence
naming the file and field or the setting, not a traceback, and the exit status is 2.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from pathlib import Path

from flask import Flask

from webapp import create_app
from webapp.addresses import ANY_ADDRESS, SettingError
from webapp.content.loader import ContentError
from webapp.export import ExportError, export
from webapp.server import DEFAULT_THREADS, listen


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m webapp", description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1", help="0.0.0.0 lets phones on the network reach it")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS, help="worker threads (waitress)")
    parser.add_argument("--dev", action="store_true", help="Flask's reloader, for editing content")
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


def main(argv: list[str] | None = None) -> int:
    """Start the server; exit with status 2 when the content or a setting is broken."""
    args = parse_arguments(argv)
    if args.command == "export":
        return run_export(args)
    try:
        app = create_app({"BIND_HOST": args.host, "PORT": args.port})
    except (ContentError, SettingError) as error:
        print(f"Stride Anatomy cannot start: {error}", file=sys.stderr)
        return 2
    # Stopping by signal must still run clean-up (the static files' scratch folder).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if args.dev:
        app.run(host=args.host, port=args.port, use_reloader=True, extra_files=watched_files(app))
        return 0
    try:
        server = listen(app, args.host, args.port, args.threads)
    except OSError as error:
        print(f"Stride Anatomy cannot start: {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"Stride Anatomy is running at {app.config['PUBLIC_BASE_URL']}/  (Ctrl+C to stop)")
    if args.host in ANY_ADDRESS:
        print(f"On this computer you can also use http://127.0.0.1:{args.port}/")
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
