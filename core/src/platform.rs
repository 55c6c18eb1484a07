//! The interface a platform's ECDSA implementation answers, re-exported by
//! [`crate::backend`]. Its own module, below the core's crypto, so that the crypto dispatches
//! to a backend without importing the module that checks in software through it.

/// The curve of an ECDSA key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Curve {
    /// NIST P-256 (secp256r1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
}

/// The hash an ECDSA signature was made over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Hash {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

/// One ECDSA signature check. Constructible outside the core so that backends can be tested
/// on their own.
#[derive(Clone, Copy, Debug)]
pub struct EcdsaCheck<'a> {
    /// The key's curve.
    pub curve: Curve,
    /// The hash of `message` the signature covers.
    pub hash: Hash,
    /// The key as a DER `SubjectPublicKeyInfo` with an uncompressed point, re-encoded by the
    /// core after it validated the key.
    pub spki: &'a [u8],
    /// The key as an uncompressed SEC1 point (`04 || x || y`).
    pub point: &'a [u8],
    /// The signed message, not yet hashed.
    pub message: &'a [u8],
    /// The signature as a DER `Ecdsa-Sig-Value`, already checked by the core to be strict DER
    /// with both scalars in `1..n`.
    pub signature: &'a [u8],
}

/// One ECDSA signature check over a precomputed digest.
#[derive(Clone, Copy, Debug)]
pub struct EcdsaDigestCheck<'a> {
    /// The key's curve.
    pub curve: Curve,
    /// The hash that made `digest`.
    pub hash: Hash,
    /// The key as a DER `SubjectPublicKeyInfo`, as in [`EcdsaCheck::spki`].
    pub spki: &'a [u8],
    /// The key as an uncompressed SEC1 point (`04 || x || y`).
    pub point: &'a [u8],
    /// The digest of the signed message: the whole output of `hash`.
    pub digest: &'a [u8],
    /// The signature, as in [`EcdsaCheck::signature`].
    pub signature: &'a [u8],
}

/// A platform ECDSA verifier.
///
/// An answer decides the check: a backend must answer `Some(true)` only for a valid signature
/// and must not let one check's answer depend on another's (no state carried between calls).
/// The WebAssembly binding's deferred recorder is the one deliberate exception: it answers
/// `Some(true)` provisionally, records the check, and its binding uses the run's result only
/// after WebCrypto has confirmed every recorded check (`bindings-wasm/src/deferred.rs`).
pub trait EcdsaBackend: Send + Sync + core::fmt::Debug {
    /// Checks `check.signature` over `check.message` under `check.point`. `Some(true)`: valid;
    /// `Some(false)`: invalid; `None`: this backend cannot check it (an unsupported curve or
    /// hash, or the platform API is unavailable), so the core's own code decides.
    fn verify(&self, check: &EcdsaCheck<'_>) -> Option<bool>;

    /// Checks `check.signature` over the precomputed `check.digest`, with the same answers as
    /// [`Self::verify`]. The default cannot check digests (`None`).
    fn verify_digest(&self, check: &EcdsaDigestCheck<'_>) -> Option<bool> {
        let _ = check;
        None
    }
}
