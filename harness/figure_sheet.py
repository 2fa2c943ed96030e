"""Screenshots of every view of the runner in every pose, straight from the figure functions
(no server), at phone and desktop widths, with the tap areas tinted when asked.

``python -m harness.figure_sheet [OUT_DIR] [--taps]`` (default ``artifacts/figure``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.browser import launch_options
from webapp import PROJECT_ROOT
from webapp.figure.runner import RegionLink, draw_figure
from webapp.prepared import prepare

WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}
# The page's figure column: at 375 the page has 16 px padding each side.
TAP_TINT = ".runner .hit { fill: #1e6fd9; fill-opacity: 0.35; }"


def sheet(labels: bool = False) -> dict[str, str]:
    """Name -> SVG markup: every view in the home pose, each phase and the still poses."""
    content = prepare(PROJECT_ROOT / "data")
    links = [RegionLink(m.slug, m.name, f"/muscles/{m.slug}") for m in content.atlas.muscles]
    poses = {"home": content.pose(None), **{p.slug: content.pose(p.slug) for p in content.atlas.phases}}
    poses.update(content.figure.still_poses)
    return {
        f"{view}-{pose_name}{'-labelled' if labels else ''}": str(
            draw_figure(content.figure.views[view], pose, links, labels=labels)
        )
        for view in content.figure.views
        for pose_name, pose in poses.items()
    }


def take(out_dir: Path, taps: bool = False, only: tuple[str, ...] = ("home", "standing")) -> list[Path]:
    """One screenshot per view and pose in ``only``, at each width."""
    out_dir.mkdir(parents=True, exist_ok=True)
    css = (PROJECT_ROOT / "static" / "app.css").read_text(encoding="utf-8")
    defs = (PROJECT_ROOT / "templates" / "_svg_defs.html").read_text(encoding="utf-8").split("-#}", 1)[1]
    figures = {**sheet(), **sheet(labels=True)}
    written = []
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(Path(scratch)))
        for width_name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            for name, svg in figures.items():
                if not any(f"-{pose}" in name for pose in only):
                    continue
                html = (
                    f"<!doctype html><style>{css}{TAP_TINT if taps else ''} body{{padding:16px;margin:0}}</style>"
                    f"{defs}<div class='figure'>{svg}</div>"
                )
                page.set_content(html)
                target = out_dir / f"{name}-{width_name}.png"
                page.screenshot(path=target, full_page=True)
                written.append(target)
            page.close()
        browser.close()
    return written


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "artifacts/figure")
    print("\n".join(str(p) for p in take(out, taps="--taps" in sys.argv)))
