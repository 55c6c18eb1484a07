//! Test-only builders: certificates and RFC 3161 tokens signed with fixed P-256 keys, so unit
//! tests can tamper one field at a time. Compiled only under `cfg(test)`; the library itself
//! never signs.

use alloc::vec::Vec;

use p256::ecdsa::DerSignature;
use p256::ecdsa::SigningKey;
use p256::ecdsa::signature::Signer;
use p256::pkcs8::EncodePublicKey;

use crate::asn1::INTEGER;
use crate::asn1::OCTET_STRING;
use crate::asn1::OID;
use crate::asn1::SEQUENCE;
use crate::asn1::SET;
use crate::asn1::encode;
use crate::digest::sha256;

/// ecdsa-with-SHA256 (1.2.840.10045.4.3.2).
const ECDSA_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
/// sha256 (2.16.840.1.101.3.4.2.1).
pub(crate) const SHA256: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];

pub(crate) fn key(seed: u8) -> SigningKey {
    SigningKey::from_slice(&[seed; 32]).unwrap()
}

pub(crate) fn spki(key: &SigningKey) -> Vec<u8> {
    key.verifying_key()
        .to_public_key_der()
        .unwrap()
        .as_bytes()
        .to_vec()
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

pub(crate) fn name(cn: &str) -> Vec<u8> {
    // Name ::= SEQUENCE OF SET OF AttributeTypeAndValue { commonName UTF8String }
    let atv = encode(
        SEQUENCE,
        &cat(&[
            &encode(OID, &[0x55, 0x04, 0x03]),
            &encode(0x0c, cn.as_bytes()),
        ]),
    );
    encode(SEQUENCE, &encode(SET, &atv))
}

/// Seconds since the epoch as UTCTime `YYMMDDHHMMSSZ` (years 2000-2049 only).
fn utc_time(t: u64) -> Vec<u8> {
    let days = t / 86_400;
    let rem = t % 86_400;
    let (mut y, mut d) = (1970u64, days);
    loop {
        let len = if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
            366
        } else {
            365
        };
        if d < len {
            break;
        }
        d -= len;
        y += 1;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let months = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut m = 0;
    while d >= months[m] {
        d -= months[m];
        m += 1;
    }
    let s = alloc::format!(
        "{:02}{:02}{:02}{:02}{:02}{:02}Z",
        y % 100,
        m + 1,
        d + 1,
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    );
    encode(0x17, s.as_bytes())
}

pub(crate) fn extension(oid: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
    let crit = if critical {
        encode(0x01, &[0xff])
    } else {
        Vec::new()
    };
    encode(
        SEQUENCE,
        &cat(&[&encode(OID, oid), &crit, &encode(OCTET_STRING, value)]),
    )
}

/// What a test certificate is for.
#[derive(Clone, Copy)]
pub(crate) enum Role {
    Ca,
    TimeStamping,
    CodeSigning,
}

/// A certificate for `subject_key`, signed by `issuer_key`.
// One argument per TBS field a test varies; a spec struct would only rename them.
#[allow(clippy::too_many_arguments)]
pub(crate) fn cert(
    subject: &str,
    subject_key: &SigningKey,
    issuer: &str,
    issuer_key: &SigningKey,
    serial: u8,
    validity: (u64, u64),
    role: Role,
    extra: &[Vec<u8>],
) -> Vec<u8> {
    let alg = encode(SEQUENCE, &encode(OID, ECDSA_SHA256));
    let mut exts = Vec::new();
    match role {
        Role::Ca => {
            exts.extend(extension(
                &[0x55, 0x1d, 0x13],
                true,
                &encode(SEQUENCE, &encode(0x01, &[0xff])),
            ));
            exts.extend(extension(
                &[0x55, 0x1d, 0x0f],
                true,
                &[0x03, 0x02, 0x01, 0x06],
            ));
        }
        Role::TimeStamping | Role::CodeSigning => {
            let kp = if matches!(role, Role::TimeStamping) {
                8
            } else {
                3
            };
            let eku = encode(
                SEQUENCE,
                &encode(OID, &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, kp]),
            );
            exts.extend(extension(&[0x55, 0x1d, 0x25], true, &eku));
            exts.extend(extension(
                &[0x55, 0x1d, 0x0f],
                true,
                &[0x03, 0x02, 0x07, 0x80],
            ));
        }
    }
    for e in extra {
        exts.extend_from_slice(e);
    }
    let tbs = encode(
        SEQUENCE,
        &cat(&[
            &encode(0xa0, &encode(INTEGER, &[2])),
            &encode(INTEGER, &[serial]),
            &alg,
            &name(issuer),
            &encode(
                SEQUENCE,
                &cat(&[&utc_time(validity.0), &utc_time(validity.1)]),
            ),
            &name(subject),
            &spki(subject_key),
            &encode(0xa3, &encode(SEQUENCE, &exts)),
        ]),
    );
    let sig: DerSignature = issuer_key.sign(&tbs);
    let mut bits = alloc::vec![0u8];
    bits.extend_from_slice(sig.as_bytes());
    encode(SEQUENCE, &cat(&[&tbs, &alg, &encode(0x03, &bits)]))
}

/// The parts of an RFC 3161 token a test may tamper with.
pub(crate) struct TokenSpec<'a> {
    pub(crate) signed_over: &'a [u8],
    pub(crate) gen_time: &'a str,
    pub(crate) tsa_key: &'a SigningKey,
    pub(crate) tsa_issuer: &'a str,
    pub(crate) tsa_serial: u8,
    pub(crate) embedded: &'a [Vec<u8>],
    pub(crate) content_type: &'a [u8],
    pub(crate) tamper_digest_attr: bool,
    pub(crate) status: u8,
}

/// id-ct-TSTInfo (1.2.840.113549.1.9.16.1.4).
pub(crate) const TST_INFO: &[u8] = b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x01\x04";

/// A TimeStampResp carrying a TimeStampToken as the spec describes.
pub(crate) fn token(spec: &TokenSpec<'_>) -> Vec<u8> {
    let sha256_alg = encode(SEQUENCE, &encode(OID, SHA256));
    let imprint = encode(
        SEQUENCE,
        &cat(&[
            &sha256_alg,
            &encode(OCTET_STRING, &sha256(&[spec.signed_over])),
        ]),
    );
    let tst_info = encode(
        SEQUENCE,
        &cat(&[
            &encode(INTEGER, &[1]),
            &encode(OID, &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x02]),
            &imprint,
            &encode(INTEGER, &[0x42]),
            &encode(0x18, spec.gen_time.as_bytes()),
        ]),
    );
    let mut digest = sha256(&[&tst_info]).to_vec();
    if spec.tamper_digest_attr {
        digest[0] ^= 1;
    }
    let attr = |oid: &[u8], value: Vec<u8>| {
        encode(SEQUENCE, &cat(&[&encode(OID, oid), &encode(SET, &value)]))
    };
    let attrs = cat(&[
        &attr(
            b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x03",
            encode(OID, spec.content_type),
        ),
        &attr(
            b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x04",
            encode(OCTET_STRING, &digest),
        ),
    ]);
    let sig: DerSignature = spec.tsa_key.sign(&encode(SET, &attrs));
    let sid = encode(
        SEQUENCE,
        &cat(&[&name(spec.tsa_issuer), &encode(INTEGER, &[spec.tsa_serial])]),
    );
    let signer_info = encode(
        SEQUENCE,
        &cat(&[
            &encode(INTEGER, &[1]),
            &sid,
            &sha256_alg,
            &encode(0xa0, &attrs),
            &encode(SEQUENCE, &encode(OID, ECDSA_SHA256)),
            &encode(OCTET_STRING, sig.as_bytes()),
        ]),
    );
    let certs = if spec.embedded.is_empty() {
        Vec::new()
    } else {
        encode(0xa0, &spec.embedded.concat())
    };
    let signed_data = encode(
        SEQUENCE,
        &cat(&[
            &encode(INTEGER, &[3]),
            &encode(SET, &sha256_alg),
            &encode(
                SEQUENCE,
                &cat(&[
                    &encode(OID, TST_INFO),
                    &encode(0xa0, &encode(OCTET_STRING, &tst_info)),
                ]),
            ),
            &certs,
            &encode(SET, &signer_info),
        ]),
    );
    let content_info = encode(
        SEQUENCE,
        &cat(&[
            &encode(OID, b"\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02"),
            &encode(0xa0, &signed_data),
        ]),
    );
    let status = encode(SEQUENCE, &encode(INTEGER, &[spec.status]));
    encode(SEQUENCE, &cat(&[&status, &content_info]))
}

/// The Fulcio extensions of a signing certificate: a URI SAN and the OIDC issuer (v2).
pub(crate) fn fulcio_extensions(identity: &str, issuer: &str) -> Vec<Vec<u8>> {
    let san = encode(SEQUENCE, &encode(0x86, identity.as_bytes()));
    alloc::vec![
        extension(&[0x55, 0x1d, 0x11], true, &san),
        extension(
            &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, 0x08],
            false,
            &encode(0x0c, issuer.as_bytes()),
        ),
    ]
}
