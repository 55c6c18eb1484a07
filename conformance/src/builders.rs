//! Small builders for the core's unit tests (`sigverify`'s `cfg(test)` code re-exports them
//! as `crate::testing`): certificates and RFC 3161 tokens signed with fixed P-256 keys, so a
//! unit test can tamper with one field at a time. Signing lives only in this crate; the core
//! stays verification-only. The builders return bytes, so the two builds of `sigverify` that a
//! core test links (the crate under test, and the one this crate depends on) never meet.

use p256::ecdsa::DerSignature;
use p256::ecdsa::SigningKey;
use p256::ecdsa::signature::Signer as _;
use p256::pkcs8::EncodePublicKey as _;

use crate::generator::der::BOOLEAN;
use crate::generator::der::GENERALIZED_TIME;
use crate::generator::der::INTEGER;
use crate::generator::der::OCTET_STRING;
use crate::generator::der::OID;
use crate::generator::der::SEQUENCE;
use crate::generator::der::SET;
use crate::generator::der::tlv;
use crate::generator::der::utc_time;
use crate::generator::pki::sha256;

/// ecdsa-with-SHA256 (1.2.840.10045.4.3.2).
const ECDSA_SHA256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
/// sha256 (2.16.840.1.101.3.4.2.1), content octets.
pub const SHA256: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
/// id-ct-TSTInfo (1.2.840.113549.1.9.16.1.4), content octets.
pub const TST_INFO: &[u8] = b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x01\x04";

/// The P-256 key whose scalar is 32 bytes of `seed`.
// Every seed from 1 to 0xfe gives a valid scalar; a failure is a bug in the calling test.
#[allow(clippy::expect_used)]
pub fn key(seed: u8) -> SigningKey {
    SigningKey::from_slice(&[seed; 32]).expect("seed 1..=0xfe is a valid P-256 scalar")
}

/// The DER SubjectPublicKeyInfo of `key`.
pub fn spki(key: &SigningKey) -> Vec<u8> {
    key.verifying_key()
        .to_public_key_der()
        .map(|d| d.as_bytes().to_vec())
        .unwrap_or_default()
}

/// A Name of one commonName (UTF8String).
pub fn name(cn: &str) -> Vec<u8> {
    let atv = tlv(
        SEQUENCE,
        &[tlv(OID, &[0x55, 0x04, 0x03]), tlv(0x0c, cn.as_bytes())].concat(),
    );
    tlv(SEQUENCE, &tlv(SET, &atv))
}

/// One Extension; `oid` is the OID's content octets.
pub fn extension(oid: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
    let crit = if critical {
        tlv(BOOLEAN, &[0xff])
    } else {
        Vec::new()
    };
    tlv(
        SEQUENCE,
        &[tlv(OID, oid), crit, tlv(OCTET_STRING, value)].concat(),
    )
}

/// What a test certificate is for.
#[derive(Clone, Copy, Debug)]
pub enum Role {
    /// A CA: basicConstraints CA, keyCertSign + cRLSign.
    Ca,
    /// A TSA leaf: timeStamping EKU, digitalSignature.
    TimeStamping,
    /// A Fulcio leaf: codeSigning EKU, digitalSignature.
    CodeSigning,
}

/// A certificate for `subject_key`, signed by `issuer_key`.
// One argument per TBS field a test varies; a spec struct would only rename them.
#[allow(clippy::too_many_arguments)]
pub fn cert(
    subject: &str,
    subject_key: &SigningKey,
    issuer: &str,
    issuer_key: &SigningKey,
    serial: u8,
    validity: (u64, u64),
    role: Role,
    extra: &[Vec<u8>],
) -> Vec<u8> {
    let alg = tlv(SEQUENCE, &tlv(OID, ECDSA_SHA256));
    let mut exts = Vec::new();
    match role {
        Role::Ca => {
            exts.extend(extension(
                &[0x55, 0x1d, 0x13],
                true,
                &tlv(SEQUENCE, &tlv(BOOLEAN, &[0xff])),
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
            let eku = tlv(
                SEQUENCE,
                &tlv(OID, &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, kp]),
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
    let tbs = tlv(
        SEQUENCE,
        &[
            tlv(0xa0, &tlv(INTEGER, &[2])),
            tlv(INTEGER, &[serial]),
            alg.clone(),
            name(issuer),
            tlv(
                SEQUENCE,
                &[utc_time(validity.0), utc_time(validity.1)].concat(),
            ),
            name(subject),
            spki(subject_key),
            tlv(0xa3, &tlv(SEQUENCE, &exts)),
        ]
        .concat(),
    );
    let sig: DerSignature = issuer_key.sign(&tbs);
    let mut bits = vec![0u8];
    bits.extend_from_slice(sig.as_bytes());
    tlv(SEQUENCE, &[tbs, alg, tlv(0x03, &bits)].concat())
}

/// The parts of an RFC 3161 token a test may tamper with.
#[derive(Debug)]
pub struct TokenSpec<'a> {
    /// What the message imprint hashes.
    pub signed_over: &'a [u8],
    /// genTime, GeneralizedTime text.
    pub gen_time: &'a str,
    /// The signing key.
    pub tsa_key: &'a SigningKey,
    /// The signer's issuer commonName (SignerIdentifier).
    pub tsa_issuer: &'a str,
    /// The signer's serial (SignerIdentifier).
    pub tsa_serial: u8,
    /// Certificates embedded in the SignedData.
    pub embedded: &'a [Vec<u8>],
    /// The content-type attribute (OID content octets).
    pub content_type: &'a [u8],
    /// Flip a bit of the message-digest attribute.
    pub tamper_digest_attr: bool,
    /// PKIStatus.
    pub status: u8,
}

/// A TimeStampResp carrying a TimeStampToken as the spec describes.
pub fn token(spec: &TokenSpec<'_>) -> Vec<u8> {
    let sha256_alg = tlv(SEQUENCE, &tlv(OID, SHA256));
    let imprint = tlv(
        SEQUENCE,
        &[
            sha256_alg.clone(),
            tlv(OCTET_STRING, &sha256(spec.signed_over)),
        ]
        .concat(),
    );
    let tst_info = tlv(
        SEQUENCE,
        &[
            tlv(INTEGER, &[1]),
            tlv(OID, &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x02]),
            imprint,
            tlv(INTEGER, &[0x42]),
            tlv(GENERALIZED_TIME, spec.gen_time.as_bytes()),
        ]
        .concat(),
    );
    let mut digest = sha256(&tst_info);
    if spec.tamper_digest_attr {
        if let Some(b) = digest.first_mut() {
            *b ^= 1;
        }
    }
    let attr =
        |oid: &[u8], value: Vec<u8>| tlv(SEQUENCE, &[tlv(OID, oid), tlv(SET, &value)].concat());
    let attrs = [
        attr(
            b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x03",
            tlv(OID, spec.content_type),
        ),
        attr(
            b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x04",
            tlv(OCTET_STRING, &digest),
        ),
    ]
    .concat();
    let sig: DerSignature = spec.tsa_key.sign(&tlv(SET, &attrs));
    let sid = tlv(
        SEQUENCE,
        &[name(spec.tsa_issuer), tlv(INTEGER, &[spec.tsa_serial])].concat(),
    );
    let signer_info = tlv(
        SEQUENCE,
        &[
            tlv(INTEGER, &[1]),
            sid,
            sha256_alg.clone(),
            tlv(0xa0, &attrs),
            tlv(SEQUENCE, &tlv(OID, ECDSA_SHA256)),
            tlv(OCTET_STRING, sig.as_bytes()),
        ]
        .concat(),
    );
    let certs = if spec.embedded.is_empty() {
        Vec::new()
    } else {
        tlv(0xa0, &spec.embedded.concat())
    };
    let signed_data = tlv(
        SEQUENCE,
        &[
            tlv(INTEGER, &[3]),
            tlv(SET, &sha256_alg),
            tlv(
                SEQUENCE,
                &[tlv(OID, TST_INFO), tlv(0xa0, &tlv(OCTET_STRING, &tst_info))].concat(),
            ),
            certs,
            tlv(SET, &signer_info),
        ]
        .concat(),
    );
    let content_info = tlv(
        SEQUENCE,
        &[
            tlv(OID, b"\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02"),
            tlv(0xa0, &signed_data),
        ]
        .concat(),
    );
    let status = tlv(SEQUENCE, &tlv(INTEGER, &[spec.status]));
    tlv(SEQUENCE, &[status, content_info].concat())
}

/// The Fulcio extensions of a signing certificate: a URI SAN and the OIDC issuer (v2).
pub fn fulcio_extensions(identity: &str, issuer: &str) -> Vec<Vec<u8>> {
    let san = tlv(SEQUENCE, &tlv(0x86, identity.as_bytes()));
    vec![
        extension(&[0x55, 0x1d, 0x11], true, &san),
        extension(
            &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, 0x08],
            false,
            &tlv(0x0c, issuer.as_bytes()),
        ),
    ]
}
