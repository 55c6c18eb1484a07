//! Object identifiers as their DER content octets (X.690 §8.19), and their dotted text.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Whether `content` is a well-formed OID encoding: at least one arc, every arc in its
/// shortest base-128 form (no leading 0x80 octet) and below 2^64, the last octet ending an
/// arc. Everything that reads an OID can then name it ([`to_text`]).
pub(crate) fn is_valid(content: &[u8]) -> bool {
    let mut arc: Option<u64> = Some(0);
    let mut arc_start = true;
    for &b in content {
        if arc_start && b == 0x80 {
            return false;
        }
        arc = arc
            .and_then(|a| a.checked_mul(128))
            .map(|a| a | u64::from(b & 0x7f));
        arc_start = b & 0x80 == 0;
        if arc_start {
            if arc.is_none() {
                return false;
            }
            arc = Some(0);
        }
    }
    !content.is_empty() && arc_start
}

/// The arcs of a valid encoding; `None` when one does not fit a `u64`.
fn arcs(content: &[u8]) -> Option<Vec<u64>> {
    let mut out = Vec::new();
    let mut arc = 0u64;
    for &b in content {
        arc = arc.checked_mul(128)? | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if out.is_empty() {
                // The first subidentifier holds two arcs: 40 * first + second.
                let first = (arc / 40).min(2);
                out.push(first);
                arc -= first * 40;
            }
            out.push(arc);
            arc = 0;
        }
    }
    Some(out)
}

/// The dotted text of an encoding (`2.5.29.19`); `None` when it is not a valid OID.
pub(crate) fn to_text(content: &[u8]) -> Option<String> {
    if !is_valid(content) {
        return None;
    }
    let mut out = String::new();
    for (i, arc) in arcs(content)?.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        write!(out, "{arc}").ok()?;
    }
    Some(out)
}

/// The encoding of dotted text: at least two arcs, the first 0 to 2, the second below 40
/// unless the first is 2, decimal without leading zeros; `None` otherwise.
pub(crate) fn from_text(text: &str) -> Option<Vec<u8>> {
    let mut arcs = Vec::new();
    for part in text.split('.') {
        if part.is_empty() || (part.len() > 1 && part.starts_with('0')) {
            return None;
        }
        if !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        arcs.push(part.parse::<u64>().ok()?);
    }
    let (first, second, rest) = match arcs.as_slice() {
        [first @ 0..=1, second @ 0..=39, rest @ ..] | [first @ 2, second, rest @ ..] => {
            (*first, *second, rest)
        }
        _ => return None,
    };
    let mut out = Vec::new();
    push_arc(&mut out, first.checked_mul(40)?.checked_add(second)?);
    for arc in rest {
        push_arc(&mut out, *arc);
    }
    Some(out)
}

fn push_arc(out: &mut Vec<u8>, arc: u64) {
    let groups = (64 - arc.leading_zeros()).div_ceil(7).max(1);
    for g in (0..groups).rev() {
        let bits = (arc >> (7 * g)) & 0x7f;
        let more = if g > 0 { 0x80 } else { 0 };
        out.push(u8::try_from(bits).unwrap_or(0) | more);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_encoding_round_trip() {
        for (text, der) in [
            ("2.5.29.19", &b"\x55\x1d\x13"[..]),
            ("1.2.840.10045.3.1.7", b"\x2a\x86\x48\xce\x3d\x03\x01\x07"),
            (
                "1.3.6.1.4.1.57264.1.8",
                b"\x2b\x06\x01\x04\x01\x83\xbf\x30\x01\x08",
            ),
            ("0.0", b"\x00"),
            ("2.999.3", b"\x88\x37\x03"),
            (
                "1.2.18446744073709551615",
                b"\x2a\x81\xff\xff\xff\xff\xff\xff\xff\xff\x7f",
            ),
        ] {
            assert_eq!(from_text(text).as_deref(), Some(der), "{text}");
            assert_eq!(to_text(der).as_deref(), Some(text), "{text}");
        }
    }

    #[test]
    fn malformed_text_and_encodings_are_refused() {
        for text in [
            "",
            "1",
            "3.1",
            "1.40",
            "1..2",
            "1.02",
            "1.2.",
            "1.a",
            "-1.2",
            "1.2.18446744073709551616",
        ] {
            assert_eq!(from_text(text), None, "{text}");
        }
        for der in [&b""[..], b"\x80\x01", b"\x2a\x86", b"\x2a\x80\x01"] {
            assert!(!is_valid(der), "{der:02x?}");
            assert_eq!(to_text(der), None);
        }
        let past_u64 = b"\x2a\x82\x80\x80\x80\x80\x80\x80\x80\x80\x00";
        assert!(!is_valid(past_u64), "arc 2^64");
        assert_eq!(to_text(past_u64), None);
        let max = b"\x2a\x81\xff\xff\xff\xff\xff\xff\xff\xff\x7f";
        assert!(is_valid(max), "arc 2^64 - 1");
    }
}
