//! Just enough DER and time formatting to build certificates, SCTs and RFC 3161 tokens.

/// SEQUENCE.
pub const SEQUENCE: u8 = 0x30;
/// SET.
pub const SET: u8 = 0x31;
/// INTEGER.
pub const INTEGER: u8 = 0x02;
/// BIT STRING.
pub const BIT_STRING: u8 = 0x03;
/// OCTET STRING.
pub const OCTET_STRING: u8 = 0x04;
/// OBJECT IDENTIFIER.
pub const OID: u8 = 0x06;
/// UTF8String.
pub const UTF8_STRING: u8 = 0x0c;
/// BOOLEAN.
pub const BOOLEAN: u8 = 0x01;
/// UTCTime.
pub const UTC_TIME: u8 = 0x17;
/// GeneralizedTime.
pub const GENERALIZED_TIME: u8 = 0x18;

/// One TLV with a definite DER length.
pub fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = value.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        let significant = bytes.get(skip..).unwrap_or_default();
        out.push(0x80 | significant.len() as u8);
        out.extend_from_slice(significant);
    }
    out.extend_from_slice(value);
    out
}

/// A SEQUENCE of the concatenated parts.
pub fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(SEQUENCE, &parts.concat())
}

/// A non-negative INTEGER from big-endian magnitude bytes (a leading zero is added when needed).
pub fn uint(magnitude: &[u8]) -> Vec<u8> {
    let trimmed: Vec<u8> = magnitude.iter().copied().skip_while(|b| *b == 0).collect();
    let mut value = Vec::with_capacity(trimmed.len() + 1);
    if trimmed.first().is_none_or(|b| *b & 0x80 != 0) {
        value.push(0);
    }
    value.extend_from_slice(&trimmed);
    tlv(INTEGER, &value)
}

/// An OBJECT IDENTIFIER from dotted text.
pub fn oid(dotted: &str) -> Vec<u8> {
    tlv(OID, &oid_content(dotted))
}

/// The content octets of a dotted OID (arcs that do not parse count as 0).
pub fn oid_content(dotted: &str) -> Vec<u8> {
    let arcs: Vec<u64> = dotted.split('.').map(|a| a.parse().unwrap_or(0)).collect();
    let mut out = Vec::new();
    let (first, second) = (
        arcs.first().copied().unwrap_or(0),
        arcs.get(1).copied().unwrap_or(0),
    );
    base128(&mut out, first * 40 + second);
    for arc in arcs.iter().skip(2) {
        base128(&mut out, *arc);
    }
    out
}

fn base128(out: &mut Vec<u8>, mut v: u64) {
    let mut groups = vec![(v & 0x7f) as u8];
    v >>= 7;
    while v > 0 {
        groups.push((v & 0x7f) as u8 | 0x80);
        v >>= 7;
    }
    groups.reverse();
    out.extend_from_slice(&groups);
}

/// Civil date and time of a Unix time: (year, month, day, hour, minute, second).
pub fn civil(t: u64) -> (u64, u64, u64, u64, u64, u64) {
    sigverify::UnixTime(t).to_civil()
}

/// UTCTime `YYMMDDHHMMSSZ` (years 1950-2049).
pub fn utc_time(t: u64) -> Vec<u8> {
    let (y, mo, d, h, mi, s) = civil(t);
    let text = format!("{:02}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z", y % 100);
    tlv(UTC_TIME, text.as_bytes())
}

/// GeneralizedTime `YYYYMMDDHHMMSSZ`.
pub fn generalized_time(t: u64) -> Vec<u8> {
    tlv(GENERALIZED_TIME, generalized_text(t).as_bytes())
}

/// The text of a GeneralizedTime.
pub fn generalized_text(t: u64) -> String {
    let (y, mo, d, h, mi, s) = civil(t);
    format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z")
}

/// RFC 3339 `YYYY-MM-DDTHH:MM:SSZ`, as protobuf-JSON timestamps are written.
pub fn rfc3339(t: u64) -> String {
    sigverify::UnixTime(t).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_lengths_oids_and_times() {
        assert_eq!(tlv(OCTET_STRING, &[1, 2]), [4, 2, 1, 2]);
        assert_eq!(tlv(OCTET_STRING, &[0; 200])[..3], [4, 0x81, 200]);
        assert_eq!(tlv(OCTET_STRING, &[0; 300])[..4], [4, 0x82, 1, 44]);
        assert_eq!(
            oid("1.2.840.10045.4.3.2"),
            [6, 8, 0x2a, 0x86, 0x48, 0xce, 0x3d, 4, 3, 2]
        );
        assert_eq!(uint(&[0x80]), [2, 2, 0, 0x80]);
        assert_eq!(uint(&[0, 0, 5]), [2, 1, 5]);
        assert_eq!(rfc3339(1_748_779_200), "2025-06-01T12:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_time(1_748_779_200), tlv(UTC_TIME, b"250601120000Z"));
    }
}
