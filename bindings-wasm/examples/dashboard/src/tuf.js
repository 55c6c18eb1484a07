// Fetches what a TUF update needs from a mirror laid out as Sigstore's CDN (`N.root.json`,
// `timestamp.json`, `V.snapshot.json`, `V.targets.json`, `targets/HASH.trusted_root.json`). The
// page does the fetching and the sigverify core all the verifying: the JSON read here only
// chooses which files to ask for, and nothing in it is trusted.
import { FetchError, get } from './stream.js';

// Sigstore's production repository was at root 15 in 2026; the bound only stops a mirror that
// answers every version.
const MAX_ROOTS = 1024;

// A file's bytes, or null when the mirror has no such file.
async function getBytes(fetchBytes, url) {
  const response = await get(url, true);
  return response === null ? null : fetchBytes(response);
}

function unverified(bytes, ...path) {
  let v = JSON.parse(new TextDecoder().decode(bytes));
  for (const key of path) v = v?.[key];
  return v;
}

/**
 * The mirror's files by name, for `TrustedRoot.fromTufFiles`. `fetchBytes(response)` reads a
 * response body (the worker's, which bounds its size).
 */
export async function fetchTufFiles(mirror, fetchBytes) {
  const files = new Map();
  let lastRoot = null;
  // Every root version from 1: the core starts from its compiled-in anchor and skips the older ones.
  for (let version = 1; version <= MAX_ROOTS; version++) {
    const name = `${version}.root.json`;
    const bytes = await getBytes(fetchBytes, new URL(name, mirror));
    if (bytes === null) break;
    files.set(name, bytes);
    lastRoot = bytes;
  }
  if (lastRoot === null) throw new FetchError(new URL('1.root.json', mirror), 'not found');
  const required = async (name) => {
    const bytes = await getBytes(fetchBytes, new URL(name, mirror));
    if (bytes === null) throw new FetchError(new URL(name, mirror), 'not found');
    files.set(name.replace(/^targets\//, ''), bytes);
    return bytes;
  };
  const consistent = unverified(lastRoot, 'signed', 'consistent_snapshot') === true;
  const timestamp = await required('timestamp.json');
  const snapshotVersion = unverified(timestamp, 'signed', 'meta', 'snapshot.json', 'version');
  const snapshot = await required(consistent ? `${snapshotVersion}.snapshot.json` : 'snapshot.json');
  const targetsVersion = unverified(snapshot, 'signed', 'meta', 'targets.json', 'version');
  const targets = await required(consistent ? `${targetsVersion}.targets.json` : 'targets.json');
  const hash = unverified(targets, 'signed', 'targets', 'trusted_root.json', 'hashes', 'sha256');
  if (consistent && !/^[0-9a-f]{64}$/.test(String(hash))) throw new FetchError(mirror, 'targets.json names no SHA-256 of trusted_root.json');
  await required(consistent ? `targets/${hash}.trusted_root.json` : 'targets/trusted_root.json');
  return files;
}
