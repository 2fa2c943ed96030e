"""The long fuzz (issue 17): at least 10,000 hostile requests over the whole URL map, fresh
random ones each run (``harness/hostile.py`` builds them; the test suite runs the quick profile).

Run: ``.venv/bin/python -m bench.fuzz [--requests 10000] [--seed N]``. Prints requests per
second, the answers counted by status, every problem found (a 5xx, or something a request
sent coming back in its answer) with the seed that replays it, and whether the page cache
then answers as a freshly started app does. Exits 1 when it found a problem. This is not a
test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter

from hypothesis import given, seed, settings

from harness.hostile import HostileRequest, RealValues, cache_differences, hostile_requests, problems_with
from webapp import create_app

SHOWN = 10  # problems printed in full; the rest are counted


def main() -> None:
    """Fuzz, then print the figures as Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=random.randrange(2**32), help="replay an earlier run")
    arguments = parser.parse_args()

    app = create_app(testing=True)
    started = time.perf_counter()
    app.test_client().get("/sw.js")  # the site crawl behind it is paid once, before the clock
    warm_up = time.perf_counter() - started
    statuses: Counter[int] = Counter()
    methods: Counter[str] = Counter()
    problems: list[str] = []
    asked: set[str] = set()
    proxied = 0
    in_app = 0.0

    @seed(arguments.seed)
    @settings(settings.get_profile("fuzz-long"), max_examples=arguments.requests)
    @given(hostile_requests(app, RealValues.of(app)))
    def send(hostile: HostileRequest) -> None:
        nonlocal in_app, proxied
        asked.add(hostile.path_info)
        proxied += hostile.through_proxy
        sent = time.perf_counter()
        response = hostile.send(app)
        in_app += time.perf_counter() - sent
        statuses[response.status_code] += 1
        methods[hostile.method if hostile.method in ("GET", "HEAD", "POST") else "other"] += 1
        problems.extend(f"{found}\n    {hostile!r}"[:2000] for found in problems_with(hostile, response))

    started = time.perf_counter()
    send()
    elapsed = time.perf_counter() - started
    total = sum(statuses.values())
    started = time.perf_counter()
    spoiled = cache_differences(app, create_app(testing=True), asked)
    compared = time.perf_counter() - started

    print(
        f"## Fuzz: {total:,} requests over {len(list(app.url_map.iter_rules()))} routes (seed {arguments.seed})\n"
    )
    print(f"- {total / elapsed:,.0f} requests/s with Hypothesis building them ({elapsed:.1f} s)")
    print(f"- {total / in_app:,.0f} requests/s inside the app alone ({in_app:.1f} s)")
    print(f"- site crawl behind the first `/sw.js`, before the clock: {warm_up:.1f} s")
    print(f"- methods: {', '.join(f'{name} {count:,}' for name, count in methods.most_common())}")
    print(f"- through a declared proxy: {proxied:,}; distinct paths: {len(asked):,}")
    print("\n| status | answers |\n|---|---|")
    for status, count in sorted(statuses.items()):
        print(f"| {status} | {count:,} |")
    print(f"\nPage cache after the fuzz against a fresh app ({compared:.1f} s): ", end="")
    print("the same" if not spoiled else f"{len(spoiled)} differ")
    for difference in spoiled[:SHOWN]:
        print(f"  - {difference[:500]}")
    print(f"\nProblems: {len(problems)}" + (f" (replay: --seed {arguments.seed})" if problems else ""))
    for problem in problems[:SHOWN]:
        print(f"  - {problem}")
    sys.exit(1 if problems or spoiled else 0)


if __name__ == "__main__":
    main()
