// The shared conformance manifest, run in real headless Chromium; must match Node case by case.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { launch, serve } from '../lib/browser.mjs';
import { loadManifest, RESULTS, runRow, SHARED } from '../lib/manifest.mjs';

const rows = loadManifest();

test('conformance manifest (Chromium)', async (t) => {
  if (rows.length === 0) {
    t.skip('SKIPPED: the manifest has no rows (../shared vectors absent)');
    console.log('conformance (chromium): SKIPPED, the manifest has no rows (../shared vectors absent)');
    return;
  }
  if (existsSync(SHARED)) {
    assert.ok(rows.length >= 140, `manifest has ${rows.length} rows, expected at least 140`);
  } else {
    console.log(`conformance (chromium): ${SHARED} absent, running the project's own rows only`);
  }
  const files = new Set();
  for (const r of rows) {
    for (const p of [r.bundle, r.artifact, r.key, r.root]) if (p.startsWith('/')) files.add(p);
    // Files handed beside the bundle, named by the `config` column (`witness_policy=/abs/path`).
    for (const pair of r.config.split(';')) {
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value.startsWith('/')) files.add(value);
    }
    // The `skipped` file beside a bundle, where a vector has one (a 403 otherwise: none).
    const skipped = r.bundle.replace(/bundle\.sigstore\.json$/, 'skipped');
    if (existsSync(skipped)) files.add(skipped);
  }
  const server = await serve(files);
  const browser = await launch();
  try {
    await browser.page.goto(`${server.origin}/test/browser/blank.html`);
    // The same runRow as in Node, passed as source text, reading files over HTTP.
    const results = await browser.page.evaluate(async ({ rows, runRowSource }) => {
      const api = await import('/index.js');
      const runRow = (0, eval)(`(${runRowSource})`);
      const read = async (p) => {
        const res = await fetch(`/files${p}`);
        if (!res.ok) throw new Error(`fetch ${p}: ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      };
      const out = [];
      for (const row of rows) out.push([await runRow(api, row, read), await runRow(api, row, read, 'async')]);
      return out;
    }, { rows, runRowSource: runRow.toString() });
    assert.equal(results.length, rows.length);
    const lines = [];
    let failed = 0;
    for (const [i, row] of rows.entries()) {
      // All WebAssembly (verifyArtifact), and ECDSA in WebCrypto (verifyArtifactAsync).
      const [sync, webcrypto] = results[i];
      lines.push(`${row.id}\t${row.mode}\t${sync}`);
      if (sync !== row.expected || webcrypto !== row.expected) {
        failed += 1;
        console.log(`FAIL ${row.id} [${row.mode}]: expected ${row.expected}, got ${sync} (sync), ${webcrypto} (async)`);
      }
    }
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'wasm-chromium.tsv'), `${lines.join('\n')}\n`);
    console.log(`conformance (chromium): ${rows.length - failed} passed, ${failed} failed`);
    assert.equal(failed, 0);
    const node = path.join(RESULTS, 'wasm-node.tsv');
    if (existsSync(node)) {
      assert.equal(lines.join('\n') + '\n', readFileSync(node, 'utf8'), 'Chromium differs from Node');
    }
    assert.deepEqual(browser.requests.filter((u) => !u.startsWith(server.origin)), []);
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
