// npm packages from Node (conformance/attestation-files/npm-registry, the registry's real
// files): sigstore@1.0.0 and tuf-js@1.0.0 verify as `npm audit signatures` says they do, a
// package without attestations is judged by pacote's stand-in publish time, and each way the
// files can disagree is refused by its own name, as `sigverify verify-npm` refuses it
// (cli/tests/npm.rs). Then every row of the npm manifest (the virtual registry's vectors,
// conformance/npm-vectors) gives the core's outcome, with node:crypto and without. Also the
// hasher's SHA-384 and SHA-512 against node:crypto.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { ERROR_CODES, Hasher, Sha256, VerificationError, Verifier } from '../../index.js';
import { ROOT } from '../lib/manifest.mjs';

const FILES = path.join(ROOT, 'conformance', 'attestation-files', 'npm-registry');
const read = (...parts) => readFileSync(path.join(FILES, ...parts));
const json = (...parts) => JSON.parse(read(...parts).toString('utf8'));
const NOW = 1_790_000_000_000;
const OLD_KEY = 'SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA';
const NEW_KEY = 'SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U';
const WORKFLOW = 'https://github.com/sigstore/sigstore-js/.github/workflows/publish.yml@refs/tags/v1.0.0';
const ACTIONS = 'https://token.actions.githubusercontent.com';
const seconds = (iso) => Date.parse(iso) / 1000;

// sigstore@1.0.0 with its own files, each replaceable.
function sigstore(verifier, replace = {}, options = { now: NOW }) {
  return verifier.verifyNpm({
    keys: read('keys.json'),
    packument: read('sigstore-1.0.0', 'dist.json'),
    tarball: read('sigstore-1.0.0', 'sigstore-1.0.0.tgz'),
    attestations: read('sigstore-1.0.0', 'attestations.json'),
    ...replace,
  }, options);
}

function throwsCore(f, name) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof VerificationError, `not a VerificationError: ${e}`);
    assert.equal(e.name, name, e.message);
    assert.equal(e.code, ERROR_CODES.find((c) => c.name === name)?.code);
    return true;
  });
}

test('Hasher: SHA-256 by default, SHA-384 and SHA-512 on request, over chunks', () => {
  const data = randomBytes(5 * 65536 + 3);
  for (const alg of ['sha256', 'sha384', 'sha512']) {
    const h = new Hasher(alg);
    for (let i = 0; i < data.length; i += 65536) h.update(data.subarray(i, i + 65536));
    assert.equal(h.digest(), `${alg}:${createHash(alg).update(data).digest('hex')}`);
  }
  assert.equal(new Hasher().update(data).digest(), new Sha256().update(data).digest());
  assert.ok(new Sha256() instanceof Hasher);
  assert.equal(new Hasher('sha512').digest(), `sha512:${createHash('sha512').digest('hex')}`);
  assert.throws(() => new Hasher('md5'), TypeError);
  assert.throws(() => new Hasher('SHA512'), TypeError);
  assert.throws(() => new Hasher(512), TypeError);
  const unused = new Hasher('sha384');
  unused.free();
});

test('sigstore@1.0.0 verifies as npm audit signatures says', () => {
  const verifier = Verifier.production();
  const r = sigstore(verifier);
  assert.equal(r.name, 'sigstore');
  assert.equal(r.version, '1.0.0');
  assert.deepEqual(r.signatures, [OLD_KEY]);
  assert.equal(r.publishTime, seconds('2023-02-09T17:56:02Z'));
  assert.equal(r.publishTimeSource, 'attestation');
  assert.equal(r.tarballChecked, true);
  const [provenance, publish] = r.attestations;
  assert.deepEqual([provenance.place, provenance.kind, provenance.keyid], ['attestations[0]', 'provenance', null]);
  assert.equal(provenance.predicateType, 'https://slsa.dev/provenance/v0.2');
  assert.equal(provenance.result.identity, WORKFLOW);
  assert.equal(provenance.result.issuer, ACTIONS);
  assert.deepEqual([publish.place, publish.kind, publish.keyid], ['attestations[1]', 'publish', OLD_KEY]);
  assert.equal(publish.predicateType, 'https://github.com/npm/attestation/tree/main/specs/publish/v0.1');
  assert.equal(publish.result.identity, null);
  assert.equal(publish.result.signingTimes[0], r.publishTime);
  assert.equal(r.attestations.length, 2);
  // The same with every ECDSA check in WebAssembly (as in a browser), and as strings.
  const wasmOnly = Verifier.production({ platformCrypto: false });
  assert.deepEqual(sigstore(wasmOnly, {
    keys: read('keys.json').toString('utf8'),
    attestations: json('sigstore-1.0.0', 'attestations.json'),
  }), r);
  wasmOnly.free();
  verifier.free();
});

test('the tarball may be hashed in chunks, or left out', () => {
  const verifier = Verifier.production();
  const tgz = read('sigstore-1.0.0', 'sigstore-1.0.0.tgz');
  const h = new Hasher('sha512');
  for (let i = 0; i < tgz.length; i += 4096) h.update(tgz.subarray(i, i + 4096));
  assert.equal(sigstore(verifier, { tarball: { digest: h.digest() } }).tarballChecked, true);
  const without = sigstore(verifier, { tarball: undefined });
  assert.equal(without.tarballChecked, false);
  assert.deepEqual(without.signatures, [OLD_KEY]);
  // npm names a tarball by SHA-512 alone: another digest, or no digest, is a caller's mistake.
  const sha256 = new Sha256().update(tgz).digest();
  assert.throws(() => sigstore(verifier, { tarball: { digest: sha256 } }), TypeError);
  assert.throws(() => sigstore(verifier, { tarball: 'sigstore-1.0.0.tgz' }), TypeError);
  assert.throws(() => sigstore(verifier, { tarbal: tgz }), TypeError);
  assert.throws(() => sigstore(verifier, { keys: undefined }), TypeError);
  assert.throws(() => sigstore(verifier, { version: 1 }), TypeError);
  assert.throws(() => sigstore(verifier, { policy: { identiy: WORKFLOW } }), TypeError);
  assert.throws(() => sigstore(verifier, {}, { now: -1 }), TypeError);
  assert.throws(() => verifier.verifyNpm(null), TypeError);
  verifier.free();
});

test('a provenance policy is the one given', () => {
  const verifier = Verifier.production();
  const r = sigstore(verifier, { policy: { identity: WORKFLOW, issuer: ACTIONS } });
  assert.equal(r.attestations[0].result.identity, WORKFLOW);
  throwsCore(() => sigstore(verifier, {
    policy: { identityRegex: 'https://github\\.com/octo/app/.*', issuerRegex: 'https://token\\.actions\\.githubusercontent\\.com' },
  }), 'POLICY_IDENTITY_MISMATCH');
  // Certificates of February 2023 predate the source-repository extensions GitHub policies read.
  throwsCore(() => sigstore(verifier, { policy: { github: { repo: 'sigstore/sigstore-js' } } }), 'POLICY_EXTENSION_MISMATCH');
  verifier.free();
});

test('tuf-js, and a package without attestations judged by pacote\'s stand-in time', () => {
  const verifier = Verifier.production();
  const tuf = verifier.verifyNpm({
    keys: read('keys.json'),
    packument: read('tuf-js-1.0.0', 'dist.json'),
    tarball: read('tuf-js-1.0.0', 'tuf-js-1.0.0.tgz'),
    attestations: read('tuf-js-1.0.0', 'attestations.json'),
    policy: {
      identityRegex: 'https://github\\.com/theupdateframework/tuf-js/\\.github/workflows/publish\\.yml@refs/tags/v.*',
      issuer: ACTIONS,
    },
  }, { now: NOW });
  assert.equal(tuf.name, 'tuf-js');
  assert.equal(tuf.publishTimeSource, 'attestation');
  assert.deepEqual(tuf.attestations.map((a) => a.kind), ['provenance', 'publish']);
  const brave = 'brave-search-mcp-server-2.0.82';
  const r = verifier.verifyNpm({
    keys: read('keys.json'),
    packument: read(brave, 'dist.json'),
    tarball: read(brave, `${brave}.tgz`),
  });
  assert.equal(r.name, '@brave/brave-search-mcp-server');
  assert.deepEqual(r.signatures, [NEW_KEY]);
  assert.equal(r.publishTime, seconds('2015-01-01T00:00:00Z'));
  assert.equal(r.publishTimeSource, 'assumed');
  assert.deepEqual(r.attestations, []);
  verifier.free();
});

// sigstore@1.0.0 in a full packument without attestations, published at `published`.
function packument(published) {
  const version = json('sigstore-1.0.0', 'dist.json');
  delete version.dist.attestations;
  return { name: 'sigstore', versions: { '1.0.0': version }, time: { '1.0.0': published } };
}

test('without attestations the packument\'s time judges the key', () => {
  const verifier = Verifier.production();
  const keys = read('keys.json');
  const late = packument('2025-02-01T00:00:00.000Z');
  throwsCore(() => verifier.verifyNpm({ keys, packument: late, version: '1.0.0' }, { now: NOW }), 'NPM_SIGNATURE_KEY_EXPIRED');
  const r = verifier.verifyNpm({ keys, packument: packument('2023-02-09T17:56:02.000Z'), version: '1.0.0' }, { now: NOW });
  assert.equal(r.publishTime, seconds('2023-02-09T17:56:02Z'));
  assert.equal(r.publishTimeSource, 'packument');
  throwsCore(() => verifier.verifyNpm({ keys, packument: late }, { now: NOW }), 'NPM_PACKAGE_INVALID');
  throwsCore(() => verifier.verifyNpm({ keys, packument: late, version: '9.9.9' }, { now: NOW }), 'NPM_PACKAGE_INVALID');
  verifier.free();
});

test('each disagreement is refused by its own name', () => {
  const verifier = Verifier.production();
  // Another tarball than the one the integrity names.
  throwsCore(() => sigstore(verifier, { tarball: read('tuf-js-1.0.0', 'tuf-js-1.0.0.tgz') }), 'NPM_INTEGRITY_MISMATCH');
  // The registry says there are attestations; none given.
  throwsCore(() => sigstore(verifier, { attestations: undefined }), 'NPM_ATTESTATIONS_MISSING');
  // A key that expired before the publish attestation was logged.
  const expired = json('keys.json');
  expired.keys[0].expires = '2023-01-01T00:00:00.000Z';
  throwsCore(() => sigstore(verifier, { keys: expired }), 'POLICY_KEY_NOT_VALID_AT_SIGNING_TIME');
  // Only the newer key: the publish attestation's key is unknown.
  const newer = json('keys.json');
  newer.keys.splice(0, 1);
  throwsCore(() => sigstore(verifier, { keys: newer }), 'NPM_ATTESTATION_KEY_UNKNOWN');
  // A registry signature that does not verify, and no signature at all.
  const forged = json('sigstore-1.0.0', 'dist.json');
  forged.dist.signatures[0].sig = forged.dist.signatures[0].sig.replace('MEQCIB', 'MEQCIC');
  throwsCore(() => sigstore(verifier, { packument: forged }), 'NPM_SIGNATURE_INVALID');
  const unsigned = json('sigstore-1.0.0', 'dist.json');
  delete unsigned.dist.signatures;
  throwsCore(() => sigstore(verifier, { packument: unsigned }), 'NPM_SIGNATURE_MISSING');
  // The attestations of another package.
  throwsCore(() => sigstore(verifier, { attestations: read('tuf-js-1.0.0', 'attestations.json') }), 'NPM_SUBJECT_NAME_MISMATCH');
  // Malformed files.
  throwsCore(() => sigstore(verifier, { keys: '{}' }), 'NPM_KEYS_INVALID');
  throwsCore(() => sigstore(verifier, { packument: '[]' }), 'NPM_PACKAGE_INVALID');
  verifier.free();
});

// The npm manifest's rows (conformance/src/npm_vectors.rs documents the columns);
// SIGVERIFY_NPM_MANIFEST names a ready file (test.sh writes one), else it is generated here.
function npmManifest() {
  let file = process.env.SIGVERIFY_NPM_MANIFEST;
  if (!file) {
    file = path.join(ROOT, 'target', 'wasm-tests', 'npm-manifest.tsv');
    mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('cargo', ['run', '-q', '-p', 'sigverify-conformance', '--bin', 'manifest', '--', '--npm', file],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  const columns = ['id', 'keys', 'packument', 'version', 'attestations', 'tarball', 'root', 'now',
    'identity', 'issuer', 'expected'];
  return readFileSync(file, 'utf8').split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const cells = line.split('\t');
      if (cells.length !== columns.length) throw new Error(`npm manifest: bad line: ${line}`);
      return Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
    });
}

test('npm manifest: every vector of the virtual registry gives the core\'s outcome', () => {
  const rows = npmManifest();
  assert.ok(rows.length >= 18, `${rows.length} rows`);
  assert.ok(rows.some((r) => r.expected === 'ok'));
  const outcome = (row, platformCrypto) => {
    const verifier = Verifier.fromTrustedRoot(readFileSync(row.root), { platformCrypto });
    try {
      verifier.verifyNpm({
        keys: readFileSync(row.keys),
        packument: readFileSync(row.packument),
        tarball: readFileSync(row.tarball),
        ...(row.version === '-' ? {} : { version: row.version }),
        ...(row.attestations === '-' ? {} : { attestations: readFileSync(row.attestations) }),
        ...(row.identity === '-' ? {} : { policy: { identity: row.identity, issuer: row.issuer } }),
      }, { now: Number(row.now) * 1000 });
      return 'ok';
    } catch (e) {
      if (!(e instanceof VerificationError)) throw e;
      return e.name;
    } finally {
      verifier.free();
    }
  };
  for (const row of rows) {
    assert.equal(outcome(row, true), row.expected, row.id);
    assert.equal(outcome(row, false), row.expected, `${row.id} (all WebAssembly)`);
  }
});
