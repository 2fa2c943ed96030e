"""Requests per second under load: the app under its production server against a Flask
hello-world under the same server and settings, in the same run (issue 10).

Run: ``.venv/bin/python -m bench.load [--duration 30] [--connections 64]``. Needs ``wrk``
(``apt-get install -y wrk``). Only 127.0.0.1 is ever sent traffic. This is not a test:
nothing here fails on a slow machine; the ratio to hello-world is what compares.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from harness.server import free_port, running
from webapp.serving.server import DEFAULT_THREADS

# What a phone sends; compressed answers (when the app has them) are part of the cost.
ACCEPT = "Accept-Encoding: gzip, deflate, br"
TARGETS = [
    ("/", "/", []),
    ("/muscles/calves", "/muscles/calves", []),
    (
        "htmx fragment /muscles/hamstrings (panel)",
        "/muscles/hamstrings",
        ["HX-Request: true", "HX-Target: panel"],
    ),
]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Load:
    """One wrk run: throughput, failed requests and the 99th-percentile latency."""

    requests_per_second: float
    errors: int
    p99_ms: float


def wrk(url: str, headers: list[str], duration: int, connections: int) -> Load:
    """Drive ``url`` with wrk and read its summary."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-H", ACCEPT]
    for header in headers:
        command += ["-H", header]
    report = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", report, re.M).groups()
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", report)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", report)
    errors = sum(map(int, socket_errors.groups())) if socket_errors else 0
    return Load(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", report).group(1)),
        errors=errors + (int(non_2xx.group(1)) if non_2xx else 0),
        p99_ms=float(value) * UNITS[unit],
    )


def main(argv: list[str] | None = None) -> None:
    """Print a Markdown table, ready for a closing note."""
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds per URL (default 30)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS, help="server threads, both servers")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("bench.load needs wrk: apt-get install -y wrk")

    hello_port, app_port = free_port(), free_port()
    hello_base, app_base = f"http://127.0.0.1:{hello_port}", f"http://127.0.0.1:{app_port}"
    python, threads = sys.executable, str(args.threads)
    hello_command = [python, "-m", "bench.hello", "--port", str(hello_port), "--threads", threads]
    app_command = [python, "-m", "webapp", "--port", str(app_port), "--threads", threads]
    with (
        running(hello_command, hello_base + "/", quiet=True),
        running(app_command, app_base + "/healthz", quiet=True),
    ):
        for _, path, headers in TARGETS:  # first renders happen here, not under the clock
            wrk(app_base + path, headers, 1, 4)
        rows = [("Flask hello-world (baseline)", wrk(hello_base + "/", [], args.duration, args.connections))]
        rows += [
            (name, wrk(app_base + path, headers, args.duration, args.connections))
            for name, path, headers in TARGETS
        ]

    baseline = rows[0][1].requests_per_second
    print(
        f"## Load: {args.connections} connections, {args.duration} s per URL, waitress with "
        f"{args.threads} threads\n\n| request | req/s | × hello-world | errors | p99 ms |\n|---|---:|---:|---:|---:|"
    )
    for name, load in rows:
        print(
            f"| {name} | {load.requests_per_second:,.0f} | {load.requests_per_second / baseline:.2f} "
            f"| {load.errors} | {load.p99_ms:.1f} |"
        )


if __name__ == "__main__":
    main()
