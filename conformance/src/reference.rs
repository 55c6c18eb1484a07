//! A reference ECDSA backend for the equivalence test (`tests/backend_equivalence.rs`): it
//! re-derives everything it is given the way an outside implementation would (the key from
//! the SPKI bytes, the digest from the message and the named hash) and checks with RustCrypto.
//! A verifier with it installed must give exactly the results of the core's own code, which
//! tests the backend plumbing: the SPKI and point encodings, the hash names, and which checks
//! reach `verify` and which `verify_digest`.

use std::sync::atomic::AtomicUsize;
use std::sync::atomic::Ordering;

use p256::ecdsa::signature::hazmat::PrehashVerifier;
use p256::pkcs8::DecodePublicKey;
use sha2::Digest;
use sigverify::backend::Curve;
use sigverify::backend::EcdsaBackend;
use sigverify::backend::EcdsaCheck;
use sigverify::backend::EcdsaDigestCheck;
use sigverify::backend::Hash;

/// The reference backend; counts the checks of each kind it answered.
#[derive(Debug, Default)]
pub struct ReferenceEcdsa {
    /// Checks over a message.
    pub messages: AtomicUsize,
    /// Checks over a digest.
    pub digests: AtomicUsize,
}

impl EcdsaBackend for ReferenceEcdsa {
    fn verify(&self, check: &EcdsaCheck<'_>) -> Option<bool> {
        self.messages.fetch_add(1, Ordering::Relaxed);
        let digest = match check.hash {
            Hash::Sha256 => sha2::Sha256::digest(check.message).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(check.message).to_vec(),
            Hash::Sha512 => sha2::Sha512::digest(check.message).to_vec(),
            _ => return None,
        };
        Some(prehash_valid(
            check.curve,
            check.spki,
            check.point,
            &digest,
            check.signature,
        ))
    }

    fn verify_digest(&self, check: &EcdsaDigestCheck<'_>) -> Option<bool> {
        self.digests.fetch_add(1, Ordering::Relaxed);
        let expected_len = match check.hash {
            Hash::Sha256 => 32,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
            _ => return None,
        };
        if check.digest.len() != expected_len {
            return Some(false);
        }
        Some(prehash_valid(
            check.curve,
            check.spki,
            check.point,
            check.digest,
            check.signature,
        ))
    }
}

/// Whether `sig` is valid over `digest` under the key of `spki`; false also when `spki` and
/// `point` are not the same key, so an encoding mistake shows up as a changed result.
fn prehash_valid(curve: Curve, spki: &[u8], point: &[u8], digest: &[u8], sig: &[u8]) -> bool {
    match curve {
        Curve::P256 => {
            let Ok(key) = p256::ecdsa::VerifyingKey::from_public_key_der(spki) else {
                return false;
            };
            let Ok(sig) = p256::ecdsa::Signature::from_der(sig) else {
                return false;
            };
            key.to_sec1_point(false).as_bytes() == point && key.verify_prehash(digest, &sig).is_ok()
        }
        Curve::P384 => {
            let Ok(key) = p384::ecdsa::VerifyingKey::from_public_key_der(spki) else {
                return false;
            };
            let Ok(sig) = p384::ecdsa::Signature::from_der(sig) else {
                return false;
            };
            key.to_sec1_point(false).as_bytes() == point && key.verify_prehash(digest, &sig).is_ok()
        }
        Curve::P521 => {
            let Ok(key) = p521::ecdsa::VerifyingKey::from_public_key_der(spki) else {
                return false;
            };
            let Ok(sig) = p521::ecdsa::Signature::from_der(sig) else {
                return false;
            };
            key.to_sec1_point(false).as_bytes() == point && key.verify_prehash(digest, &sig).is_ok()
        }
        _ => false,
    }
}
