// Stride Anatomy's service worker (rendered by webapp/views/offline.py). After one visit it
// answers every permanent page from its cache, so the classroom keeps working with no network.
"use strict";

var PREFIX = "stride-anatomy-";
// Named after the hash of the content, templates, static files and code at start-up.
var CACHE = PREFIX + {{ version | tojson }};
// Every permanent page and static file, from the server's crawl of the site. The quiz (it
// needs the server) is not among them; htmx fragments are never stored.
var PRECACHE = {{ precache | tojson }};

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

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(PRECACHE.map(function (path) { return store(cache, path); }));
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

// The new version's cache is complete: delete every older one, then take over open pages.
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

// A kept page answers pages and htmx swaps alike: for a swap (HX-Request), hx-select picks
// #stage out of the whole page, as it does on a static host. Anything else goes to the network.
self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(key(request.url), { ignoreVary: true });
    }).then(function (kept) {
      return kept || fetch(request);
    })
  );
});
