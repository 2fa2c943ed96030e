"""Every muscle and every phase of the stride has its own preview picture: a PNG of 1200×630
that chat apps show for a shared link, drawn from the same runner as the pages."""

from __future__ import annotations

import hashlib
import io

import pytest
import svgwrite
from PIL import Image

from tests.conftest import real_content
from webapp import create_app
from webapp.figure.preview import HEIGHT, WIDTH, PreviewText, preview_svg, title_lines
from webapp.figure.raster import resolve_custom_properties
from webapp.figure.svg import Figure

SELECTED = (0xB8, 0x36, 0x0F)  # --muscle-selected in static/app.css


@pytest.fixture(scope="module")
def preview_client():
    return create_app(testing=True, public_url="https://anatomy.school.example").test_client()


def picture(client, url: str) -> Image.Image:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "image/png"
    image = Image.open(io.BytesIO(response.data))
    assert image.format == "PNG"
    return image.convert("RGB")


def fingerprint(image: Image.Image) -> str:
    return hashlib.sha256(image.tobytes()).hexdigest()


@pytest.fixture(scope="module")
def muscle_pictures(preview_client, atlas) -> dict[str, str]:
    return {
        m.slug: fingerprint(picture(preview_client, f"/preview/muscles/{m.slug}.png")) for m in atlas.muscles
    }


def test_each_muscles_picture_is_a_png_of_the_stated_size(preview_client, each_muscle):
    image = picture(preview_client, f"/preview/muscles/{each_muscle.slug}.png")
    assert image.size == (WIDTH, HEIGHT) == (1200, 630)


def test_each_muscles_picture_differs_from_every_other_muscles(muscle_pictures, each_muscle):
    others = {slug: print_ for slug, print_ in muscle_pictures.items() if slug != each_muscle.slug}
    assert muscle_pictures[each_muscle.slug] not in others.values()


def test_a_muscles_picture_shows_it_highlighted(preview_client, each_muscle):
    if each_muscle.slug not in real_content().figure.views["side"].shapes:
        pytest.skip("not drawn on the runner")
    image = picture(preview_client, f"/preview/muscles/{each_muscle.slug}.png")
    highlighted = sum(
        count
        for count, colour in image.getcolors(WIDTH * HEIGHT)
        if all(abs(a - b) <= 6 for a, b in zip(colour, SELECTED, strict=True))
    )
    assert highlighted >= 40  # the heart, the smallest, is about 20 pixels across


def test_each_phases_picture_is_its_own_png_of_the_stated_size(preview_client, atlas):
    prints = set()
    for phase in atlas.phases:
        image = picture(preview_client, f"/preview/stride/{phase.slug}.png")
        assert image.size == (1200, 630)
        prints.add(fingerprint(image))
    assert len(prints) == len(atlas.phases)


def test_other_pages_share_the_sites_picture(preview_client):
    assert picture(preview_client, "/preview/site.png").size == (1200, 630)


@pytest.mark.parametrize(
    ("page", "image"),
    [
        ("/muscles/calves", "/preview/muscles/calves.png"),
        ("/stride/toe-off/calves", "/preview/muscles/calves.png"),
        ("/stride/toe-off", "/preview/stride/toe-off.png"),
        ("/training", "/preview/site.png"),
    ],
)
def test_a_page_names_its_picture_by_its_absolute_public_address(preview_client, page, image):
    html = preview_client.get(page).get_data(as_text=True)
    assert f'<meta property="og:image" content="https://anatomy.school.example{image}">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    assert '<meta property="og:image:alt" content="A runner' in html


@pytest.mark.parametrize("url", ["/preview/muscles/nobody.png", "/preview/stride/flying.png"])
def test_a_picture_of_something_that_does_not_exist_is_a_404(preview_client, url):
    assert preview_client.get(url).status_code == 404


def test_a_picture_is_drawn_once_and_sent_as_it_is_never_recompressed(preview_client):
    first = preview_client.get("/preview/muscles/glutes.png", headers={"Accept-Encoding": "br, gzip"})
    again = preview_client.get(
        "/preview/muscles/glutes.png", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert first.headers.get("Content-Encoding") is None
    assert first.data.startswith(b"\x89PNG")
    assert again.status_code == 304


def test_the_picture_escapes_its_text_and_keeps_the_title_to_two_lines():
    empty = svgwrite.Drawing(size=None, viewBox="0 0 10 10")
    svg = preview_svg(
        Figure(empty), PreviewText("Muscle 1 of 1", "Hip & <b>", "Body.", "a.example"), "muscle"
    )
    assert "Hip &amp; &lt;b&gt;" in svg
    size, lines = title_lines("Big toe and foot muscles that keep a long name going on and on")
    assert len(lines) <= 2 and size < 68


def test_custom_properties_are_resolved_for_the_rasteriser():
    css = ":root { --ink: #123456; --line: #abcdef; } .a { fill: var(--ink); stroke: var(--line); }"
    resolved = resolve_custom_properties(css)
    assert ".a { fill: #123456; stroke: #abcdef; }" in resolved
