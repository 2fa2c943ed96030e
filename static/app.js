// Stride Anatomy: the little the page needs beyond htmx. Everything works without it.
"use strict";

// After a swap, attention goes where the reader expects. A finger, mouse or pen on the runner's
// pane (the figure, its view controls, the muscle list, the stride stepper) leaves the page
// where it is: in one column, focusing the heading below the runner threw the runner
// off-screen. The new name shows in the bar above the runner and a polite live region reads
// it out. Anything else (a keyboard: Enter on a link is a click with no pointer, detail 0; a
// link in the text; a script) moves focus to the new heading and brings it into view, as a
// page load would.
var scrollBeforeSwap = null;
var headingBeforeSwap = "";

function staysPut(detail) {
  var trigger = detail.requestConfig && detail.requestConfig.triggeringEvent;
  var source = detail.requestConfig && detail.requestConfig.elt;
  return Boolean(trigger && trigger.type === "click" && trigger.detail > 0 && source && source.closest && source.closest(".figure-pane"));
}

function announce(text) {
  var region = document.querySelector("[data-announce]");
  if (!region || !text) {
    return;
  }
  // Emptied first, so the same words twice in a row are still read out.
  region.textContent = "";
  window.setTimeout(function () {
    region.textContent = text;
  }, 50);
}

function besideEachOther(pane, panel) {
  return pane && panel && pane.getBoundingClientRect().right <= panel.getBoundingClientRect().left;
}

function headingText() {
  var heading = document.getElementById("panel-heading");
  return heading ? heading.textContent.trim() : "";
}

document.addEventListener("htmx:beforeSwap", function () {
  scrollBeforeSwap = window.scrollY;
  headingBeforeSwap = headingText();
});

document.addEventListener("htmx:afterSettle", function (event) {
  var detail = event.detail;
  // Fired once for each swapped element (the panel and its out-of-band companions): act once.
  if (!detail || !detail.requestConfig || detail.requestConfig.attentionPlaced) {
    return;
  }
  detail.requestConfig.attentionPlaced = true;
  var heading = document.getElementById("panel-heading");
  if (!heading) {
    return;
  }
  if (!staysPut(detail)) {
    heading.focus({ preventScroll: true });
    var box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      heading.scrollIntoView({ block: "start" });
    }
    return;
  }
  if (scrollBeforeSwap !== null && window.scrollY !== scrollBeforeSwap) {
    window.scrollTo(0, scrollBeforeSwap);
  }
  // Side by side (laptops, projectors) the runner stays put while the page scrolls, so another
  // muscle's panel opens at its heading when the reader was deep in the old one.
  var panel = document.getElementById("panel");
  var another = headingText() !== headingBeforeSwap;
  if (another && besideEachOther(document.querySelector(".figure-pane"), panel) && heading.getBoundingClientRect().top < 0) {
    panel.scrollIntoView({ block: "start" });
  }
  var source = detail.requestConfig.elt;
  var says = source && source.closest && source.closest("[data-announce-as]");
  announce(says ? says.dataset.announceAs + ": " + headingText() : headingText());
});

// Back and Forward restore where the reader was. htmx fetches the page again (its snapshot
// cache is off) and swaps it in after the browser has already tried to scroll, so each
// address's position is kept here and put back once the page is in.
var SCROLL_KEY = "stride-scroll";

function keptScroll() {
  try {
    return JSON.parse(sessionStorage.getItem(SCROLL_KEY)) || {};
  } catch (error) {
    return {};
  }
}

document.addEventListener("htmx:beforeHistorySave", function (event) {
  var kept = keptScroll();
  kept[event.detail.path] = window.scrollY;
  try {
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify(kept));
  } catch (error) {
    // Private modes may refuse storage: Back then opens at the top, as without script.
  }
});
document.addEventListener("htmx:historyRestore", function (event) {
  var y = keptScroll()[event.detail.path];
  if (typeof y === "number") {
    window.scrollTo(0, y);
  }
});

// When only the panel was swapped (another muscle in the same figure), the figure and the
// list still mark the old muscle: move their marks to the panel's muscle. Without this
// script those links are plain page loads, which the server marks itself.
function markMuscle(slug) {
  document.querySelectorAll("#stage .figure a[data-muscle], #stage .muscle-list a[data-muscle]").forEach(function (link) {
    var current = link.dataset.muscle === slug;
    // Only the old and the new muscle change: the rest are left alone, so as little as
    // possible of the runner is styled again.
    if (current === link.hasAttribute("aria-current")) {
      return;
    }
    if (current) {
      link.setAttribute("aria-current", "page");
    } else {
      link.removeAttribute("aria-current");
    }
    if (link.classList.contains("region--label") || link.classList.contains("region--current-label")) {
      link.classList.toggle("region--current-label", current);
      link.classList.toggle("region--label", !current);
    }
    if (link.matches("a.region:not([aria-hidden])") && link.closest("svg").dataset.keyboard) {
      link.setAttribute("tabindex", current ? "0" : "-1");
    }
  });
  // With names shown on a narrow screen, the muscle's number is filled as the muscle is.
  document.querySelectorAll("#stage .figure .badge[data-muscle]").forEach(function (badge) {
    badge.classList.toggle("badge--current", badge.dataset.muscle === slug);
  });
}
document.addEventListener("htmx:afterSwap", function (event) {
  var swapped = event.detail && event.detail.target;
  // outerHTML swaps replace the target: read the new panel from the document.
  var panel = swapped && swapped.id === "panel" && document.getElementById("panel");
  if (panel) {
    markMuscle(panel.dataset.muscle || "");
  }
});

// Print controls need script, so they start hidden and appear only where it runs.
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-print]")) {
    event.preventDefault();
    window.print();
  }
});
document.addEventListener("htmx:load", function (event) {
  event.target.querySelectorAll("[data-print][hidden]").forEach(function (control) {
    control.hidden = false;
  });
});

// Keyboard model for the runner (after body-muscles): the figure is one tab stop; arrow keys
// move between muscles from head to foot, Home and End jump to the ends, Enter opens one.
// Without this script every muscle is simply its own tab stop.
function enhanceFigure(svg) {
  var regions = Array.prototype.slice.call(svg.querySelectorAll("a.region:not([aria-hidden])"));
  if (!regions.length || svg.dataset.keyboard) {
    return;
  }
  svg.dataset.keyboard = "arrows";
  regions.sort(function (a, b) {
    return a.getBoundingClientRect().top - b.getBoundingClientRect().top;
  });
  var current = regions.filter(function (r) { return r.getAttribute("aria-current"); })[0] || regions[0];
  regions.forEach(function (region) {
    region.setAttribute("tabindex", region === current ? "0" : "-1");
  });
  svg.addEventListener("keydown", function (event) {
    var index = regions.indexOf(document.activeElement);
    var moves = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: regions.length - 1 };
    if (index < 0 || !(event.key in moves)) {
      return;
    }
    event.preventDefault();
    var next = regions[(moves[event.key] + regions.length) % regions.length];
    regions[index].setAttribute("tabindex", "-1");
    next.setAttribute("tabindex", "0");
    next.focus();
  });
}

document.addEventListener("htmx:load", function (event) {
  event.target.querySelectorAll("svg.runner").forEach(enhanceFigure);
});

// "Copy the code" under a muscle's embed code: the code can always be selected by hand, so
// the button needs script and appears only where it runs.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  var field = document.getElementById(button.dataset.copy);
  var done = button.parentNode.querySelector(".embed-code__done");
  field.select();
  navigator.clipboard.writeText(field.value).then(function () {
    done.textContent = "Copied.";
  }, function () {
    done.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
  });
});
document.addEventListener("htmx:load", function (event) {
  event.target.querySelectorAll("[data-copy][hidden]").forEach(function (control) {
    control.hidden = !(navigator.clipboard && navigator.clipboard.writeText);
  });
});
