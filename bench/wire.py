"""Bytes on the wire for a cold load of / (HTML, CSS, JS, favicon), with gzip and with brotli,
and for a warm reload, under the production server (issue 10).

Run: ``.venv/bin/python -m bench.wire``. Only 127.0.0.1 is ever sent traffic. A warm reload is
modelled on Chromium's: the page itself is always revalidated (with ``If-None-Match`` or
``If-Modified-Since`` when it gave an ``ETag`` or ``Last-Modified``); a stylesheet, script or
icon is read from the cache while its ``max-age`` lasts, and revalidated otherwise.
"""

from __future__ import annotations

import gzip
import http.client
import re
import sys
from dataclasses import dataclass

import brotli

from harness.server import free_port, running

BUDGET_GZIP = 40 * 1024
DECODERS = {"gzip": gzip.decompress, "br": brotli.decompress}
LINKED = re.compile(rb'<(?:script|link)\b[^>]*?(?:src|href)="(/static/[^"]+)"')


@dataclass
class Exchange:
    """One request as the network saw it."""

    url: str
    status: int
    encoding: str
    header_bytes: int
    body_bytes: int
    headers: dict[str, str]
    body: bytes

    @property
    def total(self) -> int:
        return self.header_bytes + self.body_bytes


def fetch(port: int, url: str, headers: dict[str, str]) -> Exchange:
    """GET ``url`` and count what came back: the status line and headers, and the body as sent."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", url, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    lines = [
        f"HTTP/1.1 {response.status} {response.reason}",
        *(f"{k}: {v}" for k, v in response.getheaders()),
    ]
    received = {k.lower(): v for k, v in response.getheaders()}
    return Exchange(
        url,
        response.status,
        received.get("content-encoding", "-"),
        sum(len(line) + 2 for line in lines) + 2,
        len(body),
        received,
        body,
    )


def cold_load(port: int, encoding: str) -> list[Exchange]:
    """The page, then every stylesheet, script and icon it links, as a first visit asks for them."""
    accept = {"Accept-Encoding": encoding}
    page = fetch(port, "/", accept)
    html = DECODERS[page.encoding](page.body) if page.encoding in DECODERS else page.body
    return [page, *(fetch(port, url.decode(), accept) for url in LINKED.findall(html))]


def warm_reload(port: int, encoding: str, cold: list[Exchange]) -> list[Exchange]:
    """What a reload sends after ``cold``: revalidations only where the cache cannot answer."""
    sent = []
    for number, earlier in enumerate(cold):
        cache_control = earlier.headers.get("cache-control", "")
        max_age = re.search(r"max-age=(\d+)", cache_control)
        if number > 0 and max_age and int(max_age.group(1)) > 0 and "no-cache" not in cache_control:
            continue  # still fresh: the browser does not ask
        headers = {"Accept-Encoding": encoding}
        if "etag" in earlier.headers:
            headers["If-None-Match"] = earlier.headers["etag"]
        if "last-modified" in earlier.headers:
            headers["If-Modified-Since"] = earlier.headers["last-modified"]
        sent.append(fetch(port, earlier.url, headers))
    return sent


def main() -> None:
    """Print Markdown tables, ready for a closing note."""
    port = free_port()
    command = [sys.executable, "-m", "webapp", "--port", str(port)]
    with running(command, f"http://127.0.0.1:{port}/healthz", quiet=True):
        for encoding in ("gzip", "br"):
            cold = cold_load(port, encoding)
            total = sum(exchange.total for exchange in cold)
            print(f"\n## Cold load of / with Accept-Encoding: {encoding}\n")
            print(
                "| resource | status | encoding | header bytes | body bytes | cache-control |\n|---|---:|---|---:|---:|---|"
            )
            for e in cold:
                print(
                    f"| {e.url} | {e.status} | {e.encoding} | {e.header_bytes:,} | {e.body_bytes:,} | {e.headers.get('cache-control', '')} |"
                )
            headers, bodies = sum(e.header_bytes for e in cold), sum(e.body_bytes for e in cold)
            print(f"| **total: {total:,} bytes** | | | {headers:,} | {bodies:,} | |")
            if encoding == "gzip":
                print(f"\n{total / 1024:.1f} KB in all: {total / BUDGET_GZIP:.0%} of the 40 KB goal.")
            warm = warm_reload(port, encoding, cold)
            not_modified = sum(e.status == 304 for e in warm)
            print(
                f"\nWarm reload: {len(warm)} request(s) of {len(cold)} sent, {not_modified} answered 304, "
                f"{sum(e.total for e in warm):,} bytes received "
                f"({', '.join(f'{e.url} {e.status}' for e in warm) or 'nothing asked'})."
            )


if __name__ == "__main__":
    main()
