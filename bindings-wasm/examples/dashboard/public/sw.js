// The dashboard's service worker: the site works offline once it has been loaded. Same-origin
// GET requests go to the network first, and every good answer is kept; when the network fails,
// the kept answer is served. The page and its WebAssembly, the manifest, the documents and the
// downloads come back on a reload without network, and are verified again from scratch (a
// kept file is trusted no more than a fetched one: the signatures decide). Downloads declared
// larger than MAX_KEPT bytes are not kept; the browser's storage quota bounds the rest.
const CACHE = 'sigverify-dashboard-v1';
const MAX_KEPT = 64 * 1024 * 1024;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      // Keeping is best effort: a full quota only means this answer is not kept.
      if (response.ok && !(Number(response.headers.get('content-length')) > MAX_KEPT)) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((c) => c.put(request, copy)).catch(() => {}));
      }
      return response;
    } catch (e) {
      const kept = await caches.match(request);
      if (kept) return kept;
      throw e;
    }
  })());
});
