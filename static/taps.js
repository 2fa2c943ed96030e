// Stride Anatomy: a finger's tap on the runner opens the muscle drawn under the finger.
//
// Why: phone browsers "adjust" a touch towards a nearby link, and Chromium judges the links
// near a finger by their bounding boxes. On a drawn figure those boxes overlap (the box of the
// shin muscle covers half the calf), so a tap in the middle of the calf could open the shin
// muscle. The pointerdown event already names the adjusted link but still carries the
// finger's own point, so the link actually painted there is known; when the click that
// follows goes to another link, it is sent to the one under the finger instead. A mouse is
// never adjusted, and without this script every muscle is still a plain link.
"use strict";
(function () {
  var FIGURE_LINK = "svg.runner a[href]";
  var underFinger = null;

  function linkAt(x, y) {
    var hit = document.elementFromPoint(x, y);
    return hit && hit.closest ? hit.closest(FIGURE_LINK) : null;
  }

  document.addEventListener("pointerdown", function (event) {
    underFinger = event.pointerType === "mouse" || !event.isPrimary ? null : linkAt(event.clientX, event.clientY);
  }, true);

  document.addEventListener("click", function (event) {
    var intended = underFinger;
    underFinger = null;
    var chosen = event.target && event.target.closest ? event.target.closest("a[href], button") : null;
    if (!intended || !intended.isConnected || chosen === intended) {
      return;
    }
    // Another copy of the same muscle (the other leg, its label) opens the same page.
    if (chosen && chosen.getAttribute("href") === intended.getAttribute("href")) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    intended.dispatchEvent(new MouseEvent("click", {
      bubbles: true, cancelable: true, view: window, clientX: event.clientX, clientY: event.clientY,
    }));
  }, true);
})();
