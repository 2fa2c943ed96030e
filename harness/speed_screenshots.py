"""Screenshots of the speed view at 375, 1280 and 1920 wide: a speed page, the comparison, a
muscle at a speed, a speed compared with itself, and the chart on its own. Reduced motion is
on, so the front door's Play stays still.

``python -m harness.speed_screenshots [OUT_DIR]`` (default ``artifacts/speed-shots``); run it
under ``flock /tmp/browser.lock``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.browser import launch_options
from harness.server import serving
from webapp import create_app

PAGES = {
    "speed": "/speed/4-m-s",
    "compare": "/speed/2-m-s/vs/5-m-s",
    "muscle-at-speed": "/speed/5-m-s/hamstrings",
    "self-compare": "/speed/3-m-s/vs/3-m-s",
}
WIDTHS = {375: 812, 1280: 900, 1920: 1080}


def take(out_dir: Path) -> list[Path]:
    """Shoot every page (whole page on a phone) and the chart at every width."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch, serving(create_app()) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(Path(scratch)))
        for width, height in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, reduced_motion="reduce")
            for name, path in PAGES.items():
                page.goto(base + path)
                written.append(out_dir / f"{name}-{width}.png")
                page.screenshot(path=written[-1], full_page=width == min(WIDTHS))
            page.goto(base + PAGES["speed"])
            written.append(out_dir / f"chart-{width}.png")
            page.locator(".speed-chart").screenshot(path=written[-1])
            page.close()
        browser.close()
    return written


if __name__ == "__main__":
    for file in take(Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/speed-shots")):
        print(file)
