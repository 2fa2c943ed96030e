"""Start-up and the first requests: ``create_app()`` time, and the first ``/sw.js`` after the
README's run command against a page answered from the cache, in the same run (issue 17).

Run: ``.venv/bin/python -m bench.startup [--baseline DIR]``. ``--baseline`` names another
checkout of Stride Anatomy (for example an older commit in a git worktree), measured the same
way in the same run with this environment's packages. Only 127.0.0.1 is ever sent traffic. This
is not a test: the ratios are what compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from harness.server import free_port, running

HERE = Path(__file__).resolve().parent.parent
TIME_CREATE_APP = "import time; t = time.perf_counter(); from webapp import create_app; create_app(); print(time.perf_counter() - t)"


def environment(checkout: Path) -> dict[str, str]:
    """The environment that makes ``python -m webapp`` run ``checkout``'s code."""
    return {**os.environ, "PYTHONPATH": str(checkout)}


def create_app_seconds(checkout: Path, runs: int) -> float:
    """The median time of ``create_app()`` in a fresh process (imports included)."""
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", TIME_CREATE_APP],
                cwd=checkout,
                env=environment(checkout),
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()[-1]
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def fetch_seconds(url: str) -> float:
    """How long one GET of ``url`` takes, body included."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as answer:
        answer.read()
    return time.perf_counter() - started


def first_requests(checkout: Path) -> tuple[float, float]:
    """(first /sw.js, a cached page), in seconds, right after the server starts."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "webapp", "--port", str(port)]
    with running(command, f"{base}/healthz", cwd=checkout, env=environment(checkout), quiet=True):
        service_worker = fetch_seconds(f"{base}/sw.js")
        fetch_seconds(f"{base}/muscles/calves")
        cached = statistics.median(fetch_seconds(f"{base}/muscles/calves") for _ in range(20))
    return service_worker, cached


def report(name: str, checkout: Path, runs: int) -> None:
    """Print one checkout's figures."""
    app_seconds = create_app_seconds(checkout, runs)
    service_worker, cached = first_requests(checkout)
    print(
        f"{name:>9}: create_app() {app_seconds:.2f} s (median of {runs}); first /sw.js "
        f"{service_worker * 1000:.1f} ms; cached page {cached * 1000:.2f} ms; "
        f"ratio {service_worker / cached:.1f}x"
    )


def main(argv: list[str] | None = None) -> int:
    """Measure this checkout (and a baseline checkout, when given) in one run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to measure the same way")
    parser.add_argument("--runs", type=int, default=5, help="create_app() runs per checkout")
    args = parser.parse_args(argv)
    if args.baseline:
        report("baseline", args.baseline.resolve(), args.runs)
    report("this", HERE, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
