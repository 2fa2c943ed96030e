"""Small actions a person performs, written once for every browser test."""

from __future__ import annotations

import time

from playwright.sync_api import Page

PHASE_MS = 1100  # how long Play shows each phase of the stride (static/player.js)

# A point inside the region's painted shape where a real click lands on the region's link
# (the centre of an irregular shape's box may be outside it or under another shape).
_FIND_POINT = """(slug) => {
  const link = document.querySelector(`svg a.region[data-muscle="${slug}"]:not([aria-hidden])`);
  for (const shape of link.querySelectorAll('path')) {
    const box = shape.getBoundingClientRect();
    for (let fy = 0.5, i = 0; i < 9; i++, fy = 0.1 + i * 0.1) {
      for (let fx = 0.5, j = 0; j < 9; j++, fx = 0.1 + j * 0.1) {
        const x = box.left + box.width * fx, y = box.top + box.height * fy;
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.closest('a') === link) return {x, y};
      }
    }
  }
  return null;
}"""


def click_region(page: Page, slug: str) -> None:
    """Click the visible muscle shape in the figure, as a mouse user would."""
    region = page.locator(f'svg a.region[data-muscle="{slug}"]:not([aria-hidden])')
    region.scroll_into_view_if_needed()
    point = page.evaluate(_FIND_POINT, slug)
    assert point, f"no clickable point on the {slug} region"
    page.mouse.click(point["x"], point["y"])


def mark_document(page: Page) -> None:
    """Tag the live document, to tell a swap (tag survives) from a reload (tag gone)."""
    page.evaluate("window.__notReloaded = true")


def document_was_kept(page: Page) -> bool:
    """True when no full navigation happened since :func:`mark_document`."""
    return page.evaluate("window.__notReloaded === true")


def click_region_in_frame(page: Page, frame_selector: str, slug: str) -> None:
    """Click the visible muscle shape in a figure shown inside the iframe ``frame_selector``."""
    frame = page.frame_locator(frame_selector)
    frame.locator(f'svg a.region[data-muscle="{slug}"]:not([aria-hidden])').scroll_into_view_if_needed()
    element = page.locator(frame_selector).element_handle()
    box, inside = element.bounding_box(), element.content_frame()
    point = inside.evaluate(_FIND_POINT, slug) if inside else None
    assert box and point, f"no clickable point on the {slug} region"
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


# Play announces each frame it draws; the first one says it has started.
_COUNT_PLAYER_FRAMES = """() => {
  window.__playerFrames = 0;
  document.addEventListener('player:frame', () => { window.__playerFrames += 1; }, true);
}"""


def run_until_playing(page: Page, seconds: float = 20) -> None:
    """Move the page's paused clock a frame at a time until Play draws its first frame.

    Play starts once its frames are fetched and parsed, which takes real time, and a busy
    machine stretches it; stepping the clock a phase at a time before then would skip poses.
    """
    page.evaluate(_COUNT_PLAYER_FRAMES)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page.clock.run_for(16)  # one animation frame of the fake clock
        if page.evaluate("window.__playerFrames > 0"):
            return
        page.wait_for_timeout(20)  # real time, for the fetch to land
    raise AssertionError(f"Play drew no frame within {seconds:.0f} s")
