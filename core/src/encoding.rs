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

/// Decodes a protobuf-JSON `bytes` field the way the protobuf JSON mapping (and Go's
/// `protojson`, which sigstore-go uses) reads it: the standard alphabet, or the URL-safe one when
/// the text holds `-` or `_` (never a mix); padding present and correct when the length is a
/// multiple of four, absent otherwise; trailing bits need not be zero (Go's decoders are not
/// strict about them). CR and LF are skipped, and unlike protojson the length test does not
/// count them, so MIME-wrapped fields that earlier releases accepted still decode. `None` on
/// anything else.
pub(crate) fn base64_decode_proto(s: &str) -> Option<Vec<u8>> {
    use base64::alphabet;
    use base64::engine::DecodePaddingMode;
    use base64::engine::GeneralPurpose;
    use base64::engine::GeneralPurposeConfig;
    let url_safe = s.contains(['-', '_']);
    let breaks = s.chars().filter(|c| matches!(c, '\n' | '\r')).count();
    let padding = if s.len().saturating_sub(breaks).is_multiple_of(4) {
        DecodePaddingMode::RequireCanonical
    } else {
        DecodePaddingMode::RequireNone
    };
    let config = GeneralPurposeConfig::new()
        .with_decode_padding_mode(padding)
        .with_decode_allow_trailing_bits(true);
    let engine = if url_safe {
        GeneralPurpose::new(&alphabet::URL_SAFE, config)
    } else {
        GeneralPurpose::new(&alphabet::STANDARD, config)
    };
    if s.contains(['\n', '\r']) {
        let joined: String = s.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
        return engine.decode(joined).ok();
    }
    engine.decode(s).ok()
}

/// Encodes bytes as standard, padded base64.
pub(crate) fn base64_encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// The length of the padded base64 of `n` bytes.
pub(crate) fn base64_len(n: usize) -> usize {
    n.div_ceil(3).saturating_mul(4)
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

/// Decodes hex of either case, of any even length.
pub(crate) fn hex_decode_vec(s: &str) -> Option<Vec<u8>> {
    s.as_bytes()
        .chunks(2)
        .map(|pair| match pair {
            [hi, lo] => Some((nibble(*hi)? << 4) | nibble(*lo)?),
            _ => None,
        })
        .collect()
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
    let mut body: Vec<&str> = Vec::new();
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
                    .then(|| decode_lines(&body))
                    .flatten();
            }
        }
        if inside {
            body.push(line);
        }
    }
    None
}

/// The base64 of the concatenated `lines`, decoded line by line into one buffer when every
/// line but the last is whole 4-character groups without padding (PEM's 64-character lines),
/// which gives the same bytes as decoding the concatenation, without holding it: on a
/// microcontroller the joined text of a certificate was part of the heap's peak.
fn decode_lines(lines: &[&str]) -> Option<Vec<u8>> {
    let whole_groups = |l: &&str| l.len().is_multiple_of(4) && !l.contains('=');
    match lines.split_last() {
        Some((_, rest)) if rest.iter().all(whole_groups) => {
            let total: usize = lines.iter().map(|l| l.len()).sum();
            let mut out = Vec::with_capacity(total / 4 * 3);
            for line in lines {
                STANDARD.decode_vec(line, &mut out).ok()?;
            }
            Some(out)
        }
        _ => base64_decode(&lines.concat()),
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec;

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
    fn protobuf_bytes_take_both_alphabets_with_or_without_padding() {
        // 0xfb 0xff: "+/8=" in the standard alphabet, "-_8=" in the URL-safe one.
        for text in ["+/8=", "+/8", "-_8=", "-_8", "+/\n8=", "-_\r\n8="] {
            assert_eq!(
                base64_decode_proto(text),
                Some(vec![0xfb, 0xff]),
                "{text:?}"
            );
        }
        assert_eq!(base64_decode_proto("aGk="), Some(b"hi".to_vec()));
        assert_eq!(base64_decode_proto("aGk"), Some(b"hi".to_vec()));
        // Non-zero trailing bits, as Go's non-strict decoders accept.
        assert_eq!(base64_decode_proto("aGl="), Some(b"hi".to_vec()));
        assert_eq!(base64_decode_proto(""), Some(vec![]));
        for bad in [
            "+_8=",  // alphabets mixed
            "aGk==", // wrong padding for the length
            "aG=",   // padding in an unpadded-length text
            "a",     // a lone character
            "aG k=", // whitespace other than line breaks
            "aGk\t",
        ] {
            assert_eq!(base64_decode_proto(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hex_round_trips_and_rejects_bad_input() {
        assert_eq!(hex_encode(&[0x00, 0xab, 0xff]), "00abff");
        assert_eq!(hex_decode::<3>("00ABff"), Some([0x00, 0xab, 0xff]));
        assert_eq!(hex_decode::<3>("00abf"), None);
        assert_eq!(hex_decode::<2>("zz00"), None);
        assert_eq!(hex_decode_vec("00ABff"), Some(vec![0x00, 0xab, 0xff]));
        assert_eq!(hex_decode_vec("00abf"), None);
        assert_eq!(hex_decode_vec(""), Some(vec![]));
    }

    #[test]
    fn pem_lines_decode_as_their_concatenation() {
        let der: Vec<u8> = (0u8..=200).collect();
        let b64 = STANDARD.encode(&der);
        let pem = |lines: &[&str]| {
            alloc::format!("-----BEGIN X-----\n{}\n-----END X-----\n", lines.join("\n"))
        };
        let lines: Vec<&str> = b64
            .as_bytes()
            .chunks(64)
            .map(|c| core::str::from_utf8(c).unwrap())
            .collect();
        assert_eq!(pem_decode(&pem(&lines), "X"), Some(der.clone()));
        // Lines that are not whole groups, or padding before the end: the joined text decides.
        let (a, b) = b64.split_at(10);
        assert_eq!(pem_decode(&pem(&[a, b]), "X"), Some(der.clone()));
        assert_eq!(pem_decode(&pem(&["aGk=", "aGk="]), "X"), None);
        assert_eq!(pem_decode(&pem(&["aG", "k="]), "X"), Some(b"hi".to_vec()));
        assert_eq!(pem_decode(&pem(&["", "aGk="]), "X"), Some(b"hi".to_vec()));
        assert_eq!(
            pem_decode("-----BEGIN X-----\n-----END X-----", "X"),
            Some(Vec::new())
        );
        assert_eq!(pem_decode(&pem(&["aGk*"]), "X"), None);
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
