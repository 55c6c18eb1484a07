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

pub use crate::platform::Curve;
pub use crate::platform::EcdsaBackend;
pub use crate::platform::EcdsaCheck;
pub use crate::platform::EcdsaDigestCheck;
pub use crate::platform::Hash;

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
