// Clickers and keys for every page that steps: tours, stride mode, the speed view and the
// presenter. A presentation clicker sends Page Down / Page Up; keyboards add the arrows.
// Each key clicks a real link on the page (rel="next" / rel="prev", and the presenter's
// data-key links), so every state keeps its URL, and the pages work without this file.
"use strict";

(function () {
  var MOVES = { ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev" };
  // Presenter only (single-letter keys would get in the way of reading anywhere else).
  var PRESENTER_KEYS = { q: "qr", Q: "qr", p: "details", P: "details", Escape: "exit" };
  var NUMBER_WAIT_MS = 900; // after "1", wait this long for a second digit ("11")
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var typed = "";
  var typedTimer = null;

  function isTyping(target) {
    return Boolean(target.closest && target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])"));
  }

  // A key's move is under way from its click until the page it asked for settles (or, should
  // no swap follow, a short while): a second press meanwhile waits for it.
  var swapping = false;
  var waiting = null;
  var swapTimer = 0;
  function settled() {
    window.clearTimeout(swapTimer);
    swapping = false;
    var move = waiting;
    waiting = null;
    if (move) {
      follow(document.querySelector('a[rel~="' + move + '"]'));
    }
  }

  function follow(link) {
    if (link) {
      swapping = true;
      window.clearTimeout(swapTimer);
      swapTimer = window.setTimeout(settled, 3000);
      link.click();
    }
    return Boolean(link);
  }

  // Page Down in a long panel (the presenter's Full panel) reads on before it moves on;
  // Page Up reads back before it goes back.
  function scrollFirst(direction) {
    var panel = document.querySelector("[data-scroll-first]");
    if (!panel) {
      return false;
    }
    var room = direction === "next" ? panel.scrollHeight - panel.clientHeight - panel.scrollTop : panel.scrollTop;
    if (room < 2) {
      return false;
    }
    var step = Math.min(room, Math.round(panel.clientHeight * 0.85));
    panel.scrollBy({ top: direction === "next" ? step : -step, behavior: reducedMotion.matches ? "auto" : "smooth" });
    return true;
  }

  // Slide numbers: a digit goes at once when no longer number starts with it; otherwise
  // (1 of 1, 10 and 11) a second digit, Enter or a short wait settles it.
  function numberLink(number) {
    return document.querySelector('a[data-key="' + number + '"]');
  }
  function longerNumbers(prefix) {
    return Array.prototype.some.call(document.querySelectorAll("a[data-key]"), function (link) {
      var key = link.dataset.key;
      return key.length > prefix.length && key.indexOf(prefix) === 0;
    });
  }
  function goToTyped() {
    window.clearTimeout(typedTimer);
    var link = numberLink(typed);
    typed = "";
    follow(link);
  }
  function typeDigit(digit) {
    typed += digit;
    if (!numberLink(typed) && !longerNumbers(typed)) {
      typed = "";
      return;
    }
    window.clearTimeout(typedTimer);
    if (longerNumbers(typed)) {
      typedTimer = window.setTimeout(goToTyped, NUMBER_WAIT_MS);
    } else {
      goToTyped();
    }
  }

  ["htmx:afterSettle", "htmx:responseError", "htmx:sendError", "htmx:swapError"].forEach(function (name) {
    document.addEventListener(name, settled);
  });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target) || document.querySelector("dialog[open]")) {
      return;
    }
    var move = MOVES[event.key];
    if (move && !event.shiftKey && swapping) {
      // A clicker pressed twice quickly: the next and previous links are the old page's until
      // the swap settles, so the press waits for it rather than following a stale link.
      event.preventDefault();
      waiting = move;
      return;
    }
    if (move && !event.shiftKey) {
      var handled = (event.key.indexOf("Page") === 0 && scrollFirst(move)) || follow(document.querySelector('a[rel~="' + move + '"]'));
      if (handled) {
        event.preventDefault();
      }
      return;
    }
    if (!document.body.classList.contains("presenting")) {
      return;
    }
    if (/^[0-9]$/.test(event.key)) {
      event.preventDefault();
      typeDigit(event.key);
    } else if (event.key === "Enter" && typed) {
      event.preventDefault();
      goToTyped();
    } else if (event.key === "s" || event.key === "S") {
      event.preventDefault();
      document.dispatchEvent(new Event("player:toggle"));
    } else if (event.key === "g" || event.key === "G") {
      var dialog = document.querySelector("dialog[data-goto]");
      if (dialog) {
        event.preventDefault();
        openGoTo(dialog);
      }
    } else if (follow(PRESENTER_KEYS[event.key] && document.querySelector('a[data-key="' + PRESENTER_KEYS[event.key] + '"]'))) {
      event.preventDefault();
    }
  });

  // The go-to list: every slide as a link, filtered as you type; Enter opens the first
  // match, the arrow keys walk the matches, Escape closes (the browser's own dialog key).
  function matches(dialog) {
    return Array.prototype.filter.call(dialog.querySelectorAll("[data-goto-list] a"), function (link) {
      return !link.parentNode.hidden;
    });
  }
  function openGoTo(dialog) {
    var field = dialog.querySelector("input");
    field.value = "";
    filter(dialog);
    dialog.showModal();
    field.focus();
  }
  function filter(dialog) {
    var words = dialog.querySelector("input").value.trim().toLowerCase();
    var shown = 0;
    dialog.querySelectorAll("[data-goto-list] li").forEach(function (item) {
      var text = item.textContent.replace(/\s+/g, " ").trim().toLowerCase();
      // A number matches from its start, a name from the start of any word in it.
      item.hidden = Boolean(words) && !(" " + text).includes(" " + words);
      shown += item.hidden ? 0 : 1;
    });
    dialog.querySelector("[data-goto-none]").hidden = shown > 0;
  }
  function setUpGoTo(root) {
    var dialog = root.querySelector && root.querySelector("dialog[data-goto]");
    if (!dialog) {
      return;
    }
    var field = dialog.querySelector("input");
    field.addEventListener("input", function () {
      filter(dialog);
    });
    dialog.addEventListener("keydown", function (event) {
      var links = matches(dialog);
      var at = links.indexOf(document.activeElement);
      if (event.key === "Enter" && event.target === field) {
        event.preventDefault();
        if (links.length) {
          dialog.close();
          links[0].click();
        }
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var next = event.key === "ArrowDown" ? at + 1 : at - 1;
        if (next < 0) {
          field.focus();
        } else if (links[Math.min(next, links.length - 1)]) {
          links[Math.min(next, links.length - 1)].focus();
        }
      }
    });
    dialog.querySelectorAll("[data-goto-list] a").forEach(function (link) {
      link.addEventListener("click", function () {
        dialog.close();
      });
    });
    root.querySelectorAll("[data-goto-open]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        openGoTo(dialog);
      });
    });
  }

  // A new slide takes focus on its container, so the next key and a screen reader start
  // there; it is not a control, so it shows no focus ring (app.css), while the controls do.
  document.addEventListener("htmx:afterSettle", function () {
    var slide = document.querySelector("[data-slide]");
    if (slide) {
      slide.focus({ preventScroll: true });
    }
  });

  htmx.onLoad(setUpGoTo);
})();
