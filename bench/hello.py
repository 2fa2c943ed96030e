"""The baseline for ``bench.load``: a Flask hello-world under the production server, with the
same settings as the app (``python -m bench.hello --port P --threads N``)."""

from __future__ import annotations

import argparse

from bench.core import hello_world
from webapp.serving.server import DEFAULT_THREADS, listen


def main() -> None:
    """Serve hello-world on 127.0.0.1 until stopped."""
    parser = argparse.ArgumentParser(prog="python -m bench.hello")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS)
    args = parser.parse_args()
    listen(hello_world(), "127.0.0.1", args.port, args.threads).run()


if __name__ == "__main__":
    main()
