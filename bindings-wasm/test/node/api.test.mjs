// API, types and bad-input tests of the package in Node.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { ERROR_CODES, Sha256, VerificationError, Verifier } from '../../index.js';
import { ROOT, SHARED } from '../lib/manifest.mjs';
import { countingWebCrypto } from '../lib/webcrypto.mjs';

const IDENTITY = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const POLICY = { identity: IDENTITY, issuer: ISSUER };
const shared = existsSync(SHARED);
const vector = (name, file = 'bundle.sigstore.json') => readFileSync(path.join(SHARED, name, file));
const artifact = () => readFileSync(path.join(SHARED, 'a.txt'));

// Runs `f`, which must throw a VerificationError named `name`; returns the error.
function throwsCore(f, name) {
  let error;
  assert.throws(f, (e) => { error = e; return true; });
  assert.ok(error instanceof VerificationError, `not a VerificationError: ${error}`);
  assert.ok(error instanceof Error);
  assert.equal(error.name, name, error.message);
  assert.equal(error.code, ERROR_CODES.find((c) => c.name === name)?.code);
  assert.equal(typeof error.message, 'string');
  assert.ok(error.stack.length > 0);
  return error;
}

test('index.d.ts ErrorName lists exactly the core error table, in order', () => {
  const dts = readFileSync(new URL('../../index.d.ts', import.meta.url), 'utf8');
  const union = dts.slice(dts.indexOf('export type ErrorName ='), dts.indexOf(';', dts.indexOf('export type ErrorName =')));
  const names = [...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]);
  assert.deepEqual(names, ERROR_CODES.map((c) => c.name));
  assert.ok(ERROR_CODES.length > 50);
  assert.equal(new Set(ERROR_CODES.map((c) => c.code)).size, ERROR_CODES.length);
});

test('npm version equals the Cargo workspace version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const cargo = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const version = cargo.slice(cargo.indexOf('[workspace.package]')).match(/^version = "(.*)"$/m)[1];
  assert.equal(pkg.version, version);
});

test('Sha256 over chunks equals a one-shot SHA-256', () => {
  const data = randomBytes(3 * 65536 + 17);
  const h = new Sha256();
  for (let i = 0; i < data.length; i += 65536) h.update(data.subarray(i, i + 65536));
  assert.equal(h.digest(), `sha256:${createHash('sha256').update(data).digest('hex')}`);
  assert.equal(new Sha256().digest(), `sha256:${createHash('sha256').digest('hex')}`);
  assert.equal(new Sha256().update(new Uint8Array([97, 98, 99]).buffer).digest(),
    'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.throws(() => new Sha256().update('text'), TypeError);
  const used = new Sha256();
  used.digest();
  assert.throws(() => used.digest()); // consumed: a JS error, not a crash
});

test('bad trusted roots throw VerificationError', () => {
  throwsCore(() => Verifier.fromTrustedRoot('not json'), 'TRUST_ROOT_JSON_INVALID');
  throwsCore(() => Verifier.fromTrustedRoot({ mediaType: 5 }), 'TRUST_ROOT_JSON_INVALID');
  throwsCore(() => Verifier.fromTrustedRoot({ mediaType: 'application/x-nope' }), 'TRUST_ROOT_MEDIA_TYPE_UNKNOWN');
  throwsCore(() => Verifier.fromTrustedRoot(undefined), 'TRUST_ROOT_JSON_INVALID');
});

test('bad bundles throw VerificationError and the module keeps working', () => {
  const v = Verifier.production();
  const digest = { digest: `sha256:${'00'.repeat(32)}` };
  throwsCore(() => v.verifyArtifact('not json', digest, POLICY), 'BUNDLE_JSON_INVALID');
  throwsCore(() => v.verifyArtifact('', digest, POLICY), 'BUNDLE_JSON_INVALID');
  throwsCore(() => v.verifyArtifact(42, digest, POLICY), 'BUNDLE_JSON_INVALID');
  throwsCore(() => v.verifyArtifact(null, digest, POLICY), 'BUNDLE_JSON_INVALID');
  throwsCore(() => v.verifyArtifact({ mediaType: 7 }, digest, POLICY), 'BUNDLE_JSON_INVALID');
  throwsCore(() => v.verifyArtifact({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', verificationMaterial: [] }, digest, POLICY), 'BUNDLE_JSON_INVALID');
  throwsCore(() => v.verifyArtifact(new Uint8Array([0xff, 0xfe, 0x00]), digest, POLICY), 'BUNDLE_JSON_INVALID');
  const garbage = new Uint8Array(50 * 1024 * 1024);
  for (let i = 0; i < garbage.length; i += 4096) garbage[i] = (i * 7919) & 0xff;
  throwsCore(() => v.verifyArtifact(garbage, digest, POLICY), 'LIMIT_EXCEEDED');
  throwsCore(() => v.verifyArtifact(garbage, garbage, POLICY), 'LIMIT_EXCEEDED');
  // Still alive after the 50 MB input.
  assert.equal(new Sha256().update(new Uint8Array(1)).digest().length, 71);
  v.free();
});

test('malformed arguments throw TypeError, with no core call', () => {
  const v = Verifier.production();
  const bundle = '{}';
  assert.throws(() => v.verifyArtifact(bundle, 'a.txt', POLICY), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, { digest: 'sha256:abc' }, POLICY), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, { digest: `md5:${'0'.repeat(32)}` }, POLICY), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, new Uint8Array(1), { identiy: IDENTITY }), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, new Uint8Array(1), {}), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, new Uint8Array(1), 'policy'), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, new Uint8Array(1), { identity: 5 }), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, new Uint8Array(1), { key: 'k', identity: 'i' }), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, new Uint8Array(1), POLICY, { now: -1 }), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, new Uint8Array(1), POLICY, { now: 'today' }), TypeError);
  assert.throws(() => new Verifier({}), TypeError);
  v.free();
});

test('bad managed keys throw VerificationError', () => {
  const v = Verifier.production();
  throwsCore(() => v.verifyArtifact('{}', new Uint8Array(1), { key: 'not a pem' }), 'POLICY_KEY_INVALID');
  throwsCore(() => v.verifyArtifact('{}', new Uint8Array(1), { key: new Uint8Array([48, 3, 2, 1, 0]) }), 'POLICY_KEY_INVALID');
  v.free();
});

test('happy path v0.3: result object, bytes and digest, every input form', { skip: !shared && 'SKIPPED: ../shared absent' }, () => {
  const v = Verifier.production();
  const bundle = vector('happy-path-v0.3');
  const expected = {
    identity: IDENTITY,
    issuer: ISSUER,
    signingTimes: [1710869186],
    logEntries: [{
      logIndex: 79571823,
      logId: 'c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d',
      logUrl: 'https://rekor.sigstore.dev',
      integratedTime: 1710869186,
      // The checkpoint its inclusion proof led to, log signature verified; no witness policy.
      checkpoint: {
        origin: 'rekor.sigstore.dev - 2605736670972794746',
        size: 75408393,
        rootHash: '1679e3d7752ed63764b0f7381d92daa4a5f7dbd755943e7e30636c8aa06ad573',
        note: 'rekor.sigstore.dev - 2605736670972794746\n75408393\nFnnj13Uu1jdksPc4HZLapKX329dVlD5+MGNsiqBq1XM=\n\n'
          + '\u2014 rekor.sigstore.dev wNI9ajBFAiBTyiBM9WtyOTgohje6QZ5rFGJUdMq7Wk3A6oThE98SUgIhAMvxDwa7FyqRqg+YV3rdPPrfS23w19iK+piMSGVOmP5w\n',
        cosignatures: [],
      },
    }],
    statement: null,
    skipped: [],
  };
  // The certificate's Fulcio extensions, as text: checked by a few, then compared whole.
  const { extensions, ...rest } = v.verifyArtifact(bundle, artifact(), POLICY);
  assert.deepEqual(rest, expected);
  assert.equal(extensions['1.3.6.1.4.1.57264.1.12'], 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon');
  assert.equal(extensions['1.3.6.1.4.1.57264.1.11'], 'github-hosted');
  assert.equal(extensions['1.3.6.1.4.1.57264.1.1'], ISSUER);
  expected.extensions = extensions;
  const digest = new Sha256().update(artifact()).digest();
  assert.deepEqual(v.verifyArtifact(bundle.toString('utf8'), { digest }, POLICY), expected);
  assert.deepEqual(v.verifyArtifact(JSON.parse(bundle), Uint8Array.from(artifact()).buffer, POLICY, { now: new Date() }), expected);
  assert.deepEqual(v.verifyArtifact(bundle, artifact(), { allOf: [{ identity: IDENTITY }, { anyOf: [{ issuer: 'x' }, { issuer: ISSUER }] }] }), expected);
  throwsCore(() => v.verifyArtifact(bundle, artifact(), { ...POLICY, issuer: 'https://accounts.google.com' }), 'POLICY_ISSUER_MISMATCH');
  throwsCore(() => v.verifyArtifact(bundle, artifact(), { anyOf: [] }), 'POLICY_ANY_OF_EMPTY');
  throwsCore(() => v.verifyArtifact(bundle, artifact(), { allOf: [] }), 'POLICY_ALL_OF_EMPTY');
  // A misspelt key is refused, never dropped (the issuer would go unchecked).
  assert.throws(() => v.verifyArtifact(bundle, artifact(), { identity: IDENTITY, isuer: ISSUER }), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, artifact(), { allOf: [{ identity: IDENTITY }, { isuer: ISSUER }] }), TypeError);
  assert.throws(() => v.verifyArtifact(bundle, artifact(), { github: { repo: 'a/b', signer_workflow: 'x' } }), TypeError);
  // Each refusal names the path of the value it refuses.
  const refused = (policy, message) =>
    assert.throws(() => v.verifyArtifact(bundle, artifact(), policy), { name: 'TypeError', message });
  refused({ allOf: [{ identity: IDENTITY }, { isuer: ISSUER }] }, 'policy.allOf[1]: unknown key `isuer`');
  refused({ github: { repo: 'a/b', signer_workflow: 'x' } }, 'policy.github: unknown key `signer_workflow`');
  refused({ identity: 5, issuer: ISSUER }, 'policy.identity must be a string');
  refused({ anyOf: { identity: IDENTITY } }, 'policy.anyOf must be an array');
  refused({ anyOf: [[]] }, 'policy.anyOf[0] must be an object');
  refused({ extension: { oid: '1.2.3' } }, 'policy.extension.value is required');
  refused({ key: 7 }, 'policy.key must be a string or a Uint8Array');
  refused({ github: { repo: 'a/b', denySelfHostedRunners: 'yes' } }, 'policy.github.denySelfHostedRunners must be a boolean');
  assert.throws(() => Verifier.production({ config: { tlogEntries: 1.5 } }), {
    name: 'TypeError',
    message: 'config.tlogEntries must be a non-negative integer no larger than Number.MAX_SAFE_INTEGER',
  });
  const beacon = 'https://github\\.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.*';
  assert.deepEqual(v.verifyArtifact(bundle, artifact(), { identityRegex: beacon, issuerRegex: 'https://token\\.actions\\..*' }), expected);
  throwsCore(() => v.verifyArtifact(bundle, artifact(), { identityRegex: 'sigstore-conformance', issuer: ISSUER }), 'POLICY_IDENTITY_MISMATCH');
  throwsCore(() => v.verifyArtifact(bundle, artifact(), { identityRegex: '(', issuer: ISSUER }), 'POLICY_PATTERN_INVALID');
  throwsCore(() => v.verifyArtifact(bundle, artifact(), { identity: '', issuer: ISSUER }), 'POLICY_VALUE_EMPTY');
  throwsCore(() => v.verifyArtifact(bundle, artifact(), { extension: { oid: 'not an oid', value: 'x' } }), 'POLICY_CONDITION_INVALID');
  throwsCore(() => v.verifyArtifact(bundle, new Uint8Array([1]), POLICY), 'SIGNATURE_DIGEST_MISMATCH');
  // `now` before the certificate: 2020.
  assert.throws(() => v.verifyArtifact(bundle, artifact(), POLICY, { now: Date.UTC(2020, 0, 1) }), VerificationError);
  throwsCore(() => Verifier.staging().verifyArtifact(bundle, artifact(), POLICY), 'TLOG_KEY_UNKNOWN');
  v.free();
});

test('verifyDsse returns the in-toto statement', { skip: !shared && 'SKIPPED: ../shared absent' }, () => {
  const v = Verifier.production();
  const { payloadType, payload } = v.verifyDsse(vector('happy-path-intoto-in-dsse-v3'), POLICY);
  assert.equal(payloadType, 'application/vnd.in-toto+json');
  assert.ok(payload instanceof Uint8Array);
  const statement = JSON.parse(new TextDecoder().decode(payload));
  assert.ok(statement.subject.length > 0);
  const digest = new Sha256().update(artifact()).digest().slice('sha256:'.length);
  assert.ok(statement.subject.some((s) => s.digest.sha256 === digest));
  assert.deepEqual(v.verifyArtifact(vector('happy-path-intoto-in-dsse-v3'), artifact(), POLICY).statement, { payloadType, payload });
  throwsCore(() => v.verifyDsse(vector('happy-path-v0.3'), POLICY), 'ARTIFACT_REQUIRED');
  throwsCore(() => v.verifyDsse(vector('dsse-invalid-sig_fail'), POLICY), 'DSSE_SIGNATURE_INVALID');
  throwsCore(() => v.verifyDsse(vector('happy-path-intoto-in-dsse-v3'), { ...POLICY, identity: 'x' }), 'POLICY_IDENTITY_MISMATCH');
  v.free();
});

test('managed key policy, PEM and DER', { skip: !shared && 'SKIPPED: ../shared absent' }, () => {
  const v = Verifier.production();
  const pem = vector('managed-key-happy-path', 'key.pub').toString('utf8');
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const bundle = vector('managed-key-happy-path');
  const r = v.verifyArtifact(bundle, artifact(), { key: pem });
  assert.equal(r.identity, null);
  assert.equal(r.issuer, null);
  assert.deepEqual(v.verifyArtifact(bundle, artifact(), { key: new Uint8Array(der) }), r);
  throwsCore(() => v.verifyArtifact(bundle, artifact(), POLICY), 'POLICY_MATERIAL_MISMATCH');
  v.free();
});

test('platform crypto: node:crypto by default in Node, off on request, same outcomes', { skip: !shared && 'SKIPPED: ../shared absent' }, () => {
  const platform = Verifier.production();
  const pure = Verifier.production({ platformCrypto: false });
  // Node >= 20.16 has process.getBuiltinModule; then the backend must really be in use.
  assert.equal(platform.platformCrypto, typeof process.getBuiltinModule === 'function');
  assert.equal(pure.platformCrypto, false);
  assert.throws(() => Verifier.production({ platformCrypto: 'yes' }), TypeError);
  assert.equal(Verifier.fromTrustedRoot(readFileSync(path.join(ROOT, 'core/src/roots/production.json')), { platformCrypto: false }).platformCrypto, false);

  const bundle = JSON.parse(vector('happy-path-v0.3'));
  const outcome = (v, b, a) => {
    try {
      return v.verifyArtifact(b, a, POLICY);
    } catch (e) {
      assert.ok(e instanceof VerificationError, String(e));
      return e.name;
    }
  };
  const cases = [[bundle, artifact()], [bundle, { digest: new Sha256().update(artifact()).digest() }]];
  // Each ECDSA check of the bundle, broken on its own: the artifact signature (a bit of s),
  // the message (wrong artifact with the bundle digest removed), and a DER encoding the core
  // rejects before any backend sees it.
  const flipped = structuredClone(bundle);
  const sig = Buffer.from(flipped.messageSignature.signature, 'base64');
  sig[sig.length - 1] ^= 1;
  flipped.messageSignature.signature = sig.toString('base64');
  cases.push([flipped, artifact()]);
  const noDigest = structuredClone(bundle);
  delete noDigest.messageSignature.messageDigest;
  cases.push([noDigest, new Uint8Array([1, 2, 3])]);
  const notDer = structuredClone(bundle);
  notDer.messageSignature.signature = Buffer.concat([Buffer.from(bundle.messageSignature.signature, 'base64'), Buffer.from([0])]).toString('base64');
  cases.push([notDer, artifact()]);
  const results = cases.map(([b, a]) => [outcome(platform, b, a), outcome(pure, b, a)]);
  for (const [p, q] of results) assert.deepEqual(p, q);
  assert.deepEqual(results.map(([p]) => (typeof p === 'string' ? p : 'verified')),
    ['verified', 'verified', 'SIGNATURE_INVALID', 'SIGNATURE_INVALID', 'SIGNATURE_INVALID']);
  platform.free();
  pure.free();
});

test('verifyArtifactAsync without platform crypto: WebCrypto confirms every deferred check', { skip: !shared && 'SKIPPED: ../shared absent' }, async () => {
  const v = Verifier.production({ platformCrypto: false });
  const sync = Verifier.production();
  const bundle = JSON.parse(vector('happy-path-v0.3'));
  // Count WebCrypto's verifications, to see that the deferred path really runs.
  {
    const expected = sync.verifyArtifact(bundle, artifact(), POLICY);
    const [result, verified] = await countingWebCrypto(() => v.verifyArtifactAsync(bundle, artifact(), POLICY));
    assert.deepEqual(result, expected);
    assert.equal(verified, 5, 'four P-256 checks and one P-384 check');
    // Only a digest: the artifact signature is a prehash check, which the core keeps.
    const digest = { digest: new Sha256().update(artifact()).digest() };
    const [byDigest, four] = await countingWebCrypto(() => v.verifyArtifactAsync(bundle, digest, POLICY));
    assert.deepEqual(byDigest, expected);
    assert.equal(four, 4);

    // A signature the deferred run assumed valid is refused by WebCrypto; the synchronous
    // run then gives the exact error.
    const flipped = structuredClone(bundle);
    const sig = Buffer.from(flipped.messageSignature.signature, 'base64');
    sig[sig.length - 1] ^= 1;
    flipped.messageSignature.signature = sig.toString('base64');
    await assert.rejects(v.verifyArtifactAsync(flipped, artifact(), POLICY),
      (e) => e instanceof VerificationError && e.name === 'SIGNATURE_INVALID');
    // A failing deferred run is settled by the synchronous run as well.
    await assert.rejects(v.verifyArtifactAsync(bundle, artifact(), { ...POLICY, identity: 'x' }),
      (e) => e instanceof VerificationError && e.name === 'POLICY_IDENTITY_MISMATCH');
    await assert.rejects(v.verifyArtifactAsync('not json', artifact(), POLICY),
      (e) => e instanceof VerificationError && e.name === 'BUNDLE_JSON_INVALID');
    await assert.rejects(v.verifyArtifactAsync(bundle, 'a.txt', POLICY), TypeError);

    const dsse = vector('happy-path-intoto-in-dsse-v3');
    assert.deepEqual(await v.verifyDsseAsync(dsse, POLICY), sync.verifyDsse(dsse, POLICY));
    await assert.rejects(v.verifyDsseAsync(vector('dsse-invalid-sig_fail'), POLICY),
      (e) => e instanceof VerificationError && e.name === 'DSSE_SIGNATURE_INVALID');
  }
  // With node:crypto available, the async methods verify synchronously through it.
  assert.deepEqual(await sync.verifyArtifactAsync(bundle, artifact(), POLICY), sync.verifyArtifact(bundle, artifact(), POLICY));
  v.free();
  sync.free();
});

const EXAMPLES = path.join(ROOT, 'conformance', 'examples');
const example = (name, file) => readFileSync(path.join(EXAMPLES, name, file));
const exampleText = (name, file) => example(name, file).toString('utf8').trim();

test('an npm tarball named by SHA-512 verifies from its sha512: digest, not from its SHA-256', () => {
  const name = 'go-npm-sigstore-2.0.0-provenance';
  const v = Verifier.production();
  const policy = { identity: exampleText(name, 'identity'), issuer: exampleText(name, 'issuer') };
  const now = { now: Number(exampleText(name, 'now')) * 1000 };
  const tarball = example(name, 'artifact');
  const sha512 = `sha512:${createHash('sha512').update(tarball).digest('hex')}`;
  const bundle = example(name, 'bundle.sigstore.json');
  assert.equal(v.verifyArtifact(bundle, { digest: sha512 }, policy, now).identity, policy.identity);
  assert.equal(v.verifyArtifact(bundle, tarball, policy, now).identity, policy.identity);
  const sha256 = `sha256:${createHash('sha256').update(tarball).digest('hex')}`;
  throwsCore(() => v.verifyArtifact(bundle, { digest: sha256 }, policy, now), 'DSSE_SUBJECT_MISMATCH');
  v.free();
});

test('a timestamp that does not verify is skipped and reported', () => {
  const name = 'py-tsa-2-timestamps';
  const v = Verifier.fromTrustedRoot(example(name, 'trusted_root.json'));
  const policy = { identity: exampleText(name, 'identity'), issuer: exampleText(name, 'issuer') };
  const now = { now: Number(exampleText(name, 'now')) * 1000 };
  const result = v.verifyArtifact(example(name, 'bundle.sigstore.json'), example(name, 'artifact'), policy, now);
  assert.deepEqual(result.skipped, [{ item: 'timestamp', index: 1, code: 701, name: 'TIMESTAMP_IMPRINT_MISMATCH' }]);
  v.free();
});

test('thresholds: the github-private profile, explicit counts, bad values', () => {
  const name = 'gh-github-instance-tsa-only';
  const policy = { identity: exampleText(name, 'identity'), issuer: exampleText(name, 'issuer') };
  const now = { now: Number(exampleText(name, 'now')) * 1000 };
  const bundle = example(name, 'bundle.sigstore.json');
  const artifact = example(name, 'artifact');
  const root = example(name, 'trusted_root.json');
  const publicGood = Verifier.fromTrustedRoot(root);
  assert.deepEqual(publicGood.config, { tlogEntries: 1, signedTimestamps: 0, observerTimestamps: 1, certificateTimestamps: 1 });
  throwsCore(() => publicGood.verifyArtifact(bundle, artifact, policy, now), 'TLOG_THRESHOLD_NOT_MET');
  publicGood.free();
  const privateInstance = Verifier.fromTrustedRoot(root, { config: 'github-private' });
  assert.deepEqual(privateInstance.config, { tlogEntries: 0, signedTimestamps: 1, observerTimestamps: 1, certificateTimestamps: 0 });
  assert.deepEqual(privateInstance.verifyArtifact(bundle, artifact, policy, now).logEntries, []);
  privateInstance.free();
  const counts = Verifier.fromTrustedRoot(root, { config: { tlogEntries: 0, certificateTimestamps: 0 } });
  assert.equal(counts.verifyArtifact(bundle, artifact, policy, now).identity, policy.identity);
  counts.free();
  assert.throws(() => Verifier.production({ config: 'github-public' }), TypeError);
  // No signing time is only for a managed key signing offline: the core refuses it here.
  const offline = Verifier.fromTrustedRoot(root, { config: { observerTimestamps: 0, tlogEntries: 0, certificateTimestamps: 0 } });
  throwsCore(() => offline.verifyArtifact(bundle, artifact, policy, now), 'TIME_THRESHOLD_ZERO_NOT_ALLOWED');
  offline.free();
  // A key's window is a Date or milliseconds, and belongs to a key policy only.
  const pg = Verifier.production();
  assert.throws(() => pg.verifyArtifact(bundle, artifact, { key: 'x', keyValidity: { notAfter: 'soon' } }, now), TypeError);
  throwsCore(() => pg.verifyArtifact(bundle, artifact, { ...policy, keyValidity: { notAfter: 5000 } }, now), 'POLICY_KEY_VALIDITY_INVALID');
  pg.free();
  assert.throws(() => Verifier.production({ config: { tlogs: 1 } }), TypeError);
});

test('GitHub policies follow gh attestation verify', () => {
  const name = 'gh-reusable-workflow';
  const v = Verifier.production();
  const now = { now: Number(exampleText(name, 'now')) * 1000 };
  const bundle = example(name, 'bundle.sigstore.json');
  const artifact = example(name, 'artifact');
  const signerRepo = 'github/artifact-attestations-workflows';
  assert.ok(v.verifyArtifact(bundle, artifact, { github: { repo: 'malancas/attest-demo', signerRepo, sourceRef: 'refs/heads/main' } }, now).identity);
  throwsCore(() => v.verifyArtifact(bundle, artifact, { github: { repo: 'malancas/attest-demo' } }, now), 'POLICY_IDENTITY_MISMATCH');
  throwsCore(() => v.verifyArtifact(bundle, artifact, { github: { repo: 'malancas/other', signerRepo } }, now), 'POLICY_EXTENSION_MISMATCH');
  throwsCore(() => v.verifyArtifact(bundle, artifact, { github: { owner: 'a', repo: 'a/b' } }, now), 'POLICY_CONDITION_INVALID');
  assert.throws(() => v.verifyArtifact(bundle, artifact, { github: { repo: 'a/b' }, identity: 'x' }, now), TypeError);
  v.free();
});
