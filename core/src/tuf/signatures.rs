//! Threshold signature checks over a role's canonical bytes.
//!
//! A signature counts for the key its `keyid` names, only when that key id is one the role
//! delegates to. Each distinct public key counts once, however many signatures or key-id
//! aliases it has. Keys of an unknown type or scheme, and keys whose material does not decode,
//! never verify anything: they are ignored, never trusted.

use alloc::vec::Vec;

use super::metadata::Key;
use super::metadata::RoleKeys;
use super::metadata::Root;
use super::metadata::Signed;
use crate::crypto::Crypto;
use crate::crypto::HashAlg;
use crate::crypto::PublicKey;
use crate::crypto::RsaPadding;

/// How many distinct keys of `role_keys` (looked up in `root`) signed `meta`, counting no
/// further than the role's threshold: once it is met, the other signatures cannot change the
/// outcome, and a device saves their cost.
pub(crate) fn count_valid<T>(meta: &Signed<T>, root: &Root, role_keys: &RoleKeys) -> usize {
    let mut counted: Vec<Vec<u8>> = Vec::new();
    let threshold = usize::try_from(role_keys.threshold).unwrap_or(usize::MAX);
    for keyid in &role_keys.keyids {
        if counted.len() >= threshold {
            break;
        }
        let Some((identity, key)) = root.keys.get(keyid).and_then(decode) else {
            continue;
        };
        if counted.contains(&identity) {
            continue;
        }
        let signed = meta
            .signatures
            .iter()
            .filter(|s| &s.keyid == keyid)
            .any(|s| {
                key.verify(
                    Crypto::BUILTIN,
                    HashAlg::Sha256,
                    RsaPadding::Pkcs1v15,
                    &meta.canonical,
                    &s.sig,
                )
                .is_ok()
            });
        if signed {
            counted.push(identity);
        }
    }
    counted.len()
}

/// The key's identity (its type and raw public key bytes) and the decoded key, for the two
/// kinds Sigstore's repositories use: ECDSA P-256 with SHA-256 (PEM SubjectPublicKeyInfo) and
/// Ed25519 (hex).
fn decode(key: &Key) -> Option<(Vec<u8>, PublicKey)> {
    let public = key.public.as_deref()?;
    match (key.keytype.as_str(), key.scheme.as_str()) {
        ("ecdsa" | "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256") => {
            let der = crate::encoding::pem_decode(public, "PUBLIC KEY")?;
            let decoded = PublicKey::from_spki_der(&der).ok()?;
            if !matches!(decoded, PublicKey::P256(_)) {
                return None;
            }
            let spki = crate::crypto::canonical_spki(&der)?;
            Some((tagged(b'e', &spki), decoded))
        }
        ("ed25519", "ed25519") => {
            let raw: [u8; 32] = crate::encoding::hex_decode(public)?;
            let decoded = PublicKey::from_ed25519_raw(&raw).ok()?;
            Some((tagged(b'd', &raw), decoded))
        }
        _ => None,
    }
}

fn tagged(tag: u8, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 1);
    out.push(tag);
    out.extend_from_slice(bytes);
    out
}
