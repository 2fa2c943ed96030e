"""The offline classroom's server side: the manifest, the service worker at the site's root,
the list of its offline copy (permanent pages and assets, never the quiz, nothing only other
sites use), the copy's size as offered, the offline page it carries, and its versioned cache
name."""

from __future__ import annotations

import json
import re

import brotli

from tests.conftest import real_content
from webapp import create_app
from webapp.pages.page_list import page_list
from webapp.views import offline


def precache(client) -> list[str]:
    script = client.get("/sw.js").get_data(as_text=True)
    return json.loads(re.search(r"var PRECACHE = (\[.*?\]);", script).group(1))


def test_the_worker_is_served_from_the_root_as_javascript_and_revalidated(client):
    response = client.get("/sw.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert "no-cache" in response.headers["Cache-Control"]


def test_every_page_links_the_manifest_and_names_the_worker(client):
    html = client.get("/muscles/calves").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<meta name="service-worker" content="/sw.js">' in html


def test_the_manifest_installs_the_atlas_with_its_icon(client):
    response = client.get("/manifest.webmanifest")
    manifest = response.get_json(force=True)
    assert response.mimetype == "application/manifest+json"
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    assert client.get(manifest["icons"][0]["src"]).status_code == 200


def test_the_worker_keeps_every_muscle_phase_presenter_state_and_guide(client, atlas):
    kept = precache(client)
    for muscle in atlas.muscles:
        assert {f"/muscles/{muscle.slug}", f"/present/{muscle.slug}/qr"} <= set(kept)
        assert all(f"/stride/{phase.slug}/{muscle.slug}" in kept for phase in atlas.phases)
    assert {"/", "/stride", "/stride/frames", "/training", "/soreness", "/glossary"} <= set(kept)
    assert any(re.fullmatch(r"/static/app\.[0-9a-f]{8}\.css", path) for path in kept)


def test_the_worker_never_keeps_what_needs_the_server(client):
    assert not [path for path in precache(client) if path.startswith(("/quiz", "/healthz", "/sw.js"))]


def kept_on_visit(client) -> list[str]:
    script = client.get("/sw.js").get_data(as_text=True)
    return json.loads(re.search(r"var KEPT_ON_VISIT = (\[.*?\]);", script).group(1))


def test_pages_drawn_on_demand_are_left_out_of_the_copy_but_kept_once_opened(app, client):
    for_other_sites = re.compile(r"(^|/)(preview|embed)/")
    on_demand = {a.path for a in page_list(app) if a.on_demand and not for_other_sites.search(a.path)}
    views = [name for name in real_content().figure.views if name != "side"]
    assert on_demand and all(any(f"/{view}/" in path for path in on_demand) for view in views)
    assert set(kept_on_visit(client)) == on_demand
    assert not on_demand & set(precache(client))


def test_the_copy_leaves_out_what_only_other_sites_use(client):
    kept = precache(client)
    assert not [path for path in kept if path.startswith(("/preview", "/embed", "/offline.json"))]


def test_the_size_offered_is_what_the_app_answers_for_the_list(monkeypatch):
    listed = ["/muscles/calves", "/glossary", "/manifest.webmanifest"]
    monkeypatch.setattr(offline, "precache_list", lambda app: listed)
    monkeypatch.setattr(offline, "_MEASURED", {})  # measured afresh, not this version's copy
    small = create_app(testing=True)
    bodies = [small.test_client().get(path).get_data() for path in listed]
    answer = small.test_client().get("/offline.json")
    assert answer.status_code == 200 and answer.mimetype == "application/json"
    assert answer.get_json() == {
        "files": 3,
        "bytes": sum(map(len, bodies)),
        "download": sum(len(brotli.compress(body, quality=5)) for body in bodies),
    }


def test_every_page_names_where_the_copy_s_size_is(client):
    html = client.get("/muscles/calves").get_data(as_text=True)
    assert '<meta name="offline-copy" content="/offline.json">' in html


def test_the_worker_carries_the_offline_page_which_names_no_page_current(client):
    script = client.get("/sw.js").get_data(as_text=True)
    page = json.loads(re.search(r"var OFFLINE_PAGE = (\".*\");\n", script).group(1))
    assert '<h1 id="panel-heading" tabindex="-1">You are offline</h1>' in page
    assert "aria-current" not in page and "data-offline-kept" in page


def cache_name(app) -> str:
    """The cache name the worker of ``app`` uses."""
    script = app.test_client().get("/sw.js").get_data(as_text=True)
    prefix = re.search(r'var PREFIX = "([^"]+)";', script).group(1)
    return prefix + re.search(r'var CACHE = PREFIX \+ "([^"]+)";', script).group(1)


def test_the_cache_is_named_after_the_content(data_copy):
    before = cache_name(create_app(testing=True, data_dir=data_copy))
    muscle = data_copy / "muscles" / "calves.yaml"
    muscle.write_text(muscle.read_text() + "\n# An editor's note changes the content's bytes.\n")
    after = cache_name(create_app(testing=True, data_dir=data_copy))
    assert re.fullmatch(r"stride-anatomy-[0-9a-f]{12}", before) and before != after


def test_changed_content_gets_a_new_cache_name(data_copy):
    before = create_app(data_dir=data_copy).config["CONTENT_VERSION"]
    calves = data_copy / "muscles" / "calves.yaml"
    calves.write_text(calves.read_text().replace("name: Calves", "name: Calf muscles", 1))
    assert create_app(data_dir=data_copy).config["CONTENT_VERSION"] != before


def test_the_policy_allows_only_our_own_worker_and_manifest(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
