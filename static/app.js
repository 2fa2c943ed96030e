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

// Buttons that print the page (the worksheet); printing needs script, so they are inert without it.
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-print]")) {
    window.print();
  }
});
