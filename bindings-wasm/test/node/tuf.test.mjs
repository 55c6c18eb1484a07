// Trusted roots over TUF in Node: every case of the shared TUF manifest, and the API's shape.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import * as api from '../../index.js';
import { loadTufCases, ROOT, runTufCase } from '../lib/manifest.mjs';

const TUF = path.join(ROOT, '..', 'shared', 'vectors', 'sigstore-tuf');
const AUG_22 = 1787356800 * 1000;

test('TUF manifest (Node)', async () => {
  const cases = loadTufCases();
  assert.ok(cases.filter((c) => c[0].id.startsWith('tuf-own/')).length >= 30);
  if (!existsSync(TUF)) console.log(`!!! ${TUF} absent: real TUF repositories NOT run`);
  let failed = 0;
  for (const stages of cases) {
    const got = await runTufCase(api, stages, async (p) => readFileSync(p));
    const want = stages.map((r) => r.expected);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      failed += 1;
      console.log(`FAIL ${stages[0].id}: expected ${want}, got ${got}`);
    }
  }
  console.log(`tuf (node): ${cases.length - failed} cases passed, ${failed} failed`);
  assert.equal(failed, 0);
});

test('fromTuf advances the state and refuses what is not a TUF update', { skip: !existsSync(TUF) && 'real TUF repositories absent' }, () => {
  const dir = path.join(TUF, 'production');
  const read = (p) => readFileSync(path.join(dir, p));
  const files = {
    timestamp: read('metadata/timestamp.json'),
    snapshot: read('metadata/snapshot.json'),
    targets: read('metadata/targets.json'),
    targetFiles: { 'trusted_root.json': read('targets/trusted_root.json') },
    now: AUG_22,
  };
  const state = new api.TufState();
  const root = api.TrustedRoot.fromTuf({ ...files, state });
  assert.deepEqual(Buffer.from(root.json), read('targets/trusted_root.json'));
  assert.deepEqual(state.versions, { root: 15, timestamp: 762, snapshot: 165, targets: 14 });
  const again = new api.TufState(state.toBytes());
  api.Verifier.fromTuf({ ...files, state: again }).free();
  assert.deepEqual(again.toBytes(), state.toBytes());
  assert.throws(() => api.TrustedRoot.fromTuf({ ...files, now: 1790000000 * 1000 }),
    (e) => e instanceof api.VerificationError && e.name === 'TUF_METADATA_EXPIRED' && e.code === 1308);
  assert.throws(() => api.TrustedRoot.fromTuf({ ...files, bogus: 1 }), TypeError);
  assert.throws(() => api.TrustedRoot.fromTuf({ ...files, timestamp: 'text' }), TypeError);
  assert.throws(() => new api.TufState('x'), TypeError);
  assert.throws(() => api.TrustedRoot.fromTuf({ ...files, state: new api.TufState(new Uint8Array([1])) }),
    (e) => e.name === 'TUF_STATE_INVALID');
});

test('a version Number cannot hold comes back as a bigint', () => {
  const dir = path.join(ROOT, 'conformance', 'tuf-vectors', 'tuf-anchor-version-max');
  const read = (p) => readFileSync(path.join(dir, p));
  const state = new api.TufState();
  api.TrustedRoot.fromTuf({
    anchor: read('anchor.json'),
    timestamp: read('1/metadata/timestamp.json'),
    snapshot: read('1/metadata/snapshot.json'),
    targets: read('1/metadata/targets.json'),
    targetFiles: { 'trusted_root.json': read('1/targets/trusted_root.json') },
    state,
    now: Number(readFileSync(path.join(dir, 'now'), 'utf8').trim()) * 1000,
  });
  assert.equal(state.versions.root, 2n ** 64n - 1n);
  assert.equal(typeof state.versions.timestamp, 'number');
});

// Every file of a repository folder, by its name alone (as a browser's picker gives them).
function flatFiles(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[e.name] = readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

test('fromTufFiles picks the roots after the anchor and yields the same root as the folder layout', { skip: !existsSync(TUF) && 'real TUF repositories absent' }, () => {
  const files = flatFiles(path.join(TUF, 'staging'));
  const state = new api.TufState();
  const fromAnchor = api.TrustedRoot.fromTufFiles({ files, staging: true, state, now: AUG_22 });
  assert.deepEqual(Buffer.from(fromAnchor.json), readFileSync(path.join(TUF, 'staging', 'targets', 'trusted_root.json')));
  // From staging root v1 the same files rotate through every later root, also given as a Map.
  const fromV1 = api.TrustedRoot.fromTufFiles({
    files: new Map(Object.entries(files)), anchor: files['1.root.json'], now: AUG_22,
  });
  assert.deepEqual(fromV1.json, fromAnchor.json);
  assert.equal(state.versions.root, 14);
  const { 'timestamp.json': _, ...noTimestamp } = files;
  assert.throws(() => api.TrustedRoot.fromTufFiles({ files: noTimestamp, staging: true, now: AUG_22 }),
    (e) => e instanceof TypeError && /no timestamp\.json/.test(e.message));
  assert.throws(() => api.TrustedRoot.fromTufFiles({ files, staging: true, now: AUG_22, bogus: 1 }), TypeError);
  assert.throws(() => api.TrustedRoot.fromTufFiles({ files, now: 1800000000 * 1000, staging: true }),
    (e) => e instanceof api.VerificationError && e.name === 'TUF_METADATA_EXPIRED');
});
