// The package is instantiable in a (module) Web Worker in Chromium.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { launch, serve } from '../lib/browser.mjs';

test('package works in a module Web Worker', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    await browser.page.goto(`${server.origin}/test/browser/blank.html`);
    const reply = await browser.page.evaluate(() => new Promise((resolve, reject) => {
      const w = new Worker('/test/browser/worker.js', { type: 'module' });
      w.onmessage = (e) => { resolve(e.data); w.terminate(); };
      w.onerror = (e) => reject(new Error(e.message));
      setTimeout(() => reject(new Error('worker timed out')), 20000);
    }));
    assert.deepEqual(reply, {
      digest: 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      outcome: 'BUNDLE_JSON_INVALID',
    });
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
