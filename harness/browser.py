"""Find a Chromium that Playwright can drive on this machine, and the flags it needs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
INSTALL_HINT = (
    "No Chromium found. Install one: as root, `apt-get install -y chromium` (Debian/Ubuntu), "
    "or `python -m playwright install chromium` where downloads work; or set CHROMIUM_PATH."
)


def chromium_path() -> str | None:
    """The browser to use: $CHROMIUM_PATH, Debian's chromium, one on PATH, else None
    (meaning Playwright's own download, if it has one)."""
    candidates = [
        os.environ.get("CHROMIUM_PATH"),
        "/usr/lib/chromium/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ]
    return next((c for c in candidates if c and Path(c).exists()), None)


def launch_options(scratch: Path) -> dict:
    """Keyword arguments for ``playwright.chromium.launch``; ``scratch`` keeps Chromium's
    config and cache out of $HOME."""
    options: dict = {
        "args": LAUNCH_ARGS,
        "env": {
            **os.environ,
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "XDG_CACHE_HOME": str(scratch / "cache"),
        },
    }
    path = chromium_path()
    if path:
        options["executable_path"] = path
    return options
