// The service worker: the page keeps working offline after its first load.
//
// `npm run build` writes dist/sw.js with BUILD filled in: a content hash of every file of the
// build (the cache name changes with any byte of it) and the precache list (every asset of the
// page: HTML, JS, CSS, wasm, samples, manifest, icon — relative to this script, so it works from
// any sub-path). Served straight from www/ (development), BUILD stays null: the worker caches
// nothing and handles no request, so a developer never sees a stale file.
//
// Strategy: cache-first for same-origin GETs found in this build's cache, network for the rest
// (other origins are never touched); navigations fall back to the cached page. Caches of older
// builds are deleted on activate. A new build waits until the page asks it to take over
// (message 'skip-waiting', sent by sw-register.js when the reader accepts the quiet notice).

const BUILD = null; // replaced by scripts/build.mjs: { version, files }

const PREFIX = 'fazhi-analyzer-';
const CACHE = BUILD ? `${PREFIX}${BUILD.version}` : null;
const SCOPE = new URL('./', self.location.href).href;

self.addEventListener('install', (event) => {
  if (!BUILD) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // cache: 'reload' so that no HTTP cache hands back a file of the previous build.
      cache.addAll(BUILD.files.map((f) => new Request(new URL(f, SCOPE), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  if (!BUILD) return;
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === 'navigate') {
        const page = url.pathname.endsWith('/') ? await cache.match(new URL('index.html', url)) : null;
        if (page) return page;
      }
      try {
        return await fetch(request);
      } catch (err) {
        if (request.mode === 'navigate') {
          const fallback = await cache.match(new URL('index.html', SCOPE));
          if (fallback) return fallback;
        }
        throw err;
      }
    })(),
  );
});
