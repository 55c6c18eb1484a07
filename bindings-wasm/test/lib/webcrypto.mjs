// Counts WebCrypto's ECDSA verifications, to see that a deferred (async) path really ran and
// did not silently fall back to WebAssembly.

/** Runs `f` (sync or async) counting `crypto.subtle.verify` calls; resolves to `[value, count]`. */
export async function countingWebCrypto(f) {
  const { subtle } = globalThis.crypto;
  const original = subtle.verify;
  let n = 0;
  subtle.verify = function verify(...args) {
    n += 1;
    return original.apply(this, args);
  };
  try {
    return [await f(), n];
  } finally {
    subtle.verify = original;
  }
}
