// The dashboard's Web Worker: everything slow (downloads, hashing, verifying) happens here, so
// the page never blocks. Messages in: `{ type: 'load', manifest }` (its URL) and
// `{ type: 'check', id, token, file }` (a visitor's File against row `id`). Messages out:
// `ready`, `manifest`, `progress`, `verdict` (one per row, as each finishes), `done`,
// `check-progress` and `check` (with the check's `token`), and `error`.
import { ManifestError, readManifest } from './manifest.js';
import { FetchError, fetchDocument, hashDownload, hashStream, oldestKept } from './stream.js';
import { Roots, algorithmsFor, fetchDocuments, verifyRow } from './verify.js';

// Rows verified at once: downloads overlap, the verifying itself is quick.
const CONCURRENCY = 4;

let session = null;

// A value the page can receive and show as JSON: bytes as text (a DSSE payload is JSON), bigints as strings.
function plain(value) {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) {
    const t = new TextDecoder('utf-8', { fatal: false }).decode(value);
    try {
      return JSON.parse(t);
    } catch {
      return t;
    }
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

// What a row shows; `details` is the whole result.
function verified(row, found, digests) {
  const r = found.result;
  const entry = r?.logEntries?.[0] ?? null;
  const times = r?.signingTimes ?? [];
  return {
    ok: true,
    identity: r?.identity ?? found.signer ?? 'managed key',
    issuer: r?.issuer ?? null,
    // Only a time something vouched for: none for an npm version without attestations.
    signingTime: times.length > 0 ? times[0] : null,
    log: entry && { url: entry.logUrl, index: Number(entry.logIndex) },
    digests,
    details: plain({ ...(found.extra ?? {}), bundle: found.place ?? undefined, digests, result: r }),
  };
}

// The precise reason: the core's error name and message, what the manifest expected, and each
// bundle's own failure when a file held several.
function refused(row, error, digests, unpacked = false) {
  const failed = error instanceof FetchError;
  const hint = unpacked ? ' (the server sent this compressed file with a Content-Encoding header, so the browser unpacked it before hashing: serve it without one)' : '';
  return {
    ok: false,
    error: {
      name: error?.name ?? 'Error',
      code: typeof error?.code === 'number' ? error.code : null,
      message: (error?.message ?? String(error)) + hint,
      download: failed,
    },
    digests: digests ?? null,
    details: plain({
      error: { name: error?.name, code: error?.code, message: error?.message },
      bundles: error?.bundles?.map((b) => ({ place: b.place, name: b.error.name, message: b.error.message })),
      expected: row.policy ?? row.npm?.policy ?? row.pypi?.publisher ?? row.githubRelease
        ?? undefined,
      digests: digests ?? undefined,
    }),
  };
}

async function verifyOne(s, row) {
  let download;
  const t = [performance.now()];
  try {
    const docs = await s.documents(row);
    t.push(performance.now());
    const algorithms = algorithmsFor(row, docs);
    download = await hashDownload(row.url, algorithms, (loaded, total) =>
      postMessage({ type: 'progress', id: row.id, loaded, total }));
    t.push(performance.now());
    const found = await verifyRow(row, docs, download.digests, s.roots, s.now());
    t.push(performance.now());
    const v = verified(row, found, download.digests);
    // Where the row's time went (the documents' fetch, the download with hashing, the call).
    const [documentsMs, downloadMs, verifyMs] = t.slice(1).map((x, i) => Math.round(x - t[i]));
    v.details.timing = { documentsMs, downloadMs, verifyMs };
    return v;
  } catch (e) {
    return refused(row, e, download?.digests, download?.unpacked);
  }
}

async function load(manifestUrl) {
  const started = performance.now();
  // The page checks this too; the worker holds to it whoever sends the message.
  if (new URL(manifestUrl).origin !== self.location.origin) {
    throw new ManifestError('manifest', `${manifestUrl} is not on this site (${self.location.origin})`);
  }
  const manifest = readManifest(new TextDecoder().decode(await fetchDocument(manifestUrl)), manifestUrl);
  const now = () => manifest.now ?? Date.now();
  const cache = new Map();
  session = {
    manifest,
    now,
    roots: new Roots(manifest.trustedRoots, now),
    // Fetched once: a dropped file is then checked with no network.
    // A failure is not kept: the next use (a dropped file) fetches again.
    documents: (row) => {
      if (!cache.has(row.id)) {
        const fetched = fetchDocuments(row);
        fetched.catch(() => cache.delete(row.id));
        cache.set(row.id, fetched);
      }
      return cache.get(row.id);
    },
  };
  postMessage({
    type: 'manifest',
    title: manifest.title,
    description: manifest.description,
    now: manifest.now ?? null,
    rows: manifest.rows.map((r) => ({ id: r.id, name: r.name, group: r.group, kind: r.kind, url: r.url })),
  });
  const queue = [...manifest.rows];
  const counts = { verified: 0, refused: 0 };
  const worker = async () => {
    for (let row = queue.shift(); row !== undefined; row = queue.shift()) {
      const verdict = await verifyOne(session, row);
      counts[verdict.ok ? 'verified' : 'refused'] += 1;
      postMessage({ type: 'verdict', id: row.id, verdict });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  postMessage({ type: 'done', ms: performance.now() - started, ...counts, total: manifest.rows.length, keptAt: oldestKept() });
}

async function check(id, token, file) {
  const row = session?.manifest.rows[id];
  if (row === undefined) return;
  let digests;
  let verdict;
  try {
    const docs = await session.documents(row);
    digests = await hashStream(file.stream(), file.size, algorithmsFor(row, docs), (loaded, total) =>
      postMessage({ type: 'check-progress', id, token, loaded, total }));
    verdict = verified(row, await verifyRow(row, docs, digests, session.roots, session.now()), digests);
  } catch (e) {
    verdict = refused(row, e, digests);
  }
  postMessage({ type: 'check', id, token, name: file.name, size: file.size, verdict });
}

onmessage = (event) => {
  const { type } = event.data;
  const run = type === 'load' ? load(event.data.manifest) : type === 'check' ? check(event.data.id, event.data.token, event.data.file) : null;
  run?.catch((e) => postMessage({ type: 'error', message: e.message, name: e.name }));
};
// The package's WebAssembly is instantiated while this module loads (a top-level await), and a
// message that arrives before then would find no handler: the page waits for this one.
postMessage({ type: 'ready' });
