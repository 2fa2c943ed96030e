// Stride Anatomy: the little the page needs beyond htmx. Everything works without it.
"use strict";

// After a muscle's panel is swapped in, move focus to its heading so keyboard and
// screen-reader users land on (and hear) what they asked for.
document.addEventListener("htmx:afterSettle", function (event) {
  if (!event.detail || !event.detail.requestConfig) {
    return;
  }
  var heading = document.getElementById("panel-heading");
  if (heading) {
    heading.focus();
  }
});

// When only the panel was swapped (another muscle in the same figure), the figure and the
// list still mark the old muscle: move their marks to the panel's muscle. Without this
// script those links are plain page loads, which the server marks itself.
function markMuscle(slug) {
  document.querySelectorAll("#stage .figure a[data-muscle], #stage .muscle-list a[data-muscle]").forEach(function (link) {
    var current = link.dataset.muscle === slug;
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
