"""The static copy (``python -m webapp export``): every page the data makes is a folder with an
index.html, every printed or scanned address uses --base-url, and nothing comes from a request."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import webapp.export
from tests.conftest import EXPORT_APP_URL, EXPORT_BASE, real_content
from tests.unit.test_classroom import qr_path
from webapp.__main__ import main
from webapp.export import MARKER, ExportError, export
from webapp.pages.page_list import Address

BASE = EXPORT_BASE
ATLAS = real_content().atlas


@pytest.fixture(scope="module")
def site(exported_site) -> Path:
    return exported_site


def page(site: Path, path: str) -> str:
    return (site / path.strip("/") / "index.html").read_text()


def test_the_start_guides_glossary_worksheet_and_stride_front_door_are_pages(site):
    for path in ["/", "/training", "/soreness", "/glossary", "/worksheet", "/tours", "/stride"]:
        assert "<!doctype html>" in page(site, path)


def test_every_muscle_has_its_page(site, each_muscle):
    assert f'<h1 id="panel-heading" tabindex="-1">{each_muscle.name}</h1>' in page(
        site, f"/muscles/{each_muscle.slug}"
    )


def test_every_phase_and_every_muscle_at_every_phase_has_its_page(site, each_phase):
    assert each_phase.name in page(site, f"/stride/{each_phase.slug}")
    for muscle in ATLAS.muscles:
        assert muscle.name in page(site, f"/stride/{each_phase.slug}/{muscle.slug}")


def test_every_presenter_state_and_play_frames_are_there(site, each_muscle):
    for view in ["", "/details", "/qr"]:
        assert each_muscle.name in page(site, f"/present/{each_muscle.slug}{view}")
    assert "<template" in page(site, f"/stride/frames/{each_muscle.slug}")


def test_every_tour_step_is_a_page(site):
    for tour in ATLAS.tours:
        for number, _ in enumerate(tour.steps, start=1):
            assert tour.title in page(site, f"/tours/{tour.slug}/{number}")


def test_the_atlas_is_kept_in_every_view_and_other_modes_in_other_views_say_where_to_go(site):
    views = list(real_content().figure.views)
    for view in views[1:]:
        atlas = page(site, f"/{view}/muscles/calves")
        assert f'data-view="{view}"' in atlas
        image = re.search(r'<meta property="og:image" content="([^"]+)"', atlas).group(1)
        assert image == f"{EXPORT_BASE}/{view}/preview/muscles/calves.png"
        assert (site / image.removeprefix(EXPORT_BASE).lstrip("/")).is_file()
        notice = page(site, f"/{view}/stride/toe-off/calves")
        assert f"The {view} view of this page is drawn by the live app" in notice
        assert 'href="/stride/toe-off/calves"' in notice
        assert f'href="{EXPORT_APP_URL}/{view}/stride/toe-off/calves"' in notice
        assert len(notice) < 2_000 and "<svg" not in notice


def test_every_file_a_page_links_to_is_in_the_copy(site):
    for html in site.rglob("*.html"):
        for link in re.findall(r'(?:href|src|hx-get|data-frames)="(/[^"#?]*)', html.read_text()):
            target = site / link.lstrip("/")
            assert target.is_file() or (target / "index.html").is_file(), f"{link} on {html}"


def test_static_files_keep_their_fingerprinted_names(site):
    names = [p.name for p in (site / "static").iterdir()]
    assert any(re.fullmatch(r"app\.[0-9a-f]{8}\.css", name) for name in names)


def test_404_html_is_the_friendly_not_found_page(site):
    html = (site / "404.html").read_text()
    assert "We could not find that page" in html and 'href="/muscles/calves"' in html


def test_a_redirecting_address_becomes_a_page_that_forwards(site):
    first = ATLAS.muscles[0].slug
    assert f'http-equiv="refresh" content="0; url=/present/{first}"' in page(site, "/present")


def test_the_quiz_says_plainly_it_needs_the_server(site):
    assert "The quiz needs the live app" in page(site, "/quiz")
    assert not (site / "quiz" / "join").exists()


def test_the_quiz_links_to_the_live_app_when_one_is_named(site):
    assert f'href="{EXPORT_APP_URL}/quiz"' in page(site, "/quiz")


def test_handouts_qr_codes_and_the_worksheet_use_the_base_url(site):
    assert f"<strong>{BASE}/muscles/calves</strong>" in page(site, "/muscles/calves")
    assert qr_path(f"{BASE}/muscles/calves") in page(site, "/present/calves/qr")
    assert f"{BASE}/worksheet" in page(site, "/worksheet")


def test_no_address_comes_from_the_request_host(site):
    # The export asks for pages as "localhost"; a view that read the request's host would show it.
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".js", ".xml", ".txt", ".json", ".webmanifest"}:
            text = file.read_text()
            assert "localhost" not in text and "127.0.0.1" not in text, file


def test_it_refuses_a_folder_that_is_not_an_earlier_export(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        export(tmp_path, BASE)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_it_replaces_an_earlier_export_marks_the_folder_and_prints_its_figures(
    site, tmp_path, capsys, monkeypatch
):
    assert (site / MARKER).exists()
    earlier = tmp_path / "site"
    shutil.copytree(site, earlier)
    stale = earlier / "muscles" / "old" / "index.html"
    stale.parent.mkdir()
    stale.write_text("gone after the next export")
    # A smaller site, so that the second export is quick: the home page and a muscle.
    monkeypatch.setattr(webapp.export, "page_list", lambda app: (Address("/"), Address("/muscles/calves")))
    assert main(["export", str(earlier), "--base-url", BASE]) == 0
    assert not stale.exists() and not (earlier / "glossary").exists()
    assert (earlier / "muscles" / "calves" / "index.html").is_file()
    assert re.search(r"Wrote \d+ files, [\d.]+ MB, in [\d.]+ s\.", capsys.readouterr().out)


@pytest.mark.parametrize("bad", ["ftp://x.example", "https://school.example/anatomy"])
def test_a_base_url_that_cannot_work_stops_with_one_line(tmp_path, capsys, bad):
    assert main(["export", str(tmp_path / "site"), "--base-url", bad]) == 2
    assert capsys.readouterr().err.startswith("Stride Anatomy cannot export: --base-url")


def test_the_copy_carries_the_service_worker_and_manifest(site):
    assert '"/muscles/calves"' in (site / "sw.js").read_text()
    assert json.loads((site / "manifest.webmanifest").read_text())["start_url"] == "/"
