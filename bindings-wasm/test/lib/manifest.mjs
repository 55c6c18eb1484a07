// Reads the shared conformance manifest (conformance/src/manifest.rs documents the columns).
// SIGVERIFY_MANIFEST names a ready file (test.sh writes one); otherwise it is generated here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bindings-wasm/..). */
export const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../../..');

const COLUMNS = ['id', 'mode', 'bundle', 'artifact', 'digest', 'policy', 'identity', 'issuer',
  'key', 'root', 'now', 'expected'];

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
  try {
    const options = how === 'async' ? { platformCrypto: false } : undefined;
    const verifier = row.root === 'production' ? api.Verifier.production(options)
      : row.root === 'staging' ? api.Verifier.staging(options)
        : api.Verifier.fromTrustedRoot(await read(row.root), options);
    try {
      const policy = row.policy === 'key' ? { key: await text(row.key) }
        : { identity: row.identity, issuer: row.issuer };
      const artifact = row.mode === 'artifact' ? await read(row.artifact)
        : { digest: row.digest };
      const now = row.now === '-' ? undefined : { now: Number(row.now) * 1000 };
      const bundle = await read(row.bundle);
      const result = how === 'async' ? await verifier.verifyArtifactAsync(bundle, artifact, policy, now)
        : verifier.verifyArtifact(bundle, artifact, policy, now);
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
