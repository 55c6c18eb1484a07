// The shared conformance manifest, run in Node against the built package.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import * as api from '../../index.js';
import { loadManifest, RESULTS, runRow, SHARED } from '../lib/manifest.mjs';

const rows = loadManifest();

test('conformance manifest (Node)', async (t) => {
  if (rows.length === 0) {
    t.skip('SKIPPED: the manifest has no rows (../shared vectors absent)');
    console.log('conformance (node): SKIPPED, the manifest has no rows (../shared vectors absent)');
    return;
  }
  if (existsSync(SHARED)) {
    assert.ok(rows.length >= 140, `manifest has ${rows.length} rows, expected at least 140`);
  } else {
    console.log(`conformance (node): ${SHARED} absent, running the project's own rows only`);
  }
  const lines = [];
  let failed = 0;
  for (const row of rows) {
    // verifyArtifact with node:crypto, and verifyArtifactAsync with WebCrypto (deferred runs).
    const got = await runRow(api, row, (p) => readFileSync(p));
    const deferred = await runRow(api, row, (p) => readFileSync(p), 'async');
    lines.push(`${row.id}\t${row.mode}\t${got}`);
    if (got !== row.expected || deferred !== row.expected) {
      failed += 1;
      console.log(`FAIL ${row.id} [${row.mode}]: expected ${row.expected}, got ${got} (sync), ${deferred} (async)`);
    }
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'wasm-node.tsv'), `${lines.join('\n')}\n`);
  console.log(`conformance (node): ${rows.length - failed} passed, ${failed} failed`);
  assert.equal(failed, 0);
});
