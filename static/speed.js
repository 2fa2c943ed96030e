// The speed view's play button. The speed links work without this file (and without
// JavaScript at all); this adds a loop through one speed's sampled poses, fetched once, shown
// at that speed's real stride time (data-frame-ms per pose), timed by the display's frames.
"use strict";

(function () {
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var framesByUrl = {};
  var player = null; // {stage, frames, frameMs, started, shown, request}

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
          return Array.prototype.map.call(parsed.querySelectorAll("template[data-percent]"), function (t) {
            return { caption: t.dataset.caption, content: t.content };
          });
        });
    }
    return framesByUrl[url];
  }

  function showFrame(stage, frame) {
    stage.querySelector("#speed-figure").replaceChildren(document.importNode(frame.content, true));
    stage.querySelector("#speed-caption").textContent = frame.caption;
  }

  function setButton(button, playing) {
    button.setAttribute("aria-pressed", playing ? "true" : "false");
    button.textContent = playing ? "Pause" : "Play";
  }

  // Which pose to show is worked out from the clock, so a slow frame skips a pose rather
  // than slowing the stride down.
  function tick(now) {
    if (!player || !document.body.contains(player.stage)) {
      player = null;
      return;
    }
    if (player.started === null) {
      player.started = now;
    }
    var index = Math.floor((now - player.started) / player.frameMs) % player.frames.length;
    if (index !== player.shown) {
      player.shown = index;
      showFrame(player.stage, player.frames[index]);
    }
    // Each drawn frame is announced, for bench/speed.py to measure how evenly Play runs.
    player.stage.dispatchEvent(new CustomEvent("speed:frame", { detail: { time: now } }));
    player.request = window.requestAnimationFrame(tick);
  }

  function play(stage, button) {
    setButton(button, true);
    stage.dataset.playing = "true";
    fetchFrames(stage.dataset.speedFrames).then(function (frames) {
      if (stage.dataset.playing !== "true" || !document.body.contains(stage)) {
        return;
      }
      player = { stage: stage, frames: frames, frameMs: parseFloat(stage.dataset.frameMs), started: null, shown: -1 };
      player.request = window.requestAnimationFrame(tick);
    });
  }

  function pause(stage, button) {
    if (player) {
      window.cancelAnimationFrame(player.request);
    }
    player = null;
    stage.dataset.playing = "false";
    setButton(button, false);
  }

  function setUp(root) {
    var stage = root.matches && root.matches("[data-speed-frames]") ? root : root.querySelector("[data-speed-frames]");
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

  htmx.onLoad(setUp);
})();
