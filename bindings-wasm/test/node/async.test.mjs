// The async forms of the registry calls (verifyNpmAsync, verifyPypiAsync, verifyReleaseAsync)
// on the registries' real files, without node:crypto as a browser runs them: each resolves to
// exactly what its synchronous form returns, with every ECDSA check going to WebCrypto (counted,
// so a path that silently fell back to WebAssembly would fail), and each refusal is the
// synchronous form's error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { VerificationError, Verifier, verifyRelease, verifyReleaseAsync } from '../../index.js';
import { ROOT } from '../lib/manifest.mjs';
import { countingWebCrypto as counted } from '../lib/webcrypto.mjs';

const FILES = path.join(ROOT, 'conformance', 'attestation-files');
const read = (...parts) => readFileSync(path.join(FILES, ...parts));
const NOW = 1_790_000_000_000;

async function sameRefusal(promise, f, name) {
  let expected;
  try {
    f();
  } catch (e) {
    expected = e;
  }
  assert.ok(expected instanceof VerificationError && expected.name === name, `${expected}`);
  await assert.rejects(promise, (e) => e instanceof VerificationError && e.name === name && e.message === expected.message);
}

test('verifyNpmAsync: the same package result, its signatures and bundles checked by WebCrypto', async () => {
  const verifier = Verifier.production({ platformCrypto: false });
  const pkg = {
    keys: read('npm-registry', 'keys.json'),
    packument: read('npm-registry', 'sigstore-1.0.0', 'dist.json'),
    tarball: read('npm-registry', 'sigstore-1.0.0', 'sigstore-1.0.0.tgz'),
    attestations: read('npm-registry', 'sigstore-1.0.0', 'attestations.json'),
  };
  const [result, checks] = await counted(() => verifier.verifyNpmAsync(pkg, { now: NOW }));
  assert.deepEqual(result, verifier.verifyNpm(pkg, { now: NOW }));
  assert.ok(checks >= 5, `${checks} WebCrypto checks`);
  const other = { ...pkg, tarball: read('npm-registry', 'tuf-js-1.0.0', 'tuf-js-1.0.0.tgz') };
  await sameRefusal(verifier.verifyNpmAsync(other, { now: NOW }), () => verifier.verifyNpm(other, { now: NOW }), 'NPM_INTEGRITY_MISMATCH');
  const policy = { ...pkg, policy: { github: { repo: 'octo/other' } } };
  await sameRefusal(verifier.verifyNpmAsync(policy, { now: NOW }), () => verifier.verifyNpm(policy, { now: NOW }), 'POLICY_EXTENSION_MISMATCH');
  await assert.rejects(verifier.verifyNpmAsync({ keys: pkg.keys }), TypeError);
  verifier.free();
});

test('verifyPypiAsync: the same attestations, checked by WebCrypto', async () => {
  const verifier = Verifier.production({ platformCrypto: false });
  const name = 'pypi_attestations-0.0.19.tar.gz';
  const dist = { name, bytes: read('pypi', name) };
  const provenance = read('pypi', `${name}.provenance`);
  const options = { now: NOW, publisher: { repository: 'https://github.com/trailofbits/pypi-attestations' } };
  const [result, checks] = await counted(() => verifier.verifyPypiAsync(dist, provenance, options));
  assert.deepEqual(result, verifier.verifyPypi(dist, provenance, options));
  assert.ok(checks >= 4, `${checks} WebCrypto checks`);
  const fork = { ...options, publisher: { repository: 'https://github.com/example/pypi-attestations' } };
  await sameRefusal(verifier.verifyPypiAsync(dist, provenance, fork), () => verifier.verifyPypi(dist, provenance, fork), 'PYPI_PUBLISHER_MISMATCH');
  await assert.rejects(verifier.verifyPypiAsync(dist, provenance, { now: NOW }), TypeError);
  verifier.free();
});

test('verifyReleaseAsync: the same release, the roots\' chain links checked by WebCrypto too', async () => {
  const dir = 'github-release-delme-v6';
  const bundle = read(dir, 'github_release_bundle.json');
  const roots = read(dir, 'trusted_root.jsonl');
  const spec = { repo: 'bdehamer/delme', tag: 'v6', assets: [read(dir, 'artifact.zip')] };
  const options = { now: 1_748_700_000_000, platformCrypto: false };
  const [result, checks] = await counted(() => verifyReleaseAsync(bundle, roots, spec, options));
  assert.deepEqual(result, verifyRelease(bundle, roots, spec, options));
  // Every CA link of both roots, then the bundle's signature, timestamp and chain.
  assert.ok(checks >= 6, `${checks} WebCrypto checks`);
  const stranger = { ...spec, assets: [read(dir, 'artifact_invalid.zip')] };
  await sameRefusal(verifyReleaseAsync(bundle, roots, stranger, options), () => verifyRelease(bundle, roots, stranger, options), 'RELEASE_ASSET_NOT_ATTESTED');
  await assert.rejects(verifyReleaseAsync(bundle, [], spec, options), TypeError);
  // With node:crypto in use the async form verifies synchronously through it: no WebCrypto.
  const [viaNode, none] = await counted(() => verifyReleaseAsync(bundle, roots, spec, { now: options.now }));
  assert.deepEqual(viaNode, result);
  assert.equal(none, 0);
});
