//! Byte encodings found in bundles and roots: strict base64, lowercase hex, PEM.

use alloc::string::String;
use alloc::vec::Vec;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Decodes standard, padded base64; `None` on any deviation. Line breaks (CR, LF) are skipped
/// as Go's and Python's decoders skip them, since real bundles carry MIME-wrapped fields; any
/// other whitespace or non-alphabet byte is an error.
pub(crate) fn base64_decode(s: &str) -> Option<Vec<u8>> {
    if s.contains(['\n', '\r']) {
        let joined: String = s.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
        return STANDARD.decode(joined).ok();
    }
    STANDARD.decode(s).ok()
}

/// Encodes bytes as standard, padded base64.
pub(crate) fn base64_encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Encodes bytes as lowercase hex.
pub fn hex_encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len().saturating_mul(2));
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    out
}

/// Decodes hex of either case into exactly `N` bytes.
pub fn hex_decode<const N: usize>(s: &str) -> Option<[u8; N]> {
    let b = s.as_bytes();
    if b.len() != N.checked_mul(2)? {
        return None;
    }
    let mut out = [0u8; N];
    for (slot, pair) in out.iter_mut().zip(b.chunks_exact(2)) {
        let [hi, lo] = pair else { return None };
        *slot = (nibble(*hi)? << 4) | nibble(*lo)?;
    }
    Some(out)
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes the first PEM block of `text` with the given label (RFC 7468), tolerating CRLF and
/// surrounding text. Returns the DER bytes.
pub(crate) fn pem_decode(text: &str, label: &str) -> Option<Vec<u8>> {
    let mut body = String::new();
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim_end_matches('\r').trim();
        if let Some(rest) = line.strip_prefix("-----BEGIN ") {
            if rest.strip_suffix("-----") == Some(label) && !inside {
                inside = true;
                continue;
            }
        }
        if let Some(rest) = line.strip_prefix("-----END ") {
            if inside {
                return (rest.strip_suffix("-----") == Some(label))
                    .then(|| base64_decode(&body))
                    .flatten();
            }
        }
        if inside {
            body.push_str(line);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_strict() {
        assert_eq!(base64_decode("aGk="), Some(b"hi".to_vec()));
        assert_eq!(base64_decode("aGk"), None);
        assert_eq!(base64_decode("aG k="), None);
        assert_eq!(base64_decode("aG\r\nk="), Some(b"hi".to_vec()));
        assert_eq!(base64_decode("aG\tk="), None);
        assert_eq!(base64_decode("INVALID!!!BASE64!!!ENCODING===="), None);
        assert_eq!(base64_encode(b"hi"), "aGk=");
    }

    #[test]
    fn hex_round_trips_and_rejects_bad_input() {
        assert_eq!(hex_encode(&[0x00, 0xab, 0xff]), "00abff");
        assert_eq!(hex_decode::<3>("00ABff"), Some([0x00, 0xab, 0xff]));
        assert_eq!(hex_decode::<3>("00abf"), None);
        assert_eq!(hex_decode::<2>("zz00"), None);
    }

    #[test]
    fn pem_takes_the_labelled_block() {
        let pem = "junk\r\n-----BEGIN PUBLIC KEY-----\r\naGk=\r\n-----END PUBLIC KEY-----\r\n";
        assert_eq!(pem_decode(pem, "PUBLIC KEY"), Some(b"hi".to_vec()));
        assert_eq!(pem_decode(pem, "CERTIFICATE"), None);
        assert_eq!(
            pem_decode("-----BEGIN PUBLIC KEY-----\naGk=\n", "PUBLIC KEY"),
            None
        );
        assert_eq!(
            pem_decode(
                "-----BEGIN PUBLIC KEY-----\naGk=\n-----END CERTIFICATE-----",
                "PUBLIC KEY"
            ),
            None
        );
    }
}
