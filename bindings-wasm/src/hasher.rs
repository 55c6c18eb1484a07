//! Incremental hashing for JavaScript (the native side of `Hasher` and `Sha256` in
//! `index.js`): a large artifact or tarball is hashed chunk by chunk, e.g. from a stream, and
//! only its digest is passed to a verify call.

use sigverify::HashAlgorithm;
use sigverify::digest::Hasher;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::type_error;

/// An incremental SHA-256, SHA-384 or SHA-512. Holds Rust memory: `digest()` frees it, as does
/// `free()`, and garbage collection eventually.
#[wasm_bindgen]
pub struct NativeHasher {
    inner: Hasher,
}

#[wasm_bindgen]
impl NativeHasher {
    /// A hasher over no data yet, for `algorithm`: `sha256`, `sha384` or `sha512` (the names
    /// of digests in `ALG:HEX` form); anything else is a `TypeError`.
    #[wasm_bindgen(constructor)]
    pub fn new(algorithm: &str) -> Result<NativeHasher, JsValue> {
        let alg = HashAlgorithm::from_name(algorithm).ok_or_else(|| {
            type_error("the hash algorithm must be \"sha256\", \"sha384\" or \"sha512\"")
        })?;
        Ok(NativeHasher {
            inner: Hasher::new(alg),
        })
    }

    /// Adds `chunk` to the hashed data.
    pub fn update(&mut self, chunk: &[u8]) {
        self.inner.update(chunk);
    }

    /// The digest of everything added, as `ALG:HEX` (`sha512:<128 hex>`); consumes (frees)
    /// the hasher.
    pub fn digest(self) -> String {
        self.inner.finalize().to_prefixed_hex()
    }
}
