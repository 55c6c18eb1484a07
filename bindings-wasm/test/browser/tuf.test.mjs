// The shared TUF manifest in real headless Chromium: the files are fetched over HTTP from a local
// server, as a dashboard would fetch them from Sigstore's TUF CDN, and checked in WebAssembly.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { launch, serve } from '../lib/browser.mjs';
import { loadTufCases, runTufCase, tufFiles } from '../lib/manifest.mjs';

test('TUF manifest (Chromium)', async () => {
  const cases = loadTufCases();
  assert.ok(cases.length >= 30, `the TUF manifest has ${cases.length} cases`);
  const server = await serve(new Set(cases.flatMap(tufFiles)));
  const browser = await launch();
  try {
    await browser.page.goto(`${server.origin}/test/browser/blank.html`);
    const results = await browser.page.evaluate(async ({ cases, runSource }) => {
      const api = await import('/index.js');
      const runTufCase = (0, eval)(`(${runSource})`);
      const read = async (p) => {
        const res = await fetch(`/files${p}`);
        if (!res.ok) throw new Error(`fetch ${p}: ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      };
      const out = [];
      for (const stages of cases) out.push(await runTufCase(api, stages, read));
      return out;
    }, { cases, runSource: runTufCase.toString() });
    let failed = 0;
    for (const [i, stages] of cases.entries()) {
      const want = stages.map((r) => r.expected);
      if (JSON.stringify(results[i]) !== JSON.stringify(want)) {
        failed += 1;
        console.log(`FAIL ${stages[0].id}: expected ${want}, got ${results[i]}`);
      }
    }
    console.log(`tuf (chromium): ${cases.length - failed} cases passed, ${failed} failed`);
    assert.equal(failed, 0);
    assert.deepEqual(browser.requests.filter((u) => !u.startsWith(server.origin)), []);
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
