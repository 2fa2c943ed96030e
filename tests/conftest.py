"""Fixtures shared by every test: the app, a test client, the real content, an editable copy
of data/, and parametrisation over every muscle and phase *in the data* (a new muscle or
phase is tested without editing a test)."""

from __future__ import annotations

import os
import shutil
from functools import cache
from pathlib import Path

import pytest

from webapp import PROJECT_ROOT, create_app
from webapp.content.model import Atlas
from webapp.prepared import Prepared, prepare

DATA_DIR = Path(os.environ.get("STRIDE_ANATOMY_DATA", PROJECT_ROOT / "data"))


@cache
def real_content() -> Prepared:
    """The content the app serves (data/, or ``STRIDE_ANATOMY_DATA``), loaded once for the
    whole run (content is read-only)."""
    return prepare(DATA_DIR)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that asks for ``each_muscle``, ``each_phase`` or ``each_speed`` runs once per
    muscle, phase or measured speed in the data, named by its slug."""
    atlas = real_content().atlas
    for name, items in (("each_muscle", atlas.muscles), ("each_phase", atlas.phases)):
        if name in metafunc.fixturenames:
            metafunc.parametrize(name, items, ids=lambda item: item.slug)
    if "each_speed" in metafunc.fixturenames:
        metafunc.parametrize("each_speed", atlas.speeds.measured, ids=lambda item: item.speed.slug)


@pytest.fixture(scope="session")
def atlas() -> Atlas:
    """The validated real content."""
    return real_content().atlas


class Drawing:
    """The real content, and the home page's runner drawn as the atlas draws it (each muscle
    linking to /muscles/<slug>), for tests of the pure figure functions."""

    atlas = real_content().atlas
    pose = staticmethod(real_content().pose)

    views = real_content().figure.views

    def figure(self, selected: str | None, view: str = "side") -> str:
        """A view (the side view unless told) at home, with ``selected`` marked."""
        from webapp.figure.runner import RegionLink, draw_figure

        links = [RegionLink(m.slug, m.name, f"/muscles/{m.slug}") for m in self.atlas.muscles]
        return str(draw_figure(self.views[view], self.pose(None), links, selected=selected))


@pytest.fixture(scope="session")
def drawing() -> Drawing:
    """The figure as the atlas draws it."""
    return Drawing()


@pytest.fixture(scope="session")
def links(drawing: Drawing) -> list:
    """Every muscle as the figure links it on the atlas: /muscles/<slug>."""
    from webapp.figure.runner import RegionLink

    return [RegionLink(m.slug, m.name, f"/muscles/{m.slug}") for m in drawing.atlas.muscles]


@pytest.fixture(scope="session")
def poses(drawing: Drawing) -> dict:
    """The home pose (key None) and the pose of every phase of the stride."""
    return {phase: drawing.pose(phase) for phase in [None, *(p.slug for p in drawing.atlas.phases)]}


@pytest.fixture(scope="session")
def every_pose(poses) -> dict:
    """Every pose a view draws: the running ones (as ``poses``) and the still ones by name."""
    return {**poses, **real_content().figure.still_poses}


@pytest.fixture(scope="session")
def views():
    """The views of the runner in the data, by name."""
    return real_content().figure.views


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
    """A private copy of data/ that a test may change or break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
