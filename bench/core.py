"""Benchmarks for the core (issue 2): bytes over the wire, server time, click-to-swap time.

Run: ``.venv/bin/python -m bench.core``. Timings are reported against a baseline measured
in the same run (a Flask hello-world; an empty htmx round trip), so they compare across
machines. This is not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import gzip
import re

from flask import Flask

from bench.browser import describe_swaps, swap_times
from bench.timing import median_ms
from webapp import create_app

BUDGET_GZIP = 60 * 1024


def cold_load_bytes(app: Flask) -> dict[str, tuple[int, int]]:
    """Raw and gzipped size of everything a first visit to / downloads."""
    client = app.test_client()
    html = client.get("/").get_data()
    sizes = {"/ (HTML with inline SVG)": html}
    for url in re.findall(rb'(?:src|href)="(/static/[^"]+)"', html):
        sizes[url.decode()] = client.get(url.decode()).get_data()
    return {name: (len(body), len(gzip.compress(body, 6))) for name, body in sizes.items()}


def hello_world() -> Flask:
    """The baseline: the smallest Flask app there is."""
    app = Flask("hello")
    app.add_url_rule("/", "hello", lambda: "Hello, World!")
    return app


def main() -> None:
    """Print the figures as Markdown, ready for a closing note."""
    app = create_app()
    sizes = cold_load_bytes(app)
    raw = sum(r for r, _ in sizes.values())
    zipped = sum(z for _, z in sizes.values())
    print("## Bytes for a cold load of /\n\n| resource | raw | gzipped |\n|---|---:|---:|")
    for name, (r, z) in sizes.items():
        print(f"| {name} | {r:,} | {z:,} |")
    print(f"| **total** | **{raw:,}** | **{zipped:,}** |")
    print(
        f"\nGzipped total is {zipped / BUDGET_GZIP:.0%} of the 60 KB budget; wger's silhouettes alone are ~725 KB.\n"
    )

    client, baseline = app.test_client(), hello_world().test_client()
    htmx = {"HX-Request": "true", "HX-Target": "stage"}
    hello = median_ms(lambda: baseline.get("/"), runs=400)
    page = median_ms(lambda: client.get("/muscles/calves"), runs=400)
    fragment = median_ms(lambda: client.get("/muscles/calves", headers=htmx), runs=400)
    cold = median_ms(
        lambda: client.get("/muscles/calves", headers=htmx),
        runs=100,
        before=app.extensions["page_cache"].store.clear,
    )
    print("## Server time in-process (median of 400)\n\n| request | ms | × hello-world |\n|---|---:|---:|")
    print(f"| Flask hello-world (baseline) | {hello:.3f} | 1.0 |")
    print(f"| full page /muscles/calves | {page:.3f} | {page / hello:.1f} |")
    print(f"| fragment /muscles/calves | {fragment:.3f} | {fragment / hello:.1f} |")
    print(f"| fragment, first render (before it is remembered) | {cold:.3f} | {cold / hello:.1f} |")

    selectors = ['.muscle-list a[data-muscle="calves"]', '.muscle-list a[data-muscle="hamstrings"]']
    times, fetches = swap_times(app, "/", selectors, target="panel")
    print(describe_swaps("Click to swapped panel in Chromium", "clicks", times, fetches))


if __name__ == "__main__":
    main()
