// Stride Anatomy's offline copy, the page's side (the worker is templates/sw.js). It registers
// the worker, which keeps each page as it is opened; offers, in a bar that blocks nothing, to
// keep the whole site with its size, and downloads nothing until the reader accepts; shows the
// download's progress; removes the copy on request; and on the offline page lists what this
// device keeps. Without service workers (old browsers, plain http on a school network) the bar
// never shows and the site works as before.
"use strict";

(function () {
  var worker = document.querySelector('meta[name="service-worker"]');
  var sizeMeta = document.querySelector('meta[name="offline-copy"]');
  if (!("serviceWorker" in navigator) || !window.caches || !worker || !sizeMeta) {
    return;
  }
  // The reader's answer to the offer: "later" (Not now) or "removed" (Remove offline copy).
  var ANSWER = "stride-anatomy-offline";
  var bar = document.querySelector("[data-offline-bar]");

  function answered() {
    try {
      return localStorage.getItem(ANSWER);
    } catch (error) {
      return null;
    }
  }

  function remember(value) {
    try {
      if (value) {
        localStorage.setItem(ANSWER, value);
      } else {
        localStorage.removeItem(ANSWER);
      }
    } catch (error) {
      // Private mode: the choice lasts this page only.
    }
  }

  function megabytes(bytes) {
    var mb = bytes / 1000000;
    return (mb < 10 ? mb.toFixed(1) : Math.round(mb)) + " MB";
  }

  function register() {
    return navigator.serviceWorker.register(worker.content).then(function () {
      return navigator.serviceWorker.ready;
    });
  }

  // The size answer kept with a complete copy, or null.
  function keptCopy() {
    return caches.match(new URL(sizeMeta.content, location.href).href).then(function (mark) {
      return mark ? mark.json() : null;
    });
  }

  // --- The bar ------------------------------------------------------------------------------
  var size = null;

  function part(name) {
    return bar.querySelector("[data-offline-" + name + "]");
  }

  // One state at a time: "offer" (first visit, in the footer), "later",
  // "keeping", "kept", "failed" and "removed" (in the page's footer).
  function show(state, progress) {
    var text = {
      offer: "Use Stride Anatomy with no network? Keep it on this device: a download of about " + megabytes(size.download) + ", " + megabytes(size.bytes) + " of space.",
      later: "Use Stride Anatomy with no network: keep it on this device (" + megabytes(size.bytes) + ").",
      keeping: "Keeping Stride Anatomy on this device…",
      kept: "Stride Anatomy is kept on this device for use with no network (" + megabytes(size.bytes) + ").",
      failed: "The offline copy stopped: the network went away. Pages you opened are still kept. Try again when you are online.",
      removed: "The offline copy is removed from this device."
    }[state];
    bar.hidden = false;
    // Set apart while it asks or works, and to report how the download ended (until closed).
    var pinned = state === "offer" || state === "keeping" || progress === true;
    bar.classList.toggle("offline-bar--offer", pinned);
    part("text").textContent = text;
    part("keep").hidden = !(state === "offer" || state === "later" || state === "failed" || state === "removed");
    part("later").hidden = state !== "offer";
    part("remove").hidden = state !== "kept";
    part("close").hidden = !(pinned && (state === "kept" || state === "failed"));
    var meter = part("progress");
    meter.hidden = state !== "keeping";
    if (state === "keeping" && progress) {
      meter.max = progress.total;
      meter.value = progress.done;
      meter.textContent = progress.done + " of " + progress.total;
      part("count").textContent = progress.done + " of " + progress.total + " files";
    } else {
      part("count").textContent = "";
    }
    // The live region speaks each change of state, never each file.
    if (state !== "offer" && state !== "later") {
      part("status").textContent = state === "keeping" ? "Keeping the offline copy." : text;
    }
  }

  function keep() {
    remember(null);
    show("keeping", { done: 0, total: size.files });
    register().then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        var message = event.data;
        if (message.type === "progress") {
          show("keeping", message);
        } else {
          show(message.type, true);
        }
      };
      registration.active.postMessage({ type: "keep" }, [channel.port2]);
    }).catch(function () {
      show("failed");
    });
  }

  function remove() {
    remember("removed");
    caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) { return caches.delete(name); }));
    }).then(function () {
      return navigator.serviceWorker.getRegistrations();
    }).then(function (registrations) {
      return Promise.all(registrations.map(function (registration) { return registration.unregister(); }));
    }).then(function () {
      show("removed");
    });
  }

  if (bar) {
    part("keep").addEventListener("click", keep);
    part("remove").addEventListener("click", remove);
    part("later").addEventListener("click", function () {
      remember("later");
      show("later");
    });
    part("close").addEventListener("click", function () {
      show(bar.querySelector("[data-offline-remove]").hidden ? "failed" : "kept");
    });
  }

  // The bar's first state: kept (the mark is here), or the offer with its size (which needs
  // the network: offline, there is nothing to offer).
  function offer() {
    if (!bar) {
      return;
    }
    keptCopy().then(function (kept) {
      if (kept) {
        size = kept;
        show("kept");
        return;
      }
      if (!navigator.onLine) {
        return;
      }
      return fetch(sizeMeta.content).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        if (answer) {
          size = answer;
          show(answered() === "removed" ? "removed" : answered() ? "later" : "offer");
        }
      });
    }).catch(function () {});
  }

  // Keep what this page opened, in case the worker did not yet control it (a first visit);
  // the worker fetches only what it does not hold.
  // The browser fetches the page's icon itself, outside the page's resource timings, so it is
  // named here: offline, a kept page would otherwise fail to load its icon.
  function keepThisPage(registration) {
    var icons = Array.prototype.map.call(document.querySelectorAll('link[rel~="icon"]'), function (link) {
      return link.href;
    });
    var urls = [location.href].concat(icons, performance.getEntriesByType("resource").map(function (entry) {
      return entry.name;
    }));
    registration.active.postMessage({ type: "visited", urls: urls });
  }

  // --- The offline page: what this device keeps ---------------------------------------------
  function listKept() {
    var list = document.querySelector("[data-offline-kept]");
    if (!list) {
      return;
    }
    var back = document.querySelector("[data-offline-back]");
    back.hidden = history.length < 2;
    back.addEventListener("click", function () { history.back(); });
    // The site's own front doors (brand and main menu) first, then any other page kept.
    var doors = Array.prototype.map.call(document.querySelectorAll(".brand[href], .site-nav a[href]"), function (link) {
      return link.href;
    });
    caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) {
        return caches.open(name).then(function (cache) { return cache.keys(); });
      }));
    }).then(function (lists) {
      var pages = [];
      lists.forEach(function (requests) {
        requests.forEach(function (request) {
          var path = new URL(request.url).pathname;
          if (path.lastIndexOf(".") <= path.lastIndexOf("/") && pages.indexOf(request.url) < 0) {
            pages.push(request.url);
          }
        });
      });
      var kept = doors.filter(function (url) { return pages.indexOf(url) >= 0; });
      var others = pages.filter(function (url) { return kept.indexOf(url) < 0; }).slice(0, 12);
      return Promise.all(kept.concat(others).map(function (url) {
        return caches.match(url).then(function (page) { return page.text(); }).then(function (html) {
          var title = new DOMParser().parseFromString(html, "text/html").title;
          return { url: url, title: title.replace(/ · Stride Anatomy$/, "") || url };
        });
      }));
    }).then(function (links) {
      links.forEach(function (link) {
        var item = document.createElement("li");
        var anchor = document.createElement("a");
        anchor.href = link.url;
        anchor.textContent = link.title;
        item.appendChild(anchor);
        list.appendChild(item);
      });
      document.querySelector("[data-offline-kept-none]").hidden = links.length > 0;
    });
  }

  listKept();
  if (answered() === "removed") {
    offer();
    return;
  }
  register().then(function (registration) {
    keepThisPage(registration);
    offer();
  }).catch(function () {
    // No worker (blocked, or an insecure address): no offline copy to offer.
  });
})();
