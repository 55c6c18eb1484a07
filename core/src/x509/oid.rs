//! Object identifiers, each with the document that assigns it.

use der::asn1::ObjectIdentifier;

/// RFC 5280 §4.2.1.9 basicConstraints.
pub(crate) const BASIC_CONSTRAINTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.19");
/// RFC 5280 §4.2.1.3 keyUsage.
pub(crate) const KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.15");
/// RFC 5280 §4.2.1.12 extKeyUsage.
pub(crate) const EXTENDED_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37");
/// RFC 5280 §4.2.1.6 subjectAltName.
pub(crate) const SUBJECT_ALT_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.17");
/// RFC 5280 §4.2.1.12 id-kp-codeSigning.
pub(crate) const CODE_SIGNING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.3");
/// RFC 6962 §3.3 embedded SCT list.
pub(crate) const SCT_LIST: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.2");
/// Fulcio OID registry: OIDC issuer (v1, raw string; deprecated).
pub(crate) const FULCIO_ISSUER_V1: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.57264.1.1");
/// Fulcio OID registry: OIDC issuer (v2, DER UTF8String).
pub(crate) const FULCIO_ISSUER_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.57264.1.8");
/// RFC 5280 §4.2.1.12 id-kp-timeStamping.
pub(crate) const TIME_STAMPING: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");
/// RFC 5280 §4.2.1.2 subjectKeyIdentifier.
pub(crate) const SUBJECT_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");
/// RFC 6962 §3.1 precertificate poison.
pub(crate) const CT_POISON: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.3");
/// Fulcio OID registry: username identity, an otherName SAN holding a UTF8String.
pub(crate) const FULCIO_USERNAME: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.57264.1.7");
/// RFC 5280 §4.2.1.1 authorityKeyIdentifier.
pub(crate) const AUTHORITY_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.35");

/// The extensions whose meaning this verifier processes, so they may be critical in a signing
/// certificate (RFC 5280 §4.2: a critical extension it cannot process must be rejected).
pub(crate) const PROCESSED: [ObjectIdentifier; 6] = [
    BASIC_CONSTRAINTS,
    KEY_USAGE,
    EXTENDED_KEY_USAGE,
    SUBJECT_ALT_NAME,
    SUBJECT_KEY_ID,
    AUTHORITY_KEY_ID,
];
