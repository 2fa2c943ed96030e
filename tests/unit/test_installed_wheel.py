"""Installable anywhere: a wheel built from the checkout, installed into a fresh virtual
environment somewhere else, serves the whole app with its templates, static files and data."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import urllib.request
import venv
from pathlib import Path

from harness.server import free_port, running
from webapp import PROJECT_ROOT


def test_every_code_package_is_listed_for_the_wheel():
    listed = set(
        tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(PROJECT_ROOT).parts)
        for init in (PROJECT_ROOT / "webapp").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found <= listed, f"add {sorted(found - listed)} to [tool.setuptools] packages in pyproject.toml"


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def test_a_wheel_installed_outside_the_checkout_serves_the_app(tmp_path: Path):
    quiet = {"check": True, "capture_output": True}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path, PROJECT_ROOT], **quiet
    )
    [wheel] = tmp_path.glob("stride_anatomy-*.whl")
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([python, "-m", "pip", "install", "-q", wheel], **quiet)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("STRIDE_ANATOMY_")}
    where = subprocess.run(
        [python, "-c", "import webapp; print(webapp.__file__)"], cwd=elsewhere, env=env, text=True, **quiet
    ).stdout
    assert Path(where.strip()).is_relative_to(tmp_path / "venv")  # not the checkout

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running([python, "-m", "webapp", "--port", str(port)], f"{base}/healthz", cwd=elsewhere, env=env):
        status, html = get(f"{base}/muscles/calves")
        assert status == 200 and "<h1" in html and "Calves" in html
        [stylesheet] = re.findall(r'href="(/static/app\.[0-9a-f]{8}\.css)"', html)
        status, css = get(base + stylesheet)
        assert status == 200 and "--muscle-edge" in css
        with urllib.request.urlopen(f"{base}/preview/muscles/calves.png", timeout=30) as picture:
            assert picture.read().startswith(b"\x89PNG")  # the bundled fonts came along
