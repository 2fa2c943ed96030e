"""Requests per second for ``/muscles/calves``: nginx serving the static copy against the app
under its production server, in the same run (issue 11).

Run: ``.venv/bin/python -m bench.static [--duration 30] [--connections 64]``. Needs ``wrk`` and
Debian's ``nginx-light`` (``apt-get install -y wrk nginx-light``). nginx runs one worker from a
configuration in a temporary folder and listens on 127.0.0.1 only. Both send the page
compressed, from files made once: the app its brotli copy, nginx a ``.gz`` written beside each
page for this run (``gzip_static``). nginx is asked for ``/muscles/calves/``, the folder the
export wrote, because for ``/muscles/calves`` it only sends a redirect there.
This is not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
from pathlib import Path

from bench.load import wrk
from harness.server import free_port, running
from webapp.export import export
from webapp.serving.server import DEFAULT_THREADS

PAGE = "/muscles/calves"

NGINX_CONFIG = """
worker_processes 1;
daemon off;
pid {scratch}/nginx.pid;
error_log {scratch}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {scratch}/body;
    sendfile on;
    gzip_static on;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        error_page 404 /404.html;
        location /static/ {{ add_header Cache-Control "public, max-age=31536000, immutable"; }}
        location / {{ try_files $uri $uri/ =404; }}
    }}
}}
"""


def precompress(site: Path) -> None:
    """A ``.gz`` beside every page and text file, as a CDN would keep it."""
    for path in site.rglob("*"):
        if path.suffix in {".html", ".css", ".js", ".svg"}:
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


def main(argv: list[str] | None = None) -> None:
    """Print a Markdown table, ready for a closing note."""
    parser = argparse.ArgumentParser(prog="python -m bench.static", description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds per server (default 30)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=DEFAULT_THREADS, help="the app's waitress threads")
    args = parser.parse_args(argv)
    for tool, package in (("wrk", "wrk"), ("nginx", "nginx-light")):
        if not shutil.which(tool):
            sys.exit(f"bench.static needs {tool}: apt-get install -y {package}")

    nginx_port, app_port = free_port(), free_port()
    nginx_base, app_base = f"http://127.0.0.1:{nginx_port}", f"http://127.0.0.1:{app_port}"
    with tempfile.TemporaryDirectory(prefix="stride-anatomy-bench-") as folder:
        scratch = Path(folder)
        scratch.chmod(0o755)  # nginx's worker drops root and must read the site
        report = export(scratch / "site", nginx_base)
        precompress(scratch / "site")
        config = scratch / "nginx.conf"
        config.write_text(NGINX_CONFIG.format(scratch=scratch, port=nginx_port, site=scratch / "site"))
        nginx_command = ["nginx", "-c", str(config), "-p", str(scratch)]
        app_command = [
            sys.executable,
            "-m",
            "webapp",
            "--port",
            str(app_port),
            "--threads",
            str(args.threads),
        ]
        with (
            running(nginx_command, nginx_base + "/", quiet=True),
            running(app_command, app_base + "/healthz", quiet=True),
        ):
            wrk(app_base + PAGE, [], 1, 4)  # the app's first render happens here, not under the clock
            rows = [
                (
                    f"nginx, static copy ({PAGE}/)",
                    wrk(nginx_base + PAGE + "/", [], args.duration, args.connections),
                ),
                (
                    f"app, waitress {args.threads} threads ({PAGE})",
                    wrk(app_base + PAGE, [], args.duration, args.connections),
                ),
            ]

    app_rate = rows[1][1].requests_per_second
    print(
        f"## Static copy against the app: {args.connections} connections, {args.duration} s each\n\n"
        f"Export: {report.summary()}\n\n| server | req/s | × app | errors | p99 ms |\n|---|---:|---:|---:|---:|"
    )
    for name, load in rows:
        print(
            f"| {name} | {load.requests_per_second:,.0f} | {load.requests_per_second / app_rate:.1f} "
            f"| {load.errors} | {load.p99_ms:.1f} |"
        )


if __name__ == "__main__":
    main()
