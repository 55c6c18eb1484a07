// The built dashboard (build.sh: Vite, the packed npm package, the sample releases) served as a
// static site and driven in Chromium: every row of the sample manifest reaches its verdict with
// the reason, a dropped or picked file is checked against its row (also offline), a reload
// with no network verifies again from the service worker's cache, the TUF
// manifest fetches and verifies Sigstore's repository, a broken manifest is named. Prints the
// time to verify N artifacts and saves the README's screenshot (target/wasm-tests/dashboard.png).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launch } from '../../../test/lib/browser.mjs';
import { serve } from '../scripts/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(HERE, '..', 'dist');
const REPO = path.join(HERE, '..', '..', '..', '..');
const SHOTS = path.join(REPO, 'target', 'wasm-tests');
const SAMPLE = JSON.parse(readFileSync(path.join(HERE, '..', 'sample', 'manifest.json'), 'utf8'));
const sampleFile = (name) => readFileSync(path.join(DIST, 'sample', name));

const GITHUB = 'https://token.actions.githubusercontent.com';
const JAVA = 'untrusted-sa@sigstore-conformance.iam.gserviceaccount.com';
// Every row of sample/manifest.json: verified with its signer and log (null: no log entry), or
// refused with the error name.
const EXPECTED = {
  'sigstore@1.0.0': ['https://github.com/sigstore/sigstore-js/.github/workflows/publish.yml@refs/tags/v1.0.0', GITHUB, 'rekor.sigstore.dev #12988397'],
  'tuf-js@1.0.0': ['https://github.com/theupdateframework/tuf-js/.github/workflows/publish.yml@refs/tags/v1.0.0', GITHUB, 'rekor.sigstore.dev #12987347'],
  '@brave/brave-search-mcp-server@2.0.82 (registry signature only)': ['npm registry key SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U', '', ''],
  '@playwright/cli@0.1.1 (attestations document)': ['https://github.com/microsoft/playwright-cli/.github/workflows/publish.yml@refs/tags/v0.1.1', GITHUB, 'rekor.sigstore.dev #953297574'],
  "sigstore@1.3.0 (npm's publish key)": ['managed key', '', 'rekor.sigstore.dev #18300940'],
  'sigstore-2.1.0.tgz (gh JSON Lines)': ['https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main', GITHUB, 'rekor.sigstore.dev #33351527'],
  'github_provenance_demo (reusable workflow)': ['https://github.com/github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d', GITHUB, 'rekor.sigstore.dev #96764485'],
  "attest-demo (GitHub's private-repository instance)": ['https://github.com/actions/attest-demo/.github/workflows/build-python.yml@refs/heads/main', GITHUB, ''],
  'bdehamer/delme v6: artifact.zip': ['https://dotcom.releases.github.com', '', ''],
  'pypi_attestations-0.0.19.tar.gz (GitHub publisher)': ['https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.19', GITHUB, 'rekor.sigstore.dev #153454663'],
  'gcb_attestation_test-0.0.0.tar.gz (Google Cloud Build)': ['919436158236-compute@developer.gserviceaccount.com', 'https://accounts.google.com', 'rekor.sigstore.dev #200170367'],
  'pypi-attestation-models 0.0.4a2 (sigstore-python bundle)': ['https://github.com/trailofbits/pypi-attestation-models/.github/workflows/release.yml@refs/tags/v0.0.4a2', GITHUB, 'rekor.sigstore.dev #101487427'],
  'sigstore-java: ECDSA P-384, SHA-384': [JAVA, 'https://accounts.google.com', 'rekor.sigstore.dev #1633569217'],
  'sigstore-java: RSA 4096, PKCS#1 v1.5': [JAVA, 'https://accounts.google.com', 'rekor.sigstore.dev #1633569045'],
  'sigstore-java: DSSE on Rekor v2': [JAVA, 'https://accounts.google.com', 'log2025-1.rekor.sigstore.dev #4855114'],
  'sigstore-python on staging, Rekor v2': ['jku@goto.fi', 'https://github.com/login/oauth', 'log2025-alpha1.rekor.sigstage.dev #645'],
  'sigstore-2.1.0.tgz from a mirror serving another file': 'DSSE_SUBJECT_MISMATCH',
  'github_provenance_demo, claimed by another repository': 'POLICY_EXTENSION_MISMATCH',
  'bdehamer/delme v6: a file that is not an asset': 'RELEASE_ASSET_NOT_ATTESTED',
  'sigstore-js 1.0.0 bundle carrying the Fulcio root': 'BUNDLE_CHAIN_CONTAINS_ROOT',
  'sigstore-python bundle with no proven signing time': 'TIME_THRESHOLD_NOT_MET',
  "pypi_attestations-0.0.19.tar.gz, from a fork's publisher": 'PYPI_PUBLISHER_MISMATCH',
  'a download that is not there': 'FETCH_FAILED',
  "tuf-js@1.0.0, with another package's tarball": 'NPM_INTEGRITY_MISMATCH',
};

let server;
before(async () => {
  assert.ok(existsSync(path.join(DIST, 'sample', 'manifest.json')), `${DIST}: run build.sh first`);
  server = await serve(DIST);
});
after(() => server?.close());

// The dashboard's stored TUF state of the production anchor (src/tuf-state.js), read and
// written in the page: the store a visit leaves for the next.
const STATE_HELPERS = `
  const tx = (mode, f) => new Promise((resolve, reject) => {
    const open = indexedDB.open('sigverify-dashboard /', 1);
    open.onsuccess = () => {
      const r = f(open.result.transaction('tuf-state', mode).objectStore('tuf-state'));
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    };
    open.onerror = () => reject(open.error);
  });
  window.readState = () => tx('readonly', (s) => s.get('production')).then((b) => JSON.parse(new TextDecoder().decode(b)));
  window.writeState = (v) => tx('readwrite', (s) => s.put(new TextEncoder().encode(JSON.stringify(v)), 'production'));
`;

// Loads the dashboard on `manifest` and waits for the worker's last verdict.
async function open(browser, manifest) {
  const { page } = browser;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/${manifest ? `?manifest=${manifest}` : ''}`);
  await page.waitForSelector('#summary[data-done], #summary[data-error]', { timeout: 60000 });
  return page;
}

// The details row under the artifact row named `name`.
function detailsOf(page, name) {
  return page.locator('tr.artifact', { has: page.locator('.name', { hasText: name }) }).first()
    .locator('xpath=following-sibling::tr[1]');
}

function rowsOf(page) {
  return page.$$eval('tr.artifact', (rows) => rows.map((r) => ({
    name: r.querySelector('.name').textContent,
    status: r.dataset.status,
    error: r.querySelector('.reason').dataset.error,
    reason: r.querySelector('.reason').textContent,
    identity: r.querySelector('.identity').textContent,
    issuer: r.querySelector('.issuer').textContent,
    time: r.querySelector('.time').textContent,
    log: r.querySelector('.log').textContent,
  })));
}

// A File made in the page from bytes, dropped on the row named `name`; resolves to the check's text.
async function drop(page, name, fileName, bytes) {
  const row = page.locator('tr.artifact', { has: page.locator('.name', { hasText: name }) }).first();
  const transfer = await page.evaluateHandle(({ fileName: n, data }) => {
    const t = new DataTransfer();
    t.items.add(new File([new Uint8Array(data)], n));
    return t;
  }, { fileName, data: [...bytes] });
  await row.dispatchEvent('dragover', { dataTransfer: transfer });
  await row.dispatchEvent('drop', { dataTransfer: transfer });
  const out = row.locator('.check-result');
  await page.waitForFunction((el) => ['verified', 'refused'].includes(el.dataset.status), await out.elementHandle());
  return { status: await out.getAttribute('data-status'), error: await out.getAttribute('data-error'), text: await out.textContent() };
}

test('the sample releases: each row verified with its signer and log, or refused by name', async () => {
  const browser = await launch();
  try {
    const page = await open(browser);
    const rows = await rowsOf(page);
    assert.deepEqual(rows.map((r) => r.name), SAMPLE.artifacts.map((a) => a.name));
    assert.deepEqual(Object.keys(EXPECTED).sort(), rows.map((r) => r.name).sort(), 'every row has an expectation');
    for (const r of rows) {
      const want = EXPECTED[r.name];
      if (typeof want === 'string') {
        assert.equal(r.status, 'refused', `${r.name}: ${r.identity}`);
        assert.equal(r.error, want, `${r.name}: ${r.reason}`);
        assert.ok(r.reason.startsWith(want), r.reason);
      } else {
        assert.equal(r.status, 'verified', `${r.name}: ${r.reason}`);
        assert.deepEqual([r.identity, r.issuer, r.log], want, r.name);
      }
    }
    // Signing times as the logs proved them; the registry's stand-in date for an npm package
    // without attestations is not shown as one.
    assert.equal(rows.find((r) => r.name === 'sigstore-2.1.0.tgz (gh JSON Lines)').time, '2023-08-29 15:40:23');
    assert.equal(rows.find((r) => r.name.startsWith('@brave/')).time, '');
    // The reasons say what was found.
    assert.match(rows.find((r) => r.name.includes('claimed by another')).reason, /found: https:\/\/github\.com\/malancas/);
    assert.match(rows.find((r) => r.name.includes('not there')).reason, /release-1\.0\.tar\.gz\.sigstore\.json: HTTP 404$/);
    // Accessible names: every control and progress bar has one, each row is headed by its artifact.
    const unnamed = await page.$$eval('input, progress, button', (els) => els.filter((e) => !e.getAttribute('aria-label') && e.labels?.length === 0).length);
    assert.equal(unnamed, 0);
    assert.equal(await page.$$eval('tr.artifact > th[scope=row]', (els) => els.length), rows.length);
    assert.equal(await page.getAttribute('#summary', 'role'), 'status');
    assert.equal(await page.getAttribute('#summary', 'data-error'), null);
    const summary = await page.textContent('#summary');
    assert.match(summary, /^24 artifacts: 16 verified, 8 refused \(\d+\.\d\d s\)\.$/);

    // The details view holds the whole result: the DSSE statement, the log entry, the digests.
    const row = detailsOf(page, 'sigstore-2.1.0.tgz (gh JSON Lines)');
    await row.locator('summary').click();
    const details = JSON.parse(await row.locator('pre.json').textContent());
    assert.equal(details.bundle, 'line 1');
    assert.equal(details.result.statement.payload.subject[0].name, 'pkg:npm/sigstore@2.1.0');
    assert.equal(details.result.logEntries[0].logIndex, 33351527);
    assert.match(details.digests.sha512, /^sha512:90f223f992e4c88d/);
    const why = JSON.parse(await detailsOf(page, 'a file that is not an asset').locator('pre.json').textContent());
    assert.deepEqual(why.expected, { bundle: `${server.origin}/sample/release/release-v6.sigstore.json`,
      trustedRoots: `${server.origin}/sample/release/trusted_root.jsonl`, repo: 'bdehamer/delme', tag: 'v6' });
    assert.equal(why.error.name, 'RELEASE_ASSET_NOT_ATTESTED');

    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-full.png'), fullPage: true });
    // The README's screenshot (examples/dashboard/screenshot.png is a copy): the first screen, details closed.
    await row.locator('summary').click();
    await page.setViewportSize({ width: 1280, height: 1250 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png') });
    assert.deepEqual(browser.requests.filter((u) => !u.startsWith(server.origin)), [], 'only this origin');
    assert.deepEqual(browser.errors, []);
    console.log(`# dashboard figure: ${rows.length} sample artifacts in ${await page.getAttribute('#summary', 'data-ms')} ms (downloads, hashing, verifying)`);
  } finally {
    await browser.close();
  }
});

test('a dropped or picked file is checked against its row, with no network', async () => {
  const browser = await launch();
  try {
    const page = await open(browser);
    // Everything the rows need was fetched with the page: the checks run offline.
    await browser.context.setOffline(true);
    const wheel = sampleFile('github/github_provenance_demo-0.0.0-py3-none-any.whl');
    const ok = await drop(page, 'github_provenance_demo (reusable workflow)', 'demo.whl', wheel);
    assert.equal(ok.status, 'verified', ok.text);
    assert.match(ok.text, /^✓ demo\.whl is this artifact \(sha256:[0-9a-f]{12}…\), verified$/);
    const bad = await drop(page, 'github_provenance_demo (reusable workflow)', 'other.whl', new Uint8Array([1, 2, 3]));
    assert.equal(bad.error, 'DSSE_SUBJECT_MISMATCH', bad.text);
    // An npm tarball is checked by its SHA-512 against the registry's integrity.
    const npm = await drop(page, 'tuf-js@1.0.0', 'tuf-js-1.0.0.tgz', sampleFile('npm/tuf-js-1.0.0.tgz'));
    assert.equal(npm.status, 'verified', npm.text);
    const wrongNpm = await drop(page, 'tuf-js@1.0.0', 'sigstore-1.0.0.tgz', sampleFile('npm/sigstore-1.0.0.tgz'));
    assert.equal(wrongNpm.error, 'NPM_INTEGRITY_MISMATCH', wrongNpm.text);
    // The keyboard path: the row's file picker.
    const pypiRow = page.locator('tr.artifact', { has: page.locator('.name', { hasText: 'pypi_attestations-0.0.19.tar.gz (GitHub publisher)' }) });
    await pypiRow.locator('input[type=file]').setInputFiles(path.join(DIST, 'sample', 'pypi', 'pypi_attestations-0.0.19.tar.gz'));
    await page.waitForFunction((el) => el.dataset.status === 'verified' || el.dataset.status === 'refused', await pypiRow.locator('.check-result').elementHandle());
    assert.equal(await pypiRow.locator('.check-result').getAttribute('data-status'), 'verified');
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
  }
});

test('offline after load: with the site gone, a reload verifies every row again from what was kept', async () => {
  // A server of its own (a site of its own: the service worker is per origin), stopped before
  // the reload, so nothing can come from the network, service worker or not.
  const own = await serve(DIST);
  const browser = await launch();
  try {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${own.origin}/`);
    await page.waitForSelector('#summary[data-done]', { timeout: 60000 });
    const first = await rowsOf(page);
    assert.equal(await page.getAttribute('#summary', 'data-offline'), null);
    await own.close();
    await browser.context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#summary[data-done]', { timeout: 60000 });
    const again = await rowsOf(page);
    const verdict = (r) => [r.name, r.status, r.error, r.identity, r.log];
    assert.deepEqual(again.map(verdict), first.map(verdict));
    // Said plainly on the page: these were the kept copies.
    assert.equal(await page.getAttribute('#summary', 'data-offline'), 'true');
    assert.match(await page.textContent('#summary'), / Offline: checked against the copies this browser kept, the oldest from \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
    await own.close().catch(() => {});
  }
});

test('a TUF mirror: the page fetches, the core verifies, expired metadata is refused by name', async () => {
  const tuf = path.join(DIST, 'sample', 'tuf.json');
  assert.ok(existsSync(tuf), 'the sample has no TUF mirror: ../shared/vectors/sigstore-tuf is needed');
  const browser = await launch();
  try {
    await browser.page.addInitScript(STATE_HELPERS);
    const page = await open(browser, 'sample/tuf.json');
    const rows = await rowsOf(page);
    assert.deepEqual(rows.map((r) => [r.status, r.error || r.log]), [
      ['verified', 'rekor.sigstore.dev #33351527'],
      ['verified', 'log2025-1.rekor.sigstore.dev #4855114'],
      ['verified', 'rekor.sigstore.dev #153454663'],
      ['refused', 'TUF_METADATA_EXPIRED'],
    ]);
    const fetched = browser.requests.map((u) => u.replace(server.origin, ''));
    for (const file of ['15.root.json', 'timestamp.json', '165.snapshot.json', '14.targets.json', 'targets/']) {
      assert.ok(fetched.some((u) => u.startsWith('/sample/tuf/production/') && u.includes(file)), `${file} not fetched: ${fetched}`);
    }
    // The update's rollback floors are kept for the next visit (IndexedDB).
    const stored = await page.evaluate(() => readState());
    assert.equal(stored.root.version, 15);
    assert.equal(stored.timestamp.version, 762);
    // A visit that saw a newer timestamp than the mirror now serves: the mirror's is a rollback.
    await page.evaluate((state) => writeState(state), { ...stored, timestamp: { ...stored.timestamp, version: 763 } });
    await page.reload();
    await page.waitForSelector('#summary[data-done]');
    assert.deepEqual((await rowsOf(page)).map((r) => r.error), ['TUF_ROLLBACK', 'TUF_ROLLBACK', 'TUF_ROLLBACK', 'TUF_METADATA_EXPIRED']);
    assert.deepEqual(browser.errors, []);
  } finally {
    await browser.close();
  }
});

test('a manifest that does not read is named, member by member', async () => {
  writeFileSync(path.join(DIST, 'sample', 'bad.json'), JSON.stringify({ version: 1, artifacts: [{ name: 'x', url: 'x', bundle: 'x.json' }] }));
  const browser = await launch();
  try {
    let page = await open(browser, 'sample/bad.json');
    assert.equal(await page.textContent('#summary'), 'The release list could not be read: artifacts[0].policy: must be an object');
    writeFileSync(path.join(DIST, 'sample', 'script.json'), JSON.stringify({ version: 1, artifacts: [{ name: 'x', url: 'javascript:alert(1)', bundle: 'x.json', policy: {} }] }));
    page = await open(browser, 'sample/script.json');
    assert.equal(await page.textContent('#summary'), 'The release list could not be read: artifacts[0].url: must be an http(s) URL, not "javascript:alert(1)"');
    // Only a manifest of the page's own site: a link cannot make it show someone else's verdicts.
    page = await open(browser, encodeURIComponent('http://127.0.0.1:9/manifest.json'));
    assert.equal(await page.getAttribute('#summary', 'data-error'), 'ManifestError');
    assert.match(await page.textContent('#summary'), /http:\/\/127\.0\.0\.1:9\/manifest\.json is not a URL on this site/);
    page = await open(browser, 'sample/none.json');
    assert.match(await page.textContent('#summary'), /none\.json: HTTP 404$/);
  } finally {
    await browser.close();
  }
});

test('time to verify N artifacts (a figure, not an assertion of speed)', async () => {
  // The sample's verified rows, repeated to N: N downloads, hashes and verifications.
  const n = Number(process.env.DASHBOARD_N ?? 200);
  const verified = SAMPLE.artifacts.filter((a) => typeof EXPECTED[a.name] !== 'string');
  const artifacts = Array.from({ length: n }, (_, i) => ({ ...verified[i % verified.length], name: `${i + 1}. ${verified[i % verified.length].name}`, group: undefined }));
  writeFileSync(path.join(DIST, 'sample', 'many.json'), JSON.stringify({ ...SAMPLE, artifacts }));
  const browser = await launch();
  try {
    const page = await open(browser, 'sample/many.json');
    assert.equal(await page.textContent('#summary').then((t) => t.split(' (')[0]), `${n} artifacts: ${n} verified, 0 refused`);
    const ms = Number(await page.getAttribute('#summary', 'data-ms'));
    console.log(`# dashboard figure: ${n} artifacts verified in ${ms.toFixed(0)} ms, ${(ms / n).toFixed(2)} ms each (Chromium, Web Worker, WebCrypto)`);
  } finally {
    await browser.close();
  }
});
