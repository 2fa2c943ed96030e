// Play, for every view that has it (stride mode, the speed view, the presenter). The links
// work without this file (and without JavaScript at all); this loops through the view's
// frames, fetched once from the stage's data-frames address and then played in the browser.
// A frame is a <template>: each element in it fills the page element with the same id (the
// figure, its caption, the text that describes the pose), so the words always describe the
// pose shown. A new view adds frames, not players (webapp/views/frames.py).
"use strict";

(function () {
  var FRAME_MS = 1100; // a phase of the stride, unless the stage sets data-frame-ms
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var framesByUrl = {};
  var player = null; // {stage, frames, frameMs, start, shown, started, request}

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
          // Every pose draws the same outlines: they come once, and each frame names them.
          var outlines = Array.prototype.map.call(parsed.querySelectorAll("[data-outlines] path"), function (path) {
            return path.getAttribute("d");
          });
          return Array.prototype.map.call(parsed.querySelectorAll("template[data-key]"), function (frame) {
            frame.content.querySelectorAll("[data-outline]").forEach(function (path) {
              path.setAttribute("d", outlines[path.dataset.outline]);
              path.removeAttribute("data-outline");
            });
            return frame;
          });
        })
        .catch(function (error) {
          delete framesByUrl[url]; // try again on the next Play
          throw error;
        });
    }
    return framesByUrl[url];
  }

  // Contents are replaced, not elements, so focus and the page's own attributes stay.
  function showFrame(stage, frame) {
    Array.prototype.forEach.call(document.importNode(frame.content, true).children, function (part) {
      var target = document.getElementById(part.id);
      if (target && stage.contains(target)) {
        target.replaceChildren.apply(target, Array.prototype.slice.call(part.childNodes));
        htmx.process(target);
      }
    });
    // What marks the phase shown: the stepper's link and the chart's column.
    stage.querySelectorAll("[data-phase]").forEach(function (mark) {
      var shown = mark.dataset.phase === frame.dataset.key;
      if (mark.localName !== "a") {
        mark.classList.toggle("is-current", shown);
      } else if (shown) {
        mark.setAttribute("aria-current", "step");
      } else {
        mark.removeAttribute("aria-current");
      }
    });
    stage.dataset.showing = frame.dataset.key;
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
    var index = (player.start + Math.floor((now - player.started) / player.frameMs)) % player.frames.length;
    if (index !== player.shown) {
      player.shown = index;
      showFrame(player.stage, player.frames[index]);
    }
    // Each drawn frame is announced to scripts (not to people), for bench/speed.py.
    player.stage.dispatchEvent(new CustomEvent("player:frame", { detail: { time: now } }));
    player.request = window.requestAnimationFrame(tick);
  }

  // Only a pause is spoken: the live region never repeats each frame.
  function setPlaying(stage, playing, words) {
    var button = stage.querySelector("[data-play]");
    var status = stage.querySelector("#play-status");
    button.setAttribute("aria-pressed", playing ? "true" : "false");
    button.textContent = playing ? "Pause" : "Play";
    stage.dataset.playing = playing ? "true" : "false";
    if (status) {
      status.textContent = words || "";
    }
  }

  function play(stage) {
    setPlaying(stage, true);
    fetchFrames(stage.dataset.frames).then(function (frames) {
      if (stage.dataset.playing !== "true" || !document.body.contains(stage)) {
        return;
      }
      // Start from where a pause left it, else the page's own pose when it is one of the
      // frames, else the first.
      var at = stage.dataset.pausedAt || stage.dataset.phase;
      delete stage.dataset.pausedAt;
      var onPage = frames.findIndex(function (f) { return f.dataset.key === at; });
      player = { stage: stage, frames: frames, frameMs: parseFloat(stage.dataset.frameMs) || FRAME_MS, start: Math.max(onPage, 0), shown: onPage, started: null };
      player.request = window.requestAnimationFrame(tick);
    }, function () {
      setPlaying(stage, false, "Play needs a connection");
    });
  }

  // Pausing lands on the pose shown; where the page links to it (a stride phase), on its own
  // URL, panel and Back entry.
  function pause(stage) {
    var shown = player && player.stage === stage ? player.frames[player.shown] : null;
    if (player) {
      window.cancelAnimationFrame(player.request);
    }
    player = null;
    setPlaying(stage, false, shown ? "Paused at " + shown.dataset.label : "Paused");
    var link = shown && shown.dataset.key !== stage.dataset.phase && stage.querySelector('a[data-phase="' + shown.dataset.key + '"]');
    if (link) {
      link.click();
    } else if (shown) {
      stage.dataset.pausedAt = shown.dataset.key; // no address of its own: Play goes on from here
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
        pause(stage);
      } else {
        play(stage);
      }
    });
    if (stage.dataset.autoplay === "true" && !reducedMotion.matches) {
      play(stage);
    }
  }

  // Window-level control (the presenter's S key): player:toggle.
  document.addEventListener("player:toggle", function () {
    var button = document.querySelector("[data-frames] [data-play]");
    if (button) {
      button.click();
    }
  });

  htmx.onLoad(setUp);
})();
