// GitHub's real immutable-release attestation (conformance/attestation-files/
// github-release-delme-v6, gh's own test data), from Node: it verifies for its repository, tag
// and asset against `gh attestation trusted-root`'s JSON Lines, as `sigverify verify-release`
// does, and every other release, asset or root is refused by name.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { ERROR_CODES, VerificationError, verifyRelease } from '../../index.js';
import { ROOT } from '../lib/manifest.mjs';

const DIR = path.join(ROOT, 'conformance', 'attestation-files', 'github-release-delme-v6');
const read = (name) => readFileSync(path.join(DIR, name));
const BUNDLE = read('github_release_bundle.json');
const ROOTS = read('trusted_root.jsonl');
const NOW = 1_748_700_000_000;
const TAG_DIGEST = 'c5e17a62e06a1d201570249c61fae531e9244e1b';
const ASSET_SHA256 = 'e15b593c6ab8d7725a3cc82226ef816cac6bf9c70eed383bd459295cc65f5ec3';

const release = (spec, roots = ROOTS, options = {}) =>
  verifyRelease(BUNDLE, roots, { repo: 'bdehamer/delme', tag: 'v6', ...spec }, { now: NOW, ...options });

function throwsCore(f, name) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof VerificationError, String(e));
    assert.equal(e.name, name);
    assert.equal(ERROR_CODES.find((c) => c.name === name)?.code, e.code);
    return true;
  }, name);
}

test('the release and its asset verify, with the subjects and the matched asset', () => {
  for (const platformCrypto of [true, false]) {
    const r = release({ assets: [read('artifact.zip')] }, ROOTS, { platformCrypto });
    assert.equal(r.repository, 'bdehamer/delme');
    assert.equal(r.tag, 'v6');
    assert.equal(r.result.identity, 'https://dotcom.releases.github.com');
    assert.equal(r.result.issuer, null);
    assert.deepEqual(r.result.signingTimes, [1_748_636_019]);
    assert.deepEqual(r.result.logEntries, []);
    assert.deepEqual(r.subjects, [
      { name: '', uri: 'pkg:github/bdehamer/delme@v6', digest: { sha1: TAG_DIGEST } },
      { name: 'artifact.zip', uri: '', digest: { sha256: ASSET_SHA256 } },
    ]);
    assert.deepEqual(r.assets, [r.subjects[1]]);
  }
  // The asset by digest, the attestation alone, the tag's ref digest, the repository in
  // another case (GitHub's names compare without it), and the roots as text.
  const digest = `sha256:${createHash('sha256').update(read('artifact.zip')).digest('hex')}`;
  assert.equal(release({ assets: [{ digest }] }).assets[0].name, 'artifact.zip');
  assert.deepEqual(release({}).assets, []);
  assert.equal(release({ repo: 'BDEHAMER/Delme', tagDigest: TAG_DIGEST }).repository, 'bdehamer/delme');
  assert.equal(release({}, ROOTS.toString('utf8')).tag, 'v6');
  // GitHub's root alone (the second line), and both lines given as an array.
  const lines = ROOTS.toString('utf8').trim().split('\n');
  assert.equal(release({}, lines[1]).tag, 'v6');
  assert.equal(release({}, lines).tag, 'v6');
});

test('another release, an asset not attested and the public-good root are refused by name', () => {
  throwsCore(() => release({ assets: [read('artifact.zip'), read('artifact_invalid.zip')] }), 'RELEASE_ASSET_NOT_ATTESTED');
  throwsCore(() => release({ tag: 'v1.2.3' }), 'RELEASE_TAG_MISMATCH');
  throwsCore(() => release({ repo: 'bdehamer/other' }), 'RELEASE_REPOSITORY_MISMATCH');
  throwsCore(() => release({ tagDigest: '0'.repeat(40) }), 'RELEASE_TAG_DIGEST_MISMATCH');
  throwsCore(() => release({ repo: 'bdehamer' }), 'RELEASE_POLICY_INVALID');
  throwsCore(() => release({ trustDomain: 'a.b' }), 'RELEASE_POLICY_INVALID');
  throwsCore(() => release({ trustDomain: 'acme' }), 'POLICY_IDENTITY_MISMATCH');
  const publicGood = ROOTS.toString('utf8').split('\n')[0];
  throwsCore(() => release({}, publicGood), 'TIMESTAMP_CHAIN_UNTRUSTED');
  throwsCore(() => release({}, `${ROOTS}{"mediaType":"x"}\n`), 'TRUST_ROOT_MEDIA_TYPE_UNKNOWN');
});

test('arguments of the wrong shape are TypeErrors', () => {
  assert.throws(() => release({ tags: 'v6' }), TypeError);
  assert.throws(() => release({ tag: 6 }), TypeError);
  assert.throws(() => release({ assets: ['artifact.zip'] }), TypeError);
  assert.throws(() => release({ assets: [{ digest: `sha512:${'0'.repeat(128)}` }] }), TypeError);
  assert.throws(() => release({}, []), TypeError);
  assert.throws(() => verifyRelease(BUNDLE, ROOTS, null), TypeError);
});
