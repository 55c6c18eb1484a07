//! An optional platform ECDSA implementation the verifier hands signature checks to.
//!
//! Most of a verification's cost is ECDSA arithmetic: a public-good bundle needs one P-384
//! check (Fulcio's signature on the leaf) and four P-256 checks (the artifact signature, the
//! SCT, the inclusion promise and the checkpoint). The core's own pure-Rust code is portable
//! and constant in behaviour, but platforms with assembly-optimised crypto (Node's OpenSSL,
//! AWS-LC in a Python extension) check a signature several times faster. A binding on such a
//! platform implements [`EcdsaBackend`] and installs it with [`crate::Verifier::with_ecdsa_backend`].
//!
//! What stays in the core whatever the backend, so that every platform accepts exactly the
//! same bundles: key decoding and validation (a key the core rejects never reaches a backend),
//! the strict DER decoding of the signature and the range of its scalars, and Ed25519 and RSA.
//! Checks over a precomputed digest (the artifact signature when only the artifact's digest is
//! known) go to [`EcdsaBackend::verify_digest`], which a backend may leave unimplemented
//! (node:crypto and WebCrypto cannot check a digest; AWS-LC can).

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

/// Checks `check` with the core's own code, exactly as the verifier does when no backend
/// answers. For a backend that hands some checks to hardware and the rest back in software,
/// and for testing a backend against the core.
pub fn verify_in_software(check: &EcdsaCheck<'_>) -> bool {
    let hash = crate::crypto::HashAlg::from(check.hash);
    crate::crypto::verify_ecdsa_prehash(
        check.curve,
        check.spki,
        hash,
        &hash.digest(check.message),
        check.signature,
    )
}

/// [`verify_in_software`] for a check over a precomputed digest.
pub fn verify_digest_in_software(check: &EcdsaDigestCheck<'_>) -> bool {
    crate::crypto::verify_ecdsa_prehash(
        check.curve,
        check.spki,
        crate::crypto::HashAlg::from(check.hash),
        check.digest,
        check.signature,
    )
}

#[cfg(test)]
mod tests {
    use p256::ecdsa::signature::Signer;
    use p256::pkcs8::EncodePublicKey;

    use super::*;

    #[test]
    fn software_checks_answer_as_the_verifier_does() {
        let sk = p256::ecdsa::SigningKey::from_slice(&[5u8; 32]).unwrap();
        let spki = sk.verifying_key().to_public_key_der().unwrap();
        let point = sk.verifying_key().to_sec1_point(false);
        let sig: p256::ecdsa::DerSignature = sk.sign(b"firmware");
        let check = EcdsaCheck {
            curve: Curve::P256,
            hash: Hash::Sha256,
            spki: spki.as_bytes(),
            point: point.as_bytes(),
            message: b"firmware",
            signature: sig.as_bytes(),
        };
        assert!(verify_in_software(&check));
        assert!(!verify_in_software(&EcdsaCheck {
            message: b"firmwarf",
            ..check
        }));
        assert!(!verify_in_software(&EcdsaCheck {
            curve: Curve::P384,
            ..check
        }));
        let digest = crate::digest::HashAlgorithm::Sha256.digest(b"firmware");
        let by_digest = EcdsaDigestCheck {
            curve: Curve::P256,
            hash: Hash::Sha256,
            spki: spki.as_bytes(),
            point: point.as_bytes(),
            digest: &digest,
            signature: sig.as_bytes(),
        };
        assert!(verify_digest_in_software(&by_digest));
        assert!(!verify_digest_in_software(&EcdsaDigestCheck {
            signature: b"\x30\x00",
            ..by_digest
        }));
    }
}
