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

// Offline classroom: the service worker keeps every page after one visit. The site works
// without it (old browsers, plain http on a school network), so a failure is not an error.
if ("serviceWorker" in navigator) {
  var worker = document.querySelector('meta[name="service-worker"]');
  if (worker) {
    navigator.serviceWorker.register(worker.content).catch(function () {});
  }
}
