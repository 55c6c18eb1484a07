// Drives the demo page in Chromium: one verified and one rejected case, screenshots saved.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { launch, serve } from '../lib/browser.mjs';
import { ROOT, SHARED } from '../lib/manifest.mjs';

const CASE = path.join(SHARED, 'happy-path-v0.3');
const IDENTITY = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const SHOTS = path.join(ROOT, 'target', 'wasm-tests');

async function verifyInDemo(identity, shot, tuf, files = { artifact: path.join(SHARED, 'a.txt'), bundle: path.join(CASE, 'bundle.sigstore.json') }) {
  const server = await serve();
  const browser = await launch();
  try {
    const { page } = browser;
    // The TUF files are current at their snapshot's date; the page's clock is set to it.
    if (tuf) await page.clock.setFixedTime(new Date(tuf.now * 1000));
    await page.goto(`${server.origin}/demo/index.html`);
    await page.waitForFunction(() => !document.getElementById('verify').disabled);
    if (tuf) {
      await page.selectOption('#root', 'tuf');
      await page.setInputFiles('#tufFiles', tuf.files);
    }
    await page.setInputFiles('#artifact', files.artifact);
    await page.setInputFiles('#bundle', files.bundle);
    await page.fill('#identity', identity);
    await page.click('#verify');
    await page.waitForFunction(() => ['ok', 'fail'].includes(document.getElementById('result').dataset.status));
    const status = await page.getAttribute('#result', 'data-status');
    const text = await page.textContent('#result');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, shot), fullPage: true });
    assert.deepEqual(browser.requests.filter((u) => !u.startsWith(server.origin)), [], 'network request');
    assert.deepEqual(browser.errors, []);
    assert.equal(await page.evaluate(() => document.getElementById('progress').value), 1);
    return { status, text };
  } finally {
    await browser.close();
    await server.close();
  }
}

test('demo: a good bundle verifies and shows signer, time and log index', async (t) => {
  if (!existsSync(CASE)) { t.skip(`SKIPPED: ${CASE} absent`); return; }
  const { status, text } = await verifyInDemo(IDENTITY, 'demo-verified.png');
  assert.equal(status, 'ok', text);
  assert.match(text, /Verified: a\.txt/);
  assert.ok(text.includes(IDENTITY));
  assert.match(text, /Signed at2024-03-19T17:26:26 UTC/);
  assert.match(text, /Log index79571823 \(https:\/\/rekor\.sigstore\.dev\)/);
});

test('demo: an npm tarball, which its attestation names by SHA-512 alone, streams through that hasher and verifies', async () => {
  const example = path.join(ROOT, 'conformance', 'examples', 'gh-npm-sigstore-2.1.0-v0.3');
  const files = { artifact: path.join(example, 'artifact'), bundle: path.join(example, 'bundle.sigstore.json') };
  const identity = 'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main';
  const { status, text } = await verifyInDemo(identity, 'demo-npm-sha512.png', undefined, files);
  assert.equal(status, 'ok', text);
  assert.match(text, /Digestsha512:90f223f992e4c88d/);
});

test('demo: the wrong identity is rejected with the reason', async (t) => {
  if (!existsSync(CASE)) { t.skip(`SKIPPED: ${CASE} absent`); return; }
  const { status, text } = await verifyInDemo('https://github.com/someone/else/.github/workflows/x.yml@refs/heads/main', 'demo-rejected.png');
  assert.equal(status, 'fail', text);
  assert.match(text, /Not verified: POLICY_IDENTITY_MISMATCH/);
  assert.match(text, /Code1000/);
});

const TUF = path.join(ROOT, '..', 'shared', 'vectors', 'sigstore-tuf', 'production');

test('demo: a trusted root refreshed over TUF from picked files verifies the bundle', async (t) => {
  if (!existsSync(CASE) || !existsSync(TUF)) { t.skip(`SKIPPED: ${CASE} or ${TUF} absent`); return; }
  const history = path.join(TUF, 'metadata', 'root_history');
  const files = [
    ...readdirSync(history).map((f) => path.join(history, f)),
    ...['timestamp.json', 'snapshot.json', 'targets.json'].map((f) => path.join(TUF, 'metadata', f)),
    path.join(TUF, 'targets', 'trusted_root.json'),
  ];
  const { status, text } = await verifyInDemo(IDENTITY, 'demo-tuf-verified.png', { files, now: 1787356800 });
  assert.equal(status, 'ok', text);
  assert.match(text, /Trusted rootTUF root v15, timestamp v762, snapshot v165, targets v14/);
  assert.match(text, /Log index79571823/);
});
