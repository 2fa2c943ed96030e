// Presenter view keyboard: works with presentation clickers (they send Page Down / Page Up
// or the arrow keys). Each key clicks a real link on the page, so every state keeps its URL.
"use strict";

(function () {
  var KEYS = {
    ArrowRight: "next",
    PageDown: "next",
    ArrowLeft: "previous",
    PageUp: "previous",
    q: "qr",
    Q: "qr",
    p: "details",
    P: "details",
    Escape: "exit"
  };

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || !document.body.classList.contains("presenting") || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === "s" || event.key === "S") {
      event.preventDefault();
      document.dispatchEvent(new Event("player:toggle"));
      return;
    }
    var name = KEYS[event.key] || (/^[0-9]$/.test(event.key) ? (event.key === "0" ? "10" : event.key) : null);
    var link = name && document.querySelector('a[data-key="' + name + '"]');
    if (link) {
      event.preventDefault();
      link.click();
    }
  });
})();
