//! Rekor v1 inclusion promises (signed entry timestamps): the log's signature over the
//! canonical JSON of body, integrated time, log id and log index.

use alloc::string::String;
use alloc::vec::Vec;

use crate::crypto::Crypto;
use crate::crypto::RsaPadding;
use crate::digest::Hasher;
use crate::encoding::base64_len;
use crate::encoding::hex_encode;
use crate::trust_root::Log;

/// Body bytes base64-encoded at a time when streaming: a multiple of 3, so the pieces
/// concatenate to the encoding of the whole.
const BODY_CHUNK: usize = 384;

/// Writes the exact bytes Rekor v1 signs to `out`, in pieces: RFC 8785 canonical JSON, keys in
/// lexical order, no spaces. Base64 and hex have no characters that JSON escapes, so plain
/// concatenation is canonical.
fn write_payload(
    body: &[u8],
    integrated_time: u64,
    log_id: &[u8],
    log_index: u64,
    out: &mut dyn FnMut(&[u8]),
) {
    use base64::Engine as _;
    out(br#"{"body":""#);
    let mut encoded = [0u8; BODY_CHUNK / 3 * 4];
    for chunk in body.chunks(BODY_CHUNK) {
        let n = base64::engine::general_purpose::STANDARD
            .encode_slice(chunk, &mut encoded)
            .unwrap_or(0);
        out(encoded.get(..n).unwrap_or_default());
    }
    out(br#"","integratedTime":"#);
    out(decimal(integrated_time).as_bytes());
    out(br#","logID":""#);
    out(hex_encode(log_id).as_bytes());
    out(br#"","logIndex":"#);
    out(decimal(log_index).as_bytes());
    out(b"}");
}

fn decimal(n: u64) -> String {
    use core::fmt::Write as _;
    let mut s = String::with_capacity(20);
    // Writing to a String cannot fail.
    let _ = write!(s, "{n}");
    s
}

/// The signed payload as one string of its exact size (for a platform backend, which is handed
/// whole messages, and for tests).
pub(crate) fn signed_payload(
    body: &[u8],
    integrated_time: u64,
    log_id: &[u8],
    log_index: u64,
) -> String {
    // 52 bytes of JSON around the values, two u64 of at most 20 digits each.
    let len = 92 + base64_len(body.len()) + log_id.len().saturating_mul(2);
    let mut out = Vec::with_capacity(len);
    write_payload(body, integrated_time, log_id, log_index, &mut |piece| {
        out.extend_from_slice(piece)
    });
    String::from_utf8(out).unwrap_or_default()
}

/// Whether `set` is the log's signature over the entry. Without a platform backend the payload
/// is streamed into the hasher and never held: it is a third larger than the body (5 KiB for
/// a DSSE entry), and on a microcontroller it set the heap's peak.
#[inline(never)] // its encoding buffer and hasher stay out of verify_entry's frame
pub(crate) fn verify(
    log: &Log,
    set: &[u8],
    body: &[u8],
    integrated_time: u64,
    log_index: u64,
    crypto: Crypto<'_>,
) -> bool {
    let hash = log.key.default_hash();
    if crypto.has_backend() || log.key.needs_message() {
        let payload = signed_payload(body, integrated_time, &log.log_id, log_index);
        return log
            .key
            .verify(crypto, hash, RsaPadding::Pkcs1v15, payload.as_bytes(), set)
            .is_ok();
    }
    let mut hasher = Hasher::new(hash);
    write_payload(
        body,
        integrated_time,
        &log.log_id,
        log_index,
        &mut |piece| hasher.update(piece),
    );
    let digest = hasher.finalize();
    log.key
        .verify_prehash(hash, RsaPadding::Pkcs1v15, digest.as_bytes(), set)
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
