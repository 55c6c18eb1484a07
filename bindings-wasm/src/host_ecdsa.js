// The platform ECDSA backend of the WebAssembly binding (see the core's `sigverify::backend`).
// Node offers OpenSSL's ECDSA synchronously through `process.getBuiltinModule('node:crypto')`
// (Node >= 20.16 / 22.3); browsers only offer WebCrypto, which is asynchronous, so there the
// core's own code checks every signature. The core validates every key and signature encoding
// before a check reaches this file, and decides by itself whenever this answers -1.

const nodeCrypto = (() => {
  try {
    const get = globalThis.process?.getBuiltinModule;
    return typeof get === 'function' ? (get('node:crypto') ?? null) : null;
  } catch {
    return null;
  }
})();

// Indexed by the hash code the Rust side passes.
const HASHES = ['sha256', 'sha384', 'sha512'];

/** Whether this runtime has a synchronous platform ECDSA implementation. */
export function hostEcdsaAvailable() {
  return nodeCrypto !== null;
}

/**
 * Checks a DER ECDSA `signature` over `message` under a DER SubjectPublicKeyInfo `spki`.
 * Returns 1 (valid), 0 (invalid) or -1 (cannot check here: the core decides). Never throws:
 * an exception must not unwind through the WebAssembly frames that called it.
 */
export function hostEcdsaVerify(hash, spki, message, signature) {
  const name = HASHES[hash];
  if (nodeCrypto === null || name === undefined) return -1;
  try {
    const key = nodeCrypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
    return nodeCrypto.verify(name, message, { key, dsaEncoding: 'der' }, signature) ? 1 : 0;
  } catch {
    return -1;
  }
}
