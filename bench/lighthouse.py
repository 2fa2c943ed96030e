"""Lighthouse (mobile, simulated 4G) on /, /muscles/calves and /stride/toe-off under the
production server: the four category scores and the Largest Contentful Paint (issue 10).

Run: ``.venv/bin/python -m bench.lighthouse``. The first run installs ``lighthouse@12`` with npm
into ``bench/.lighthouse/`` (git-ignored); Chromium is the one the browser tests use
(``apt-get install -y chromium`` on Debian). Only 127.0.0.1 is ever sent traffic.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from harness.browser import INSTALL_HINT, LAUNCH_ARGS, chromium_path
from harness.server import free_port, running

HERE = Path(__file__).resolve().parent / ".lighthouse"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
PAGES = ["/", "/muscles/calves", "/stride/toe-off"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse() -> Path:
    """The Lighthouse command line, installed on first use."""
    if not LIGHTHOUSE.exists():
        HERE.mkdir(exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", HERE, "lighthouse@12"], check=True
        )
    return LIGHTHOUSE


def audit(url: str, chromium: str, scratch: Path) -> dict:
    """Lighthouse's JSON report for ``url`` with its default mobile settings."""
    report = scratch / "report.json"
    flags = " ".join(["--headless=new", *LAUNCH_ARGS])
    command = [
        lighthouse(),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={flags}",
    ]
    command.append(f"--only-categories={','.join(CATEGORIES)}")
    env = {
        **os.environ,
        "CHROME_PATH": chromium,
        "XDG_CONFIG_HOME": str(scratch),
        "XDG_CACHE_HOME": str(scratch),
    }
    subprocess.run(command, check=True, env=env, capture_output=True)
    return json.loads(report.read_text())


def main() -> None:
    """Print a Markdown table, ready for a closing note."""
    chromium = chromium_path()
    if not chromium:
        sys.exit(INSTALL_HINT)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    print("## Lighthouse 12, mobile\n\n| page | " + " | ".join(CATEGORIES) + " | LCP s |")
    print("|---|" + "---:|" * (len(CATEGORIES) + 1))
    command = [sys.executable, "-m", "webapp", "--port", str(port)]
    with running(command, f"{base}/healthz", quiet=True), tempfile.TemporaryDirectory() as scratch:
        for page in PAGES:  # one Chromium at a time
            result = audit(base + page, chromium, Path(scratch))
            scores = [round(result["categories"][name]["score"] * 100) for name in CATEGORIES]
            lcp = result["audits"]["largest-contentful-paint"]["numericValue"] / 1000
            print(f"| {page} | " + " | ".join(map(str, scores)) + f" | {lcp:.2f} |")


if __name__ == "__main__":
    main()
