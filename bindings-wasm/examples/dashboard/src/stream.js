// Downloads in the worker: documents read whole (bounded), artifacts streamed through the
// hashers chunk by chunk, so a release of any size is checked in constant memory.
import { Hasher } from 'sigverify';

/** The largest document (bundle, attestations, packument, trusted root, TUF file) read whole. */
export const MAX_DOCUMENT = 32 * 1024 * 1024;
// Progress messages at most this often: enough for a smooth bar, few enough not to flood the page.
const PROGRESS_EVERY_MS = 50;

/** A failed download (not a verification failure): the URL and what went wrong. */
export class FetchError extends Error {
  constructor(url, message) {
    super(`${url}: ${message}`);
    this.name = 'FETCH_FAILED';
  }
}

// The oldest copy the service worker served in place of the network (public/sw.js marks them),
// as an RFC 3339 date; null while everything came from the network.
let kept = null;

/** When the oldest copy served from the service worker's cache was kept, or null. */
export function oldestKept() {
  return kept;
}

function noteKept(response) {
  const at = response.headers.get('sigverify-kept-at');
  if (at !== null && (kept === null || at < kept)) kept = at;
}

/** The response's body, refused past `MAX_DOCUMENT` bytes. */
export async function readBody(response, url = response.url) {
  noteKept(response);
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_DOCUMENT) {
    await response.body?.cancel();
    throw new FetchError(url, `${declared} bytes, more than ${MAX_DOCUMENT}`);
  }
  const chunks = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_DOCUMENT) {
      await reader.cancel();
      throw new FetchError(url, `more than ${MAX_DOCUMENT} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * GETs `url`: the response of a success, else FetchError (the network failed, or an HTTP
 * error). With `absentIsNull`, a 404 or 403 (a static host's "no such file") resolves to null.
 */
export async function get(url, absentIsNull = false) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new FetchError(url, e.message);
  }
  if (absentIsNull && (response.status === 404 || response.status === 403)) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) throw new FetchError(url, `HTTP ${response.status}`);
  return response;
}

/** GETs a document whole. */
export async function fetchDocument(url) {
  return readBody(await get(url), url);
}

/**
 * Hashes a byte stream with each of `algorithms` in one pass: `{ sha256: 'sha256:<hex>', ... }`.
 * `progress(loaded, total)` is called as chunks arrive (`total` null when unknown) and once at
 * the end.
 */
export async function hashStream(stream, total, algorithms, progress) {
  const hashers = [];
  const reader = stream.getReader();
  let done = false;
  try {
    for (const a of algorithms) hashers.push(new Hasher(a));
    let loaded = 0;
    let last = 0;
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      for (const h of hashers) h.update(chunk.value);
      loaded += chunk.value.byteLength;
      const t = performance.now();
      if (t - last >= PROGRESS_EVERY_MS) {
        last = t;
        progress(loaded, total);
      }
    }
    progress(loaded, loaded);
    const digests = {};
    for (let i = 0; i < hashers.length; i++) {
      // digest() consumes the hasher: it leaves the list first, so it is never freed twice.
      const h = hashers[i];
      hashers[i] = null;
      digests[algorithms[i]] = h.digest();
    }
    done = true;
    return digests;
  } finally {
    for (const h of hashers) h?.free();
    // Stop the download too when it failed: nothing will read the rest.
    if (!done) await reader.cancel().catch(() => {});
  }
}

/**
 * Downloads the artifact at `url` through `hashStream`: `{ digests, unpacked }`, `unpacked`
 * when a server labelled an already compressed file (`.gz`, `.tgz`) with Content-Encoding,
 * so the browser hashed it unpacked: a misconfigured server, worth naming if it fails.
 */
export async function hashDownload(url, algorithms, progress) {
  const response = await get(url);
  noteKept(response);
  const length = response.headers.get('content-length');
  // A compressed transfer's length is not the file's; then the bar is indeterminate.
  const encoding = response.headers.get('content-encoding');
  const total = length !== null && !encoding ? Number(length) : null;
  const unpacked = encoding !== null && /\.(t?gz)$/.test(new URL(url).pathname);
  return { digests: await hashStream(response.body, total, algorithms, progress), unpacked };
}
