"""Run the app: ``python -m webapp [--host H] [--port P] [--threads N] [--dev]``.

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
from webapp.server import DEFAULT_THREADS, listen


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m webapp", description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1", help="0.0.0.0 lets phones on the network reach it")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS, help="worker threads (waitress)")
    parser.add_argument("--dev", action="store_true", help="Flask's reloader, for editing content")
    return parser.parse_args(argv)


def watched_files(app: Flask) -> list[str]:
    """Content, templates and static files: a change to any restarts the dev server."""
    folders = [Path(app.config["DATA_DIR"]), Path(app.template_folder or ""), Path(app.static_folder or "")]
    return [str(path) for folder in folders for path in folder.rglob("*") if path.is_file()]


def main(argv: list[str] | None = None) -> int:
    """Start the server; exit with status 2 when the content or a setting is broken."""
    args = parse_arguments(argv)
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
