//! A minimal DER reader for the raw slices the typed parsers do not expose: the exact bytes
//! of a TBSCertificate, the precertificate TBS an SCT signs, and CMS signed attributes.

use alloc::vec::Vec;

/// One DER element: tag byte, content, and the whole encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    pub(crate) tag: u8,
    pub(crate) value: &'a [u8],
    pub(crate) raw: &'a [u8],
}

pub(crate) const SEQUENCE: u8 = 0x30;
pub(crate) const SET: u8 = 0x31;
pub(crate) const OID: u8 = 0x06;
pub(crate) const OCTET_STRING: u8 = 0x04;
pub(crate) const INTEGER: u8 = 0x02;
pub(crate) const GENERALIZED_TIME: u8 = 0x18;

/// Reads one element from the front of `input`; returns it and the rest. Low tag numbers only
/// (every structure read here uses them); lengths must be minimal (DER), at most 4 bytes.
pub(crate) fn read(input: &[u8]) -> Option<(Tlv<'_>, &[u8])> {
    let (&tag, rest) = input.split_first()?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let bytes = rest.get(..n)?;
        if bytes.first() == Some(&0) {
            return None;
        }
        let len = bytes
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        if len < 0x80 {
            return None;
        }
        (len, rest.get(n..)?)
    };
    let value = rest.get(..len)?;
    let header = input.len().checked_sub(rest.len())?;
    let raw = input.get(..header.checked_add(len)?)?;
    Some((Tlv { tag, value, raw }, rest.get(len..)?))
}

/// Reads exactly one element filling all of `input`.
pub(crate) fn read_all(input: &[u8]) -> Option<Tlv<'_>> {
    let (tlv, rest) = read(input)?;
    rest.is_empty().then_some(tlv)
}

/// Reads one element with the expected tag from the front of `input`.
pub(crate) fn expect(input: &[u8], tag: u8) -> Option<(Tlv<'_>, &[u8])> {
    let (tlv, rest) = read(input)?;
    (tlv.tag == tag).then_some((tlv, rest))
}

/// Splits the content of a constructed element into its children.
pub(crate) fn children(mut content: &[u8]) -> Option<Vec<Tlv<'_>>> {
    let mut out = Vec::new();
    while !content.is_empty() {
        let (tlv, rest) = read(content)?;
        out.push(tlv);
        content = rest;
    }
    Some(out)
}

/// Encodes one element with a minimal DER length.
pub(crate) fn encode(tag: u8, value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len().saturating_add(6));
    push_header(&mut out, tag, value.len());
    out.extend_from_slice(value);
    out
}

/// Wraps the content already in `content` into one element, in place: the header goes in
/// front, with no second buffer.
pub(crate) fn wrap(tag: u8, mut content: Vec<u8>) -> Vec<u8> {
    let mut header = Vec::with_capacity(6);
    push_header(&mut header, tag, content.len());
    content.splice(0..0, header);
    content
}

/// Appends a tag and a minimal DER length.
fn push_header(out: &mut Vec<u8>, tag: u8, len: usize) {
    out.push(tag);
    if len < 0x80 {
        out.extend_from_slice(&[low_byte(len)]);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        let significant = bytes.get(skip..).unwrap_or_default();
        out.push(0x80 | low_byte(significant.len()));
        out.extend_from_slice(significant);
    }
}

fn low_byte(n: usize) -> u8 {
    n.to_le_bytes().first().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_puts_the_header_in_front_as_encode_does() {
        for len in [0usize, 5, 127, 128, 255, 256, 70000] {
            let content = alloc::vec![7u8; len];
            assert_eq!(wrap(SEQUENCE, content.clone()), encode(SEQUENCE, &content));
        }
    }

    #[test]
    fn reads_short_and_long_lengths() {
        let (t, rest) = read(&[0x04, 0x02, 0xaa, 0xbb, 0xff]).unwrap();
        assert_eq!(
            (t.tag, t.value, rest),
            (0x04, &[0xaa, 0xbb][..], &[0xff][..])
        );
        let mut long = alloc::vec![0x04, 0x81, 0x80];
        long.extend_from_slice(&[7u8; 0x80]);
        let t = read_all(&long).unwrap();
        assert_eq!(t.value.len(), 0x80);
        assert_eq!(encode(0x04, t.value), long);
        assert_eq!(encode(0x04, &[1]), alloc::vec![0x04, 0x01, 0x01]);
    }

    #[test]
    fn rejects_non_der_and_truncated_input() {
        assert_eq!(read(&[]), None);
        assert_eq!(read(&[0x04]), None);
        assert_eq!(read(&[0x04, 0x03, 0x00]), None, "truncated content");
        assert_eq!(
            read(&[0x04, 0x81, 0x05, 0, 0, 0, 0, 0]),
            None,
            "non-minimal length"
        );
        assert_eq!(read(&[0x04, 0x80]), None, "indefinite length");
        assert_eq!(read(&[0x1f, 0x01, 0x00]), None, "high tag number");
        assert_eq!(read_all(&[0x04, 0x00, 0x00]), None, "trailing data");
        assert_eq!(expect(&[0x04, 0x00], SEQUENCE), None);
    }
}
