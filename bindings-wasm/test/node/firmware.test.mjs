// Firmware statements from Node: every row of conformance/firmware-vectors/cases.tsv through the
// package, as the Rust reference runner (conformance/src/firmware_vectors.rs) runs it, and the
// statement's fields, the policy's errors and bad arguments.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { ERROR_CODES, FIRMWARE_PREDICATE_TYPE, FirmwarePolicy, FirmwareStatement, VerificationError, Verifier } from '../../index.js';
import { ROOT } from '../lib/manifest.mjs';

const DIR = path.join(ROOT, 'conformance', 'firmware-vectors');
const read = (...parts) => readFileSync(path.join(DIR, ...parts));

const DEVICE = Object.fromEntries(read('device').toString('utf8').split('\n')
  .filter((line) => line.includes('='))
  .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));

const CASES = read('cases.tsv').toString('utf8').split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const cells = line.split('\t');
    if (cells.length !== 5) throw new Error(`cases.tsv: bad row ${line}`);
    const [image, signer, installed, hardware, expected] = cells;
    return { image, signer, installed: Number(installed), hardware: Number(hardware), expected };
  });

// The image's bundle verified for its signer, as the reference runner verifies it: the product
// key inside its validity window with no log and no signing time required, or the release
// identity under the default thresholds. Times cross as milliseconds.
function verified(image, signer) {
  const key = signer === 'key';
  const verifier = Verifier.fromTrustedRoot(read('trusted_root.json'),
    key ? { config: { tlogEntries: 0, observerTimestamps: 0 } } : {});
  const policy = key
    ? {
      key: read('product-key.pub').toString('utf8'),
      keyValidity: { notBefore: Number(DEVICE.key_not_before) * 1000, notAfter: Number(DEVICE.key_not_after) * 1000 },
    }
    : { identity: DEVICE.identity, issuer: DEVICE.issuer };
  try {
    return verifier.verifyArtifact(read(image, 'bundle.sigstore.json'), read(image, 'artifact'), policy,
      { now: Number(DEVICE.now) * 1000 });
  } finally {
    verifier.free();
  }
}

const statement = (image, signer = 'key') => FirmwareStatement.fromResult(verified(image, signer));

// `ok`, or the name of the error that stops the image from installing.
function run(c) {
  try {
    const s = statement(c.image, c.signer);
    new FirmwarePolicy(DEVICE.vendor, DEVICE.class, { hardwareRevision: c.hardware }).check(s, c.installed);
    return 'ok';
  } catch (e) {
    if (e instanceof VerificationError) return e.name;
    return `UNEXPECTED ${e}`;
  }
}

// Runs `f`, which must throw a VerificationError named `name` with the table's code.
function throwsCore(f, name) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof VerificationError, String(e));
    assert.equal(e.name, name);
    assert.equal(e.code, ERROR_CODES.find((c) => c.name === name)?.code);
    return true;
  }, name);
}

test('the firmware cases are there', () => {
  assert.ok(CASES.length >= 14, `only ${CASES.length} cases`);
});

for (const c of CASES) {
  test(`case ${c.image} (${c.signer}, installed ${c.installed}, hardware ${c.hardware}): ${c.expected}`, () => {
    assert.equal(run(c), c.expected);
  });
}

test('the statement carries the predicate', () => {
  const v3 = statement('v3-key');
  assert.equal(v3.securityVersion, 3);
  assert.equal(v3.version, '1.3.0');
  assert.equal(v3.minHardwareRevision, null);
  assert.equal(v3.vendor, DEVICE.vendor);
  assert.equal(v3.class, DEVICE.class);
  assert.ok(Object.isFrozen(v3));
  const v5 = statement('v5-hardware-3');
  assert.deepEqual([v5.securityVersion, v5.minHardwareRevision, v5.version], [5, 3, null]);
  assert.equal(statement('v4-keyless', 'keyless').securityVersion, 4);
  assert.equal(FIRMWARE_PREDICATE_TYPE, 'https://github.com/sigverify/sigverify/firmware/v1');
});

test('the errors are the core\'s, by name and code', () => {
  throwsCore(() => statement('message-signature'), 'DSSE_ENVELOPE_MISSING');
  throwsCore(() => statement('slsa-statement'), 'DSSE_PREDICATE_TYPE_MISMATCH');
  throwsCore(() => statement('no-security-version'), 'FIRMWARE_STATEMENT_INVALID');
  const device = new FirmwarePolicy(DEVICE.vendor.toUpperCase(), DEVICE.class);
  throwsCore(() => device.check(statement('v2-key'), 2), 'FIRMWARE_VERSION_NOT_NEWER');
  // Applicability alone ignores the version; the hardware revision defaults to 0.
  device.checkApplies(statement('v1-key'));
  throwsCore(() => device.checkApplies(statement('v5-hardware-3')), 'FIRMWARE_HARDWARE_UNSUPPORTED');
  throwsCore(() => device.checkApplies(statement('v9-other-vendor')), 'FIRMWARE_VENDOR_MISMATCH');
  new FirmwarePolicy(DEVICE.vendor, DEVICE.class, { hardwareRevision: 3 }).checkApplies(statement('v5-hardware-3'));
  for (const [vendor, cls] of [['acme', DEVICE.class], [DEVICE.vendor, ''], [DEVICE.vendor.replaceAll('-', ''), DEVICE.class]]) {
    throwsCore(() => new FirmwarePolicy(vendor, cls), 'FIRMWARE_POLICY_INVALID');
  }
});

test('the statement judged is the one verified, whatever the caller changes', () => {
  const result = verified('v3-key', 'key');
  const s = FirmwareStatement.fromResult(result);
  // The result's payload bytes are copied, and the fields are frozen: neither moves the check.
  result.statement.payload.fill(0x20);
  assert.throws(() => { s.securityVersion = 99; }, TypeError);
  const device = new FirmwarePolicy(DEVICE.vendor, DEVICE.class);
  device.check(s, 2);
  throwsCore(() => device.check(s, 3), 'FIRMWARE_VERSION_NOT_NEWER');
});

test('arguments of the wrong shape are TypeErrors', () => {
  const s = statement('v3-key');
  const device = new FirmwarePolicy(DEVICE.vendor, DEVICE.class);
  for (const installed of [-1, 2 ** 32, 1.5, '2', undefined, NaN]) {
    assert.throws(() => device.check(s, installed), TypeError, String(installed));
  }
  assert.throws(() => device.check({ securityVersion: 9, vendor: DEVICE.vendor, class: DEVICE.class }, 0), TypeError);
  assert.throws(() => new FirmwarePolicy(DEVICE.vendor, DEVICE.class, { hardwareRevision: -1 }), TypeError);
  assert.throws(() => new FirmwarePolicy(DEVICE.vendor, DEVICE.class, { hardware: 3 }), TypeError);
  assert.throws(() => new FirmwarePolicy(DEVICE.vendor, 5), TypeError);
  assert.throws(() => new FirmwareStatement(), TypeError);
  assert.throws(() => FirmwareStatement.fromResult(null), TypeError);
  assert.throws(() => FirmwareStatement.fromResult({ statement: { payloadType: 'application/vnd.in-toto+json', payload: 'text' } }), TypeError);
});
