"""The touch grid in full (issue 19): every view, every pose, every screen size, tapped with a
finger, a pen and a mouse on a grid inside each drawn muscle; prints the taps that opened
another muscle. With ``--areas``: each view's tap areas at the home pose on a phone and a
laptop (smallest, median, and the muscles too narrow for a 24 px fingertip, which rely on the
muscle list beside the figure, WCAG 2.2 2.5.8).

Run: ``.venv/bin/python -m bench.touch [--grid N] [--only VIEW] [--home-only] [--areas]``. The
test suite taps a small part of this grid (tests/e2e/test_touch_in_browser.py); this is the
whole of it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.browser import launch_options
from harness.figure_geometry import breadth_px, hit_map, painted
from harness.server import serving
from harness.touch_grid import grid, show_figure, tap_all
from webapp import create_app
from webapp.figure.runner import RegionLink, draw_figure
from webapp.pages.context import EXTENSION_KEY

# (name, viewport, input): a phone is tapped by a finger; larger screens by a mouse and a pen.
SCREENS = [
    ("phone 375×812", {"width": 375, "height": 812}, "finger"),
    ("phone 375×812", {"width": 375, "height": 812}, "pen"),
    ("projector 1024×768", {"width": 1024, "height": 768}, "mouse"),
    ("laptop 1280×900", {"width": 1280, "height": 900}, "mouse"),
    ("laptop 1280×900", {"width": 1280, "height": 900}, "finger"),
]


def drawings(prepared, only: str | None = None):
    """(view, pose name, SVG markup) for every view and pose, linked as the home page links."""
    links = [RegionLink(m.slug, m.name, f"/muscles/{m.slug}") for m in prepared.atlas.muscles]
    for view_name, view in prepared.figure.views.items():
        if only and view_name != only:
            continue
        yield view_name, "home", str(draw_figure(view, prepared.pose(None), links, swap=True))
        for phase in prepared.atlas.phases:
            near, far = prepared.levels(phase)
            figure = draw_figure(
                view, prepared.pose(phase.slug), links, intensities=near, far_intensities=far, swap=True
            )
            yield view_name, phase.slug, str(figure)
        for pose_name, pose in prepared.figure.still_poses.items():
            yield view_name, pose_name, str(draw_figure(view, pose, links, swap=True))


AREA_SCREENS = [("375×812", {"width": 375, "height": 812}), ("1280×900", {"width": 1280, "height": 900})]
FINGERTIP = 24.0  # CSS px


def tap_areas(app, prepared) -> None:
    """Print each view's tap areas (CSS px², at the figure's size on the page) per screen."""
    figures = [d for d in drawings(prepared) if d[1] == "home"]
    print(
        "| view | screen | smallest tap area | median tap area | under 24 px across (the list is their control) |"
    )
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch, serving(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(Path(scratch)))
        for screen, viewport in AREA_SCREENS:
            page = browser.new_page(base_url=base, viewport=viewport, service_workers="block")
            for view_name, _, markup in figures:
                page.goto("/")
                show_figure(page, markup)
                scale = page.evaluate("() => document.querySelector('svg.runner').getScreenCTM().a")
                _, opens = hit_map(painted(markup))
                areas = {slug: area.area * scale**2 for slug, area in opens.items()}
                narrow = sorted(slug for slug, area in opens.items() if breadth_px(area, scale) < FINGERTIP)
                least = min(areas, key=areas.get)
                middle = statistics.median(areas.values())
                print(
                    f"| {view_name} | {screen} | {least}: {areas[least]:.0f} px² ({areas[least] ** 0.5:.0f}²) "
                    f"| {middle:.0f} px² ({middle**0.5:.0f}²) | {', '.join(narrow) or 'none'} |",
                    flush=True,
                )
            page.close()
        browser.close()


def main() -> None:
    """Print a Markdown table of wrong taps per view, pose, screen and input."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--grid", type=int, default=10, help="grid points per side of each muscle")
    parser.add_argument("--only", help="one view")
    parser.add_argument("--home-only", action="store_true", help="only the home pose")
    parser.add_argument("--areas", action="store_true", help="tap areas instead of taps")
    args = parser.parse_args()
    app = create_app()
    prepared = app.extensions[EXTENSION_KEY]
    if args.areas:
        tap_areas(app, prepared)
        return
    figures = [d for d in drawings(prepared, args.only) if d[1] == "home" or not args.home_only]
    print("| view | pose | screen | input | taps | wrong | wrong by muscle (tapped → opened) |")
    print("|---|---|---|---|---:|---:|---|")
    totals: Counter = Counter()
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch, serving(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(Path(scratch)))
        for screen, viewport, how in SCREENS:
            touch = how == "finger"
            context = browser.new_context(
                base_url=base,
                viewport=viewport,
                is_mobile=viewport["width"] < 600 and touch,
                has_touch=touch,
                device_scale_factor=2 if touch else 1,
                service_workers="block",
            )
            page = context.new_page()
            for view_name, pose_name, markup in figures:
                page.goto("/")
                show_figure(page, markup)
                taps = tap_all(page, grid(page, args.grid), how)
                wrong = [t for t in taps if t.wrong]
                detail = Counter(f"{t.leg or 'trunk'} {t.slug} → {t.opened}" for t in wrong)
                totals[(view_name, screen, how)] += len(wrong)
                totals[(view_name, screen, how, "taps")] += len(taps)
                shown = ", ".join(f"{k} ×{n}" for k, n in detail.most_common())
                print(
                    f"| {view_name} | {pose_name} | {screen} | {how} | {len(taps)} | {len(wrong)} | {shown} |",
                    flush=True,
                )
            context.close()
        browser.close()
    print(f"\n{time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
