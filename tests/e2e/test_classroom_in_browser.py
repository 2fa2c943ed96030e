"""The classroom in Chromium at projector size: presenter keys, the QR code decoded from the
screen, a tour end to end, a quiz with a fixed seed, and print-to-PDF page counts."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata

import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.conftest import real_content
from webapp.quiz.questions import make_quiz

ATLAS = real_content().atlas
SLUGS = [m.slug for m in ATLAS.muscles]
PROJECTOR = {"width": 1920, "height": 1080}


@pytest.fixture
def projector(open_page) -> Page:
    """A 1920x1080 page, the size of a classroom projector."""
    return open_page(viewport=PROJECTOR)


def test_presenter_keys_move_through_the_muscles_and_change_the_url(projector: Page):
    page = projector
    page.goto(f"/present/{SLUGS[0]}")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(f"/present/{SLUGS[1]}$"))
    page.keyboard.press("PageDown")
    expect(page).to_have_url(re.compile(f"/present/{SLUGS[2]}$"))
    page.keyboard.press("PageUp")
    expect(page).to_have_url(re.compile(f"/present/{SLUGS[1]}$"))
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(f"/present/{SLUGS[0]}$"))
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(f"/present/{SLUGS[-1]}$"))
    page.keyboard.press("6")
    expect(page).to_have_url(re.compile(f"/present/{SLUGS[5]}$"))
    expect(page.locator("h1")).to_have_text(ATLAS.muscles[5].name)
    page.reload()
    expect(page.locator("h1")).to_have_text(ATLAS.muscles[5].name)


def test_p_opens_the_full_panel_q_the_qr_code_and_escape_steps_back_out(projector: Page):
    page = projector
    page.goto("/present/calves")
    page.keyboard.press("p")
    expect(page).to_have_url(re.compile("/present/calves/details$"))
    expect(page.locator(".presenter__details h2", has_text="How to strengthen it")).to_be_visible()
    page.keyboard.press("p")
    expect(page).to_have_url(re.compile("/present/calves$"))
    page.keyboard.press("q")
    expect(page).to_have_url(re.compile("/present/calves/qr$"))
    expect(page.locator(".presenter__qr .qr")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile("/present/calves$"))
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile("/muscles/calves$"))
    expect(page.locator("#panel-heading")).to_have_text("Calves")
    expect(page.locator("body")).not_to_have_class(re.compile("presenting"))


def test_s_toggles_the_stride_animation(projector: Page):
    page = projector
    page.goto("/present/hamstrings")
    expect(page.locator("[data-play]")).to_be_visible()  # the stride script is ready
    page.keyboard.press("s")
    expect(page.locator("[data-play]")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#presenter")).to_have_attribute("data-showing", re.compile(r"\w"), timeout=5000)
    page.keyboard.press("s")
    expect(page.locator("[data-play]")).to_have_attribute("aria-pressed", "false")


def test_s_after_a_pause_goes_on_from_the_pose_shown(projector: Page):
    page = projector
    page.goto("/present/hamstrings")
    stage = page.locator("#presenter")
    expect(page.locator("[data-play]")).to_be_visible()  # the stride script is ready
    page.keyboard.press("s")
    expect(stage).to_have_attribute("data-showing", re.compile(r"\w"), timeout=5000)
    first = stage.get_attribute("data-showing")
    expect(stage).not_to_have_attribute("data-showing", first, timeout=5000)  # a later pose
    page.keyboard.press("s")
    paused = stage.get_attribute("data-showing")
    page.keyboard.press("s")
    page.wait_for_timeout(300)  # well inside one pose's time on screen
    assert stage.get_attribute("data-showing") == paused, "Play started the stride again"
    page.keyboard.press("s")


def test_presenter_text_is_projector_sized_and_the_essentials_need_no_scrolling(projector: Page):
    page = projector
    for slug in SLUGS:
        page.goto(f"/present/{slug}")
        sizes = page.evaluate(
            "[...document.querySelectorAll('.presenter__summary, .presenter__keypoints li')]"
            ".map(e => parseFloat(getComputedStyle(e).fontSize))"
        )
        assert min(sizes) >= 28, (slug, sizes)
        fits = page.evaluate(
            "(() => { const p = document.querySelector('.presenter__points');"
            " return document.documentElement.scrollHeight <= innerHeight && p.scrollHeight <= p.clientHeight + 1; })()"
        )
        assert fits, f"{slug}: the key points do not fit the screen"


@pytest.mark.parametrize("path", ["/present/calves", "/present/calves/qr", "/present/calves/details"])
def test_presenter_states_pass_the_contrast_and_accessibility_audit(projector: Page, path):
    projector.goto(path)
    results = Axe().run(
        projector,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}},
    )
    assert results.violations_count == 0, results.generate_report()


def test_the_qr_code_on_screen_decodes_to_the_muscles_address_and_opens_it(
    projector: Page, open_page, base_url
):
    page = projector
    page.goto("/present/glute-medius/qr")
    image = Image.open(io.BytesIO(page.locator(".presenter__qr-code").screenshot()))
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [f"{base_url}/muscles/glute-medius"]
    phone = open_page(viewport={"width": 375, "height": 812})
    phone.goto(decoded[0])
    expect(phone.locator("#panel-heading")).to_have_text("Glute medius")
    expect(phone.locator(".site-header")).to_be_visible()


def test_a_tour_runs_from_start_to_finish(page: Page):
    tour = ATLAS.tour("one-stride")
    page.goto("/tours")
    page.locator(f'a[href="/tours/{tour.slug}"]').click()
    for number in range(1, len(tour.steps) + 1):
        expect(page).to_have_url(re.compile(f"/tours/{tour.slug}/{number}$"))
        expect(page.locator(".progress__text")).to_have_text(f"Step {number} of {len(tour.steps)}")
        if number < len(tour.steps):
            page.locator('a[rel="next"]').click()
    page.locator("a", has_text="Finish the tour").click()
    expect(page).to_have_url(re.compile("/tours$"))


def answer_quiz(page: Page, seed: int, right_numbers: set[int]) -> list[str]:
    """Answer a whole quiz in the browser; return the prompts seen."""
    questions = make_quiz(ATLAS, seed)
    prompts = []
    page.goto(f"/quiz/{seed}/1")
    for question in questions:
        prompts.append(page.locator(".quiz__prompt").inner_text())
        choice = (
            question.answer
            if question.number in right_numbers
            else next(o for o in question.options if o != question.answer)
        )
        if question.number == 1:
            # Answer the first question by clicking the muscle on the figure.
            page.locator(f'svg a.region[data-muscle="{choice}"]:not([aria-hidden]) path').first.click(
                force=True
            )
        else:
            page.locator(f'input[name="choice"][value="{choice}"]').check()
            page.locator("button", has_text="Check my answer").click()
        expect(page.locator("#panel-heading")).to_have_text(
            "Right!" if choice == question.answer else "Not quite."
        )
        page.locator(".button-link", has_text=re.compile("Next question|See your score")).click()
    return prompts


def test_a_quiz_with_a_fixed_seed_gives_the_same_questions_and_scores_right(open_page):
    seen = []
    for right in ({1, 2, 3, 5, 8}, {2, 4}):
        page = open_page()
        seen.append(answer_quiz(page, 777, right))
        expect(page.locator("h1")).to_have_text(f"You scored {len(right)} out of 8")
    assert seen[0] == seen[1]


def test_the_quiz_works_without_javascript(open_page):
    page = open_page(java_script_enabled=False)
    page.goto("/quiz")
    page.locator("button", has_text="Start a quiz").click()
    expect(page).to_have_url(re.compile(r"/quiz/\d+$"))  # the teacher's screen: number and QR code
    number = page.locator(".quiz-class__number").inner_text()
    assert page.locator(".quiz-class__number").bounding_box()["height"] >= 60  # readable from the back
    page.locator("a", has_text="Start question 1").click()
    expect(page).to_have_url(re.compile(rf"/quiz/{number}/1$"))
    page.locator('input[name="choice"]').first.check()
    page.locator("button", has_text="Check my answer").click()
    expect(page.locator("#panel-heading")).to_have_text(re.compile("Right!|Not quite."))


@pytest.mark.parametrize(
    ("path", "pages"), [("/muscles/calves", 1), ("/muscles/hamstrings", 1), ("/worksheet", 2)]
)
def test_print_to_pdf_gives_a_one_page_handout_and_a_two_page_worksheet(page: Page, path, pages):
    page.goto(path)
    pdf = page.pdf(format="A4", print_background=True)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == pages


def test_every_muscle_handout_fits_one_page(page: Page):
    for slug in SLUGS:
        page.goto(f"/muscles/{slug}")
        assert len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages) == 1, slug


# A point where a finger on the muscle's drawn shape lands on that muscle (link or not).
_POINT_ON = """(slug) => {
  for (const shape of document.querySelectorAll(`svg [data-muscle="${slug}"]:not(.region--hit) path.muscle`)) {
    const box = shape.getBoundingClientRect();
    for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
      const x = box.left + box.width * j / 10, y = box.top + box.height * i / 10;
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.closest('[data-muscle]') && hit.closest('[data-muscle]').dataset.muscle === slug) return {x, y};
    }
  }
  return null;
}"""


def tap_muscle(page: Page, slug: str) -> None:
    """Tap the drawn muscle with a finger."""
    page.locator(f'svg [data-muscle="{slug}"]').first.scroll_into_view_if_needed()
    point = page.evaluate(_POINT_ON, slug)
    assert point, f"nowhere to tap the {slug}"
    page.touchscreen.tap(point["x"], point["y"])


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 812}, {"width": 1024, "height": 768}])
def test_only_the_offered_answers_can_be_chosen_and_the_feedback_lights_the_right_muscle(open_page, viewport):
    page = open_page(viewport=viewport, has_touch=True, is_mobile=viewport["width"] < 500)
    question = make_quiz(ATLAS, 4242)[0]
    page.goto("/quiz/4242/1")
    for slug in [s for s in SLUGS if s not in question.options]:  # dimmed: a tap does nothing
        if page.locator(f'svg [data-muscle="{slug}"]').count():
            tap_muscle(page, slug)
            page.wait_for_timeout(150)
            expect(page).to_have_url(re.compile(r"/quiz/4242/1$"))
    page.screenshot(path=f"/tmp/quiz-question-{viewport['width']}.png", full_page=True)
    assert set(page.locator("svg a.region").evaluate_all("els => els.map(e => e.dataset.muscle)")) == set(
        question.options
    )
    wrong = next(o for o in question.options if o != question.answer)
    tap_muscle(page, wrong)
    expect(page.locator("#panel-heading")).to_have_text("Not quite.")
    lit = page.locator(f'svg a.region[data-muscle="{question.answer}"]:not([aria-hidden]) path.muscle').first
    dimmed = page.locator(f'svg [data-muscle="{wrong}"] path.muscle').first
    fill = "el => getComputedStyle(el).fill"
    assert lit.evaluate(fill) == "rgb(184, 54, 15)"  # --muscle-selected: the right answer, lit
    assert dimmed.evaluate(fill) == "rgb(238, 233, 227)"  # every other muscle faint
    assert lit.is_visible() and lit.bounding_box()["height"] > 0
    page.screenshot(path=f"/tmp/quiz-feedback-{viewport['width']}.png", full_page=True)


# In print layout (A4 less its margins is 718 CSS px wide), what pokes out to the right of the
# page, and whether the corner with the QR code and address covers any of the page's words.
_PRINT_PROBLEMS = """() => {
  const right = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width && box.right > right + 0.5 && getComputedStyle(el).visibility !== 'hidden';
  }).map(el => el.tagName + '.' + (el.getAttribute('class') || ''));
  const corner = document.querySelector('.handout-footer').getBoundingClientRect();
  const covered = [...document.querySelectorAll('.panel h1, .panel__group, .panel__subtitle, .panel__summary, .key-number')]
    .filter(el => { const b = el.getBoundingClientRect();
      return b.width && b.left < corner.right && b.right > corner.left && b.top < corner.bottom && b.bottom > corner.top; })
    .map(el => el.getAttribute('class'));
  return {wide, covered};
}"""


def test_every_muscle_handout_stays_inside_the_page_and_its_corner_covers_no_words(open_page):
    page = open_page(viewport={"width": 718, "height": 1000})
    page.emulate_media(media="print")
    for slug in SLUGS:
        page.goto(f"/muscles/{slug}")
        assert page.evaluate(_PRINT_PROBLEMS) == {"wide": [], "covered": []}, slug


def test_the_printed_handout_has_nothing_in_its_right_margin(page: Page, tmp_path):
    """Rasterised as paper comes out of the printer: the right margin strip is blank paper."""
    for slug in ("calves", "tibialis-anterior"):
        page.goto(f"/muscles/{slug}")
        pdf = tmp_path / f"{slug}.pdf"
        pdf.write_bytes(page.pdf(format="A4", print_background=True))
        subprocess.run(
            ["pdftoppm", "-r", "72", "-png", "-singlefile", str(pdf), str(tmp_path / slug)], check=True
        )
        image = Image.open(tmp_path / f"{slug}.png").convert("L")
        margin = round(11 / 25.4 * 72) - 2  # the @page margin, less a little for anti-aliasing
        strip = image.crop((image.width - margin, 0, image.width, image.height))
        assert strip.getextrema()[0] >= 250, f"{slug}: something is printed in the right margin"
        assert (
            image.crop((0, 0, image.width - margin, image.height)).getextrema()[0] < 100
        )  # the page has ink


def test_the_worksheet_keeps_its_answers_shut_on_screen_and_prints_them(open_page):
    page = open_page(viewport={"width": 1024, "height": 768})
    page.goto("/worksheet")
    names = [
        m.name for m in ATLAS.muscles if page.locator(f'.worksheet__key li:has-text("{m.name}")').count()
    ]
    assert names
    shown = (
        "names => names.filter(n => [...document.querySelectorAll('main *')].some(el => "
        "el.childElementCount === 0 && el.textContent.includes(n) && el.checkVisibility()))"
    )
    for region in page.locator(".worksheet__figure").first.locator("[data-muscle]").all():
        region.hover(force=True)  # no hover name, tooltip or label gives a muscle away
        assert page.evaluate(shown, names) == [], region.get_attribute("data-muscle")
    # Paper has the key on page two although the screen keeps it shut.
    text = PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[1].extract_text()
    text = unicodedata.normalize("NFKC", text)  # the PDF sets "fl" as one ligature glyph
    assert [name for name in names if name not in text] == []
    page.get_by_text("Show the answers").click()
    expect(page.locator(".worksheet__key")).to_be_visible()
    assert page.evaluate(shown, names) == names
