// One manifest row, verified: its documents fetched once (kept, so a dropped file is checked
// offline), the hashes its bundles need, and the package call for its kind. Each verdict is a
// plain object the page can render: what verified and by whom, or the precise reason it did not.
import { TrustedRoot, TufState, Verifier, artifactHash, splitBundles, verifyReleaseAsync } from 'sigverify';

import { fetchDocument, readBody } from './stream.js';
import { fetchTufFiles } from './tuf.js';
import { loadTufState, saveTufState } from './tuf-state.js';

const text = (bytes) => new TextDecoder().decode(bytes);

/** Trusted roots and verifiers, each made once per manifest (a TUF update is fetched once). */
export class Roots {
  #specs;
  #now;
  #roots = new Map();
  #verifiers = new Map();
  #tufQueue = Promise.resolve();

  constructor(specs, now) {
    this.#specs = specs;
    this.#now = now;
  }

  // The trusted root a name stands for: null for a compiled-in one, else a TrustedRoot.
  #root(name) {
    if (!this.#roots.has(name)) {
      const spec = this.#specs[name];
      let made;
      if (spec.kind === 'production' || spec.kind === 'staging') {
        made = Promise.resolve(null);
      } else if (spec.kind === 'url') {
        made = fetchDocument(spec.url);
      } else {
        // One update of an anchor at a time, each starting from the state the last one left.
        const update = () => this.#tufUpdate(spec);
        made = this.#tufQueue.then(update, update);
        this.#tufQueue = made;
      }
      // A failure (a mirror down) is not kept: the next row tries again.
      made.catch(() => this.#roots.delete(name));
      this.#roots.set(name, made);
    }
    return this.#roots.get(name);
  }

  async #tufUpdate(spec) {
    const files = await fetchTufFiles(spec.mirror, (r) => readBody(r));
    const anchor = spec.staging ? 'staging' : 'production';
    // Read, update and write the floors as one step, also against other tabs of this site: an
    // update that read the state before another saved a newer one must not write older floors.
    return withLock(`sigverify-tuf-${anchor}`, async () => {
      const state = new TufState(await loadTufState(anchor));
      const root = TrustedRoot.fromTufFiles({ files, staging: spec.staging, state, now: spec.now ?? this.#now() });
      await saveTufState(anchor, state.toBytes());
      return root;
    });
  }

  /** The verifier of a row: its trusted root and requirements. */
  verifier(name, config) {
    const key = `${name} ${JSON.stringify(config ?? null)}`;
    if (!this.#verifiers.has(key)) {
      const options = config === undefined ? {} : { config };
      const made = this.#root(name).then((root) => {
        const kind = this.#specs[name].kind;
        if (kind === 'production') return Verifier.production(options);
        if (kind === 'staging') return Verifier.staging(options);
        return Verifier.fromTrustedRoot(root, options);
      });
      made.catch(() => this.#verifiers.delete(key));
      this.#verifiers.set(key, made);
    }
    return this.#verifiers.get(key);
  }
}

// Runs `f` holding the Web Lock `name` (every browser the package supports has them; without,
// it runs unlocked, as one tab would).
function withLock(name, f) {
  return globalThis.navigator?.locks ? navigator.locks.request(name, f) : f();
}

// The policy the package takes: a managed key's PEM text in place of its URL.
async function packagePolicy(policy) {
  if (policy === undefined || !('keyUrl' in policy)) return policy;
  const key = text(await fetchDocument(policy.keyUrl));
  return policy.keyValidity === undefined ? { key } : { key, keyValidity: policy.keyValidity };
}

/** Fetches what a row verifies against, once: bundles, keys, roots. */
export async function fetchDocuments(row) {
  if (row.kind === 'bundle') {
    const file = await fetchDocument(row.bundle);
    return { file, policy: await packagePolicy(row.policy) };
  }
  if (row.kind === 'npm') {
    const n = row.npm;
    const [keys, packument, attestations] = await Promise.all([
      fetchDocument(n.keys), fetchDocument(n.packument),
      n.attestations === undefined ? undefined : fetchDocument(n.attestations)]);
    return { keys, packument, attestations, policy: await packagePolicy(n.policy) };
  }
  if (row.kind === 'pypi') return { provenance: await fetchDocument(row.pypi.provenance) };
  const g = row.githubRelease;
  const [bundle, trustedRoots] = await Promise.all([fetchDocument(g.bundle), fetchDocument(g.trustedRoots)]);
  return { bundle, trustedRoots };
}

/**
 * The hash algorithms the row's artifact is needed in: each bundle's own (npm's are SHA-512),
 * and SHA-256 always, the digest people compare. Throws VerificationError for a file of
 * bundles that does not read.
 */
export function algorithmsFor(row, docs) {
  const set = new Set(['sha256']);
  if (row.kind === 'bundle') for (const b of splitBundles(docs.file).bundles) set.add(artifactHash(b.json));
  if (row.kind === 'npm') set.add('sha512');
  return [...set];
}

function filename(url) {
  return decodeURIComponent(new URL(url).pathname.split('/').pop());
}

/**
 * Verifies the row's artifact, known by `digests`: `{ result, signer, place, extra }`, where
 * `result` is the bundle's VerificationResult. Throws VerificationError when it does not verify.
 */
export async function verifyRow(row, docs, digests, roots, now) {
  const options = { now };
  if (row.kind === 'githubRelease') {
    const g = row.githubRelease;
    const release = { repo: g.repo, tag: g.tag, tagDigest: g.tagDigest, assets: [{ digest: digests.sha256 }] };
    const r = await verifyReleaseAsync(docs.bundle, docs.trustedRoots, release, options);
    return { result: r.result, signer: `release ${r.repository}@${r.tag}`, extra: { subjects: r.subjects } };
  }
  const verifier = await roots.verifier(row.trustedRoot, row.config);
  if (row.kind === 'bundle') {
    // Every call here is an async form: its ECDSA checks go to WebCrypto. A file of bundles
    // verifies when one of them does, each taking the digest in the algorithm it names.
    const { bundle, ...result } = await verifier.verifyFileAsync(docs.file, { digests }, docs.policy, { ...options, predicateType: row.predicateType });
    return { result, place: bundle.of > 1 ? bundle.place : null };
  }
  if (row.kind === 'npm') {
    const n = row.npm;
    const r = await verifier.verifyNpmAsync({
      keys: docs.keys, packument: docs.packument, version: n.version, attestations: docs.attestations,
      tarball: { digest: digests.sha512 }, policy: docs.policy,
    }, options);
    const provenance = r.attestations.find((a) => a.kind === 'provenance');
    const publish = r.attestations.find((a) => a.kind === 'publish');
    const chosen = provenance ?? publish;
    return {
      result: chosen?.result ?? null,
      signer: provenance ? null : `npm registry key ${r.signatures.join(', ')}`,
      extra: { package: `${r.name}@${r.version}`, signatures: r.signatures, publishTime: r.publishTime,
        publishTimeSource: r.publishTimeSource, attestations: r.attestations.map((a) => a.place + ' ' + a.kind) },
    };
  }
  const p = row.pypi;
  const distribution = { name: p.filename ?? filename(row.url), digest: digests.sha256 };
  const results = await verifier.verifyPypiAsync(distribution, docs.provenance, { ...options, publisher: p.publisher });
  const [first] = results;
  return {
    result: first.result,
    place: first.place,
    extra: { publisher: first.publisher, publisherKind: first.publisherKind, attestations: results.length },
  };
}
