"""The pain map and the plan page against the atlas (issues 21 and 22): gzipped size and
server render time of the map, a spot, a problem and the plan page beside a muscle page,
measured in the same run.

Run: ``.venv/bin/python -m bench.page_weight``. Render time is a request with the page cache emptied
first (what the first visitor to an address waits for; later visits are a cache look-up). This
is not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import gzip

from bench.timing import median_ms
from webapp import create_app

PAGES = (
    ("/pain (the map, front view)", "/pain"),
    ("/pain/kneecap (a spot, front view)", "/pain/kneecap"),
    ("/pain/back/calf (a spot, back view)", "/pain/back/calf"),
    ("/pain/problems/achilles-tendinopathy (a problem)", "/pain/problems/achilles-tendinopathy"),
    ("/plan (the plan page: the plan itself is drawn in the browser from the link's fragment)", "/plan"),
    ("/muscles/calves (a muscle)", "/muscles/calves"),
)


def main() -> None:
    """Print the figures as Markdown, ready for a closing note."""
    app = create_app()
    client = app.test_client()
    empty = app.extensions["page_cache"].store.clear
    print("| page | HTML bytes | gzipped (level 6) | render ms, cache emptied (median of 50) |")
    print("|---|---:|---:|---:|")
    for name, path in PAGES:
        body = client.get(path).get_data()
        ms = median_ms(lambda path=path: client.get(path), runs=50, warmup=5, before=empty)
        print(f"| {name} | {len(body):,} | {len(gzip.compress(body, 6)):,} | {ms:.1f} |")


if __name__ == "__main__":
    main()
