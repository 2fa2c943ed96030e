// Stride Anatomy's service worker (rendered by webapp/views/offline.py). It keeps each page a
// reader opens, so that it opens again with no network; it downloads the whole site only when
// the reader asks (static/offline.js sends "keep"); and for any address it does not hold, with
// the network gone, it answers with the site's own offline page, never the browser's error.
"use strict";

var PREFIX = "stride-anatomy-";
// Named after the hash of the content, templates, static files and code at start-up.
var CACHE = PREFIX + {{ version | tojson }};
// Every permanent page and static file, from the server's list of the site: the offline copy.
// The quiz (it needs the server) is not among them, nor is anything else this worker may keep.
var PRECACHE = {{ precache | tojson }};
// The copy's size; its answer is stored last, so holding it means the whole copy is here.
var COPY_SIZE = {{ copy_size | tojson }};
// The offline page, rendered at start-up: showing it needs no download of its own.
var OFFLINE_PAGE = {{ offline_page | tojson }};
var AT_ONCE = 4; // downloads in flight while keeping the copy: the page stays usable meanwhile

// One entry per page: a static host's "/muscles/calves/" (or ".../index.html") is the app's
// "/muscles/calves". The query string is not part of a permanent page's address.
function key(url) {
  var address = new URL(url, self.location.href);
  var path = address.pathname.replace(/\/index\.html$/, "/");
  if (path.length > 1) {
    path = path.replace(/\/$/, "");
  }
  return address.origin + path;
}

// Pages drawn on demand (the figure's other views) are not in the copy but are kept once opened.
var KEPT_ON_VISIT = {{ kept_on_visit | tojson }};
var KEEPABLE = new Set(PRECACHE.concat(KEPT_ON_VISIT).map(key));

function keepable(url) {
  return KEEPABLE.has(key(url));
}

function store(cache, path) {
  return fetch(path, { cache: "no-cache" }).then(function (response) {
    if (!response.ok) {
      throw new Error(path + " answered " + response.status);
    }
    if (!response.redirected) {
      return cache.put(key(path), response);
    }
    // A static host redirects "/muscles/calves" to its folder; a redirected answer may not
    // answer a navigation, so keep a plain copy of it.
    return response.blob().then(function (body) {
      return cache.put(key(path), new Response(body, { status: 200, headers: response.headers }));
    });
  });
}

function offlinePage() {
  // 200, not 503: the page is the site's own answer, and nothing ever stores it.
  return new Response(OFFLINE_PAGE, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// Whole copy: every address on the list (those already kept are not fetched again), a few at
// a time, reporting each one done; the size answer last, as the mark of a complete copy.
function keepAll(report) {
  return caches.open(CACHE).then(function (cache) {
    var waiting = PRECACHE.slice();
    var done = 0;
    function next() {
      var path = waiting.shift();
      if (path === undefined) {
        return Promise.resolve();
      }
      return cache.match(key(path)).then(function (held) {
        return held || store(cache, path);
      }).then(function () {
        done += 1;
        report({ type: "progress", done: done, total: PRECACHE.length });
        return next();
      });
    }
    var lanes = [];
    for (var i = 0; i < AT_ONCE; i++) {
      lanes.push(next());
    }
    return Promise.all(lanes).then(function () {
      return store(cache, COPY_SIZE);
    });
  });
}

function wasKept() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0;
    }).map(function (name) {
      return caches.open(name).then(function (cache) { return cache.match(key(COPY_SIZE)); });
    }));
  }).then(function (marks) {
    return marks.some(Boolean);
  });
}

// A reader who kept the copy keeps it through a new version: the new cache is filled before
// this worker takes over. Anyone else downloads nothing here.
self.addEventListener("install", function (event) {
  event.waitUntil(
    wasKept().then(function (kept) {
      return kept ? keepAll(function () {}) : null;
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

// Delete every older version's cache, then take over open pages (so the rest of a first
// visit is kept as it is opened).
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

// "keep": download the whole copy, reporting on the port the page sent. "visited": keep what
// a page this worker did not yet control has opened (its address and its files).
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  var report = function (message) {
    if (port) {
      port.postMessage(message);
    }
  };
  if (data.type === "keep") {
    event.waitUntil(keepAll(report).then(function () {
      report({ type: "kept" });
    }, function () {
      report({ type: "failed" });
    }));
  } else if (data.type === "visited" && Array.isArray(data.urls)) {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      return Promise.all(data.urls.filter(keepable).map(function (url) {
        return cache.match(key(url)).then(function (held) {
          return held || store(cache, url).catch(function () {});
        });
      }));
    }));
  }
});

// A kept page answers pages and htmx swaps alike: for a swap (HX-Request), hx-select picks
// #stage out of the whole page, as it does on a static host. What is not kept comes from the
// network and is kept as it arrives (a swap's part is not the page, so the page is fetched
// whole beside it). With no network: the offline page for a page, and for a swap a redirect
// that htmx follows to that page.
function answer(event) {
  var request = event.request;
  var swap = request.headers.get("HX-Request") === "true";
  return caches.open(CACHE).then(function (cache) {
    return cache.match(key(request.url), { ignoreVary: true }).then(function (kept) {
      if (kept) {
        return kept;
      }
      return fetch(request).then(function (response) {
        if (response.ok && keepable(request.url)) {
          event.waitUntil(swap
            ? store(cache, key(request.url)).catch(function () {})
            : cache.put(key(request.url), response.clone()));
        }
        return response;
      }, function () {
        if (request.mode === "navigate") {
          return offlinePage();
        }
        if (swap) {
          return new Response("", { headers: { "HX-Redirect": request.url } });
        }
        return Response.error();
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.method !== "GET") {
    // A form sent while offline (an answer mid-quiz) gets the offline page too.
    if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(offlinePage));
    }
    return;
  }
  event.respondWith(answer(event));
});
