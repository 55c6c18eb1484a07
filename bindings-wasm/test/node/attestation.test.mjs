// options.predicateType on a real PyPI attestation and on a generated message-signature bundle.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { VerificationError, Verifier } from '../../index.js';
import { ROOT } from '../lib/manifest.mjs';

const PYPI = path.join(ROOT, 'conformance', 'examples', 'pypi-attestation-models-0.0.4a2');
const read = (dir, file) => readFileSync(path.join(dir, file));
const text = (dir, file) => read(dir, file).toString('utf8').trim();
const PUBLISH = 'https://docs.pypi.org/attestations/publish/v1';

function throwsCore(f, name) {
  assert.throws(f, (e) => e instanceof VerificationError && e.name === name, name);
}

test('predicateType: required of the verified statement, by the core', async () => {
  const verifier = Verifier.production();
  const policy = { identity: text(PYPI, 'identity'), issuer: text(PYPI, 'issuer') };
  const bundle = read(PYPI, 'bundle.sigstore.json');
  const artifact = read(PYPI, 'artifact');
  const ok = verifier.verifyArtifact(bundle, artifact, policy, { predicateType: PUBLISH });
  assert.equal(ok.statement.payloadType, 'application/vnd.in-toto+json');
  assert.equal(verifier.verifyDsse(bundle, policy, { predicateType: PUBLISH }).payloadType, 'application/vnd.in-toto+json');
  throwsCore(() => verifier.verifyArtifact(bundle, artifact, policy, { predicateType: 'https://slsa.dev/provenance/v1' }), 'DSSE_PREDICATE_TYPE_MISMATCH');
  throwsCore(() => verifier.verifyDsse(bundle, policy, { predicateType: 'https://slsa.dev/provenance/v1' }), 'DSSE_PREDICATE_TYPE_MISMATCH');
  await assert.rejects(verifier.verifyDsseAsync(bundle, policy, { predicateType: 'x' }), (e) => e.name === 'DSSE_PREDICATE_TYPE_MISMATCH' && e.code === 804);
  assert.throws(() => verifier.verifyDsse(bundle, policy, { predicateType: 7 }), TypeError);
  verifier.free();
});

test('predicateType on a message signature: DSSE_ENVELOPE_MISSING', () => {
  const dir = path.join(ROOT, 'conformance', 'vectors', 'ok-v0.3-message-rekor1');
  const verifier = Verifier.fromTrustedRoot(read(dir, 'trusted_root.json'));
  const policy = { identity: text(dir, 'identity'), issuer: text(dir, 'issuer') };
  const now = Number(text(dir, 'now')) * 1000;
  const bundle = read(dir, 'bundle.sigstore.json');
  assert.equal(verifier.verifyArtifact(bundle, read(dir, 'artifact'), policy, { now }).statement, null);
  throwsCore(() => verifier.verifyArtifact(bundle, read(dir, 'artifact'), policy, { now, predicateType: PUBLISH }), 'DSSE_ENVELOPE_MISSING');
  verifier.free();
});
