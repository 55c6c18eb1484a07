//! Rekor v1 inclusion promises (signed entry timestamps): the log's signature over the
//! canonical JSON of body, integrated time, log id and log index.

use alloc::format;
use alloc::string::String;

use crate::crypto::Crypto;
use crate::crypto::RsaPadding;
use crate::encoding::base64_encode;
use crate::encoding::hex_encode;
use crate::trust_root::Log;

/// The exact bytes Rekor v1 signs: RFC 8785 canonical JSON, keys in lexical order, no spaces.
/// Base64 and hex have no characters that JSON escapes, so plain formatting is canonical.
pub(crate) fn signed_payload(
    body: &[u8],
    integrated_time: u64,
    log_id: &[u8],
    log_index: u64,
) -> String {
    format!(
        r#"{{"body":"{}","integratedTime":{},"logID":"{}","logIndex":{}}}"#,
        base64_encode(body),
        integrated_time,
        hex_encode(log_id),
        log_index
    )
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
    }
}
