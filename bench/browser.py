"""Timing an htmx swap in Chromium against a bare fetch of the same fragment."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from flask import Flask
from playwright.sync_api import sync_playwright

from harness.browser import launch_options
from harness.server import serving

# Click the element the selector names and resolve when htmx has settled the swap.
CLICK_AND_WAIT = """async (selector) => {
  const target = document.querySelector(selector);
  const settled = new Promise((resolve) =>
    document.body.addEventListener("htmx:afterSettle", resolve, {once: true}));
  const start = performance.now();
  target.click();
  await settled;
  return performance.now() - start;
}"""
# The baseline: fetch the current page's fragment (the part the click swaps) without swapping anything.
FETCH_ONLY = """async (target) => {
  const start = performance.now();
  const response = await fetch(location.pathname, {headers: {"HX-Request": "true", "HX-Target": target}});
  await response.text();
  return performance.now() - start;
}"""


def swap_times(
    app: Flask, start: str, selectors: list[str], runs: int = 20, target: str = "stage"
) -> tuple[list[float], list[float]]:
    """Milliseconds from click to settled swap for ``runs`` clicks (cycling through
    ``selectors``), and as many bare fetches of the fragment the clicks ask for (``target``:
    the id htmx swaps), all in one Chromium page."""
    with tempfile.TemporaryDirectory() as scratch, serving(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(Path(scratch)))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + start)
        page.evaluate(CLICK_AND_WAIT, selectors[-1])  # warm-up
        swaps = [page.evaluate(CLICK_AND_WAIT, selectors[i % len(selectors)]) for i in range(runs)]
        fetches = [page.evaluate(FETCH_ONLY, target) for _ in range(runs)]
        browser.close()
    return swaps, fetches


def describe_swaps(title: str, what: str, swaps: list[float], fetches: list[float]) -> str:
    """A Markdown paragraph: the median swap against the same-run fetch baseline."""
    swap, fetch = statistics.median(swaps), statistics.median(fetches)
    return (
        f"\n## {title}\n\nmedian of {len(swaps)} {what}: {swap:.1f} ms (min {min(swaps):.1f}, "
        f"max {max(swaps):.1f}); a bare fetch of the same fragment from the same page: {fetch:.1f} ms, "
        f"so the swap costs {swap / fetch:.1f}× a fetch."
    )
