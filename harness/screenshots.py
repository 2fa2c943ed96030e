"""Screenshots of the running app at desktop, phone and projector sizes.

``python -m harness.screenshots [OUT_DIR] [--all]`` (default ``artifacts/screenshots``;
``--all`` adds every muscle's page); also refreshes ``docs/screenshot.png`` for the README.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.browser import launch_options
from harness.server import serving
from webapp import create_app
from webapp.pages.context import EXTENSION_KEY

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 375, "height": 812},
    "projector": {"width": 1920, "height": 1080},
}
PAGES = {
    "home": "/",
    "front": "/front/",
    "labelled-calves": "/labelled/muscles/calves",
    "front-adductors": "/front/muscles/adductors",
    "sources": "/sources",
    "stride": "/stride/toe-off",
    "calves": "/muscles/calves",
    "hamstrings": "/muscles/hamstrings",
    "training": "/training",
    "soreness": "/soreness",
    "glossary": "/glossary",
    "present": "/present/hamstrings",
    "present-qr": "/present/calves/qr",
    "tour": "/tours/one-stride/3",
    "quiz": "/quiz/4242/1",
    "worksheet": "/worksheet",
    "missing": "/muscles/elbow",
}


def take(out_dir: Path, pages: dict[str, str] = PAGES) -> list[Path]:
    """Shoot every page at every viewport; return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch, serving(create_app()) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(Path(scratch)))
        for view, size in VIEWPORTS.items():
            page = browser.new_page(viewport=size, device_scale_factor=1)
            for name, path in pages.items():
                page.goto(base + path)
                target = out_dir / f"{name}-{view}.png"
                page.screenshot(path=target, full_page=view == "phone")
                written.append(target)
            page.close()
        browser.close()
    return written


def stride_strip(target: Path) -> Path:
    """The six phases side by side, each the figure as stride mode draws it, labelled."""
    app = create_app()
    phases = app.extensions[EXTENSION_KEY].atlas.phases
    with tempfile.TemporaryDirectory() as scratch, serving(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(Path(scratch)))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        cells = []
        for phase in phases:
            page.goto(f"{base}/stride/{phase.slug}")
            shot = Path(scratch) / f"{phase.slug}.png"
            page.locator("#stride-figure svg").screenshot(path=shot)
            cells.append(
                f'<figure><img src="{shot.as_uri()}" alt=""><figcaption>{phase.name}</figcaption></figure>'
            )
        strip = Path(scratch) / "strip.html"
        strip.write_text(
            "<style>body{margin:0;display:flex;gap:6px;padding:8px;background:#f7f5f1;font:600 15px system-ui}"
            "figure{margin:0;width:210px;text-align:center}img{width:210px;display:block;background:#fff;"
            "border:1px solid #d9d4cb;border-radius:8px}figcaption{margin-top:4px}</style>" + "".join(cells)
        )
        page.set_viewport_size({"width": 16 + 216 * len(phases), "height": 330})
        page.goto(strip.as_uri())
        page.screenshot(path=target, full_page=True)
        browser.close()
    return target


def every_muscle() -> dict[str, str]:
    """One page per muscle, for reviewing all the panels."""
    atlas = create_app().extensions[EXTENSION_KEY].atlas
    return {m.slug: f"/muscles/{m.slug}" for m in atlas.muscles}


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "artifacts/screenshots")
    files = take(out, {**PAGES, **every_muscle()} if "--all" in sys.argv else PAGES)
    docs = Path("docs")
    docs.mkdir(exist_ok=True)
    (docs / "screenshot.png").write_bytes((out / "calves-desktop.png").read_bytes())
    (docs / "presenter.png").write_bytes((out / "present-projector.png").read_bytes())
    files.append(stride_strip(docs / "stride-strip.png"))
    print("\n".join(str(f) for f in files))
