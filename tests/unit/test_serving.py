"""Serving it for real: fingerprinted static files cached for a year and precompressed,
/healthz for load balancers, and `python -m webapp` failing with one plain line."""

from __future__ import annotations

import gzip
import re
import socket
import urllib.request

import brotli
import pytest

from harness.server import serving
from webapp import __main__ as command
from webapp.serving.assets import fingerprinted

STATIC_LINK = re.compile(r'(?:src|href)="(/static/[^"]+)"')


def linked_static_files(client, url: str = "/") -> list[str]:
    return STATIC_LINK.findall(client.get(url).get_data(as_text=True))


# Static files --------------------------------------------------------------------------


def test_pages_link_every_static_file_by_a_content_fingerprinted_name(client):
    links = linked_static_files(client) + linked_static_files(client, "/present/calves")
    names = {link.rsplit("/", 1)[1] for link in links}
    assert {re.sub(r"\.[0-9a-f]{8}\.", ".", name) for name in names} >= {
        "app.css", "app.js", "player.js", "favicon.svg", "htmx-2.0.11.min.js", "clicker.js",
    }  # fmt: skip
    assert all(re.search(r"\.[0-9a-f]{8}\.[a-z]+$", name) for name in names)


def test_a_fingerprint_is_the_content_hash_so_a_change_makes_a_new_name():
    assert fingerprinted("app.css", b"a{}") == fingerprinted("app.css", b"a{}")
    assert fingerprinted("app.css", b"a{}") != fingerprinted("app.css", b"b{}")
    assert re.fullmatch(r"htmx-2\.0\.11\.min\.[0-9a-f]{8}\.js", fingerprinted("htmx-2.0.11.min.js", b"x"))


def test_fingerprinted_files_are_cached_for_a_year_as_immutable(client):
    for link in linked_static_files(client):
        response = client.get(link)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_the_plain_name_still_works_with_a_short_cache(client):
    response = client.get("/static/app.css")
    assert response.status_code == 200 and "immutable" not in response.headers["Cache-Control"]


@pytest.mark.parametrize(("encoding", "decompress"), [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_static_files_are_served_compressed_to_clients_that_accept_it(client, encoding, decompress):
    [css] = [link for link in linked_static_files(client) if link.endswith(".css")]
    plain = client.get(css).get_data()
    response = client.get(css, headers={"Accept-Encoding": encoding})
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert decompress(response.get_data()) == plain and len(response.get_data()) < len(plain) / 3


def test_a_static_file_answers_a_revalidation_with_304(client):
    [css] = [link for link in linked_static_files(client) if link.endswith(".css")]
    etag = client.get(css).headers["ETag"]
    assert client.get(css, headers={"If-None-Match": etag}).status_code == 304


# Health --------------------------------------------------------------------------------


def test_healthz_is_cheap_json_that_nothing_caches(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.is_json
    assert response.json == {"status": "ok", "muscles": 11}
    assert response.headers["Cache-Control"] == "no-store"


# The command line ----------------------------------------------------------------------


def test_a_content_error_is_one_line_and_exit_status_2(data_copy, monkeypatch, capsys):
    calves = data_copy / "muscles" / "calves.yaml"
    text = calves.read_text()
    assert "    evidence: " in text, "test setup: calves.yaml rates its risks"
    calves.write_text(text.replace("    evidence: ", "    evidence: maybe # ", 1))
    monkeypatch.setenv("STRIDE_ANATOMY_DATA_DIR", str(data_copy))
    assert command.main([]) == 2
    error = capsys.readouterr().err
    assert error.startswith("Stride Anatomy cannot start: ") and "calves.yaml" in error
    assert error.count("\n") == 1


def test_an_unusable_public_url_is_one_line_and_exit_status_2(monkeypatch, capsys):
    monkeypatch.setenv("STRIDE_ANATOMY_PUBLIC_URL", "school.example")
    assert command.main([]) == 2
    assert capsys.readouterr().err == (
        "Stride Anatomy cannot start: STRIDE_ANATOMY_PUBLIC_URL='school.example' is not usable: "
        "it must start with http:// or https://.\n"
    )


def test_a_port_in_use_is_one_line_and_exit_status_2(monkeypatch, capsys):
    monkeypatch.setattr(command.signal, "signal", lambda *args: None)  # leave pytest's handlers alone
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert command.main(["--port", str(taken.getsockname()[1])]) == 2
    assert capsys.readouterr().err.startswith("Stride Anatomy cannot start: 127.0.0.1:")


def test_the_command_serves_with_waitress_and_eight_threads_by_default(monkeypatch):
    started = {}

    class Server:
        def run(self):
            started["ran"] = True

    def listen(app, host, port, threads):
        started.update(host=host, port=port, threads=threads, base=app.config["PUBLIC_BASE_URL"])
        return Server()

    monkeypatch.setattr(command, "listen", listen)
    monkeypatch.setattr(command.signal, "signal", lambda *args: None)  # leave pytest's handlers alone
    assert command.main(["--port", "5123"]) == 0
    assert started == {
        "host": "127.0.0.1",
        "port": 5123,
        "threads": 8,
        "base": "http://127.0.0.1:5123",
        "ran": True,
    }


def test_the_browser_tests_server_is_waitress_and_stops_when_done(app):
    with serving(app) as base, urllib.request.urlopen(f"{base}/healthz") as response:
        assert response.headers["Server"] == "waitress"
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{base}/healthz", timeout=2)
