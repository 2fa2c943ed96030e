"""Static files: content-fingerprinted names, compressed once, served by WhiteNoise.

WhiteNoise's manifest of hashed names belongs to Django, so at start-up the app copies
``static/`` into a private scratch folder with a content hash in each file name (``app.css``
becomes ``app.3f2a9c1d.css``), puts a ``.gz`` and a ``.br`` beside each file, and lets WhiteNoise
serve that folder. A hashed name changes whenever the file does, so browsers may keep it for a
year; the plain name still works, with a short cache, for anything that links to it directly.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from pathlib import Path
from threading import Lock

import brotli
from flask import Flask, url_for
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from webapp.serving.security import SECURITY_HEADERS

IMMUTABLE = "public, max-age=31536000, immutable"
PLAIN_MAX_AGE = 60  # seconds: unfingerprinted URLs may change with the next release


def fingerprinted(name: str, data: bytes) -> str:
    """``name`` with the first 8 hex digits of the SHA-256 of ``data`` before its extension."""
    stem, dot, extension = name.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()[:8]
    return f"{stem}.{digest}.{extension}" if dot else f"{name}.{digest}"


class StartUpCompressor(Compressor):
    """WhiteNoise's compressor with brotli one step below its best: about 2% larger files, made
    three times faster, so starting the app stays under a second."""

    @staticmethod
    def compress_brotli(data: bytes) -> bytes:
        """Brotli at quality 10 (WhiteNoise uses 11)."""
        return brotli.compress(data, quality=10)


def build_static_copy(source: Path, target: Path) -> dict[str, str]:
    """Copy every file of ``source`` into ``target`` under its fingerprinted and its plain name,
    each with precompressed ``.gz`` and ``.br`` twins; return ``{plain name: hashed name}``."""
    compressor = StartUpCompressor(quiet=True)
    manifest = {}
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        plain = path.relative_to(source).as_posix()
        hashed = fingerprinted(plain, path.read_bytes())
        (target / hashed).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / hashed)
        compressed = compressor.compress(str(target / hashed)) if compressor.should_compress(hashed) else []
        for suffix in ["", *(name[-3:] for name in compressed)]:  # "", ".br", ".gz"
            shutil.copyfile(f"{target / hashed}{suffix}", f"{target / plain}{suffix}")
        manifest[plain] = hashed
    return manifest


_built: dict[str, tuple[Path, dict[str, str]]] = {}
_building = Lock()


def static_copy(source: Path) -> tuple[Path, dict[str, str]]:
    """The fingerprinted, compressed copy of ``source`` and its manifest, made once per process
    for each version of the files (brotli at its best setting takes most of a second, and tests
    and the export build many apps); removed when the process ends."""
    digest = hashlib.sha256()
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        digest.update(path.relative_to(source).as_posix().encode() + b"\0" + path.read_bytes())
    key = f"{source}:{digest.hexdigest()}"
    with _building:
        if key not in _built:
            scratch = Path(tempfile.mkdtemp(prefix="stride-anatomy-static-"))
            atexit.register(shutil.rmtree, scratch, ignore_errors=True)
            _built[key] = (scratch, build_static_copy(source, scratch))
        return _built[key]


def init_assets(app: Flask) -> None:
    """Serve ``app.static_folder`` through WhiteNoise and give templates ``asset(name)``,
    the fingerprinted URL of a static file (``asset('app.css')`` -> ``/static/app.3f2a9c1d.css``);
    the manifest of names is ``app.extensions["assets"]``."""
    scratch, manifest = static_copy(Path(app.static_folder or ""))
    immutable = {f"{app.static_url_path}/{hashed}" for hashed in manifest.values()}

    def add_headers(headers, path: str, url: str) -> None:
        for name, value in SECURITY_HEADERS.items():
            headers[name] = value
        if url in immutable:
            headers["Cache-Control"] = IMMUTABLE

    app.wsgi_app = WhiteNoise(  # type: ignore[method-assign]
        app.wsgi_app,
        root=str(scratch),
        prefix=app.static_url_path,
        max_age=PLAIN_MAX_AGE,
        add_headers_function=add_headers,
    )

    def asset(name: str) -> str:
        """The fingerprinted URL of the static file ``name``."""
        if name not in manifest:
            raise KeyError(f"static/{name} does not exist")
        return url_for("static", filename=manifest[name])

    app.jinja_env.globals["asset"] = asset
    app.extensions["assets"] = manifest
