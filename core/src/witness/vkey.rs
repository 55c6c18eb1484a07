//! Verifier keys of `c2sp.org/signed-note`: `<name>+<8 hex digits of key id>+<base64(type ||
//! public key)>`, and the key ids signature lines carry.

use alloc::vec::Vec;

use crate::digest::sha256;
use crate::encoding::base64_decode;

/// `c2sp.org/signed-note` Ed25519 note signatures (a log's checkpoint key).
pub(crate) const TYPE_ED25519: u8 = 0x01;
/// ECDSA note signatures (`transparency-dev/witness`; Rekor's checkpoint keys): the key is a
/// DER SubjectPublicKeyInfo.
pub(crate) const TYPE_ECDSA: u8 = 0x02;
/// `c2sp.org/tlog-cosignature` timestamped Ed25519 cosignatures.
pub(crate) const TYPE_COSIGNATURE_ED25519: u8 = 0x04;
/// `c2sp.org/tlog-cosignature` ML-DSA-44 subtree cosignatures.
pub(crate) const TYPE_COSIGNATURE_ML_DSA_44: u8 = 0x06;

/// A parsed verifier key: its name, key id, type byte and key material.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct VerifierKey<'a> {
    pub(crate) name: &'a str,
    pub(crate) key_id: [u8; 4],
    pub(crate) kind: u8,
    pub(crate) key: Vec<u8>,
}

/// Parses a vkey; `None` when the name is empty or holds a space or `+`, the key id is not
/// 8 hex digits, the base64 does not decode, or the key id is not the one the key's name,
/// type and material give ([`key_id`]).
pub(crate) fn parse(text: &[u8]) -> Option<VerifierKey<'_>> {
    let text = core::str::from_utf8(text).ok()?;
    // The base64 may hold `+`: the name and the id end at the first two.
    let mut parts = text.splitn(3, '+');
    let (name, id, data) = (parts.next()?, parts.next()?, parts.next()?);
    if !name_is_valid(name) || id.len() != 8 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut key_id = [0u8; 4];
    for (slot, pair) in key_id.iter_mut().zip(id.as_bytes().chunks_exact(2)) {
        let pair = core::str::from_utf8(pair).ok()?;
        *slot = u8::from_str_radix(pair, 16).ok()?;
    }
    let raw = base64_decode(data).filter(|_| !data.contains(['\n', '\r']))?;
    let (&kind, key) = raw.split_first()?;
    if key.is_empty() || self::key_id(name, kind, key) != key_id {
        return None;
    }
    Some(VerifierKey {
        name,
        key_id,
        kind,
        key: key.to_vec(),
    })
}

/// A note key name: non-empty, without Unicode spaces or `+` (`c2sp.org/signed-note`).
pub(crate) fn name_is_valid(name: &str) -> bool {
    !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c == '+')
}

/// The key id a signature line names: the first four bytes of SHA-256 over the key name, a
/// newline, the type byte and the key, except for ECDSA, whose id is over the
/// SubjectPublicKeyInfo alone (`c2sp.org/signed-note`, as Rekor computes its log ids).
pub(crate) fn key_id(name: &str, kind: u8, key: &[u8]) -> [u8; 4] {
    let hash = if kind == TYPE_ECDSA {
        sha256(&[key])
    } else {
        sha256(&[name.as_bytes(), b"\n", &[kind], key])
    };
    let [a, b, c, d, ..] = hash;
    [a, b, c, d]
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::String;

    use super::*;
    use crate::encoding::base64_encode;

    fn vkey(name: &str, kind: u8, key: &[u8]) -> String {
        let id = key_id(name, kind, key);
        let mut data = alloc::vec![kind];
        data.extend_from_slice(key);
        format!(
            "{name}+{}+{}",
            crate::encoding::hex_encode(&id),
            base64_encode(&data)
        )
    }

    #[test]
    fn round_trip_and_key_id() {
        let text = vkey("witness.example/w1", TYPE_COSIGNATURE_ED25519, &[7; 32]);
        let k = parse(text.as_bytes()).unwrap();
        assert_eq!(k.name, "witness.example/w1");
        assert_eq!(k.kind, TYPE_COSIGNATURE_ED25519);
        assert_eq!(k.key, [7; 32]);
        assert_eq!(
            k.key_id,
            key_id("witness.example/w1", TYPE_COSIGNATURE_ED25519, &[7; 32])
        );
        // Upper-case hex names the same id.
        let upper = text.replacen(
            &crate::encoding::hex_encode(&k.key_id),
            &crate::encoding::hex_encode(&k.key_id).to_uppercase(),
            1,
        );
        assert_eq!(parse(upper.as_bytes()).unwrap().key_id, k.key_id);
    }

    #[test]
    fn rejects_malformed_vkeys() {
        let good = vkey("w", TYPE_COSIGNATURE_ED25519, &[7; 32]);
        let (name, rest) = good.split_once('+').unwrap();
        let (id, data) = rest.split_once('+').unwrap();
        let cases = [
            format!("+{id}+{data}"),
            format!("a b+{id}+{data}"),
            format!("{name}+{id}+{data}+x"),
            format!("{name}+{id}+{data}+"),
            format!("{name}+{}+{data}", &id[..7]),
            format!("{name}+{id}0+{data}"),
            format!("{name}+zzzzzzzz+{data}"),
            format!("{name}+-1234567+{data}"),
            format!("{name}+{id}+{}", &data[1..]),
            format!("{name}+00000000+{data}"),
            format!("other+{id}+{data}"),
            format!("{name}+{id}+"),
            vkey("w", TYPE_COSIGNATURE_ED25519, &[]),
        ];
        for c in &cases {
            assert_eq!(parse(c.as_bytes()), None, "{c}");
        }
        assert_eq!(parse(b"w+\xff"), None);
    }

    #[test]
    fn ecdsa_key_ids_are_over_the_key_alone() {
        assert_eq!(
            key_id("a", TYPE_ECDSA, b"spki"),
            key_id("b", TYPE_ECDSA, b"spki")
        );
        assert_ne!(
            key_id("a", TYPE_ED25519, b"k"),
            key_id("b", TYPE_ED25519, b"k")
        );
    }
}
