//! The Python binding's ECDSA backend: AWS-LC (through aws-lc-rs), whose P-256 and P-384
//! code is several times faster than the core's portable Rust. Deploy tools verify many
//! bundles per second, and ECDSA is nearly all of a verification's cost. The core still
//! validates every key and signature encoding first (see `sigverify::backend`).

use aws_lc_rs::signature::EcdsaVerificationAlgorithm;
use aws_lc_rs::signature::UnparsedPublicKey;
use sigverify::backend::Curve;
use sigverify::backend::EcdsaBackend;
use sigverify::backend::EcdsaCheck;
use sigverify::backend::EcdsaDigestCheck;
use sigverify::backend::Hash;

/// AWS-LC's ECDSA verification over ASN.1 DER signatures.
#[derive(Debug)]
pub(crate) struct AwsLc;

/// The one instance every verifier of this binding uses.
pub(crate) static AWS_LC: AwsLc = AwsLc;

/// The AWS-LC algorithm for a curve and hash; `None` for pairs it has no name for.
fn algorithm(curve: Curve, hash: Hash) -> Option<&'static EcdsaVerificationAlgorithm> {
    use aws_lc_rs::signature as s;
    Some(match (curve, hash) {
        (Curve::P256, Hash::Sha256) => &s::ECDSA_P256_SHA256_ASN1,
        (Curve::P256, Hash::Sha384) => &s::ECDSA_P256_SHA384_ASN1,
        (Curve::P256, Hash::Sha512) => &s::ECDSA_P256_SHA512_ASN1,
        (Curve::P384, Hash::Sha256) => &s::ECDSA_P384_SHA256_ASN1,
        (Curve::P384, Hash::Sha384) => &s::ECDSA_P384_SHA384_ASN1,
        (Curve::P384, Hash::Sha512) => &s::ECDSA_P384_SHA512_ASN1,
        _ => return None,
    })
}

impl EcdsaBackend for AwsLc {
    fn verify(&self, check: &EcdsaCheck<'_>) -> Option<bool> {
        let key = UnparsedPublicKey::new(algorithm(check.curve, check.hash)?, check.point);
        Some(key.verify(check.message, check.signature).is_ok())
    }

    fn verify_digest(&self, check: &EcdsaDigestCheck<'_>) -> Option<bool> {
        use aws_lc_rs::digest;
        let hash = match check.hash {
            Hash::Sha256 => &digest::SHA256,
            Hash::Sha384 => &digest::SHA384,
            Hash::Sha512 => &digest::SHA512,
            _ => return None,
        };
        // A digest of the wrong length is not one AWS-LC can check: the core decides.
        let imported = digest::Digest::import_less_safe(check.digest, hash).ok()?;
        let key = UnparsedPublicKey::new(algorithm(check.curve, check.hash)?, check.point);
        Some(key.verify_digest(&imported, check.signature).is_ok())
    }
}

/// A verifier over `root` with the default configuration and this backend.
pub(crate) fn verifier(root: sigverify::TrustedRoot) -> sigverify::Verifier {
    sigverify::Verifier::new(root, sigverify::Config::default()).with_ecdsa_backend(&AWS_LC)
}

#[cfg(test)]
mod tests {
    use p256::ecdsa::signature::hazmat::PrehashSigner;
    use sha2::Digest;

    use super::*;

    fn digest(hash: Hash, msg: &[u8]) -> Vec<u8> {
        match hash {
            Hash::Sha256 => sha2::Sha256::digest(msg).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(msg).to_vec(),
            _ => sha2::Sha512::digest(msg).to_vec(),
        }
    }

    /// A RustCrypto signature (another implementation) as (uncompressed point, DER signature).
    fn sign(curve: Curve, hash: Hash, msg: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let prehash = digest(hash, msg);
        match curve {
            Curve::P256 => {
                let sk = p256::ecdsa::SigningKey::from_slice(&[7; 32]).unwrap();
                let sig: p256::ecdsa::Signature = sk.sign_prehash(&prehash).unwrap();
                let point = sk.verifying_key().to_sec1_point(false);
                (point.as_bytes().to_vec(), sig.to_der().as_bytes().to_vec())
            }
            _ => {
                let sk = p384::ecdsa::SigningKey::from_slice(&[7; 48]).unwrap();
                let sig: p384::ecdsa::Signature = sk.sign_prehash(&prehash).unwrap();
                let point = sk.verifying_key().to_sec1_point(false);
                (point.as_bytes().to_vec(), sig.to_der().as_bytes().to_vec())
            }
        }
    }

    fn verify(curve: Curve, hash: Hash, point: &[u8], message: &[u8], sig: &[u8]) -> Option<bool> {
        AWS_LC.verify(&EcdsaCheck {
            curve,
            hash,
            spki: &[],
            point,
            message,
            signature: sig,
        })
    }

    fn verify_digest(curve: Curve, hash: Hash, point: &[u8], d: &[u8], sig: &[u8]) -> Option<bool> {
        AWS_LC.verify_digest(&EcdsaDigestCheck {
            curve,
            hash,
            spki: &[],
            point,
            digest: d,
            signature: sig,
        })
    }

    #[test]
    fn agrees_with_rustcrypto_on_every_curve_and_hash_pair() {
        for curve in [Curve::P256, Curve::P384] {
            for hash in [Hash::Sha256, Hash::Sha384, Hash::Sha512] {
                let (point, sig) = sign(curve, hash, b"release.tar.gz");
                let case = format!("{curve:?} {hash:?}");
                assert_eq!(
                    verify(curve, hash, &point, b"release.tar.gz", &sig),
                    Some(true),
                    "{case}"
                );
                assert_eq!(
                    verify(curve, hash, &point, b"release.tar.gz.", &sig),
                    Some(false),
                    "{case}"
                );
                let other = if hash == Hash::Sha256 {
                    Hash::Sha384
                } else {
                    Hash::Sha256
                };
                assert_eq!(
                    verify(curve, other, &point, b"release.tar.gz", &sig),
                    Some(false),
                    "{case}"
                );
                let prehash = digest(hash, b"release.tar.gz");
                let wrong = digest(hash, b"release.tar.gz.");
                assert_eq!(
                    verify_digest(curve, hash, &point, &prehash, &sig),
                    Some(true)
                );
                assert_eq!(
                    verify_digest(curve, hash, &point, &wrong, &sig),
                    Some(false)
                );
                let short = prehash.get(1..).unwrap();
                assert_eq!(verify_digest(curve, hash, &point, short, &sig), None);
            }
        }
    }
}
