// Reads a release manifest (README.md, "The manifest") into the rows the worker verifies. Every
// URL is resolved against the manifest's own URL; anything malformed is a ManifestError naming
// the member, so a publisher sees what to fix rather than a row that fails for no clear reason.

/** A manifest that cannot be read; `path` names the member (`artifacts[3].policy`). */
export class ManifestError extends Error {
  constructor(path, message) {
    super(`${path}: ${message}`);
    this.name = 'ManifestError';
  }
}

const KINDS = ['bundle', 'npm', 'pypi', 'githubRelease'];
const CONFIGS = ['public-good', 'github-private'];
// Enough for any release page; a bound, so a hostile manifest cannot queue unbounded work.
const MAX_ARTIFACTS = 1000;

function object(value, path) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ManifestError(path, 'must be an object');
  }
  return value;
}

function string(value, path) {
  if (typeof value !== 'string' || value === '') throw new ManifestError(path, 'must be a non-empty string');
  return value;
}

function optionalString(value, path) {
  return value === undefined ? undefined : string(value, path);
}

function url(value, base, path) {
  let resolved;
  try {
    resolved = new URL(string(value, path), base);
  } catch (e) {
    if (e instanceof ManifestError) throw e;
    throw new ManifestError(path, `is not a URL: ${JSON.stringify(value)}`);
  }
  // Each URL becomes a link on the page and a fetch: never `javascript:`, `data:` or the like.
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
    throw new ManifestError(path, `must be an http(s) URL, not ${JSON.stringify(value)}`);
  }
  return resolved.href;
}

/** Unix milliseconds from an RFC 3339 date or Unix seconds; undefined when absent. */
function time(value, path) {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) {
    return Date.parse(value);
  }
  throw new ManifestError(path, 'must be an RFC 3339 date (2026-08-22T00:00:00Z) or Unix seconds');
}

function trustedRoot(value, base, path) {
  if (value === 'production' || value === 'staging') return { kind: value };
  const spec = object(value, path);
  if ('url' in spec) return { kind: 'url', url: url(spec.url, base, `${path}.url`) };
  if ('tuf' in spec) {
    const mirror = url(spec.tuf, base, `${path}.tuf`);
    return {
      kind: 'tuf',
      // Metadata and targets lie under the mirror as on Sigstore's CDN; a folder needs its slash.
      mirror: mirror.endsWith('/') ? mirror : `${mirror}/`,
      staging: spec.staging === true,
      now: time(spec.now, `${path}.now`),
    };
  }
  throw new ManifestError(path, 'must be "production", "staging", { "url": ... } or { "tuf": ... }');
}

// A policy as the package takes it, except that a managed key is named by URL (`keyUrl`) and
// fetched with the other documents, and a key's validity window is given as dates.
function policy(value, base, path) {
  const p = object(value, path);
  if ('keyUrl' in p) {
    const validity = p.keyValidity === undefined ? undefined : object(p.keyValidity, `${path}.keyValidity`);
    return {
      keyUrl: url(p.keyUrl, base, `${path}.keyUrl`),
      keyValidity: validity && {
        notBefore: time(validity.notBefore, `${path}.keyValidity.notBefore`),
        notAfter: time(validity.notAfter, `${path}.keyValidity.notAfter`),
      },
    };
  }
  if ('key' in p) throw new ManifestError(`${path}.key`, 'name the key file with "keyUrl"');
  return p;
}

function config(value, path) {
  if (value === undefined || CONFIGS.includes(value)) return value;
  return object(value, path);
}

function artifact(value, base, roots, index) {
  const path = `artifacts[${index}]`;
  const a = object(value, path);
  const kinds = KINDS.filter((k) => k in a);
  if (kinds.length !== 1) {
    throw new ManifestError(path, `must have exactly one of ${KINDS.map((k) => `"${k}"`).join(', ')}`);
  }
  const [kind] = kinds;
  const rootName = a.trustedRoot ?? 'production';
  if (kind !== 'githubRelease' && !Object.hasOwn(roots, rootName)) {
    throw new ManifestError(`${path}.trustedRoot`, `names no trusted root: ${JSON.stringify(rootName)}`);
  }
  const row = {
    id: index,
    name: string(a.name, `${path}.name`),
    group: optionalString(a.group, `${path}.group`) ?? '',
    url: url(a.url, base, `${path}.url`),
    kind,
    trustedRoot: rootName,
    config: config(a.config, `${path}.config`),
  };
  if (kind === 'bundle') {
    row.bundle = url(a.bundle, base, `${path}.bundle`);
    row.policy = policy(a.policy, base, `${path}.policy`);
    row.predicateType = optionalString(a.predicateType, `${path}.predicateType`);
  } else if (kind === 'npm') {
    const n = object(a.npm, `${path}.npm`);
    row.npm = {
      keys: url(n.keys, base, `${path}.npm.keys`),
      packument: url(n.packument, base, `${path}.npm.packument`),
      version: optionalString(n.version, `${path}.npm.version`),
      attestations: n.attestations === undefined ? undefined : url(n.attestations, base, `${path}.npm.attestations`),
      policy: n.policy === undefined ? undefined : policy(n.policy, base, `${path}.npm.policy`),
    };
  } else if (kind === 'pypi') {
    const p = object(a.pypi, `${path}.pypi`);
    row.pypi = {
      provenance: url(p.provenance, base, `${path}.pypi.provenance`),
      publisher: object(p.publisher, `${path}.pypi.publisher`),
      // PyPI's checks compare the file name, so it is the download's own unless given.
      filename: optionalString(p.filename, `${path}.pypi.filename`),
    };
  } else {
    const g = object(a.githubRelease, `${path}.githubRelease`);
    row.githubRelease = {
      bundle: url(g.bundle, base, `${path}.githubRelease.bundle`),
      trustedRoots: url(g.trustedRoots, base, `${path}.githubRelease.trustedRoots`),
      repo: string(g.repo, `${path}.githubRelease.repo`),
      tag: string(g.tag, `${path}.githubRelease.tag`),
      tagDigest: optionalString(g.tagDigest, `${path}.githubRelease.tagDigest`),
    };
  }
  return row;
}

/**
 * Reads the manifest text fetched from `base`: `{ title, description, now, trustedRoots, rows }`,
 * `now` in Unix milliseconds or undefined (the visitor's clock).
 */
export function readManifest(text, base) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ManifestError('manifest', `is not JSON (${e.message})`);
  }
  object(doc, 'manifest');
  if (doc.version !== 1) throw new ManifestError('version', 'must be 1');
  const roots = { production: { kind: 'production' }, staging: { kind: 'staging' } };
  for (const [name, spec] of Object.entries(doc.trustedRoots === undefined ? {} : object(doc.trustedRoots, 'trustedRoots'))) {
    roots[name] = trustedRoot(spec, base, `trustedRoots.${name}`);
  }
  if (!Array.isArray(doc.artifacts) || doc.artifacts.length === 0) {
    throw new ManifestError('artifacts', 'must be a non-empty array');
  }
  if (doc.artifacts.length > MAX_ARTIFACTS) {
    throw new ManifestError('artifacts', `lists ${doc.artifacts.length} artifacts, more than ${MAX_ARTIFACTS}`);
  }
  return {
    title: optionalString(doc.title, 'title') ?? 'Releases',
    description: optionalString(doc.description, 'description') ?? '',
    now: time(doc.now, 'now'),
    trustedRoots: roots,
    rows: doc.artifacts.map((a, i) => artifact(a, base, roots, i)),
  };
}
