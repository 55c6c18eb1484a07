//! Threshold signature checks over a role's canonical bytes, and the identities of a role's keys.
//!
//! A signature counts for the key its `keyid` names, only when that key id is one the role
//! delegates to. Each distinct public key counts once, however many key-id aliases or
//! encodings name it: a key is its value ([`crate::crypto::PublicKey::identity`]), never its
//! key id or the bytes it is written in. Key ids are labels only; they are not checked against
//! the keys' hashes (specification 4.3), as Sigstore's real roots carry key ids that are not
//! (see conformance/README.md). Keys of an unknown type or scheme, and keys whose material does
//! not decode, never verify anything: they are ignored, never trusted. Two signatures under
//! one key id make the file malformed (`metadata.rs`), as in python-tuf.

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
/// outcome, and a device saves their cost. ECDSA checks go to `crypto`'s backend first.
pub(crate) fn count_valid<T>(
    meta: &Signed<T>,
    root: &Root,
    role_keys: &RoleKeys,
    crypto: Crypto<'_>,
) -> usize {
    let mut counted: Vec<Vec<u8>> = Vec::new();
    let threshold = usize::try_from(role_keys.threshold).unwrap_or(usize::MAX);
    for keyid in &role_keys.keyids {
        if counted.len() >= threshold {
            break;
        }
        let Some(key) = root.keys.get(keyid).and_then(decode) else {
            continue;
        };
        let identity = key.identity();
        if counted.contains(&identity) {
            continue;
        }
        let signed = meta
            .signatures
            .iter()
            .filter(|s| &s.keyid == keyid)
            .any(|s| {
                key.verify(
                    crypto,
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

/// The SHA-256 of the identity of every key `role_keys` names, sorted and without repeats: the
/// set of keys a role is delegated to, whatever their key ids and encodings. A key that does
/// not decode is named by its type, scheme and public text, so it still counts as a key that
/// can leave the role.
pub(crate) fn role_identities(root: &Root, role_keys: &RoleKeys) -> Vec<[u8; 32]> {
    let mut out: Vec<[u8; 32]> = Vec::with_capacity(role_keys.keyids.len());
    for keyid in &role_keys.keyids {
        let Some(key) = root.keys.get(keyid) else {
            continue;
        };
        let identity = match decode(key) {
            Some(decoded) => decoded.identity(),
            None => {
                let mut raw = Vec::from(&b"undecoded\0"[..]);
                for part in [&key.keytype, &key.scheme] {
                    raw.extend_from_slice(part.as_bytes());
                    raw.push(0);
                }
                raw.extend_from_slice(key.public.as_deref().unwrap_or_default().as_bytes());
                raw
            }
        };
        let hash = crate::digest::sha256(&[&identity]);
        if let Err(at) = out.binary_search(&hash) {
            out.insert(at, hash);
        }
    }
    out
}

/// The decoded key, for the two kinds Sigstore's repositories use: ECDSA P-256 with SHA-256
/// (PEM SubjectPublicKeyInfo) and Ed25519 (hex).
fn decode(key: &Key) -> Option<PublicKey> {
    let public = key.public.as_deref()?;
    match (key.keytype.as_str(), key.scheme.as_str()) {
        ("ecdsa" | "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256") => {
            let der = crate::encoding::pem_decode(public, "PUBLIC KEY")?;
            let decoded = PublicKey::from_spki_der(&der).ok()?;
            matches!(decoded, PublicKey::P256(_)).then_some(decoded)
        }
        ("ed25519", "ed25519") => {
            let raw: [u8; 32] = crate::encoding::hex_decode(public)?;
            PublicKey::from_ed25519_raw(&raw).ok()
        }
        _ => None,
    }
}
