"""The production server: waitress, with the settings every run and benchmark shares."""

from __future__ import annotations

from flask import Flask
from waitress.server import BaseWSGIServer, MultiSocketServer, create_server

from webapp.settings import DEFAULT_THREADS


def listen(
    app: Flask, host: str, port: int, threads: int = DEFAULT_THREADS
) -> BaseWSGIServer | MultiSocketServer:
    """Bind ``host:port`` now (an ``OSError`` if it is taken) and return the waitress server;
    call ``.run()`` to serve ``app`` until interrupted, ``.close()`` to stop."""
    return create_server(app, host=host, port=port, threads=threads)
