"""Fixtures shared by every test: the app, a test client, and an editable copy of data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from webapp import PROJECT_ROOT, create_app


@pytest.fixture(scope="session")
def app():
    """The real app on the real content (built once: content is read-only)."""
    return create_app({"TESTING": True})


@pytest.fixture
def client(app):
    """A Flask test client."""
    return app.test_client()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", target)
    return target
