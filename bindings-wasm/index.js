// The `sigverify` npm package: an offline Sigstore bundle verifier compiled to WebAssembly.
// This file only shapes JavaScript values for the native module (pkg/, built by build.sh) and
// rethrows core errors as VerificationError; every verification decision is made in Rust.

import init, { initSync, NativeVerifier, NativeHasher, errorTable, tufUpdate, tufUpdateFromFiles, checkPredicateType, splitBundles as nativeSplit, artifactHash as nativeArtifactHash, verifyRelease as nativeVerifyRelease, parseWitnessPolicy, parseTlogProof, parseConsistencyProof, logStateParse, logStateLogs, logStateCheckpoint, logStateObserve, firmwareStatement as nativeFirmwareStatement, firmwarePolicyCheck, firmwareCheck, firmwarePredicateType } from './pkg/sigverify_native.js';

// Load the module once, at import. Browsers and workers fetch the .wasm next to this file;
// Node (file: URLs, where fetch is unavailable) reads it from disk, through
// process.getBuiltinModule rather than an import of node:fs, which bundlers building for the
// browser would otherwise have to stub out (and warn about).
const wasmUrl = new URL('./pkg/sigverify_native_bg.wasm', import.meta.url);
if (wasmUrl.protocol === 'file:') {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs');
  if (!fs) throw new Error('sigverify: loading from a file: URL needs Node >= 20.16 (process.getBuiltinModule)');
  initSync({ module: fs.readFileSync(wasmUrl) });
} else {
  await init({ module_or_path: wasmUrl });
}

/** Every core error as `{ code, name }`, in the core's table order (generated, never typed). */
export const ERROR_CODES = Object.freeze(
  errorTable().map(([code, name]) => Object.freeze({ code, name })),
);

/** A bundle did not verify (or a trusted root or key did not load): carries the core's code and name. */
export class VerificationError extends Error {
  /**
   * @param {number} code the core's stable numeric code
   * @param {string} name the core's stable name, e.g. `POLICY_IDENTITY_MISMATCH`
   * @param {string} message the core's explanation
   */
  constructor(code, name, message) {
    super(message);
    this.code = code;
    this.name = name;
  }
}

// Set by the first WebAssembly trap (an abort, out of memory): after one, the instance's
// memory, and with it any state of a verification in progress, cannot be trusted, so every
// later call is refused rather than answered by it.
let trapped = null;

// Runs a native call, turning a core error object into a VerificationError.
function call(f) {
  if (trapped !== null) {
    throw new Error(`sigverify: the WebAssembly instance trapped earlier (${trapped.message}); load the module again`);
  }
  try {
    return f();
  } catch (e) {
    if (e !== null && typeof e === 'object' && e.sigverify === true) {
      throw new VerificationError(e.code, e.name, e.message);
    }
    if (e instanceof WebAssembly.RuntimeError) trapped = e;
    throw e;
  }
}

const encoder = new TextEncoder();

// Bytes of a JSON document given as bytes, a string, or a value to serialise.
function jsonBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (typeof input === 'string') return encoder.encode(input);
  // Anything else is serialised; the core rejects what is not a document of the right shape.
  return encoder.encode(String(JSON.stringify(input)));
}

// The verification time in Unix seconds, from `options.now` (a Date or milliseconds).
function nowSeconds(options) {
  const now = options?.now ?? Date.now();
  const ms = now instanceof Date ? now.getTime() : now;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new TypeError('options.now must be a Date or a non-negative number of milliseconds');
  }
  return Math.floor(ms / 1000);
}

// A deep copy of a policy (plain data: strings, arrays, objects, key bytes); a value that
// cannot be copied is passed as it is, for the native side to reject with a TypeError.
function snapshot(policy) {
  let copy;
  try {
    copy = structuredClone(policy);
  } catch {
    return policy;
  }
  // A managed key's window is given as the verification time is (Date or milliseconds); the
  // native side takes Unix seconds.
  const window = copy?.keyValidity;
  if (window !== null && typeof window === 'object') {
    for (const side of ['notBefore', 'notAfter']) {
      if (window[side] === undefined) continue;
      const t = window[side] instanceof Date ? window[side].getTime() : window[side];
      if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
        throw new TypeError(`policy.keyValidity.${side} must be a Date or a non-negative number of milliseconds`);
      }
      window[side] = Math.floor(t / 1000);
    }
  }
  return copy;
}

// `options.platformCrypto` (default true): hand ECDSA checks to the runtime where it can.
function platformCrypto(options) {
  const value = options?.platformCrypto ?? true;
  if (typeof value !== 'boolean') {
    throw new TypeError('options.platformCrypto must be a boolean');
  }
  return value;
}

// `options.config` (default: the public-good profile): a profile name or threshold counts;
// `options.witnessPolicy`: a WitnessPolicy, or its text, every checkpoint must meet.
function configured(native, options) {
  const config = options?.config;
  const witness = options?.witnessPolicy;
  try {
    if (config !== undefined) call(() => native.setConfig(config));
    if (witness !== undefined) {
      const policy = witness instanceof WitnessPolicy ? witness : new WitnessPolicy(witness);
      call(() => native.setWitnessPolicy(policy._bytes()));
    }
  } catch (e) {
    native.free();
    throw e;
  }
  return new Verifier(native);
}

// `options.tlogProofs`: TlogProof objects or their text, attached to the bundle before it is
// verified; a string is parsed then (a malformed one throws TLOG_PROOF_INVALID there).
function tlogProofs(options) {
  const proofs = options?.tlogProofs ?? [];
  if (!Array.isArray(proofs)) throw new TypeError('options.tlogProofs must be an array');
  return proofs.map((p) => {
    if (p instanceof TlogProof) return p._text();
    if (typeof p === 'string') return p;
    throw new TypeError('each of options.tlogProofs must be a TlogProof or its text');
  });
}

// Text given as a string, or its UTF-8 bytes.
function textBytes(input, what) {
  return typeof input === 'string' ? encoder.encode(input) : bytesOf(input, what);
}

/**
 * A witness policy (`c2sp.org/tlog-policy`): `log <vkey> [<url>]`, `witness <name> <vkey>
 * [<url>]`, `group <name> all|any|<k> <name>...`, `quorum <name>|none`. Given to a verifier
 * (`witnessPolicy`), every checkpoint that proves a tlog entry must carry verified cosignatures
 * meeting the quorum (and come from a listed log, when any is listed).
 */
export class WitnessPolicy {
  #bytes;

  /** @param {string | Uint8Array} text the policy file; throws VerificationError (WITNESS_*) */
  constructor(text) {
    const bytes = textBytes(text, 'witness policy').slice();
    const info = call(() => parseWitnessPolicy(bytes));
    this.#bytes = bytes;
    /** How many witnesses the policy names. */
    this.witnessCount = info.witnessCount;
    /** Whether the policy asks anything of a checkpoint (a quorum, or a list of logs). */
    this.required = info.required;
    Object.freeze(this);
  }

  /** @internal */
  _bytes() {
    return this.#bytes;
  }
}

/**
 * A `c2sp.org/tlog-proof@v1` file: an entry's index, its inclusion proof and the (cosigned)
 * checkpoint it leads to, handed in beside a bundle (`tlogProofs`). Nothing in it is trusted:
 * it replaces the proof of the bundle entry it proves only when that entry has none or one of
 * a smaller tree, and the verification checks it as the bundle's own.
 */
export class TlogProof {
  #text;

  /** @param {string | Uint8Array} text the file; throws VerificationError (TLOG_PROOF_INVALID) */
  constructor(text) {
    const bytes = textBytes(text, 'tlog proof');
    const info = call(() => parseTlogProof(bytes));
    // The core accepted the bytes as UTF-8, so decoding them is exact.
    this.#text = typeof text === 'string' ? text : new TextDecoder().decode(bytes);
    /** The entry's index in the checkpointed tree. */
    this.index = info.index;
    /** The checkpoint's tree size. */
    this.treeSize = info.treeSize;
    /** The checkpoint's root hash, lowercase hex. */
    this.rootHash = info.rootHash;
    /** The checkpoint as a signed note, verbatim. */
    this.checkpoint = info.checkpoint;
    Object.freeze(this);
  }

  /** @internal */
  _text() {
    return this.#text;
  }
}

/** An RFC 9162 consistency proof between two trees of one log, as Rekor serves it. */
export class ConsistencyProof {
  #bytes;

  /**
   * @param {string | Uint8Array | object} json `{ "rootHash": "<hex>", "hashes": ["<hex>", ...] }`;
   * throws VerificationError (LOG_CONSISTENCY_PROOF_MALFORMED)
   */
  constructor(json) {
    const bytes = jsonBytes(json).slice();
    const info = call(() => parseConsistencyProof(bytes));
    this.#bytes = bytes;
    /** The root hash of the larger tree (lowercase hex): which pair of checkpoints it is for. */
    this.rootHash = info.rootHash;
    /** The proof's hashes, lowercase hex, in RFC 9162 order. */
    this.hashes = Object.freeze(info.hashes);
    Object.freeze(this);
  }

  /** Reads Rekor's consistency-proof JSON (as the constructor). */
  static fromJson(json) {
    return new ConsistencyProof(json);
  }

  /** @internal */
  _bytes() {
    return this.#bytes;
  }
}

/**
 * The last checkpoint seen of each log, kept between verifications so that a log showing two
 * views (a split view) is caught without any network. It only ever refuses: a tampered state
 * can make a verification fail, never pass. Store `toText()` and pass it back next time.
 */
export class LogState {
  #text;

  /**
   * @param {string | Uint8Array} [text] a stored state (empty without); throws
   * VerificationError (LOG_STATE_INVALID)
   */
  constructor(text) {
    const bytes = text === undefined ? undefined : textBytes(text, 'log state');
    this.#text = call(() => logStateParse(bytes));
  }

  /** The state as text, to store. */
  toText() {
    return this.#text;
  }

  /** Every remembered checkpoint, in the order first seen. */
  get logs() {
    return call(() => logStateLogs(this.#text));
  }

  /** The remembered checkpoint of the log with this origin, or null. */
  checkpoint(origin) {
    if (typeof origin !== 'string') throw new TypeError('origin must be a string');
    return call(() => logStateCheckpoint(this.#text, origin));
  }

  /**
   * Checks the checkpoint of every log entry of a verification `result` against the state,
   * with `proofs` (ConsistencyProof) for trees of another size than the remembered one, and
   * remembers each larger tree. Returns `[{ origin, size, kind, remembered }]`. All or nothing:
   * on a refusal (LOG_SPLIT_VIEW, LOG_CONSISTENCY_PROOF_MISSING, LOG_CONSISTENCY_PROOF_INVALID)
   * the state is unchanged and `checkpoint(origin)` still holds the evidence.
   */
  observe(result, proofs = []) {
    const entries = result?.logEntries;
    if (!Array.isArray(entries)) throw new TypeError('observe takes a verification result (with logEntries)');
    if (!Array.isArray(proofs) || !proofs.every((p) => p instanceof ConsistencyProof)) {
      throw new TypeError('proofs must be an array of ConsistencyProof');
    }
    // The signed note alone stands for a checkpoint (the core reads it as it reads a stored
    // state); an entry without a checkpoint has nothing to observe, as in the core.
    const notes = entries.filter((e) => e?.checkpoint != null).map((e) => e.checkpoint.note);
    if (!notes.every((n) => typeof n === 'string')) throw new TypeError('a checkpoint note must be a string');
    const out = call(() => logStateObserve(this.#text, notes, proofs.map((p) => p._bytes())));
    this.#text = out.state;
    return out.observed;
  }
}

// WebCrypto, present in browsers (secure contexts, which include 127.0.0.1), workers and Node.
const subtle = globalThis.crypto?.subtle;

// Whether WebCrypto says every deferred ECDSA check is valid; false if any is not, or if
// WebCrypto fails on one (the synchronous run then decides).
async function allValid(checks) {
  try {
    const verdicts = await Promise.all(checks.map(async (c) => {
      const key = await subtle.importKey('spki', c.spki, { name: 'ECDSA', namedCurve: c.namedCurve }, false, ['verify']);
      return subtle.verify({ name: 'ECDSA', hash: c.hash }, key, c.signature, c.message);
    }));
    return verdicts.every((v) => v === true);
  } catch {
    return false;
  }
}

/**
 * The persisted state of TUF updates: the rollback floors (versions and digests no later
 * update may go below), never keys: trust always comes from the anchor. Empty before the
 * first update; every successful `TrustedRoot.fromTuf` advances it. Store `toBytes()` and
 * pass it back next time.
 */
export class TufState {
  #bytes;
  #versions = null;

  /** @param {Uint8Array} [bytes] stored state; checked by the next update */
  constructor(bytes) {
    this.#bytes = bytes === undefined ? new Uint8Array(0) : bytesOf(bytes, 'state');
  }

  /** The bytes to store (empty before the first successful update). */
  toBytes() {
    return this.#bytes.slice();
  }

  /**
   * `{ root, timestamp, snapshot, targets }` after an update in this process, else null; a
   * version above `Number.MAX_SAFE_INTEGER` is a bigint.
   */
  get versions() {
    return this.#versions;
  }

  /** @internal */
  _advance(bytes, versions) {
    this.#bytes = bytes;
    this.#versions = Object.freeze({ ...versions });
  }
}

// Bytes given as a Uint8Array, another view, or an ArrayBuffer.
function bytesOf(input, what) {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError(`${what} must be bytes (Uint8Array or ArrayBuffer)`);
}

/** A Sigstore trusted root whose bytes were verified over TUF. */
export class TrustedRoot {
  /** @param {Uint8Array} json the verified `trusted_root.json`, as published */
  constructor(json) {
    this.json = json;
    Object.freeze(this);
  }

  /**
   * The trusted root that TUF metadata yields, checked offline by the core's TUF client from
   * the compiled-in production TUF root (`staging: true`: staging; `anchor`: your own) or the
   * state's newer root: `{ timestamp, snapshot, targets, targetFiles: { 'trusted_root.json':
   * bytes, ... }, roots?: [bytes of N+1.root.json, ...], anchor?, staging?, state?, now?,
   * platformCrypto? }` (`platformCrypto`, default true: the ECDSA checks in node:crypto where
   * the runtime has it, as a `Verifier`'s; browsers check them in WebAssembly).
   * Throws VerificationError (TUF_*) when it does not verify; advances `state` when it does.
   */
  static fromTuf(files) {
    if (files === null || typeof files !== 'object') throw new TypeError('fromTuf takes an object of files');
    const known = new Set(['timestamp', 'snapshot', 'targets', 'targetFiles', 'roots', 'anchor', 'staging', 'state', 'now', 'platformCrypto']);
    for (const k of Object.keys(files)) {
      if (!known.has(k)) throw new TypeError(`fromTuf: unknown key \`${k}\``);
    }
    const state = files.state;
    if (state !== undefined && !(state instanceof TufState)) throw new TypeError('state must be a TufState');
    const targetFiles = files.targetFiles ?? {};
    const names = Object.keys(targetFiles);
    const out = call(() => tufUpdate(
      files.anchor === undefined ? new Uint8Array(0) : bytesOf(files.anchor, 'anchor'),
      files.staging === true,
      state === undefined ? new Uint8Array(0) : state.toBytes(),
      (files.roots ?? []).map((r) => bytesOf(r, 'roots')),
      bytesOf(files.timestamp, 'timestamp'),
      bytesOf(files.snapshot, 'snapshot'),
      bytesOf(files.targets, 'targets'),
      names,
      names.map((n) => bytesOf(targetFiles[n], `targetFiles['${n}']`)),
      nowSeconds(files),
      platformCrypto(files),
    ));
    if (state !== undefined) state._advance(out.state, out.versions);
    return new TrustedRoot(out.trustedRoot);
  }

  /**
   * As `fromTuf`, from the files of a repository side by side, e.g. picked in a browser:
   * `{ files: { 'timestamp.json': bytes, '16.root.json': bytes, ... } (or a Map), anchor?,
   * staging?, state?, now?, platformCrypto? }`. Which file is which follows the core's layout rules (the roots
   * after the anchor or the state's root, `snapshot.json` or `V.snapshot.json`,
   * `trusted_root.json` or `<hash>.trusted_root.json`); folder names are ignored. Throws
   * TypeError when a required file is absent, VerificationError (TUF_*) when the files do not
   * verify.
   */
  static fromTufFiles(options) {
    if (options === null || typeof options !== 'object') throw new TypeError('fromTufFiles takes an object');
    const known = new Set(['files', 'anchor', 'staging', 'state', 'now', 'platformCrypto']);
    for (const k of Object.keys(options)) {
      if (!known.has(k)) throw new TypeError(`fromTufFiles: unknown key \`${k}\``);
    }
    const state = options.state;
    if (state !== undefined && !(state instanceof TufState)) throw new TypeError('state must be a TufState');
    const given = options.files;
    if (given === null || typeof given !== 'object') throw new TypeError('files must be an object or a Map of name to bytes');
    const entries = given instanceof Map ? [...given.entries()] : Object.entries(given);
    const out = call(() => tufUpdateFromFiles(
      options.anchor === undefined ? new Uint8Array(0) : bytesOf(options.anchor, 'anchor'),
      options.staging === true,
      state === undefined ? new Uint8Array(0) : state.toBytes(),
      entries.map(([name]) => String(name)),
      entries.map(([name, bytes]) => bytesOf(bytes, `files['${name}']`)),
      nowSeconds(options),
      platformCrypto(options),
    ));
    if (state !== undefined) state._advance(out.state, out.versions);
    return new TrustedRoot(out.trustedRoot);
  }
}

// A deferred run assumes every ECDSA check valid and lists them; its result stands only if
// WebCrypto confirms every one (then it is exactly the run a truthful verifier makes: see
// src/deferred.rs). Any other case is settled by the synchronous run, which is exact. `run`
// is a native call as a function of `deferred`; with `deferrable` false (node:crypto in use)
// only the synchronous run is made.
async function settle(deferrable, run) {
  if (!deferrable || subtle === undefined) return call(() => run(false));
  let deferred;
  try {
    deferred = call(() => run(true));
  } catch (e) {
    // A trap is not a refusal: the instance is unusable (call() has marked it so).
    if (e instanceof WebAssembly.RuntimeError) throw e;
    return call(() => run(false));
  }
  if (await allValid(deferred.checks)) return deferred.result;
  return call(() => run(false));
}

// The rule of `verifyFile`: the first of the file's bundles that verifies, with where it was;
// else the first bundle's error, carrying every bundle's failure. `verify` may return a promise
// (then so does this), and is only called for the next bundle once the last one has failed.
function firstVerified(file, verify) {
  const { bundles } = splitBundles(file);
  const failures = [];
  const next = (i) => {
    if (i === bundles.length) {
      const first = failures[0].error;
      const error = new VerificationError(first.code, first.name, first.message);
      error.bundles = failures;
      throw error;
    }
    const b = bundles[i];
    const found = (result) => ({ ...result, bundle: { place: b.place, of: bundles.length } });
    const failed = (e) => {
      if (!(e instanceof VerificationError)) throw e;
      failures.push({ place: b.place, error: e });
      return next(i + 1);
    };
    let result;
    try {
      result = verify(b.json);
    } catch (e) {
      return failed(e);
    }
    return result instanceof Promise ? result.then(found, failed) : found(result);
  };
  return next(0);
}

/** Verifies Sigstore bundles against one trusted root. Holds Rust memory; see `free()`. */
export class Verifier {
  #native;

  /** @param {NativeVerifier} native use the static constructors instead */
  constructor(native) {
    if (!(native instanceof NativeVerifier)) {
      throw new TypeError('use Verifier.production(), Verifier.staging() or Verifier.fromTrustedRoot()');
    }
    this.#native = native;
  }

  /** A verifier over the compiled-in Sigstore public-good production root. */
  static production(options) {
    const platform = platformCrypto(options);
    return configured(call(() => NativeVerifier.production(platform)), options);
  }

  /** A verifier over the compiled-in Sigstore public-good staging root. */
  static staging(options) {
    const platform = platformCrypto(options);
    return configured(call(() => NativeVerifier.staging(platform)), options);
  }

  /** A verifier over a `trusted_root.json` (string, bytes, parsed object or TrustedRoot). */
  static fromTrustedRoot(json, options) {
    const platform = platformCrypto(options);
    const bytes = json instanceof TrustedRoot ? json.json : jsonBytes(json);
    return configured(call(() => NativeVerifier.fromTrustedRoot(bytes, platform)), options);
  }

  /** A verifier over the trusted root that TUF metadata yields (see `TrustedRoot.fromTuf`). */
  static fromTuf(files, options) {
    return Verifier.fromTrustedRoot(TrustedRoot.fromTuf(files), options);
  }

  /** The requirements this verifier applies: `{ tlogEntries, signedTimestamps, ... }`. */
  get config() {
    return call(() => this.#native.config);
  }

  /**
   * Whether ECDSA signature checks go to the runtime's synchronous implementation (Node's
   * crypto). False in browsers: there the synchronous methods check them in WebAssembly and
   * the async methods in WebCrypto.
   */
  get platformCrypto() {
    return this.#native.platformCrypto;
  }

  /**
   * Verifies `bundle` over `artifact` (bytes, or `{ digest: "sha256:<hex>" }`) for `policy`.
   * Returns the plain result object; throws VerificationError when it does not verify.
   */
  verifyArtifact(bundle, artifact, policy, options) {
    const run = this.#artifactRun(bundle, artifact, policy, options);
    return attested(call(() => run(false)), options);
  }

  /**
   * `verifyArtifact`, resolving to the same result or rejecting with the same error, with the
   * ECDSA checks done by WebCrypto whenever this verifier does not use node:crypto (browsers,
   * or `platformCrypto: false`): several times faster than WebAssembly. With node:crypto it
   * verifies as `verifyArtifact` does. Do not modify the artifact buffer before it settles.
   */
  async verifyArtifactAsync(bundle, artifact, policy, options) {
    return attested(await this.#settle(this.#artifactRun(bundle, artifact, policy, options)), options);
  }

  /**
   * Verifies a DSSE bundle without the artifact: every check except matching the in-toto
   * subjects, which is left to the caller (compare them with what you hold). Returns the signed
   * `{ payloadType, payload }`. A message-signature bundle throws ARTIFACT_REQUIRED.
   */
  verifyDsse(bundle, policy, options) {
    const run = this.#dsseRun(bundle, policy, options);
    return attested(call(() => run(false)), options).statement;
  }

  /** `verifyDsse` with WebCrypto doing the ECDSA checks, as `verifyArtifactAsync`. */
  async verifyDsseAsync(bundle, policy, options) {
    return attested(await this.#settle(this.#dsseRun(bundle, policy, options)), options).statement;
  }

  // The native call of verifyArtifact as a function of `deferred`; argument errors throw now.
  // The bundle, digest and policy are taken now, so a deferred run and the synchronous run
  // that may follow it verify the same inputs even if the caller changes its objects.
  #artifactRun(bundle, artifact, policy, options) {
    const now = nowSeconds(options);
    const b = jsonBytes(bundle).slice();
    const proofs = tlogProofs(options);
    const p = snapshot(policy);
    if (artifact instanceof Uint8Array || artifact instanceof ArrayBuffer || ArrayBuffer.isView(artifact)) {
      const bytes = jsonBytes(artifact);
      return (deferred) => this.#native.verifyBytes(b, proofs, bytes, p, now, deferred);
    }
    if (artifact !== null && typeof artifact === 'object' && typeof artifact.digest === 'string') {
      const { digest } = artifact;
      return (deferred) => this.#native.verifyDigest(b, proofs, digest, p, now, deferred);
    }
    // Several digests of one streamed artifact: each bundle (of a file, in verifyFile) takes
    // the one its subjects or message digest name.
    if (artifact !== null && typeof artifact === 'object' && artifact.digests !== null && typeof artifact.digests === 'object') {
      const alg = artifactHash(b);
      const digest = artifact.digests[alg];
      if (typeof digest !== 'string') throw new TypeError(`artifact.digests has no ${alg} digest, which the bundle needs`);
      return (deferred) => this.#native.verifyDigest(b, proofs, digest, p, now, deferred);
    }
    throw new TypeError('artifact must be a Uint8Array, { digest: "sha256:<hex>" } or { digests: { sha256, sha512, ... } }');
  }

  #dsseRun(bundle, policy, options) {
    const now = nowSeconds(options);
    const b = jsonBytes(bundle).slice();
    const proofs = tlogProofs(options);
    const p = snapshot(policy);
    return (deferred) => this.#native.verifyDsse(b, proofs, p, now, deferred);
  }

  #settle(run) {
    return settle(this.#native.deferredAvailable, run);
  }

  /**
   * Verifies a file of bundles (gh JSON Lines, npm's attestations document, a PEP 740
   * attestation or provenance object, or one bundle): it verifies when one of its bundles does
   * (`artifact` null: as `verifyDsse`, subjects not checked). Returns that bundle's result with
   * `bundle: { place, of }`; otherwise throws the first bundle's VerificationError with
   * `bundles: [{ place, error }]` listing each failure.
   */
  verifyFile(file, artifact, policy, options) {
    return firstVerified(file, (json) => (artifact === null || artifact === undefined
      ? attested(call(() => this.#dsseRun(json, policy, options)(false)), options)
      : this.verifyArtifact(json, artifact, policy, options)));
  }

  /**
   * `verifyFile` with WebCrypto doing the ECDSA checks, as `verifyArtifactAsync`: resolves to
   * the same result, or rejects with the same VerificationError (and its `bundles`).
   */
  async verifyFileAsync(file, artifact, policy, options) {
    return firstVerified(file, (json) => (artifact === null || artifact === undefined
      ? this.#settle(this.#dsseRun(json, policy, options)).then((r) => attested(r, options))
      : this.verifyArtifactAsync(json, artifact, policy, options)));
  }

  /**
   * Verifies a PyPI provenance (PEP 740, as PyPI's integrity API serves it) against a
   * distribution file `{ name, bytes }` or `{ name, digest: "sha256:<hex>" }`, for
   * `options.publisher` (`{ repository: "https://github.com/owner/repo" }`, `{
   * gcpServiceAccount }` or `{ circleci: { projectId, pipelineDefinitionId } }`): every
   * attestation must verify for its publisher and name the file, as pypi-attestations
   * requires. Returns `[{ place, publisherKind, publisher, predicateType, result }]`.
   */
  verifyPypi(distribution, provenance, options) {
    const run = this.#pypiRun(distribution, provenance, options);
    return call(() => run(false));
  }

  /** `verifyPypi` with WebCrypto doing the ECDSA checks, as `verifyArtifactAsync`. */
  async verifyPypiAsync(distribution, provenance, options) {
    return this.#settle(this.#pypiRun(distribution, provenance, options));
  }

  // The inputs are taken now, as #artifactRun's.
  #pypiRun(distribution, provenance, options) {
    const now = nowSeconds(options);
    const { name, digest } = pypiDistribution(distribution);
    const publisher = options?.publisher;
    if (publisher === null || typeof publisher !== 'object') {
      throw new TypeError('options.publisher must name the expected publisher');
    }
    const p = snapshot(publisher);
    const doc = jsonBytes(provenance).slice();
    return (deferred) => this.#native.verifyPypi(name, digest, doc, p, now, deferred);
  }

  /** Verifies one PEP 740 attestation object for `policy` against a distribution file (as `verifyPypi`). */
  verifyPypiAttestation(distribution, attestation, policy, options) {
    const now = nowSeconds(options);
    const { name, digest } = pypiDistribution(distribution);
    const doc = jsonBytes(attestation);
    const p = snapshot(policy);
    return call(() => this.#native.verifyPypiAttestation(name, digest, doc, p, now));
  }

  /**
   * Verifies an npm package version as `npm audit signatures` does: `{ keys, packument,
   * version?, tarball?, attestations?, policy? }` (see `npm.js`). Returns the plain
   * `NpmResult`; throws VerificationError (NPM_* and the pipeline's errors) otherwise.
   */
  verifyNpm(pkg, options) {
    const run = this.#npmRun(pkg, options);
    return call(() => run(false));
  }

  /** `verifyNpm` with WebCrypto doing the ECDSA checks, as `verifyArtifactAsync`. */
  async verifyNpmAsync(pkg, options) {
    return this.#settle(this.#npmRun(pkg, options));
  }

  #npmRun(pkg, options) {
    const now = nowSeconds(options);
    const a = npmArguments(pkg);
    return (deferred) => this.#native.verifyNpm(a.keys, a.packument, a.version, a.tarball, a.attestations, a.policy, now, deferred);
  }

  /** Frees the Rust memory now (garbage collection also frees it eventually). */
  free() {
    this.#native.free();
  }
}

/**
 * The hash a bundle needs of its artifact: `'sha256'`, `'sha384'` or `'sha512'` (SHA-256
 * when a subject or the message digest offers it). Stream a large file through `new
 * Hasher(artifactHash(bundle))` and verify with `{ digest: hasher.digest() }`.
 */
export function artifactHash(bundle) {
  const bytes = jsonBytes(bundle);
  return call(() => nativeArtifactHash(bytes));
}

/**
 * Splits a file (bytes or string) into the bundles it carries: `{ kind, bundles: [{ place,
 * predicateType, json }] }`, kind one of `bundle`, `jsonLines`, `attestationsDocument`,
 * `pypiAttestation`, `pypiProvenance`. Each bundle is then verified on its own.
 */
export function splitBundles(file) {
  const bytes = jsonBytes(file);
  return call(() => nativeSplit(bytes));
}

/**
 * Verifies a GitHub immutable-release attestation as `gh release verify` / `gh release
 * verify-asset` (and `sigverify verify-release`) check it: against the root of `trustedRoots`
 * whose CA issued its certificate (else the last one), with GitHub's requirements (one
 * timestamp, no tlog entry, no SCT), for `release.tag` of `release.repo` (`OWNER/REPO`), with
 * `release.tagDigest` the tag's git ref as a subject, and each of `release.assets` (bytes, or
 * `{ digest: "sha256:<hex>" }`) among its subjects. `trustedRoots` is a trusted root (JSON,
 * or a TrustedRoot), `gh attestation trusted-root`'s JSON Lines, or an array of these.
 * Returns `{ repository, tag, subjects, assets, result }`; throws VerificationError
 * (RELEASE_* and the pipeline's errors) otherwise. `options`: `now`, `platformCrypto`.
 */
export function verifyRelease(bundle, trustedRoots, release, options) {
  const run = releaseRun(bundle, trustedRoots, release, options);
  return call(() => run(false));
}

/**
 * `verifyRelease` with WebCrypto doing the ECDSA checks (the roots' chain links included)
 * where node:crypto is not in use, as `verifyArtifactAsync`: the same result or error.
 */
export async function verifyReleaseAsync(bundle, trustedRoots, release, options) {
  // The native call refuses a deferred run before any work when node:crypto is in use, and
  // `settle` then verifies synchronously.
  return settle(true, releaseRun(bundle, trustedRoots, release, options));
}

// verifyRelease's native call as a function of `deferred`; argument errors throw now.
function releaseRun(bundle, trustedRoots, release, options) {
  const now = nowSeconds(options);
  const platform = platformCrypto(options);
  if (release === null || typeof release !== 'object') {
    throw new TypeError('release must be { repo, tag, assets?, tagDigest?, trustDomain? }');
  }
  const known = new Set(['repo', 'tag', 'assets', 'tagDigest', 'trustDomain']);
  for (const k of Object.keys(release)) {
    if (!known.has(k)) throw new TypeError(`release: unknown key \`${k}\``);
  }
  const { repo, tag, tagDigest, trustDomain } = release;
  for (const [k, v] of [['repo', repo], ['tag', tag]]) {
    if (typeof v !== 'string') throw new TypeError(`release.${k} must be a string`);
  }
  for (const [k, v] of [['tagDigest', tagDigest], ['trustDomain', trustDomain]]) {
    if (v !== undefined && typeof v !== 'string') throw new TypeError(`release.${k} must be a string`);
  }
  const assets = release.assets ?? [];
  if (!Array.isArray(assets)) throw new TypeError('release.assets must be an array');
  const digests = assets.map((a) => {
    if (a instanceof Uint8Array || a instanceof ArrayBuffer || ArrayBuffer.isView(a)) {
      return new Sha256().update(a).digest();
    }
    if (a !== null && typeof a === 'object' && typeof a.digest === 'string') return a.digest;
    throw new TypeError('each asset must be bytes or { digest: "sha256:<hex>" }');
  });
  const roots = (Array.isArray(trustedRoots) ? trustedRoots : [trustedRoots])
    .map((r) => (r instanceof TrustedRoot ? r.json : jsonBytes(r).slice()));
  const b = jsonBytes(bundle).slice();
  return (deferred) => nativeVerifyRelease(roots, b, repo, tag, tagDigest, trustDomain, digests, now, platform, deferred);
}

/** The in-toto predicate type of a firmware statement (`FirmwareStatement`). */
export const FIRMWARE_PREDICATE_TYPE = firmwarePredicateType();

// Only `FirmwareStatement.fromResult` makes a FirmwareStatement.
const FROM_RESULT = Symbol('FirmwareStatement.fromResult');

// An anti-rollback counter or a hardware revision: an integer the core holds in 32 bits.
function counter(value, what) {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new TypeError(`${what} must be an integer from 0 to 4294967295`);
  }
  return value;
}

/**
 * The predicate of a verified firmware statement: an in-toto statement of predicate type
 * `FIRMWARE_PREDICATE_TYPE` whose subject is the image. Read from a verification result with
 * `FirmwareStatement.fromResult`; judged for a device by `FirmwarePolicy`.
 */
export class FirmwareStatement {
  #payloadType;
  #payload;

  /** @internal use `FirmwareStatement.fromResult(result)` */
  constructor(key, payloadType, payload, info) {
    if (key !== FROM_RESULT) throw new TypeError('use FirmwareStatement.fromResult(result)');
    this.#payloadType = payloadType;
    this.#payload = payload;
    /** `securityVersion`: the monotonic version an anti-rollback counter is compared with. */
    this.securityVersion = info.securityVersion;
    /** `vendor`: the vendor's UUID, lowercased. */
    this.vendor = info.vendor;
    /** `class`: the device class's UUID, lowercased. */
    this.class = info.class;
    /** `minHardwareRevision`: the lowest device revision the image runs on, or null. */
    this.minHardwareRevision = info.minHardwareRevision;
    /** `version`: the release's name for people, or null (never judged). */
    this.version = info.version;
    Object.freeze(this);
  }

  /**
   * Reads the firmware statement of a verification result (what `verifyArtifact` returned:
   * the statement is trusted as far as the result is). Throws VerificationError:
   * DSSE_ENVELOPE_MISSING for a message signature, DSSE_PREDICATE_TYPE_MISMATCH for another
   * predicate type, FIRMWARE_STATEMENT_INVALID for a predicate member missing or malformed.
   */
  static fromResult(result) {
    if (result === null || typeof result !== 'object' || !('statement' in result)) {
      throw new TypeError('fromResult takes a verification result (with statement)');
    }
    const s = result.statement;
    let payloadType;
    let payload;
    if (s !== null && s !== undefined) {
      if (typeof s.payloadType !== 'string') throw new TypeError('statement.payloadType must be a string');
      payloadType = s.payloadType;
      // A copy: the checks read the payload as it was verified, whatever the caller does next.
      payload = bytesOf(s.payload, 'statement.payload').slice();
    }
    const info = call(() => nativeFirmwareStatement(payloadType, payload));
    return new FirmwareStatement(FROM_RESULT, payloadType, payload, info);
  }

  /** @internal */
  _payload() {
    return [this.#payloadType, this.#payload];
  }
}

/**
 * What a device is: its vendor and class (UUIDs) and hardware revision, which judge a
 * `FirmwareStatement` together with the installed security version.
 */
export class FirmwarePolicy {
  #vendor;
  #class;
  #hardwareRevision;

  /**
   * @param {string} vendor the vendor's UUID (canonical text, any case)
   * @param {string} cls the device class's UUID
   * @param {{ hardwareRevision?: number }} [options] the device's hardware (or bootloader)
   * revision, default 0. Throws VerificationError (FIRMWARE_POLICY_INVALID) when vendor or
   * class is not a UUID.
   */
  constructor(vendor, cls, options) {
    if (typeof vendor !== 'string' || typeof cls !== 'string') {
      throw new TypeError('vendor and class must be strings (UUIDs)');
    }
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new TypeError('options must be { hardwareRevision? }');
    }
    for (const k of Object.keys(options ?? {})) {
      if (k !== 'hardwareRevision') throw new TypeError(`FirmwarePolicy: unknown option \`${k}\``);
    }
    const revision = counter(options?.hardwareRevision ?? 0, 'options.hardwareRevision');
    call(() => firmwarePolicyCheck(vendor, cls));
    this.#vendor = vendor;
    this.#class = cls;
    this.#hardwareRevision = revision;
    Object.freeze(this);
  }

  /**
   * Whether the image is for this device and newer than `installed` (the device's
   * anti-rollback counter): throws VerificationError FIRMWARE_VENDOR_MISMATCH,
   * FIRMWARE_CLASS_MISMATCH, FIRMWARE_HARDWARE_UNSUPPORTED, then FIRMWARE_VERSION_NOT_NEWER
   * (an equal version too: a re-install is refused).
   */
  check(statement, installed) {
    const [payloadType, payload] = firmwarePayload(statement);
    const n = counter(installed, 'installed');
    call(() => firmwareCheck(payloadType, payload, this.#vendor, this.#class, this.#hardwareRevision, n));
  }

  /** Whether the image is for this device (vendor, class, hardware), whatever its version. */
  checkApplies(statement) {
    const [payloadType, payload] = firmwarePayload(statement);
    call(() => firmwareCheck(payloadType, payload, this.#vendor, this.#class, this.#hardwareRevision, undefined));
  }
}

// The verified payload a FirmwareStatement was read from, for the core to judge again.
function firmwarePayload(statement) {
  if (!(statement instanceof FirmwareStatement)) {
    throw new TypeError('statement must be a FirmwareStatement (FirmwareStatement.fromResult)');
  }
  return statement._payload();
}

// `{ name, bytes }` or `{ name, digest }` of a distribution file, as the name and its SHA-256.
function pypiDistribution(d) {
  if (d === null || typeof d !== 'object' || typeof d.name !== 'string') {
    throw new TypeError('distribution must be { name, bytes } or { name, digest: "sha256:<hex>" }');
  }
  if (typeof d.digest === 'string') return { name: d.name, digest: d.digest };
  if (d.bytes instanceof Uint8Array || d.bytes instanceof ArrayBuffer || ArrayBuffer.isView(d.bytes)) {
    return { name: d.name, digest: new Sha256().update(d.bytes).digest() };
  }
  throw new TypeError('distribution must be { name, bytes } or { name, digest: "sha256:<hex>" }');
}

// `verifyNpm`'s object as the native call takes it: the registry's `keys` and the version
// document or full `packument` (then `version` chooses one) as bytes; the tarball's bytes
// (hashed here with SHA-512) or `{ digest: "sha512:<hex>" }`, when at hand; the attestations
// document, when the registry has one; and a policy for the provenance's signer (absent: any
// Fulcio identity, as npm).
function npmArguments(pkg) {
  if (pkg === null || typeof pkg !== 'object') {
    throw new TypeError('verifyNpm takes { keys, packument, version?, tarball?, attestations?, policy? }');
  }
  const known = new Set(['keys', 'packument', 'version', 'tarball', 'attestations', 'policy']);
  for (const k of Object.keys(pkg)) {
    if (!known.has(k)) throw new TypeError(`verifyNpm: unknown key \`${k}\``);
  }
  for (const k of ['keys', 'packument']) {
    if (pkg[k] === undefined || pkg[k] === null) throw new TypeError(`verifyNpm: \`${k}\` is required`);
  }
  if (pkg.version != null && typeof pkg.version !== 'string') throw new TypeError('verifyNpm: `version` must be a string');
  let tarball;
  const t = pkg.tarball;
  if (t instanceof Uint8Array || t instanceof ArrayBuffer || ArrayBuffer.isView(t)) {
    tarball = new Hasher('sha512').update(t).digest();
  } else if (t !== null && typeof t === 'object' && typeof t.digest === 'string') {
    tarball = t.digest;
  } else if (t != null) {
    throw new TypeError('verifyNpm: `tarball` must be bytes or { digest: "sha512:<hex>" }');
  }
  // Copies: an async call reads them again after the caller's code has run.
  return {
    keys: jsonBytes(pkg.keys).slice(),
    packument: jsonBytes(pkg.packument).slice(),
    version: pkg.version ?? undefined,
    tarball,
    attestations: pkg.attestations == null ? undefined : jsonBytes(pkg.attestations).slice(),
    policy: pkg.policy == null ? undefined : snapshot(pkg.policy),
  };
}

// `options.predicateType`: the verified result must be an attestation with that in-toto
// predicate type (the core decides; DSSE_ENVELOPE_MISSING for a message signature).
function attested(result, options) {
  const want = options?.predicateType;
  if (want === undefined) return result;
  if (typeof want !== 'string') throw new TypeError('options.predicateType must be a string');
  const s = result.statement;
  call(() => checkPredicateType(s?.payloadType, s?.payload, want));
  return result;
}

/**
 * Incremental hashing, for a large artifact or tarball hashed chunk by chunk (e.g. from a
 * stream): `new Hasher('sha512')` (also `'sha384'`; default `'sha256'`). Holds Rust memory:
 * `digest()` frees it, as do `free()` and, eventually, garbage collection.
 */
export class Hasher {
  #native;

  /** @param {'sha256' | 'sha384' | 'sha512'} [algorithm] default `'sha256'` */
  constructor(algorithm = 'sha256') {
    if (typeof algorithm !== 'string') {
      throw new TypeError('the hash algorithm must be "sha256", "sha384" or "sha512"');
    }
    this.#native = new NativeHasher(algorithm);
  }

  /** Adds a chunk (Uint8Array, ArrayBuffer or any ArrayBuffer view); returns `this`. */
  update(chunk) {
    if (!(chunk instanceof Uint8Array || chunk instanceof ArrayBuffer || ArrayBuffer.isView(chunk))) {
      throw new TypeError('chunk must be a Uint8Array, an ArrayBuffer or an ArrayBuffer view');
    }
    this.#native.update(jsonBytes(chunk));
    return this;
  }

  /** The digest of all chunks as `ALG:HEX` (`sha512:<hex>`); the hasher cannot be used afterwards. */
  digest() {
    return this.#native.digest();
  }

  /** Frees the Rust memory without computing the digest. */
  free() {
    this.#native.free();
  }
}

/** Incremental SHA-256: `new Hasher('sha256')`, under the name earlier versions exported. */
export class Sha256 extends Hasher {
  constructor() {
    super('sha256');
  }
}
