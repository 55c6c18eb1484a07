// The dashboard's service worker: the site works offline once it has been loaded. Same-origin
// GET requests go to the network first, and every good answer is kept; when the network fails,
// the kept answer is served, marked with when it was kept (`sigverify-kept-at`), so the page can
// say that it checked kept copies. The page and its WebAssembly, the manifest, the documents
// and the downloads come back on a reload without network, and are verified again from scratch
// (a kept file is trusted no more than a fetched one: the signatures decide). Downloads
// declared larger than MAX_KEPT bytes are not kept; the browser's storage quota bounds the rest.
// The cache is this site's alone (named by scope: other sites on the same origin, as GitHub
// Pages project sites are, keep their own), and a new version of this file drops the old one.
const VERSION = 'sigverify-dashboard-v2';
const CACHE = `${VERSION} ${self.registration.scope}`;
const MAX_KEPT = 64 * 1024 * 1024;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name !== CACHE && name.startsWith('sigverify-dashboard-') && name.endsWith(` ${self.registration.scope}`)) {
      await caches.delete(name);
    }
  }
  await self.clients.claim();
})()));
// A page loaded with a hard reload is not controlled until it asks.
self.addEventListener('message', (event) => {
  if (event.data === 'claim') event.waitUntil(self.clients.claim());
});

// The answer as kept: the same body and headers, plus when it was kept.
function marked(response) {
  const headers = new Headers(response.headers);
  headers.set('sigverify-kept-at', new Date().toISOString());
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      // Keeping is best effort: a full quota only means this answer is not kept.
      if (response.ok && !(Number(response.headers.get('content-length')) > MAX_KEPT)) {
        const copy = marked(response.clone());
        event.waitUntil(caches.open(CACHE).then((c) => c.put(request, copy)).catch(() => {}));
      }
      return response;
    } catch (e) {
      const kept = await (await caches.open(CACHE)).match(request);
      if (kept) return kept;
      throw e;
    }
  })());
});
