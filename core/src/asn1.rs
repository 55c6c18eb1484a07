//! A minimal DER reader (X.690): elements as tag, content and whole encoding, the primitive
//! types X.509, CMS and SCTs use, and the in-place encoding of the precertificate TBS.

pub(crate) mod oid;

use alloc::vec::Vec;

use crate::time::UnixTime;

/// One DER element: tag byte, content, and the whole encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tlv<'a> {
    pub(crate) tag: u8,
    pub(crate) value: &'a [u8],
    pub(crate) raw: &'a [u8],
}

pub(crate) const BOOLEAN: u8 = 0x01;
pub(crate) const BIT_STRING: u8 = 0x03;
pub(crate) const UTF8_STRING: u8 = 0x0c;
pub(crate) const UTC_TIME: u8 = 0x17;
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
    if tag & 0x1f == 0x1f || !der_universal_form(tag) {
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

/// Whether a tag's form is one DER allows for its universal type (X.690 §8 and §10.2): SEQUENCE
/// and SET constructed, every other universal type primitive (strings included: DER has no
/// constructed strings), and no end-of-contents tag. Tags of the other classes are the
/// schema's to judge.
fn der_universal_form(tag: u8) -> bool {
    if tag & 0xc0 != 0 {
        return true;
    }
    let constructed = tag & 0x20 != 0;
    match tag & 0x1f {
        0 => false,
        0x10 | 0x11 => constructed,
        _ => !constructed,
    }
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

/// A DER BOOLEAN: one octet, `0x00` or `0xff`.
pub(crate) fn boolean(tlv: Tlv<'_>) -> Option<bool> {
    match (tlv.tag, tlv.value) {
        (BOOLEAN, [0x00]) => Some(false),
        (BOOLEAN, [0xff]) => Some(true),
        _ => None,
    }
}

/// A BIT STRING's octets and its count of unused bits (0 to 7, and 0 when empty).
pub(crate) fn bit_string(tlv: Tlv<'_>) -> Option<(&[u8], u8)> {
    let (&unused, bits) = tlv.value.split_first()?;
    // DER (X.690 §11.2.1): the unused bits of the last octet are zero.
    let padding_zero = bits
        .last()
        .is_none_or(|last| unused > 7 || last & ((1u8 << unused) - 1) == 0);
    (tlv.tag == BIT_STRING && unused <= 7 && (unused == 0 || !bits.is_empty()) && padding_zero)
        .then_some((bits, unused))
}

/// A BIT STRING of whole octets, as keys and signatures are encoded.
pub(crate) fn octet_aligned_bits(tlv: Tlv<'_>) -> Option<&[u8]> {
    match bit_string(tlv)? {
        (bits, 0) => Some(bits),
        _ => None,
    }
}

/// An INTEGER's content in its shortest two's-complement form (X.690 §8.3.2).
pub(crate) fn integer(tlv: Tlv<'_>) -> Option<&[u8]> {
    let minimal = match tlv.value {
        [] => false,
        [0x00, next, ..] => next & 0x80 != 0,
        [0xff, next, ..] => next & 0x80 == 0,
        _ => true,
    };
    (tlv.tag == INTEGER && minimal).then_some(tlv.value)
}

/// An OBJECT IDENTIFIER's content octets, when well formed.
pub(crate) fn object_id(tlv: Tlv<'_>) -> Option<&[u8]> {
    (tlv.tag == OID && oid::is_valid(tlv.value)).then_some(tlv.value)
}

/// An AlgorithmIdentifier (RFC 5280 §4.1.1.2): its OID's content octets and the whole DER
/// element of its parameters, if any.
pub(crate) fn algorithm_identifier(tlv: Tlv<'_>) -> Option<(&[u8], Option<&[u8]>)> {
    if tlv.tag != SEQUENCE {
        return None;
    }
    let (id, params) = read(tlv.value)?;
    let params = match params {
        [] => None,
        params => Some(read_all(params)?.raw),
    };
    Some((object_id(id)?, params))
}

/// A UTF8String filling all of `input`.
pub(crate) fn utf8_string(input: &[u8]) -> Option<&str> {
    let tlv = read_all(input)?;
    if tlv.tag != UTF8_STRING {
        return None;
    }
    core::str::from_utf8(tlv.value).ok()
}

/// An X.509 Time (RFC 5280 §4.1.2.5): UTCTime `YYMMDDHHMMSSZ` (years 1950 to 2049) or
/// GeneralizedTime `YYYYMMDDHHMMSSZ`, in UTC, without fractions, not before 1970.
pub(crate) fn x509_time(tlv: Tlv<'_>) -> Option<UnixTime> {
    let v = tlv.value;
    let (year, rest) = match (tlv.tag, v.len()) {
        (UTC_TIME, 13) => {
            let yy = crate::time::digits(v, 0, 2)?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, v.get(2..)?)
        }
        (GENERALIZED_TIME, 15) => (crate::time::digits(v, 0, 4)?, v.get(4..)?),
        _ => return None,
    };
    if rest.last() != Some(&b'Z') {
        return None;
    }
    let field = |at| crate::time::digits(rest, at, 2);
    crate::time::from_civil(year, field(0)?, field(2)?, field(4)?, field(6)?, field(8)?)
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

    fn tlv(bytes: &[u8]) -> Tlv<'_> {
        read_all(bytes).unwrap()
    }

    #[test]
    fn primitives_hold_to_der() {
        assert_eq!(boolean(tlv(&[0x01, 0x01, 0xff])), Some(true));
        assert_eq!(boolean(tlv(&[0x01, 0x01, 0x00])), Some(false));
        assert_eq!(boolean(tlv(&[0x01, 0x01, 0x01])), None, "BER true");
        assert_eq!(boolean(tlv(&[0x01, 0x02, 0xff, 0xff])), None);
        assert_eq!(boolean(tlv(&[0x02, 0x01, 0xff])), None, "wrong tag");

        assert_eq!(
            bit_string(tlv(&[0x03, 0x02, 0x07, 0x80])),
            Some((&[0x80][..], 7))
        );
        assert_eq!(bit_string(tlv(&[0x03, 0x01, 0x00])), Some((&[][..], 0)));
        assert_eq!(
            bit_string(tlv(&[0x03, 0x01, 0x01])),
            None,
            "unused bits, no octets"
        );
        assert_eq!(
            bit_string(tlv(&[0x03, 0x02, 0x08, 0x00])),
            None,
            "8 unused bits"
        );
        assert_eq!(bit_string(tlv(&[0x03, 0x00])), None);
        // DER has no constructed strings, no primitive SEQUENCE or SET, no end-of-contents.
        for not_der in [
            &[0x23, 0x03, 0x03, 0x01, 0x00][..],
            &[0x24, 0x00],
            &[0x2c, 0x00],
            &[0x10, 0x00],
            &[0x11, 0x00],
            &[0x00, 0x00],
            &[0x22, 0x01, 0x00],
        ] {
            assert_eq!(read(not_der), None, "{not_der:x?}");
        }
        for context in [
            &[0xa0, 0x00][..],
            &[0x80, 0x00],
            &[0x30, 0x00],
            &[0x31, 0x00],
        ] {
            assert!(read(context).is_some(), "{context:x?}");
        }
        assert_eq!(
            bit_string(tlv(&[0x03, 0x02, 0x07, 0x81])),
            None,
            "a padding bit set (DER: zero)"
        );
        assert_eq!(
            bit_string(tlv(&[0x03, 0x02, 0x01, 0xfe])),
            Some((&[0xfe][..], 1))
        );
        assert_eq!(
            octet_aligned_bits(tlv(&[0x03, 0x02, 0x00, 0xaa])),
            Some(&[0xaa][..])
        );
        assert_eq!(octet_aligned_bits(tlv(&[0x03, 0x02, 0x01, 0xaa])), None);

        assert_eq!(integer(tlv(&[0x02, 0x01, 0x00])), Some(&[0x00][..]));
        assert_eq!(
            integer(tlv(&[0x02, 0x02, 0x00, 0x80])),
            Some(&[0x00, 0x80][..])
        );
        assert_eq!(
            integer(tlv(&[0x02, 0x02, 0x00, 0x7f])),
            None,
            "needless 0x00"
        );
        assert_eq!(
            integer(tlv(&[0x02, 0x02, 0xff, 0x80])),
            None,
            "needless 0xff"
        );
        assert_eq!(integer(tlv(&[0x02, 0x00])), None, "empty");

        assert_eq!(
            object_id(tlv(&[0x06, 0x03, 0x55, 0x1d, 0x13])),
            Some(&[0x55, 0x1d, 0x13][..])
        );
        assert_eq!(object_id(tlv(&[0x06, 0x02, 0x55, 0x9d])), None);

        assert_eq!(utf8_string(&[0x0c, 0x02, b'h', b'i']), Some("hi"));
        assert_eq!(utf8_string(&[0x0c, 0x01, 0xff]), None);
        assert_eq!(utf8_string(&[0x16, 0x02, b'h', b'i']), None, "IA5String");
        assert_eq!(
            utf8_string(&[0x0c, 0x01, b'h', 0x00]),
            None,
            "trailing data"
        );
    }

    #[test]
    fn x509_times_are_utc_and_strict() {
        let time = |tag: u8, text: &str| {
            let mut der = alloc::vec![tag, u8::try_from(text.len()).unwrap()];
            der.extend_from_slice(text.as_bytes());
            x509_time(read_all(&der).unwrap())
        };
        assert_eq!(
            time(UTC_TIME, "240101000000Z"),
            Some(UnixTime(1_704_067_200))
        );
        assert_eq!(time(UTC_TIME, "700101000000Z"), Some(UnixTime(0)));
        assert_eq!(
            time(UTC_TIME, "491231235959Z"),
            Some(UnixTime(2_524_607_999))
        );
        assert_eq!(
            time(UTC_TIME, "500101000000Z"),
            None,
            "1950: before the epoch"
        );
        assert_eq!(
            time(GENERALIZED_TIME, "20240101000000Z"),
            Some(UnixTime(1_704_067_200))
        );
        assert_eq!(
            time(GENERALIZED_TIME, "99991231235959Z"),
            Some(UnixTime(253_402_300_799))
        );
        for bad in [
            "240101000000",
            "2401010000Z",
            "240101000000+0000",
            "241301000000Z",
            "240230000000Z",
            "240101240000Z",
            "240101006000Z",
            "240101000060Z",
            "2401010000a0Z",
        ] {
            assert_eq!(time(UTC_TIME, bad), None, "{bad}");
        }
        assert_eq!(
            time(GENERALIZED_TIME, "20240101000000.5Z"),
            None,
            "fraction"
        );
        assert_eq!(
            time(GENERALIZED_TIME, "240101000000Z"),
            None,
            "UTCTime length"
        );
        assert_eq!(time(OCTET_STRING, "240101000000Z"), None);
    }
}
