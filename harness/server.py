"""Serve a Flask app on a free loopback port under the production server: in a background
thread, or as its own process."""

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
from waitress import wasyncore

from webapp.serving.server import listen


def free_port() -> int:
    """A TCP port on loopback that nothing is listening on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(app: Flask, port: int = 0) -> Iterator[str]:
    """Yield the base URL (``http://127.0.0.1:PORT``) while ``app`` is served by the production
    server, waitress, on ``port`` (any free one by default)."""
    server = listen(app, "127.0.0.1", port)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        # Close every socket from inside waitress's own loop, so that loop ends cleanly.
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        thread.join(timeout=5)
        server.task_dispatcher.shutdown()


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
