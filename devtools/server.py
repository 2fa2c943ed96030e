"""Serve a Flask app on a free loopback port: in a background thread, or as its own process
under the production server."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server


class _QuietHandler(WSGIRequestHandler):
    """Keep test and benchmark output free of one log line per request."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return


def free_port() -> int:
    """A TCP port on loopback that nothing is listening on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(app: Flask, port: int = 0) -> Iterator[str]:
    """Yield the base URL (``http://127.0.0.1:PORT``) while ``app`` is being served on
    ``port`` (any free one by default)."""
    server = make_server("127.0.0.1", port, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Return once ``url`` answers; fail if ``process`` stops first or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing answered at {url} within {seconds:.0f} s")


@contextmanager
def running(
    command: Sequence[str | Path],
    ready_url: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    quiet: bool = False,
) -> Iterator[subprocess.Popen]:
    """Run a server ``command`` (e.g. ``python -m webapp --port P``) until the block ends,
    yielding once ``ready_url`` answers; ``quiet`` also hides its warnings (waitress logs
    one per queued request under load)."""
    stderr = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        wait_until_answering(ready_url, process)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)
