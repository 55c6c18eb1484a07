// Witness policies, tlog proof files and the checkpoint state in Node, on the generated vectors
// (conformance/vectors/witness-*, log-state-*, tlog-proof-*; conformance/README.md).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { ConsistencyProof, ERROR_CODES, LogState, TlogProof, VerificationError, Verifier, WitnessPolicy } from '../../index.js';
import { ROOT } from '../lib/manifest.mjs';

const VECTORS = path.join(ROOT, 'conformance', 'vectors');
const file = (name, f) => readFileSync(path.join(VECTORS, name, f));
const text = (name, f) => file(name, f).toString('utf8').trim();
// An Ed25519 public key that is a valid point (RFC 8032, test 1), for policies that name a
// witness no bundle is cosigned by.
const RFC8032_KEY = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex');

// A c2sp.org/signed-note verifier key: name, key id (SHA-256 over name, newline, type and key,
// first 4 bytes) and base64 of type and key.
function vkey(name, kind, key) {
  const typed = Buffer.concat([Buffer.from([kind]), key]);
  const id = createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`), typed])).digest().subarray(0, 4);
  return `${name}+${id.toString('hex')}+${typed.toString('base64')}`;
}

// Verifies a vector folder's bundle over its artifact, root, identity and time.
function verify(name, { witnessPolicy, tlogProofs } = {}) {
  const verifier = Verifier.fromTrustedRoot(file(name, 'trusted_root.json'), witnessPolicy ? { witnessPolicy } : {});
  try {
    return verifier.verifyArtifact(file(name, 'bundle.sigstore.json'), file(name, 'artifact'),
      { identity: text(name, 'identity'), issuer: text(name, 'issuer') },
      { now: Number(text(name, 'now')) * 1000, ...(tlogProofs ? { tlogProofs } : {}) });
  } finally {
    verifier.free();
  }
}

const policyOf = (name) => new WitnessPolicy(file(name, 'witness-policy'));

// Runs `f`, which must throw a VerificationError named `name`; returns the error.
function throwsCore(f, name) {
  let error;
  assert.throws(f, (e) => { error = e; return true; });
  assert.ok(error instanceof VerificationError, `not a VerificationError: ${error}`);
  assert.equal(error.name, name, error.message);
  assert.equal(error.code, ERROR_CODES.find((c) => c.name === name)?.code);
  return error;
}

test('cosignatures and checkpoints are in the result', () => {
  const result = verify('ok-witness-single', { witnessPolicy: policyOf('ok-witness-single') });
  const [entry] = result.logEntries;
  const { checkpoint } = entry;
  assert.ok(checkpoint.note.startsWith(`${checkpoint.origin}\n`));
  assert.match(checkpoint.rootHash, /^[0-9a-f]{64}$/);
  assert.ok(checkpoint.size > entry.logIndex);
  assert.deepEqual(checkpoint.cosignatures.map((c) => c.witness), ['b']);
  for (const c of checkpoint.cosignatures) assert.ok(Number.isInteger(c.time) && c.time > 0 && c.time <= 1748865600);
  const bare = verify('ok-witness-single').logEntries[0].checkpoint;
  assert.deepEqual(bare.cosignatures, []);
  assert.equal(bare.rootHash, checkpoint.rootHash);
  // The policy as text works as the object does.
  const again = verify('ok-witness-single', { witnessPolicy: file('ok-witness-single', 'witness-policy').toString() });
  assert.equal(again.logEntries[0].checkpoint.cosignatures.length, 1);
});

test('witness policies: properties and errors by name', () => {
  const three = new WitnessPolicy(text('witness-quorum-one-of-three', 'witness-policy'));
  assert.deepEqual([three.witnessCount, three.required], [3, true]);
  const none = new WitnessPolicy('quorum none\n');
  assert.deepEqual([none.witnessCount, none.required], [0, false]);
  assert.ok(Object.isFrozen(none));
  const cases = [
    ['', 'WITNESS_POLICY_INVALID'],
    ['witness a\nquorum a\n', 'WITNESS_POLICY_INVALID'],
    ['quorum nobody\n', 'WITNESS_POLICY_INVALID'],
    [`witness a ${vkey('w', 4, RFC8032_KEY)}\nwitness b ${vkey('w2', 4, RFC8032_KEY)}\nquorum a\n`, 'WITNESS_POLICY_DUPLICATE_KEY'],
    [`witness a ${vkey('w', 6, RFC8032_KEY)}\nquorum a\n`, 'WITNESS_KEY_UNSUPPORTED'],
  ];
  for (const [policy, name] of cases) throwsCore(() => new WitnessPolicy(policy), name);
  for (const v of ['witness-policy-malformed', 'witness-policy-duplicate-key', 'witness-policy-ml-dsa', 'witness-policy-unknown-member']) {
    throwsCore(() => policyOf(v), text(v, 'expect'));
    // Given as a verifier option, the same error, and the verifier is not made.
    throwsCore(() => Verifier.production({ witnessPolicy: file(v, 'witness-policy') }), text(v, 'expect'));
  }
  assert.throws(() => new WitnessPolicy(5), TypeError);
});

test('a quorum that is not met', () => {
  const e = throwsCore(() => verify('witness-quorum-one-of-three', { witnessPolicy: policyOf('witness-quorum-one-of-three') }), 'WITNESS_QUORUM_NOT_MET');
  assert.equal(e.code, 1705);
  const lonely = new WitnessPolicy(`witness x ${vkey('lonely.example', 4, RFC8032_KEY)}\nquorum x\n`);
  throwsCore(() => verify('ok-witness-single', { witnessPolicy: lonely }), 'WITNESS_QUORUM_NOT_MET');
});

test('a tlog proof is attached before verifying', () => {
  const name = 'ok-tlog-proof-for-bundle-without-proof';
  const proof = new TlogProof(file(name, 'tlog-proof'));
  assert.deepEqual([proof.index, proof.treeSize], [9, 21]);
  assert.match(proof.rootHash, /^[0-9a-f]{64}$/);
  assert.ok(proof.checkpoint.startsWith('rekor.virtual.test - '));
  const result = verify(name, { witnessPolicy: policyOf(name), tlogProofs: [proof] });
  const { checkpoint } = result.logEntries[0];
  assert.equal(checkpoint.size, 21);
  assert.equal(checkpoint.note, proof.checkpoint);
  assert.equal(checkpoint.cosignatures.length, 2);
  // The text itself, and the async path, give the same.
  const asText = verify(name, { witnessPolicy: policyOf(name), tlogProofs: [text(name, 'tlog-proof') + '\n'] });
  assert.equal(asText.logEntries[0].checkpoint.rootHash, checkpoint.rootHash);
  throwsCore(() => verify(name, { witnessPolicy: policyOf(name) }), 'WITNESS_CHECKPOINT_MISSING');
  assert.equal(verify(name).logEntries[0].checkpoint, null);
  assert.throws(() => verify(name, { tlogProofs: [5] }), TypeError);
  assert.throws(() => verify(name, { tlogProofs: 'x' }), TypeError);
});

test('verifyArtifactAsync and verifyDsse take tlog proofs too', async () => {
  const name = 'ok-tlog-proof-for-bundle-without-proof';
  const proof = new TlogProof(file(name, 'tlog-proof'));
  const verifier = Verifier.fromTrustedRoot(file(name, 'trusted_root.json'), { platformCrypto: false, witnessPolicy: policyOf(name) });
  try {
    const result = await verifier.verifyArtifactAsync(file(name, 'bundle.sigstore.json'), file(name, 'artifact'),
      { identity: text(name, 'identity'), issuer: text(name, 'issuer') },
      { now: Number(text(name, 'now')) * 1000, tlogProofs: [proof] });
    assert.equal(result.logEntries[0].checkpoint.cosignatures.length, 2);
    // verifyDsse attaches them too: this proof is of another bundle's entry.
    throwsCore(() => verifier.verifyDsse(file('ok-witness-single', 'bundle.sigstore.json'), { identity: 'a', issuer: 'b' },
      { now: Number(text(name, 'now')) * 1000, tlogProofs: [proof] }), 'TLOG_PROOF_UNMATCHED');
  } finally {
    verifier.free();
  }
});

test('tlog proof errors by name', () => {
  for (const bad of ['', 'c2sp.org/tlog-proof@v1\nindex 01\n\nx\n', new Uint8Array([0xff, 0xfe])]) {
    throwsCore(() => new TlogProof(bad), 'TLOG_PROOF_INVALID');
  }
  throwsCore(() => new TlogProof(file('tlog-proof-malformed', 'tlog-proof')), 'TLOG_PROOF_INVALID');
  // A string is parsed at verification time.
  throwsCore(() => verify('ok-witness-single', { tlogProofs: ['not a proof'] }), 'TLOG_PROOF_INVALID');
  const other = new TlogProof(file('ok-tlog-proof-for-bundle-without-proof', 'tlog-proof'));
  const e = throwsCore(() => verify('ok-witness-single', { tlogProofs: [other] }), 'TLOG_PROOF_UNMATCHED');
  assert.equal(e.code, 1714);
});

test('the state: extended with a proof, then the same tree, and a text round trip', () => {
  const name = 'ok-log-state-extended';
  const state = new LogState(file(name, 'log-state'));
  assert.equal(state.logs[0].size, 7);
  const result = verify(name);
  const { checkpoint } = result.logEntries[0];
  throwsCore(() => state.observe(result), 'LOG_CONSISTENCY_PROOF_MISSING');
  assert.equal(state.logs[0].size, 7);
  const proof = ConsistencyProof.fromJson(file(name, 'consistency-proof.json'));
  assert.equal(proof.hashes.length, 5);
  assert.match(proof.rootHash, /^[0-9a-f]{64}$/);
  assert.deepEqual(state.observe(result, [proof]), [{ origin: checkpoint.origin, size: 13, kind: 'extended', remembered: 7 }]);
  const remembered = state.checkpoint(checkpoint.origin);
  assert.deepEqual(remembered, { origin: checkpoint.origin, size: 13, rootHash: checkpoint.rootHash, note: checkpoint.note });
  assert.deepEqual(state.observe(result).map((o) => [o.kind, o.remembered]), [['same', 13]]);
  const stored = state.toText();
  assert.equal(new LogState(stored).toText(), stored);
  assert.equal(new LogState(new TextEncoder().encode(stored)).toText(), stored);
  assert.equal(state.checkpoint('no.such.log'), null);
  // A result read back from JSON observes the same (only the signed note is taken).
  assert.deepEqual(new LogState(file(name, 'log-state')).observe(JSON.parse(JSON.stringify(result)), [proof])[0].kind, 'extended');
});

test('the empty state, and a result without checkpoints', () => {
  const state = new LogState();
  assert.equal(state.toText(), 'sigverify-log-state/v1\n');
  assert.deepEqual(state.logs, []);
  const [seen] = state.observe(verify('ok-witness-single'));
  assert.deepEqual([seen.kind, seen.remembered], ['first', null]);
  assert.deepEqual(state.observe(verify('ok-tlog-proof-for-bundle-without-proof')), []);
});

test('a split view from an edited state is refused, and the state is unchanged', () => {
  // Signatures in a state are not checked again, so changing its root line is enough.
  const result = verify('ok-witness-single');
  const { checkpoint } = result.logEntries[0];
  const state = new LogState();
  state.observe(result);
  const root = Buffer.from(checkpoint.rootHash, 'hex').toString('base64');
  const other = createHash('sha256').update('another tree').digest('base64');
  assert.ok(state.toText().includes(`\n${root}\n`));
  const forked = new LogState(state.toText().replace(`\n${root}\n`, `\n${other}\n`));
  const before = forked.toText();
  const e = throwsCore(() => forked.observe(result), 'LOG_SPLIT_VIEW');
  assert.equal(e.code, 1711);
  assert.equal(forked.toText(), before);
  assert.notEqual(forked.checkpoint(checkpoint.origin).rootHash, checkpoint.rootHash);
  throwsCore(() => new LogState(file('log-state-split-view', 'log-state')).observe(verify('log-state-split-view')), 'LOG_SPLIT_VIEW');
});

test('state and consistency proof errors by name; observe checks its arguments', () => {
  for (const bad of ['', 'sigverify-log-state/v2\n', 'sigverify-log-state/v1\n\nnot a note\n', new Uint8Array([0xff])]) {
    throwsCore(() => new LogState(bad), 'LOG_STATE_INVALID');
  }
  for (const bad of ['', '[]', '{"rootHash": "00", "hashes": []}', { hashes: [] }]) {
    throwsCore(() => ConsistencyProof.fromJson(bad), 'LOG_CONSISTENCY_PROOF_MALFORMED');
  }
  const state = new LogState();
  assert.throws(() => state.observe({}), TypeError);
  assert.throws(() => state.observe(verify('ok-witness-single'), ['{}']), TypeError);
  assert.throws(() => state.observe({ logEntries: [{ checkpoint: { note: 5 } }] }), TypeError);
  throwsCore(() => state.observe({ logEntries: [{ checkpoint: { note: 'forged' } }] }), 'LOG_STATE_INVALID');
  assert.equal(state.toText(), 'sigverify-log-state/v1\n');
});
