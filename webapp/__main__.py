"""Run the app: ``python -m webapp [--host H] [--port P]``.

A content problem is printed as one plain sentence naming the file and field, not a traceback.
"""

from __future__ import annotations

import argparse
import sys

from webapp import create_app
from webapp.content.loader import ContentError


def main(argv: list[str] | None = None) -> int:
    """Start the development server; exit with status 2 when the content is broken."""
    parser = argparse.ArgumentParser(prog="python -m webapp", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args(argv)
    try:
        app = create_app()
    except ContentError as error:
        print(f"Stride Anatomy cannot start: {error}", file=sys.stderr)
        return 2
    print(f"Stride Anatomy is running at http://{args.host}:{args.port}/  (Ctrl+C to stop)")
    app.run(host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
