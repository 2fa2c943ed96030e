"""Benchmarks for the speed view (issue 14): bytes and server time against a muscle page,
and how evenly Play draws its frames in Chromium.

Run: ``.venv/bin/python -m bench.speed`` (under ``flock /tmp/browser.lock``: it starts
Chromium). Figures are given against baselines measured in the same run: a muscle page for
bytes and render time, one display frame (16.7 ms at 60 Hz) for Play.
"""

from __future__ import annotations

import gzip
import itertools
import statistics
import tempfile
from pathlib import Path

from flask import Flask
from playwright.sync_api import sync_playwright

from bench.timing import median_ms
from harness.browser import launch_options
from harness.server import serving
from webapp import create_app
from webapp.pages.context import EXTENSION_KEY

DISPLAY_FRAME_MS = 1000 / 60
BASELINE = "/muscles/calves"
LOOPS = 3

# Play the stride and record every animation frame and every change of pose for ``loops``
# strides, from the page's own "player:frame" events.
RECORD_PLAY = """async ([loops, strideMs]) => {
  const stage = document.querySelector('[data-frames]');
  const ticks = [], poses = [];
  let caption = null;
  stage.addEventListener('player:frame', (event) => {
    ticks.push(event.detail.time);
    const now = document.querySelector('#speed-caption').textContent;
    if (now !== caption) { caption = now; poses.push(event.detail.time); }
  });
  document.querySelector('[data-play]').click();
  await new Promise((resolve) => {
    const check = () => (ticks.length && ticks[ticks.length - 1] - ticks[0] >= loops * strideMs)
      ? resolve() : setTimeout(check, 50);
    check();
  });
  document.querySelector('[data-play]').click();
  return [ticks, poses];
}"""


def gz(body: bytes) -> int:
    """Size once gzipped, as a server with compression would send it."""
    return len(gzip.compress(body, 6))


def intervals(times: list[float]) -> list[float]:
    """Gaps between successive moments."""
    return [after - before for before, after in itertools.pairwise(times)]


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20)[-1]


def render_ms(app: Flask, path: str) -> float:
    """Median server time for a page rendered afresh (the page cache emptied before each)."""
    client = app.test_client()
    cache = app.extensions.setdefault("cached_pages", {})
    return median_ms(lambda: client.get(path), runs=40, warmup=5, before=cache.clear)


def play_intervals(app: Flask, slug: str, stride_ms: float) -> tuple[list[float], list[float]]:
    """Animation-frame gaps and pose-change gaps while Play loops ``LOOPS`` strides."""
    with tempfile.TemporaryDirectory() as scratch, serving(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(Path(scratch)))
        page = browser.new_page()
        page.goto(f"{base}/speed/{slug}")
        page.wait_for_selector("[data-play]:not([hidden])")
        ticks, poses = page.evaluate(RECORD_PLAY, [LOOPS, stride_ms])
        browser.close()
    return intervals(ticks[1:]), intervals(poses[1:])


def main() -> None:
    """Print the figures as Markdown."""
    app = create_app()
    speeds = app.extensions[EXTENSION_KEY].atlas.speeds.measured
    middle, fastest = speeds[len(speeds) // 2], speeds[-1]
    client = app.test_client()
    pages = {
        f"muscle page {BASELINE} (baseline)": BASELINE,
        "speed page": f"/speed/{middle.speed.slug}",
        "muscle at a speed": f"/speed/{middle.speed.slug}/calves",
        "comparison": f"/speed/{speeds[0].speed.slug}/vs/{fastest.speed.slug}",
        "Play frames (20 poses, fetched once)": f"/speed/{middle.speed.slug}/frames",
    }
    base_gz = gz(client.get(BASELINE).get_data())
    print("## Bytes (gzipped)\n\n| page | raw | gzipped | against the muscle page |\n|---|---:|---:|---:|")
    for name, path in pages.items():
        body = client.get(path).get_data()
        print(f"| {name} `{path}` | {len(body):,} | {gz(body):,} | {gz(body) / base_gz:.2f}× |")

    base_ms = render_ms(app, BASELINE)
    print("\n## Server render time, page cache emptied each time\n\n| page | ms | against the muscle page |")
    print("|---|---:|---:|")
    for name, path in pages.items():
        ms = base_ms if path == BASELINE else render_ms(app, path)
        print(f"| {name} `{path}` | {ms:.1f} | {ms / base_ms:.2f}× |")

    stride_ms = fastest.speed.stride_time * 1000
    ticks, poses = play_intervals(app, fastest.speed.slug, stride_ms)
    print(f"\n## Play at {fastest.speed.label} in Chromium, {LOOPS} loops of {stride_ms:.0f} ms\n")
    print("| interval | count | median ms | mean ms | p95 ms | against |\n|---|---:|---:|---:|---:|---|")
    for name, gaps, against in (
        ("animation frame", ticks, f"{DISPLAY_FRAME_MS:.1f} ms display frame"),
        ("change of pose", poses, f"{stride_ms / 20:.1f} ms intended (stride time / 20 poses)"),
    ):
        print(
            f"| {name} | {len(gaps)} | {statistics.median(gaps):.1f} | {statistics.fmean(gaps):.1f} | "
            f"{p95(gaps):.1f} | {against} |"
        )


if __name__ == "__main__":
    main()
