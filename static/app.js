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
