// The files users hold, from Node: gh JSON Lines, npm's attestations document and PyPI's PEP
// 740 files (conformance/attestation-files), each verified against its artifact, and altered
// or malformed ones refused by name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { Hasher, VerificationError, Verifier, splitBundles } from '../../index.js';
import { ROOT } from '../lib/manifest.mjs';

const FILES = path.join(ROOT, 'conformance', 'attestation-files');
const read = (...parts) => readFileSync(path.join(FILES, ...parts));
const NOW = 1_790_000_000_000;
const DIST = 'pypi_attestations-0.0.19.tar.gz';
const GITHUB = 'https://github.com/trailofbits/pypi-attestations';

function throwsCore(f, name) {
  assert.throws(f, (e) => e instanceof VerificationError && e.name === name, name);
}

test('splitBundles names each kind of file and where each bundle was', () => {
  const jsonl = splitBundles(read('gh-jsonl-sigstore-2.1.0', 'sigstore-js-2.1.0_with_2_bundles.jsonl'));
  assert.equal(jsonl.kind, 'jsonLines');
  assert.deepEqual(jsonl.bundles.map((b) => b.place), ['line 1', 'line 2']);
  const npm = splitBundles(read('npm-playwright-cli-0.1.1', 'attestations.json'));
  assert.equal(npm.kind, 'attestationsDocument');
  assert.equal(npm.bundles[1].predicateType, 'https://slsa.dev/provenance/v1');
  const provenance = splitBundles(read('pypi', `${DIST}.provenance`));
  assert.equal(provenance.kind, 'pypiProvenance');
  assert.ok(provenance.bundles[0].json instanceof Uint8Array);
  assert.equal(splitBundles(read('pypi', `${DIST}.publish.attestation`)).kind, 'pypiAttestation');
  throwsCore(() => splitBundles('{"attestations":[]}'), 'BUNDLE_JSON_INVALID');
});

test('verifyFile: a file verifies when one of its bundles does, and says which', () => {
  const verifier = Verifier.production();
  const dir = 'npm-playwright-cli-0.1.1';
  const doc = read(dir, 'attestations.json');
  const tarball = read(dir, 'artifact');
  const policy = {
    identity: 'https://github.com/microsoft/playwright-cli/.github/workflows/publish.yml@refs/tags/v0.1.1',
    issuer: 'https://token.actions.githubusercontent.com',
  };
  const ok = verifier.verifyFile(doc, tarball, policy, { now: NOW });
  assert.deepEqual(ok.bundle, { place: 'attestations[1]', of: 2 });
  const altered = Uint8Array.from(tarball);
  altered[100] ^= 1;
  assert.throws(() => verifier.verifyFile(doc, altered, policy, { now: NOW }), (e) =>
    e instanceof VerificationError && e.name === 'POLICY_MATERIAL_MISMATCH'
      && e.bundles.map((b) => b.error.name).join() === 'POLICY_MATERIAL_MISMATCH,DSSE_SUBJECT_MISMATCH');
  // Without the artifact: every check but the subjects.
  assert.equal(verifier.verifyFile(doc, null, policy, { now: NOW }).bundle.place, 'attestations[1]');
  verifier.free();
});

test('verifyFileAsync: the same result and the same refusals as verifyFile, through WebCrypto', async () => {
  const verifier = Verifier.production({ platformCrypto: false });
  const doc = read('npm-playwright-cli-0.1.1', 'attestations.json');
  const tarball = read('npm-playwright-cli-0.1.1', 'artifact');
  const policy = {
    identity: 'https://github.com/microsoft/playwright-cli/.github/workflows/publish.yml@refs/tags/v0.1.1',
    issuer: 'https://token.actions.githubusercontent.com',
  };
  assert.deepEqual(await verifier.verifyFileAsync(doc, tarball, policy, { now: NOW }), verifier.verifyFile(doc, tarball, policy, { now: NOW }));
  assert.deepEqual(await verifier.verifyFileAsync(doc, null, policy, { now: NOW }), verifier.verifyFile(doc, null, policy, { now: NOW }));
  await assert.rejects(verifier.verifyFileAsync(doc, tarball, { ...policy, identity: 'x' }, { now: NOW }), (e) =>
    e instanceof VerificationError && e.name === 'POLICY_MATERIAL_MISMATCH'
      && e.bundles.map((b) => b.error.name).join() === 'POLICY_MATERIAL_MISMATCH,POLICY_IDENTITY_MISMATCH');
  await assert.rejects(verifier.verifyFileAsync('{"attestations":[]}', tarball, policy), (e) => e.name === 'BUNDLE_JSON_INVALID');
  // Hashed once as a stream: each bundle takes the digest it needs (npm's: SHA-512).
  const digests = { sha256: new Hasher('sha256').update(tarball).digest(), sha512: new Hasher('sha512').update(tarball).digest() };
  assert.deepEqual(await verifier.verifyFileAsync(doc, { digests }, policy, { now: NOW }), verifier.verifyFile(doc, tarball, policy, { now: NOW }));
  await assert.rejects(verifier.verifyFileAsync(doc, { digests: { sha256: digests.sha256 } }, policy, { now: NOW }),
    (e) => e instanceof TypeError && /no sha512 digest/.test(e.message));
  verifier.free();
});

test('verifyPypi: a provenance verifies for its publisher against the distribution', () => {
  const verifier = Verifier.production();
  const provenance = read('pypi', `${DIST}.provenance`);
  const dist = { name: DIST, bytes: read('pypi', DIST) };
  const [one] = verifier.verifyPypi(dist, provenance, { now: NOW, publisher: { repository: GITHUB } });
  assert.equal(one.place, 'attestation_bundles[0].attestations[0]');
  assert.equal(one.publisherKind, 'GitHub');
  assert.equal(one.predicateType, 'https://docs.pypi.org/attestations/publish/v1');
  assert.equal(one.result.identity, `${GITHUB}/.github/workflows/release.yml@refs/tags/v0.0.19`);
  assert.equal(one.result.extensions['1.3.6.1.4.1.57264.1.12'], GITHUB);
  assert.equal(one.result.extensions['1.3.6.1.4.1.57264.1.14'], 'refs/tags/v0.0.19');
  throwsCore(() => verifier.verifyPypi(dist, provenance, { now: NOW, publisher: { repository: `${GITHUB}-fork` } }), 'PYPI_PUBLISHER_MISMATCH');
  throwsCore(() => verifier.verifyPypi({ name: 'pypi_attestations-0.0.20.tar.gz', bytes: dist.bytes }, provenance, { now: NOW, publisher: { repository: GITHUB } }), 'PYPI_DISTRIBUTION_NAME_MISMATCH');
  const altered = Uint8Array.from(dist.bytes);
  altered[0] ^= 1;
  throwsCore(() => verifier.verifyPypi({ name: DIST, bytes: altered }, provenance, { now: NOW, publisher: { repository: GITHUB } }), 'PYPI_DISTRIBUTION_DIGEST_MISMATCH');
  assert.throws(() => verifier.verifyPypi(dist, provenance, { now: NOW }), TypeError);
  assert.throws(() => verifier.verifyPypi(dist, provenance, { now: NOW, publisher: { owner: 'x' } }), TypeError);
  const gcb = 'gcb_attestation_test-0.0.0.tar.gz';
  const [google] = verifier.verifyPypi({ name: gcb, bytes: read('pypi', gcb) }, read('pypi', `${gcb}.provenance`), {
    now: NOW,
    publisher: { gcpServiceAccount: '919436158236-compute@developer.gserviceaccount.com' },
  });
  assert.equal(google.publisherKind, 'Google');
  verifier.free();
});

test('verifyPypiAttestation: a bare attestation object for a policy', () => {
  const verifier = Verifier.production();
  const name = 'gitlab_oidc_project-0.0.3.tar.gz';
  const policy = {
    identity: 'https://gitlab.com/facutuesca/gitlab-oidc-project//.gitlab-ci.yml@refs/heads/main',
    issuer: 'https://gitlab.com',
  };
  const doc = read('pypi', `${name}.publish.attestation`);
  const one = verifier.verifyPypiAttestation({ name, bytes: read('pypi', name) }, doc, policy, { now: NOW });
  assert.equal(one.place, 'attestation');
  assert.equal(one.publisher, null);
  throwsCore(() => verifier.verifyPypiAttestation({ name, digest: `sha256:${'00'.repeat(32)}` }, doc, policy, { now: NOW }), 'PYPI_DISTRIBUTION_DIGEST_MISMATCH');
  throwsCore(() => verifier.verifyPypiAttestation({ name, bytes: read('pypi', name) }, '{"version":2}', policy, { now: NOW }), 'PYPI_ATTESTATION_INVALID');
  verifier.free();
});
