// Reads the shared conformance manifest (conformance/src/manifest.rs documents the columns).
// SIGVERIFY_MANIFEST names a ready file (test.sh writes one); otherwise it is generated here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bindings-wasm/..). */
export const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../../..');

const COLUMNS = ['id', 'mode', 'bundle', 'artifact', 'digest', 'policy', 'identity', 'issuer',
  'key', 'root', 'now', 'expected', 'config'];

/** Every manifest row as an object keyed by column name. */
export function loadManifest() {
  let file = process.env.SIGVERIFY_MANIFEST;
  if (!file) {
    file = path.join(ROOT, 'target', 'wasm-tests', 'manifest.tsv');
    mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('cargo', ['run', '-q', '-p', 'sigverify-conformance', '--bin', 'manifest', file],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return readFileSync(file, 'utf8').split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const cells = line.split('\t');
      if (cells.length !== COLUMNS.length) throw new Error(`manifest: bad line: ${line}`);
      return Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]]));
    });
}

/** True when the upstream vectors (../shared) are present; the manifest then has 140 rows. */
export const SHARED = path.join(ROOT, '..', 'shared', 'vectors', 'sigstore-conformance');

/** Where runners write `id<TAB>mode<TAB>outcome` result files for cross-binding comparison. */
export const RESULTS = path.join(ROOT, 'target', 'results');

/**
 * Runs one manifest row against the package API and returns `ok` or the error name. `read`
 * loads a file named by the row (from disk in Node, over HTTP in the browser), `api` is the
 * imported package. Kept free of Node imports so the browser runs the very same function.
 * `how`: 'sync' runs `verifyArtifact` on a default verifier (node:crypto in Node), 'async'
 * runs `verifyArtifactAsync` without platform crypto (ECDSA checks in WebCrypto).
 */
export async function runRow(api, row, read, how = 'sync') {
  const text = async (p) => new TextDecoder().decode(await read(p));
  // The manifest's `github` policy: `field=value` pairs of GitHubPolicy separated by `;`, as
  // the package's camelCase GitHubPolicy (inside runRow: the browser runs this function's text).
  const githubPolicy = (spec) => {
    const github = {};
    for (const pair of spec.split(';')) {
      const at = pair.indexOf('=');
      const field = pair.slice(0, at).replace(/_([a-z])/g, (_, c) => c.toUpperCase());
      const value = pair.slice(at + 1);
      github[field] = field === 'denySelfHostedRunners' ? value === 'true' : value;
    }
    return github;
  };
  // The manifest's `config`: thresholds (snake_case, as the package's camelCase Thresholds), a
  // managed key's window (`key_not_before`, `key_not_after`, Unix seconds) and the files handed
  // beside the bundle (conformance/src/beside.rs). Any other key reaches the verifier's
  // `config`, which refuses it with a TypeError: the row fails loudly.
  const config = {};
  const keyValidity = {};
  const beside = {};
  for (const pair of row.config === '-' ? [] : row.config.split(';')) {
    const at = pair.indexOf('=');
    if (['witness_policy', 'tlog_proof', 'log_state', 'consistency_proof'].includes(pair.slice(0, at))) {
      beside[pair.slice(0, at)] = pair.slice(at + 1);
      continue;
    }
    const field = pair.slice(0, at).replace(/_([a-z])/g, (_, c) => c.toUpperCase());
    const value = Number(pair.slice(at + 1));
    if (field === 'keyNotBefore') keyValidity.notBefore = value * 1000;
    else if (field === 'keyNotAfter') keyValidity.notAfter = value * 1000;
    else config[field] = value;
  }
  if (row.policy === 'release') {
    // verifyRelease: GitHub's thresholds, the artifact as the asset (bytes or its SHA-256).
    const spec = Object.fromEntries(row.identity.split(';').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
    try {
      const asset = row.mode === 'artifact' ? await read(row.artifact) : { digest: row.digest };
      api.verifyRelease(await read(row.bundle), await read(row.root), {
        repo: spec.repo,
        tag: spec.tag,
        assets: [asset],
        ...(spec.tag_digest ? { tagDigest: spec.tag_digest } : {}),
        ...(spec.trust_domain ? { trustDomain: spec.trust_domain } : {}),
      }, { now: Number(row.now) * 1000, platformCrypto: how !== 'async' });
      return 'ok';
    } catch (e) {
      if (e instanceof api.VerificationError) return e.name;
      return `UNEXPECTED ${e}`;
    }
  }
  try {
    // The order of conformance/src/beside.rs: the tlog proof is attached, the bundle verified
    // under the witness policy, then its checkpoints observed against the state.
    const options = {
      ...(how === 'async' ? { platformCrypto: false } : {}),
      ...(Object.keys(config).length ? { config } : {}),
      ...(beside.witness_policy ? { witnessPolicy: new api.WitnessPolicy(await read(beside.witness_policy)) } : {}),
    };
    const verifier = row.root === 'production' ? api.Verifier.production(options)
      : row.root === 'staging' ? api.Verifier.staging(options)
        : api.Verifier.fromTrustedRoot(await read(row.root), options);
    try {
      const windowed = Object.keys(keyValidity).length ? { keyValidity } : {};
      const policy = row.policy === 'key' ? { key: await text(row.key), ...windowed }
        : row.policy === 'identity-regexp' ? { identityRegex: row.identity, issuerRegex: row.issuer }
          : row.policy === 'github' ? { github: githubPolicy(row.identity) }
            : { identity: row.identity, issuer: row.issuer };
      const artifact = row.mode === 'artifact' ? await read(row.artifact)
        : { digest: row.digest };
      const now = {
        ...(row.now === '-' ? {} : { now: Number(row.now) * 1000 }),
        ...(beside.tlog_proof ? { tlogProofs: [new api.TlogProof(await read(beside.tlog_proof))] } : {}),
      };
      const bundle = await read(row.bundle);
      const result = how === 'async' ? await verifier.verifyArtifactAsync(bundle, artifact, policy, now)
        : verifier.verifyArtifact(bundle, artifact, policy, now);
      if (beside.log_state) {
        // Observed in memory: the committed state file is never written.
        const state = new api.LogState(await read(beside.log_state));
        const proofs = beside.consistency_proof ? [api.ConsistencyProof.fromJson(await read(beside.consistency_proof))] : [];
        state.observe(result, proofs);
      }
      // A vector that leaves items out lists them in its `skipped` file.
      const listed = row.bundle.replace(/bundle\.sigstore\.json$/, 'skipped');
      let want = [];
      try {
        want = (await text(listed)).split('\n').filter((l) => l);
      } catch {
        want = [];
      }
      const kinds = { tlogEntry: 'tlog-entry', timestamp: 'timestamp', sct: 'sct' };
      const got = result.skipped.map((s) => `${kinds[s.item]} ${s.index} ${s.name}`);
      if (JSON.stringify(got) !== JSON.stringify(want)) return `ok, but skipped ${JSON.stringify(got)}`;
      return 'ok';
    } finally {
      verifier.free();
    }
  } catch (e) {
    if (e instanceof api.VerificationError) return e.name;
    return `UNEXPECTED ${e}`;
  }
}

const TUF_COLUMNS = ['id', 'stage', 'anchor', 'roots', 'timestamp', 'snapshot', 'targets',
  'targetFiles', 'now', 'expected'];

/** The TUF manifest's rows grouped by case id, stages in order (`manifest --tuf`). */
export function loadTufCases() {
  let file = process.env.SIGVERIFY_TUF_MANIFEST;
  if (!file) {
    file = path.join(ROOT, 'target', 'wasm-tests', 'tuf-manifest.tsv');
    mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('cargo', ['run', '-q', '-p', 'sigverify-conformance', '--bin', 'manifest', '--', '--tuf', file],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  const cases = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (cells.length !== TUF_COLUMNS.length) throw new Error(`tuf manifest: bad line: ${line}`);
    const row = Object.fromEntries(TUF_COLUMNS.map((c, i) => [c, cells[i]]));
    if (!cases.has(row.id)) cases.set(row.id, []);
    cases.get(row.id).push(row);
  }
  return [...cases.values()];
}

/** Every file a TUF case reads. */
export function tufFiles(stages) {
  const out = [];
  for (const r of stages) {
    if (r.anchor.startsWith('/')) out.push(r.anchor);
    if (r.roots !== '-') out.push(...r.roots.split(','));
    out.push(r.timestamp, r.snapshot, r.targets);
    if (r.targetFiles !== '-') out.push(...r.targetFiles.split(',').map((f) => f.slice(f.indexOf('=') + 1)));
  }
  return out;
}

/**
 * Runs one TUF case (its stages in order, each verified stage's state feeding the next)
 * through `TrustedRoot.fromTuf` and returns each stage's outcome, `ok` or the error name.
 * Free of Node imports, like runRow, so the browser runs the very same function.
 */
export async function runTufCase(api, stages, read) {
  const state = new api.TufState();
  const outcomes = [];
  for (const r of stages) {
    try {
      const targetFiles = {};
      if (r.targetFiles !== '-') {
        for (const f of r.targetFiles.split(',')) {
          const at = f.indexOf('=');
          targetFiles[f.slice(0, at)] = await read(f.slice(at + 1));
        }
      }
      const files = {
        timestamp: await read(r.timestamp),
        snapshot: await read(r.snapshot),
        targets: await read(r.targets),
        targetFiles,
        roots: r.roots === '-' ? [] : await Promise.all(r.roots.split(',').map(read)),
        staging: r.anchor === 'staging',
        state,
        now: Number(r.now) * 1000,
      };
      if (r.anchor.startsWith('/')) files.anchor = await read(r.anchor);
      api.TrustedRoot.fromTuf(files);
      outcomes.push('ok');
    } catch (e) {
      outcomes.push(e instanceof api.VerificationError ? e.name : `UNEXPECTED ${e}`);
    }
  }
  return outcomes;
}
