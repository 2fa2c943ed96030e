// Stride mode's play button. The stepper's links work without this file (and without
// JavaScript at all); this adds a loop through the six poses, fetched once per muscle
// selection and then played entirely in the browser.
"use strict";

(function () {
  var FRAME_MS = 1100;
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var framesByUrl = {};
  var player = null; // {stage, button, frames, index, timer}

  function fetchFrames(url) {
    if (!framesByUrl[url]) {
      framesByUrl[url] = fetch(url, { headers: { "HX-Request": "true" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("frames " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var parsed = new DOMParser().parseFromString(html, "text/html");
          return Array.prototype.map.call(parsed.querySelectorAll("template[data-phase]"), function (t) {
            return { phase: t.dataset.phase, caption: t.dataset.caption, content: t.content };
          });
        });
    }
    return framesByUrl[url];
  }

  function showFrame(stage, frame) {
    var figure = stage.querySelector("#stride-figure");
    figure.replaceChildren(document.importNode(frame.content, true));
    stage.querySelector("#stride-caption").textContent = frame.caption;
    stage.querySelectorAll(".phase-steps a").forEach(function (link) {
      if (link.dataset.phase === frame.phase) {
        link.setAttribute("aria-current", "step");
      } else {
        link.removeAttribute("aria-current");
      }
    });
    stage.querySelectorAll(".chart__column").forEach(function (column) {
      column.classList.toggle("is-current", column.dataset.phase === frame.phase);
    });
    stage.dataset.showing = frame.phase;
  }

  function setButton(button, playing) {
    button.setAttribute("aria-pressed", playing ? "true" : "false");
    button.textContent = playing ? "Pause" : "Play";
  }

  function play(stage, button) {
    setButton(button, true);
    stage.dataset.playing = "true";
    fetchFrames(stage.dataset.frames).then(function (frames) {
      if (stage.dataset.playing !== "true" || !document.body.contains(stage)) {
        return;
      }
      var start = frames.findIndex(function (f) { return f.phase === stage.dataset.phase; });
      player = { stage: stage, button: button, frames: frames, index: Math.max(start, 0), timer: null };
      player.timer = window.setInterval(advance, FRAME_MS);
    });
  }

  function advance() {
    if (!player || !document.body.contains(player.stage)) {
      stopTimer();
      return;
    }
    player.index = (player.index + 1) % player.frames.length;
    showFrame(player.stage, player.frames[player.index]);
  }

  function stopTimer() {
    if (player && player.timer) {
      window.clearInterval(player.timer);
    }
    player = null;
  }

  // Pausing lands on the phase being shown: its own URL, panel and Back entry.
  function pause(stage, button) {
    var showing = stage.dataset.showing;
    stopTimer();
    stage.dataset.playing = "false";
    setButton(button, false);
    if (showing && showing !== stage.dataset.phase) {
      var link = stage.querySelector('.phase-steps a[data-phase="' + showing + '"]');
      if (link) {
        link.click();
      }
    }
  }

  function setUp(root) {
    var stage = root.matches && root.matches("[data-frames]") ? root : root.querySelector("[data-frames]");
    if (!stage) {
      return;
    }
    var button = stage.querySelector("[data-play]");
    button.hidden = false;
    button.addEventListener("click", function () {
      if (stage.dataset.playing === "true") {
        pause(stage, button);
      } else {
        play(stage, button);
      }
    });
    if (stage.dataset.autoplay === "true" && !reducedMotion.matches) {
      play(stage, button);
    }
  }

  // Window-level controls (used by the presenter view's S key): stride:toggle.
  document.addEventListener("stride:toggle", function () {
    var button = document.querySelector("[data-frames] [data-play]");
    if (button) {
      button.click();
    }
  });

  htmx.onLoad(setUp);
})();
