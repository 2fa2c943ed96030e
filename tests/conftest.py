"""Fixtures shared by every test: the app, a test client, the real content, an editable copy
of data/, and parametrisation over every muscle and phase *in the data* and every route in
the URL map (a new muscle, phase or route is tested without editing a test)."""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from flask import Flask

from webapp import PROJECT_ROOT, create_app
from webapp.content.model import Atlas
from webapp.prepared import Prepared, prepare

# Every app the tests build (here, in subprocesses and behind the browser tests) renders its
# templates strictly: a template that reads a missing value fails instead of printing nothing.
os.environ["STRIDE_ANATOMY_STRICT_TEMPLATES"] = "1"
DATA_DIR = Path(os.environ.get("STRIDE_ANATOMY_DATA_DIR", PROJECT_ROOT / "data"))


@cache
def real_content() -> Prepared:
    """The content the app serves (data/, or ``STRIDE_ANATOMY_DATA_DIR``), loaded once for the
    whole run (content is read-only)."""
    return prepare(DATA_DIR)


@cache
def suite_app() -> Flask:
    """The real app on the real content, built once for the whole run (content is read-only)."""
    return create_app(testing=True)


# The slowest files (each a minute or so of one worker: a crawl of every page, a run of the
# route tests on extended data, a wheel built and installed, hostile requests to every route),
# handed out first. Two workers take whole files in collection order, and these came last
# (tests/unit after tests/e2e), so one worker often ran them alone at the end.
SLOWEST_FIRST = (
    "tests/unit/test_every_view.py",
    "tests/unit/test_extending_the_data.py",
    "tests/unit/test_fuzz.py",
    "tests/unit/test_installed_wheel.py",
    "tests/unit/test_figure_views.py",
    "tests/unit/test_page_cache.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Move the slowest files to the front (keeping every other test where it was). With
    pytest-xdist this order holds only with ``--no-loadscope-reorder`` (scripts/test.sh)."""

    def rank(item: pytest.Item) -> int:
        path = Path(str(item.fspath)).relative_to(config.rootpath).as_posix()
        return SLOWEST_FIRST.index(path) if path in SLOWEST_FIRST else len(SLOWEST_FIRST)

    items.sort(key=rank)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test that asks for ``each_muscle``, ``each_phase``, ``each_speed``, ``each_spot`` or
    ``each_problem`` runs once per muscle, phase, measured speed, pain spot or problem in the
    data, named by its slug; one that asks for ``each_route`` once per rule of the app's URL
    map, named by its pattern and endpoint."""
    atlas = real_content().atlas
    for name, items in (("each_muscle", atlas.muscles), ("each_phase", atlas.phases)):
        if name in metafunc.fixturenames:
            metafunc.parametrize(name, items, ids=lambda item: item.slug)
    for name, items in (("each_spot", atlas.pain.spots), ("each_problem", atlas.pain.problems)):
        if name in metafunc.fixturenames:
            metafunc.parametrize(name, items, ids=lambda item: item.slug)
    if "each_speed" in metafunc.fixturenames:
        metafunc.parametrize("each_speed", atlas.speeds.measured, ids=lambda item: item.speed.slug)
    if "each_route" in metafunc.fixturenames:
        rules = sorted(suite_app().url_map.iter_rules(), key=lambda rule: (rule.rule, rule.endpoint))
        metafunc.parametrize("each_route", rules, ids=lambda rule: f"{rule.rule} {rule.endpoint}")


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
    return suite_app()


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


# The site as a whole, made once for every test that needs it -----------------------------

EXPORT_BASE = "https://anatomy.school.example"  # where the shared static copy says it lives
EXPORT_APP_URL = "https://app.school.example"  # the live app its quiz page points to


@contextmanager
def made_once(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Path]:
    """A path shared by every pytest-xdist worker of this run (scripts/test.sh runs two), held
    under a lock: the first worker to get here makes what ``name`` is, the others find it made
    and read it. Without xdist it is simply a path under the run's temporary folder."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield root / name


@pytest.fixture(scope="session")
def site_crawl(tmp_path_factory):
    """The site as a visitor finds it, following every link from the URL map's plain pages
    (crawled once per run: it renders every page)."""
    from tests.site_crawl import crawl

    with made_once(tmp_path_factory, "site-crawl.pickle") as kept:
        if not kept.exists():
            kept.write_bytes(pickle.dumps(crawl(create_app(testing=True, public_url=EXPORT_BASE))))
        return pickle.loads(kept.read_bytes())


@pytest.fixture(scope="session")
def exported_site(tmp_path_factory) -> Path:
    """``python -m webapp export`` run once per run, for the export's tests and the browser
    tests of the static copy (which only read it)."""
    from webapp.__main__ import main
    from webapp.export import MARKER

    with made_once(tmp_path_factory, "export") as folder:
        if not (folder / "site" / MARKER).exists():
            argv = ["export", str(folder / "site"), "--base-url", EXPORT_BASE, "--app-url", EXPORT_APP_URL]
            assert main(argv) == 0
        return folder / "site"
