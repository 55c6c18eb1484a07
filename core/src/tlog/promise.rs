//! Rekor v1 inclusion promises (signed entry timestamps): the log's signature over the
//! canonical JSON of body, integrated time, log id and log index.

use alloc::string::String;

use crate::crypto::Crypto;
use crate::crypto::RsaPadding;
use crate::encoding::base64_encode_into;
use crate::encoding::base64_len;
use crate::encoding::hex_encode;
use crate::trust_root::Log;

/// The exact bytes Rekor v1 signs: RFC 8785 canonical JSON, keys in lexical order, no spaces.
/// Base64 and hex have no characters that JSON escapes, so plain concatenation is canonical.
///
/// Written into one buffer of the exact final size: the body's base64 is most of the payload
/// (about 5 KiB for a DSSE entry), and building it with `format!` held the encoded body and a
/// doubling buffer at once (a 10 KiB block on a microcontroller's heap).
pub(crate) fn signed_payload(
    body: &[u8],
    integrated_time: u64,
    log_id: &[u8],
    log_index: u64,
) -> String {
    const PARTS: [&str; 5] = [
        r#"{"body":""#,
        r#"","integratedTime":"#,
        r#","logID":""#,
        r#"","logIndex":"#,
        "}",
    ];
    let numbers = 2 * 20; // two u64 in decimal
    let len = PARTS.iter().map(|p| p.len()).sum::<usize>()
        + base64_len(body.len())
        + log_id.len().saturating_mul(2)
        + numbers;
    let mut out = String::with_capacity(len);
    let [open, time, id, index, close] = PARTS;
    out.push_str(open);
    base64_encode_into(body, &mut out);
    out.push_str(time);
    push_decimal(&mut out, integrated_time);
    out.push_str(id);
    out.push_str(&hex_encode(log_id));
    out.push_str(index);
    push_decimal(&mut out, log_index);
    out.push_str(close);
    out
}

fn push_decimal(out: &mut String, n: u64) {
    use core::fmt::Write as _;
    // Writing to a String cannot fail.
    let _ = write!(out, "{n}");
}

/// Whether `set` is the log's signature over the entry.
pub(crate) fn verify(
    log: &Log,
    set: &[u8],
    body: &[u8],
    integrated_time: u64,
    log_index: u64,
    crypto: Crypto<'_>,
) -> bool {
    let payload = signed_payload(body, integrated_time, &log.log_id, log_index);
    log.key
        .verify(
            crypto,
            log.key.default_hash(),
            RsaPadding::Pkcs1v15,
            payload.as_bytes(),
            set,
        )
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_is_canonical_json() {
        assert_eq!(
            signed_payload(b"hi", 5, &[0xab], 7),
            r#"{"body":"aGk=","integratedTime":5,"logID":"ab","logIndex":7}"#
        );
        let body = [7u8; 5000];
        let payload = signed_payload(&body, u64::MAX, &[0xcd; 32], u64::MAX);
        assert_eq!(
            payload,
            alloc::format!(
                r#"{{"body":"{}","integratedTime":{},"logID":"{}","logIndex":{}}}"#,
                crate::encoding::base64_encode(&body),
                u64::MAX,
                hex_encode(&[0xcd; 32]),
                u64::MAX
            )
        );
        assert!(
            payload.capacity() <= payload.len() + 40,
            "sized up front, no doubling"
        );
    }
}
