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
    "No Chromium found. Install one: as root on Debian, `apt-get install -y chromium"
    " chromium-headless-shell`; or `python -m playwright install chromium` where downloads work;"
    " or set CHROMIUM_PATH."
)


# Debian's build of Chromium's headless shell: the same Blink, without the desktop browser
# around it, as Playwright itself uses for headless runs. The browser tests run about a
# third faster in it. Benchmarks and screenshots use the full browser, as a reader would.
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"


def chromium_path(shell: bool = False) -> str | None:
    """The browser to use: $CHROMIUM_PATH, then (with ``shell``) Debian's headless shell, then
    Debian's chromium, one on PATH, else None (meaning Playwright's own download, if any)."""
    candidates = [
        os.environ.get("CHROMIUM_PATH"),
        HEADLESS_SHELL if shell else None,
        "/usr/lib/chromium/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ]
    return next((c for c in candidates if c and Path(c).exists()), None)


def launch_options(scratch: Path, shell: bool = False) -> dict:
    """Keyword arguments for ``playwright.chromium.launch``; ``scratch`` keeps Chromium's
    config and cache out of $HOME; ``shell`` prefers the headless shell (see
    :func:`chromium_path`)."""
    options: dict = {
        "args": LAUNCH_ARGS,
        "env": {
            **os.environ,
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "XDG_CACHE_HOME": str(scratch / "cache"),
        },
    }
    path = chromium_path(shell)
    if path:
        options["executable_path"] = path
    return options
