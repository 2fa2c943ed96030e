"""Names on the figure are readable where they are shown, measured in Chromium: at least 12 CSS
px on a 375-wide phone with "Show names" (numbers on the figure, the names in a key below it);
in the presenter (its Full panel too), tours and stride mode at least 2.1% of the viewport's height (16 px on a
1024×768 projector, 23 px at 1920×1080); and the stride chart's names fit a phone uncut."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.conftest import real_content
from tests.e2e.helpers import PHASE_MS, run_until_playing

PHONE_MIN_PX = 12
PROJECTED_SHARE = 0.021  # of the viewport's height
PROJECTORS = [(1024, 768), (1920, 1080)]

# Every text shown in `selector` (SVG text at its drawn size: its font size times the scale
# the figure is drawn at), with its size in CSS px and its box.
TEXT_SIZES = """(selector) => {
  const shown = [];
  for (const root of document.querySelectorAll(selector)) {
    for (const el of root.querySelectorAll('text, li, p, span, a, h1, h2, h3, dt, dd')) {
      if (!el.checkVisibility({checkVisibilityCSS: true, opacityProperty: true}) || el.closest('.visually-hidden')) continue;
      const words = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim()
        || (el.tagName === 'text' ? el.textContent.trim() : '');
      if (!words) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement) { const m = el.getScreenCTM(); px *= Math.hypot(m.a, m.b); }
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      shown.push({words, px: Math.round(px * 10) / 10, left: r.left, right: r.right, svg: el instanceof SVGElement});
    }
  }
  return shown;
}"""


def smallest(page: Page, selector: str) -> dict:
    shown = page.evaluate(TEXT_SIZES, selector)
    assert shown, f"no text shown in {selector}"
    return min(shown, key=lambda t: t["px"])


def test_on_a_phone_with_names_shown_every_name_and_number_is_at_least_12px(open_page):
    page = open_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    for path in ["/labelled/", "/front-labelled/muscles/calves"]:
        page.goto(path)
        key = page.locator(".figure-key li")
        names = {m.name for m in real_content().atlas.muscles}
        assert set(key.all_inner_texts()) <= names and key.count() >= 6, "the key names the muscles"
        least = smallest(page, ".figure")
        assert least["px"] >= PHONE_MIN_PX, (path, least)
        # The body is shown at full size, not shrunk to make room for the (hidden) columns.
        height = page.locator("svg.runner").bounding_box()["height"]
        assert height >= 500, (path, height)


@pytest.mark.parametrize("size", PROJECTORS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_in_the_presenter_tours_and_stride_mode_names_are_at_least_2_1_percent_of_the_height(open_page, size):
    page = open_page(viewport={"width": size[0], "height": size[1]})
    muscle = real_content().atlas.muscles[0].slug
    phase = real_content().atlas.phases[0].slug
    tour = real_content().atlas.tours[0].slug
    least_px = PROJECTED_SHARE * size[1]
    for path, selector in [
        (f"/present/{muscle}", ".presenter__runner"),
        (f"/tours/{tour}/1", ".figure"),
        (f"/stride/{phase}", "#stride-figure"),
    ]:
        page.goto(path)
        least = smallest(page, selector)
        assert least["px"] >= least_px, (path, size, least)


def test_the_stride_chart_fits_a_phone_without_cutting_a_name(open_page):
    page = open_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page.goto(f"/stride/{real_content().atlas.phases[0].slug}")
    chart = page.locator("svg.chart").first.bounding_box()
    assert chart["x"] >= 0 and chart["x"] + chart["width"] <= 375
    shown = page.evaluate(TEXT_SIZES, "svg.chart")
    muscles = {m.name for m in real_content().atlas.muscles}
    assert muscles <= {t["words"] for t in shown}
    for text in shown:
        assert chart["x"] - 0.5 <= text["left"] and text["right"] <= chart["x"] + chart["width"] + 0.5, text
        if text["words"] in muscles:
            assert text["px"] >= PHONE_MIN_PX, text


# The two leg tags under the feet, as drawn: their boxes, and the box of the figure they sit in.
LEG_TAGS = """() => {
  const figure = document.querySelector('svg.runner');
  const box = (el) => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width}; };
  const [drawn, around] = [box(figure), box(figure.parentElement)];  // a named figure is cropped on a phone
  return {figure: {left: Math.max(drawn.left, around.left), right: Math.min(drawn.right, around.right)},
          screen: document.documentElement.clientWidth,
          tags: [...figure.querySelectorAll('.leg-tag')].filter(t => t.checkVisibility()).map(t => ({words: t.textContent, ...box(t)}))};
}"""


def assert_leg_tags_apart_and_whole(page: Page, where: str) -> None:
    shown = page.evaluate(LEG_TAGS)
    first, second = sorted(shown["tags"], key=lambda t: t["left"])
    assert second["left"] - first["right"] >= 4, f"{where}: {first['words']!r} runs into {second['words']!r}"
    for tag in (first, second):
        inside = (
            max(shown["figure"]["left"], 0) - 0.5 <= tag["left"]
            and tag["right"] <= min(shown["figure"]["right"], shown["screen"]) + 0.5
        )
        assert inside, f"{where}: {tag['words']!r} is cut at the figure's edge"


VIEWS = list(real_content().figure.views)  # the first is the default, with no prefix
LEG_TAG_PAGES = [
    *(f"/{'' if v == VIEWS[0] else v + '-'}labelled/" for v in VIEWS),  # names shown: cropped to the body
    *(
        f"{'' if v == VIEWS[0] else '/' + v}/stride/{p.slug}"
        for v in VIEWS
        for p in real_content().atlas.phases
    ),
    *(f"/tours/{t.slug}/{n}" for t in real_content().atlas.tours for n in range(1, len(t.steps) + 1)),
]


def test_the_leg_tags_never_touch_and_are_never_cut_in_any_pose_or_view(open_page):
    """Stride mode and tours draw the tags large (23 units), in every pose of the stride; the
    tags' room is in drawing units, the same at every size, and a phone's edge is the closest."""
    page = open_page(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    for path in LEG_TAG_PAGES:
        assert page.goto(path).ok, path
        assert_leg_tags_apart_and_whole(page, path)


def test_while_the_presenter_plays_the_leg_tags_never_touch(open_page):
    page = open_page(viewport={"width": 1024, "height": 768})
    page.clock.install(time=0)
    page.goto(f"/present/{real_content().atlas.muscles[0].slug}")
    page.clock.pause_at(1000)
    page.clock.run_for(1)
    page.keyboard.press("s")
    run_until_playing(page)
    page.clock.run_for(PHASE_MS // 2)  # mid-phase (the fake clock draws every 16 ms)
    for _ in real_content().atlas.phases:
        assert_leg_tags_apart_and_whole(
            page, f"the presenter playing, {page.locator('#stride-caption').text_content()}"
        )
        page.clock.run_for(PHASE_MS)


@pytest.mark.parametrize("size", PROJECTORS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_word_of_the_presenters_full_panel_is_at_least_2_1_percent_of_the_height(open_page, size):
    """The panel's small print too (sources, evidence tags, dose labels); its charts are
    drawings, sized with the panel's width, and are left out."""
    page = open_page(viewport={"width": size[0], "height": size[1]})
    least_px = PROJECTED_SHARE * size[1]
    for muscle in real_content().atlas.muscles:
        page.goto(f"/present/{muscle.slug}/details")
        words = [t for t in page.evaluate(TEXT_SIZES, ".presenter__details") if not t["svg"]]
        least = min(words, key=lambda t: t["px"])
        assert least["px"] >= least_px - 0.05, (muscle.slug, size, least)
