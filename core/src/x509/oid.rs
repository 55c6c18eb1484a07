//! Object identifiers as DER content octets, each with the document that assigns it (the
//! test below checks every one against its dotted form).

/// RFC 5280 §4.2.1.9 basicConstraints. `2.5.29.19`
pub(crate) const BASIC_CONSTRAINTS: &[u8] = b"\x55\x1d\x13";
/// RFC 5280 §4.2.1.3 keyUsage. `2.5.29.15`
pub(crate) const KEY_USAGE: &[u8] = b"\x55\x1d\x0f";
/// RFC 5280 §4.2.1.12 extKeyUsage. `2.5.29.37`
pub(crate) const EXTENDED_KEY_USAGE: &[u8] = b"\x55\x1d\x25";
/// RFC 5280 §4.2.1.6 subjectAltName. `2.5.29.17`
pub(crate) const SUBJECT_ALT_NAME: &[u8] = b"\x55\x1d\x11";
/// RFC 5280 §4.2.1.12 id-kp-codeSigning. `1.3.6.1.5.5.7.3.3`
pub(crate) const CODE_SIGNING: &[u8] = b"\x2b\x06\x01\x05\x05\x07\x03\x03";
/// RFC 6962 §3.3 embedded SCT list. `1.3.6.1.4.1.11129.2.4.2`
pub(crate) const SCT_LIST: &[u8] = b"\x2b\x06\x01\x04\x01\xd6\x79\x02\x04\x02";
/// Fulcio OID registry: OIDC issuer (v1, raw string; deprecated). `1.3.6.1.4.1.57264.1.1`
pub(crate) const FULCIO_ISSUER_V1: &[u8] = b"\x2b\x06\x01\x04\x01\x83\xbf\x30\x01\x01";
/// Fulcio OID registry: OIDC issuer (v2, DER UTF8String). `1.3.6.1.4.1.57264.1.8`
pub(crate) const FULCIO_ISSUER_V2: &[u8] = b"\x2b\x06\x01\x04\x01\x83\xbf\x30\x01\x08";
/// RFC 5280 §4.2.1.12 id-kp-timeStamping. `1.3.6.1.5.5.7.3.8`
pub(crate) const TIME_STAMPING: &[u8] = b"\x2b\x06\x01\x05\x05\x07\x03\x08";
/// RFC 5280 §4.2.1.2 subjectKeyIdentifier. `2.5.29.14`
pub(crate) const SUBJECT_KEY_ID: &[u8] = b"\x55\x1d\x0e";
/// RFC 6962 §3.1 precertificate poison. `1.3.6.1.4.1.11129.2.4.3`
pub(crate) const CT_POISON: &[u8] = b"\x2b\x06\x01\x04\x01\xd6\x79\x02\x04\x03";
/// Fulcio OID registry: username identity, an otherName SAN holding a UTF8String. `1.3.6.1.4.1.57264.1.7`
pub(crate) const FULCIO_USERNAME: &[u8] = b"\x2b\x06\x01\x04\x01\x83\xbf\x30\x01\x07";
/// RFC 5280 §4.2.1.1 authorityKeyIdentifier. `2.5.29.35`
pub(crate) const AUTHORITY_KEY_ID: &[u8] = b"\x55\x1d\x23";

/// The extensions whose meaning this verifier processes, so they may be critical in a signing
/// certificate (RFC 5280 §4.2: a critical extension it cannot process must be rejected).
pub(crate) const PROCESSED: [&[u8]; 6] = [
    BASIC_CONSTRAINTS,
    KEY_USAGE,
    EXTENDED_KEY_USAGE,
    SUBJECT_ALT_NAME,
    SUBJECT_KEY_ID,
    AUTHORITY_KEY_ID,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asn1::oid::to_text;

    #[test]
    fn each_constant_encodes_its_documented_oid() {
        for (der, text) in [
            (BASIC_CONSTRAINTS, "2.5.29.19"),
            (KEY_USAGE, "2.5.29.15"),
            (EXTENDED_KEY_USAGE, "2.5.29.37"),
            (SUBJECT_ALT_NAME, "2.5.29.17"),
            (CODE_SIGNING, "1.3.6.1.5.5.7.3.3"),
            (SCT_LIST, "1.3.6.1.4.1.11129.2.4.2"),
            (FULCIO_ISSUER_V1, "1.3.6.1.4.1.57264.1.1"),
            (FULCIO_ISSUER_V2, "1.3.6.1.4.1.57264.1.8"),
            (TIME_STAMPING, "1.3.6.1.5.5.7.3.8"),
            (SUBJECT_KEY_ID, "2.5.29.14"),
            (CT_POISON, "1.3.6.1.4.1.11129.2.4.3"),
            (FULCIO_USERNAME, "1.3.6.1.4.1.57264.1.7"),
            (AUTHORITY_KEY_ID, "2.5.29.35"),
        ] {
            assert_eq!(to_text(der).as_deref(), Some(text));
        }
    }
}
