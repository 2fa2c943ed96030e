"""Tapping the runner as a finger, a pen and a mouse do, on a grid of points inside each drawn
muscle, and reading back which muscle each tap asked for.

The grid comes from the figure as the browser drew it: for every drawn copy of a muscle, an
n × n grid over its box, kept where that copy is the shape painted on top (``isPointInFill`` /
``isPointInStroke`` on the muscle, skin and skin-edge shapes, in paint order); a copy too thin
for the grid gets one point from a finer one. Every request a
tap sends is answered 204 and recorded, so the page never changes and what a tap "opened" is
the address it asked for, whichever code (a link, htmx) asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from playwright.sync_api import Page, Route

# The shapes of the figure `svg` in paint order, and `topmost(x, y)`: the muscle, skin or
# skin-edge shape painted on top at a viewport point (a muscle's or an edge's stroke counts),
# or null. Shared by every check that asks what a finger sees where it lands.
PAINTED_ON_TOP = """
  const painted = [...svg.querySelectorAll('.muscle, .skin, .skin-edge')].map(el => ({
    el, rect: el.getBoundingClientRect(), inverse: el.getScreenCTM().inverse(),
    muscle: el.classList.contains('muscle'), edge: el.classList.contains('skin-edge'),
    link: el.closest('a[data-muscle]'),
    slug: el.closest('a') ? el.closest('a').dataset.muscle : null,
    primary: el.closest('a') ? !el.closest('a').hasAttribute('aria-hidden') : false,
  }));
  const topmost = (x, y) => {
    for (let i = painted.length - 1; i >= 0; i--) {
      const p = painted[i];
      if (x < p.rect.left || x > p.rect.right || y < p.rect.top || y > p.rect.bottom) continue;
      const local = new DOMPoint(x, y).matrixTransform(p.inverse);
      if (p.el.isPointInFill(local) || ((p.edge || p.muscle) && p.el.isPointInStroke(local))) return p;
    }
    return null;
  };
"""

# Returns [{slug, leg, x, y}] in CSS px of the viewport, for every drawn muscle copy of the
# figure `selector` (links that are only grown tap areas or labels are not drawn muscles).
GRID = (
    """([selector, n]) => {
  const svg = document.querySelector(selector);"""
    + PAINTED_ON_TOP
    + """
  const middleOf = (found) => {
    const mx = found.reduce((s, p) => s + p.x, 0) / found.length, my = found.reduce((s, p) => s + p.y, 0) / found.length;
    return found.reduce((a, b) => Math.hypot(a.x - mx, a.y - my) <= Math.hypot(b.x - mx, b.y - my) ? a : b);
  };
  const points = [];
  const links = new Set(painted.filter(p => p.muscle).map(p => p.link));
  for (const link of links) {
    const rects = painted.filter(p => p.link === link && p.muscle).map(p => p.rect);
    const left = Math.min(...rects.map(r => r.left)), right = Math.max(...rects.map(r => r.right));
    const top = Math.min(...rects.map(r => r.top)), bottom = Math.max(...rects.map(r => r.bottom));
    const inside = (size) => {
      const found = [];
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) {
          const x = left + (i + 0.5) * (right - left) / size, y = top + (j + 0.5) * (bottom - top) / size;
          if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
          const top_ = topmost(x, y);
          if (top_ && top_.link === link) found.push({slug: link.dataset.muscle, leg: link.dataset.leg || null, x, y});
        }
      }
      return found;
    };
    let found = inside(n);
    // A thin muscle the coarse grid misses still gets one tap: the middle of a fine grid's points.
    if (!found.length) { const fine = inside(20); found = fine.length ? [middleOf(fine)] : []; }
    points.push(...found);
  }
  return points;
}"""
)

# A tap "asks for" the last path segment of the page or fragment it requests.
ASKED = re.compile(r"/([a-z0-9-]+)/?(?:\?.*)?$")


@dataclass(frozen=True)
class Tap:
    """One tap: which drawn muscle copy it landed in, where, and the muscle it asked for."""

    slug: str
    leg: str | None
    x: float
    y: float
    opened: str | None

    @property
    def wrong(self) -> bool:
        """The tap asked for something other than the muscle under it."""
        return self.opened != self.slug


def grid(page: Page, n: int = 10, selector: str = "svg.runner") -> list[dict]:
    """The grid points inside every drawn muscle of the figure, scrolled to the top first."""
    page.locator(selector).first.evaluate("svg => svg.scrollIntoView({block: 'start'})")
    return page.evaluate(GRID, [selector, n])


def record_requests(page: Page) -> list[str]:
    """From now on answer every page or htmx request with 204 (nothing changes) and collect
    their addresses; scripts, styles and images load as usual."""
    asked: list[str] = []

    def answer(route: Route) -> None:
        request = route.request
        if request.is_navigation_request() or request.headers.get("hx-request"):
            asked.append(request.url)
            route.fulfill(status=204)
        else:
            route.continue_()

    page.route("**/*", answer)
    return asked


def press(page: Page, how: str, x: float, y: float) -> None:
    """Tap, click or pen-tap at (x, y): ``how`` is "finger", "mouse" or "pen"."""
    if how == "finger":
        page.touchscreen.tap(x, y)
    elif how == "mouse":
        page.mouse.click(x, y)
    else:  # Playwright has no pen; Chromium's DevTools protocol sends one.
        session = page.context.new_cdp_session(page)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            session.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1, "pointerType": "pen"},
            )
        session.detach()


def tap_all(page: Page, points: Iterable[dict], how: str = "finger", wait_ms: float = 5000) -> list[Tap]:
    """Tap every point and record what each asked for (None: nothing within ``wait_ms``, which
    is long because a busy machine may take a second or more to route a request)."""
    # htmx must have taken over the figure's links first: a tap on a link it has not yet
    # processed is a whole-page navigation, and every tap after it lands on a page going away.
    page.wait_for_function(
        "() => [...document.querySelectorAll('svg.runner a[hx-get]')].every(a => a['htmx-internal-data'])"
    )
    asked = record_requests(page)
    taps = []
    for point in points:
        before = len(asked)
        press(page, how, point["x"], point["y"])
        waited = 0.0
        while len(asked) == before and waited < wait_ms:
            page.wait_for_timeout(10)
            waited += 10
        opened = ASKED.search(asked[-1]).group(1) if len(asked) > before else None
        taps.append(Tap(point["slug"], point["leg"], point["x"], point["y"], opened))
        del asked[before:]
    page.unroute("**/*")
    return taps


def show_figure(page: Page, markup: str) -> None:
    """Put a drawn figure in the page in place of its runner (the page's own styles, scripts
    and htmx then apply to it), as a page that draws that view would show it."""
    page.evaluate(
        """(markup) => {
          const old = document.querySelector('svg.runner');
          old.insertAdjacentHTML('afterend', markup);
          const figure = old.nextElementSibling;
          old.remove();
          if (window.htmx) htmx.process(figure);
        }""",
        markup,
    )
